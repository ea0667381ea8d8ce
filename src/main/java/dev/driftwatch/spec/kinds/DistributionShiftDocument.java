package dev.driftwatch.spec.kinds;

import dev.driftwatch.engine.rule.Rule;
import dev.driftwatch.engine.rule.drift.DistributionShiftRule;
import dev.driftwatch.engine.rule.drift.DriftMethod;
import dev.driftwatch.spec.RuleDocument;
import java.util.List;

/**
 * {@code kind: distribution_shift}; see {@link DistributionShiftRule}. Defaults: every numeric, categorical,
 * text, label and tags column; method by type and reference size (ks/chi2 up to small_sample = 1000 rows,
 * wasserstein/js above); thresholds ks 0.05 and chi2 0.05 (false-discovery rate), wasserstein 0.1, psi 0.2,
 * js 0.1; fdr 0.05; max_oov_rate 0.2; max_evidence 10.
 */
public record DistributionShiftDocument(String name, String severity, List<String> columns, String method,
                                        Double threshold, Double fdr, Long smallSample, Double maxOovRate,
                                        Integer maxEvidence)
        implements RuleDocument {
    @Override
    public Rule toRule() {
        DriftMethod parsed;
        try {
            parsed = method == null ? null : DriftMethod.of(method);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("method: " + e.getMessage());
        }
        return Defaults.limited(new DistributionShiftRule(name, Severities.of(severity), columns, parsed, threshold,
                fdr == null ? 0.05 : fdr, smallSample == null ? 1000 : smallSample, maxOovRate == null ? 0.2 : maxOovRate),
                maxEvidence);
    }
}
