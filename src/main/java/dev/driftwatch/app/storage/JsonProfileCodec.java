package dev.driftwatch.app.storage;

import dev.driftwatch.engine.profile.SnapshotProfile;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The interim {@link ProfileCodec}: the profile's JSON summary as UTF-8 bytes, read back with
 * Jackson. It keeps what the summary keeps (no sketches), which is all the current rules compare.
 */
@Singleton
public class JsonProfileCodec implements ProfileCodec {
    @Override
    public String name() {
        return "json-v1";
    }

    @Override
    public byte[] encode(SnapshotProfile profile) {
        return StoredJson.write(profile).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public SnapshotProfile decode(byte[] state) {
        try {
            return StoredJson.MAPPER.readValue(state, SnapshotProfile.class);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read a stored json-v1 profile", e);
        }
    }
}
