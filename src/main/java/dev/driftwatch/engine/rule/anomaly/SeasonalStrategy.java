package dev.driftwatch.engine.rule.anomaly;

import dev.driftwatch.engine.rule.ExpectedRange;
import org.apache.commons.math3.analysis.MultivariateFunction;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;

/**
 * {@code seasonal}: additive Holt–Winters ({@link HoltWinters}) with a season of {@code period} snapshots; the
 * current value is expected within {@code maxZ} root-mean-square one-step errors of the forecast. Smoothing
 * factors not given are fitted to the history (least squares of the one-step errors, Commons Math's BOBYQA within
 * [0, 1]), as Deequ's HoltWinters fits its own. Needs two whole seasons of history.
 *
 * @param period snapshots per season (7 for daily snapshots with a weekly pattern)
 * @param alpha  level smoothing, or null to fit
 * @param beta   trend smoothing, or null to fit
 * @param gamma  seasonal smoothing, or null to fit
 * @param maxZ   errors either side; default 3
 */
public record SeasonalStrategy(int period, Double alpha, Double beta, Double gamma, double maxZ) implements AnomalyStrategy {
    public static final double DEFAULT_MAX_Z = 3;

    public SeasonalStrategy {
        if (period < 2) {
            throw new IllegalArgumentException("period: expected 2 or more but found " + period);
        }
        share(alpha, "alpha");
        share(beta, "beta");
        share(gamma, "gamma");
        if (!(maxZ >= 0)) {
            throw new IllegalArgumentException("max_z: expected 0 or more but found " + maxZ);
        }
    }

    @Override
    public String id() {
        return "seasonal";
    }

    @Override
    public int leastHistory() {
        return 2 * period;
    }

    @Override
    public ExpectedRange expected(double[] history, double current) {
        HoltWinters.Forecast forecast = fitted(history).forecast(history);
        return new ExpectedRange(forecast.value() - maxZ * forecast.rmse(), forecast.value() + maxZ * forecast.rmse());
    }

    /** The model with the given factors and the others fitted to {@code history}. */
    HoltWinters fitted(double[] history) {
        if (alpha != null && beta != null && gamma != null) {
            return new HoltWinters(alpha, beta, gamma, period);
        }
        MultivariateFunction squares = p -> model(p).forecast(history).squares();
        PointValuePair best = new BOBYQAOptimizer(7, 0.1, 1e-6).optimize(new MaxEval(2000), GoalType.MINIMIZE,
                new ObjectiveFunction(squares), new InitialGuess(new double[] {0.5, 0.1, 0.1}),
                new SimpleBounds(new double[] {0, 0, 0}, new double[] {1, 1, 1}));
        return model(best.getPoint());
    }

    private HoltWinters model(double[] guess) {
        return new HoltWinters(alpha != null ? alpha : guess[0], beta != null ? beta : guess[1],
                gamma != null ? gamma : guess[2], period);
    }

    private static void share(Double value, String key) {
        if (value != null && !(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(key + ": expected a factor between 0 and 1 but found " + value);
        }
    }
}
