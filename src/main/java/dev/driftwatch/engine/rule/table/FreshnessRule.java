package dev.driftwatch.engine.rule.table;

import dev.driftwatch.engine.data.Row;
import dev.driftwatch.engine.dataset.DatasetDefinition;
import dev.driftwatch.engine.rule.EvaluationContext;
import dev.driftwatch.engine.rule.Evidence;
import dev.driftwatch.engine.rule.MergeableRowCheck;
import dev.driftwatch.engine.rule.Rule;
import dev.driftwatch.engine.rule.RuleResult;
import dev.driftwatch.engine.rule.Severity;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoField;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code freshness}: the data is at most {@code maxAge} old at evaluation time. The age is measured
 * from the newest value of a timestamp {@code column} (ISO dates and date-times, or epoch milliseconds),
 * or, without a column, from the newest modification time of the snapshot's files.
 */
public record FreshnessRule(String name, Severity severity, Duration maxAge, String column) implements Rule {
    public FreshnessRule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(maxAge, "max_age");
        if (maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("max_age: expected a positive duration but found " + maxAge);
        }
    }

    @Override
    public String kind() {
        return "freshness";
    }

    @Override
    public Optional<RowCheck> newRowCheck(DatasetDefinition dataset) {
        return column == null ? Optional.empty() : Optional.of(new Newest(column));
    }

    @Override
    public List<RuleResult> evaluate(EvaluationContext context, RowCheck rowCheck) {
        Instant newest;
        String source;
        if (column == null) {
            newest = context.snapshot().provenance().modifiedAt();
            source = "its newest file";
            if (newest == null) {
                return List.of(RuleResult.error(this, null, null, "the snapshot's files carry no modification time"));
            }
        } else {
            Newest seen = (Newest) rowCheck;
            if (seen.newest == null) {
                return List.of(RuleResult.error(this, column, null, "expected dates or times in column '" + column
                        + "' but found none that parse" + (seen.unparsed > 0 ? " (" + seen.unparsed + " values did not)" : "")));
            }
            newest = seen.newest;
            source = "its newest " + column + " (" + newest + ")";
        }
        Duration age = Duration.between(newest, context.now());
        boolean stale = age.compareTo(maxAge) > 0;
        String message = "The snapshot is " + human(age) + " old by " + source
                + (stale ? "; at most " + human(maxAge) + " allowed." : "; within " + human(maxAge) + ".");
        return List.of(RuleResult.judged(this, stale, column, null, (double) age.toSeconds(), (double) maxAge.toSeconds(),
                message, List.of()));
    }

    static String human(Duration d) {
        long seconds = Math.abs(d.toSeconds());
        if (seconds >= 86_400) {
            return (seconds / 86_400) + " days";
        }
        if (seconds >= 3_600) {
            return (seconds / 3_600) + " hours";
        }
        return seconds >= 60 ? (seconds / 60) + " minutes" : seconds + " seconds";
    }

    /** Parses ISO dates, ISO date-times (with or without offset, 'T' or space) and epoch milliseconds. */
    static Optional<Instant> parse(String text) {
        String t = text.strip();
        try {
            long plain = plainUtcSeconds(t);
            if (plain != NOT_PLAIN) {
                return Optional.of(Instant.ofEpochSecond(plain));
            }
            if (EPOCH_MILLIS.matcher(t).matches()) {
                return Optional.of(Instant.ofEpochMilli(Long.parseLong(t)));
            }
            if (t.length() == 10) {
                return Optional.of(LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant());
            }
            String iso = t.replace(' ', 'T');
            if (iso.endsWith("Z") || OFFSET.matcher(iso).matches()) {
                return Optional.of(OffsetDateTime.parse(iso).toInstant());
            }
            return Optional.of(LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC));
        } catch (DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static final long NOT_PLAIN = Long.MIN_VALUE;
    private static final int[] PLAIN_DIGITS = {0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18};

    /**
     * The epoch second of {@code 2024-07-14T17:21:29Z} (or with a space for the T), the common form, read without a
     * formatter; {@link #NOT_PLAIN} for text of any other form. The date and time are checked as the ISO formatter
     * checks them ({@link LocalDateTime#of} refuses what it refuses).
     *
     * @throws DateTimeException for a date or time that does not exist (month 13, February 30, hour 24)
     */
    private static long plainUtcSeconds(String t) {
        if (!isPlainUtc(t)) {
            return NOT_PLAIN;
        }
        int hour = digits(t, 11, 13);
        int minute = digits(t, 14, 16);
        int second = digits(t, 17, 19);
        ChronoField.HOUR_OF_DAY.checkValidValue(hour);
        ChronoField.MINUTE_OF_HOUR.checkValidValue(minute);
        ChronoField.SECOND_OF_MINUTE.checkValidValue(second);
        long day = LocalDate.of(digits(t, 0, 4), digits(t, 5, 7), digits(t, 8, 10)).toEpochDay();
        return day * 86_400 + hour * 3_600 + minute * 60 + second;
    }

    private static boolean isPlainUtc(String t) {
        if (t.length() != 20 || t.charAt(4) != '-' || t.charAt(7) != '-' || (t.charAt(10) != 'T' && t.charAt(10) != ' ')
                || t.charAt(13) != ':' || t.charAt(16) != ':' || t.charAt(19) != 'Z') {
            return false;
        }
        for (int i : PLAIN_DIGITS) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static int digits(String t, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            value = value * 10 + (t.charAt(i) - '0');
        }
        return value;
    }

    private static final Pattern EPOCH_MILLIS = Pattern.compile("\\d{11,13}");
    private static final Pattern OFFSET = Pattern.compile(".*[+-]\\d{2}:?\\d{2}$");

    /** The newest time in the column, and how many values did not parse. */
    private static final class Newest implements MergeableRowCheck {
        private final String column;
        Instant newest;
        long unparsed;

        Newest(String column) {
            this.column = column;
        }

        @Override
        public void accept(Row row) {
            String text = row.text(column);
            if (text == null || text.isBlank()) {
                return;
            }
            long plain;
            try {
                plain = plainUtcSeconds(text.strip());
            } catch (DateTimeException e) {
                unparsed++;
                return;
            }
            if (plain != NOT_PLAIN) {
                // a plain UTC time has no fraction of a second: it is later only by a whole second
                if (newest == null || plain > newest.getEpochSecond()) {
                    newest = Instant.ofEpochSecond(plain);
                }
                return;
            }
            Optional<Instant> at = parse(text);
            if (at.isEmpty()) {
                unparsed++;
            } else if (newest == null || at.get().isAfter(newest)) {
                newest = at.get();
            }
        }

        @Override
        public void merge(MergeableRowCheck other, Comparator<Evidence> order) {
            Newest part = (Newest) other;
            unparsed += part.unparsed;
            if (part.newest != null && (newest == null || part.newest.isAfter(newest))) {
                newest = part.newest;
            }
        }
    }
}
