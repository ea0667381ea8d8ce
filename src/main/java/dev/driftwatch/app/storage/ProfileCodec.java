package dev.driftwatch.app.storage;

import dev.driftwatch.engine.profile.SnapshotProfile;

/**
 * Turns a profile into the bytes stored with its run and back, so a later run can use it as its
 * reference. HOOK for the profile work (issue 3): when the engine's mergeable accumulators gain a
 * byte codec ({@code toByteArray}/{@code heapify}), provide a bean of this type that uses it, annotated
 * {@code @Replaces(JsonProfileCodec.class)}, with a new {@link #name()}; stored rows keep the name of the
 * codec that wrote them, and a row written by another codec is not decoded. Implementations are thread-safe.
 */
public interface ProfileCodec {
    /** A stable name stored beside the bytes, e.g. {@code json-v1}. */
    String name();

    byte[] encode(SnapshotProfile profile);

    /** @throws RuntimeException when the bytes are not a profile written by this codec */
    SnapshotProfile decode(byte[] state);
}
