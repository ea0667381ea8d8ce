package dev.driftwatch.engine.rule.anomaly;

/**
 * Additive Holt–Winters smoothing of a series with a season of {@code period} values, started from its first two
 * seasons: level = the first season's mean, trend = (second season's mean − first season's mean) / period, the
 * seasonal offsets = the first season's values less that level. From value {@code period} on, each value is
 * forecast one step ahead (level + trend + offset of one season back) and then updates the state:
 * level ← α(x − offset) + (1 − α)(level + trend), trend ← β(Δlevel) + (1 − β)trend, offset ← γ(x − level) + (1 − γ)offset.
 */
record HoltWinters(double alpha, double beta, double gamma, int period) {
    /** The one-step forecast of the value after the series, and the root mean square of its one-step errors. */
    Forecast forecast(double[] series) {
        double first = mean(series, 0);
        double level = first;
        double trend = (mean(series, period) - first) / period;
        double[] offsets = new double[series.length + 1];
        for (int i = 0; i < period; i++) {
            offsets[i] = series[i] - first;
        }
        double squares = 0;
        for (int t = period; t < series.length; t++) {
            double error = series[t] - (level + trend + offsets[t - period]);
            squares += error * error;
            double lastLevel = level;
            level = alpha * (series[t] - offsets[t - period]) + (1 - alpha) * (level + trend);
            trend = beta * (level - lastLevel) + (1 - beta) * trend;
            offsets[t] = gamma * (series[t] - level) + (1 - gamma) * offsets[t - period];
        }
        int steps = series.length - period;
        return new Forecast(level + trend + offsets[series.length - period], Math.sqrt(squares / steps), squares);
    }

    private double mean(double[] series, int from) {
        double sum = 0;
        for (int i = from; i < from + period; i++) {
            sum += series[i];
        }
        return sum / period;
    }

    /** @param value the forecast; @param rmse the one-step errors' root mean square; @param squares their sum of squares */
    record Forecast(double value, double rmse, double squares) {
    }
}
