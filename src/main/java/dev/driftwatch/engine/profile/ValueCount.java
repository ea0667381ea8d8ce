package dev.driftwatch.engine.profile;

/** A value and how many rows hold it (an estimate when the profile says so). */
public record ValueCount(String value, long count) {
}
