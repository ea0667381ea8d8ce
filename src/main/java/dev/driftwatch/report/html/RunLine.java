package dev.driftwatch.report.html;

import java.time.Instant;

/**
 * One stored run, as the dataset page lists it.
 *
 * @param outcome    the worst rule status, or null when the run did not succeed
 * @param status     {@code running}, {@code succeeded} or {@code failed}
 * @param finishedAt null while running
 * @param error      why it failed, or null
 */
public record RunLine(long id, String snapshot, String trigger, String status, String outcome, boolean blocksGate,
                      Instant startedAt, Instant finishedAt, String error) {
}
