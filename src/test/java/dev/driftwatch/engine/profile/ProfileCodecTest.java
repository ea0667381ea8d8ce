package dev.driftwatch.engine.profile;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.driftwatch.engine.dataset.ColumnRoles;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Profile bytes that were cut short or altered are refused with an {@link IllegalArgumentException}, never read. */
class ProfileCodecTest {
    private static final ColumnRoles ROLES = new ColumnRoles("id", List.of("title"), null, "tags", List.of("amount"),
            List.of("country"), List.of(), List.of(), Map.of());
    private final byte[] stored = ProfileCodec.toBytes(
            new Profiler(2).profile(ProfileRows.generated(2_000, 3), ProfileRequest.builder(ROLES).build(), null));

    @Test
    void bytesCutShortAreRefused() {
        for (int length = 0; length < stored.length; length += length < 64 || length > stored.length - 64 ? 1 : 97) {
            byte[] cut = Arrays.copyOf(stored, length);
            assertThatThrownBy(() -> ProfileCodec.fromBytes(cut)).as("%d of %d bytes", length, stored.length)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("expected a profile");
        }
    }

    @Test
    void anAlteredByteIsRefused() {
        var random = new Random(5);
        for (int i = 0; i < 2_000; i++) {
            byte[] altered = stored.clone();
            int position = 8 + random.nextInt(stored.length - 8);
            altered[position] ^= (byte) (1 + random.nextInt(255));
            assertThatThrownBy(() -> ProfileCodec.fromBytes(altered)).as("byte %d altered", position)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("checksum matches its bytes but found " + stored.length + " bytes");
        }
    }
}
