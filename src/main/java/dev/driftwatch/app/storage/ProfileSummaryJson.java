package dev.driftwatch.app.storage;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.introspect.DefaultAccessorNamingStrategy;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import dev.driftwatch.engine.profile.SnapshotProfile;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The JSON summary of a profile, for people and the API: every public no-argument accessor of the
 * engine's profile types ({@code splits}, {@code rows}, {@code columns}, {@code missingRatio}, ...),
 * named as the accessor. The engine needs no annotations for it. NaN is written as the string
 * {@code "NaN"}. Thread-safe.
 */
final class ProfileSummaryJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .accessorNaming(new DefaultAccessorNamingStrategy.Provider().withGetterPrefix("").withIsGetterPrefix(""))
            .addModule(new Jdk8Module())
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .build();

    private ProfileSummaryJson() {
    }

    static String of(SnapshotProfile profile) {
        try {
            return MAPPER.writeValueAsString(profile);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the profile summary as JSON", e);
        }
    }
}
