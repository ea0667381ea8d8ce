-- What a distribution_shift result measured, each quantity under its own name (the method is check_name):
-- the statistic, the p-value and Benjamini-Hochberg adjusted p-value of a test (ks, chi2), the distance
-- (effect size, higher meaning more drift), whether it was computed from exact values, and an estimate's error bound.
ALTER TABLE rule_results ADD COLUMN drift_statistic DOUBLE PRECISION;
ALTER TABLE rule_results ADD COLUMN drift_p_value DOUBLE PRECISION;
ALTER TABLE rule_results ADD COLUMN drift_adjusted_p_value DOUBLE PRECISION;
ALTER TABLE rule_results ADD COLUMN drift_distance DOUBLE PRECISION;
ALTER TABLE rule_results ADD COLUMN drift_exact BOOLEAN;
ALTER TABLE rule_results ADD COLUMN drift_error DOUBLE PRECISION;
-- Before, a ks or chi2 result observed its adjusted p-value (lower meaning more drift). It now observes 1 - that
-- value against 1 - the false-discovery rate, so that higher means more drift in every stored result; the stored
-- history follows, and keeps its p-value as the adjusted p-value it was.
UPDATE rule_results SET drift_adjusted_p_value = observed, observed = 1 - observed, threshold = 1 - threshold
    WHERE kind = 'distribution_shift' AND check_name IN ('ks', 'chi2') AND observed IS NOT NULL;
