-- Where an anomaly result's strategy expected the value, so the expected-range gauges come back after a restart:
-- each end, NULL when unbounded (a change strategy with one bound); both NULL for results of other kinds.
ALTER TABLE rule_results ADD COLUMN expected_lower DOUBLE PRECISION;
ALTER TABLE rule_results ADD COLUMN expected_upper DOUBLE PRECISION;
