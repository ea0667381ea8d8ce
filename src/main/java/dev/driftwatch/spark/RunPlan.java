package dev.driftwatch.spark;

import dev.driftwatch.engine.profile.ProfileRequest;
import dev.driftwatch.engine.rule.Rule;
import dev.driftwatch.engine.vocabulary.VocabularyLookup;
import dev.driftwatch.spec.RulesFile;
import dev.driftwatch.spec.RulesFileLoader;
import java.io.Serializable;
import java.nio.file.Path;

/**
 * What executors need to judge rows as the driver does: the rules file and the snapshot's location (the tag
 * vocabulary is found from it). Each executor loads them itself, so the plan stays two paths; on a cluster both must
 * be readable at the same path on every node.
 */
record RunPlan(String rulesFile, String snapshotLocation) implements Serializable {

    Loaded load() {
        RulesFile file = new RulesFileLoader().load(Path.of(rulesFile));
        VocabularyLookup vocabulary = VocabularyLookup.of(file.dataset().vocabulary(), Path.of(snapshotLocation));
        ProfileRequest.Builder request = ProfileRequest.builder(file.dataset().columns())
                .exactValuesLimit(file.dataset().exactValuesLimit());
        vocabulary.vocabulary().ifPresent(request::vocabulary);
        file.rules().forEach(rule -> rule.declare(request));
        return new Loaded(file, vocabulary, request.build());
    }

    /** The rules file, the tag vocabulary and the profile request of a run, as the local engine builds them. */
    record Loaded(RulesFile file, VocabularyLookup vocabulary, ProfileRequest request) {
        Rule rule(int index) {
            return file.rules().get(index);
        }
    }
}
