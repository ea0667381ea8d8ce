-- Which measurement of its rule a result is (drift method, unseen-tags check); null for single-measure rules.
ALTER TABLE rule_results ADD COLUMN check_name VARCHAR(64);
