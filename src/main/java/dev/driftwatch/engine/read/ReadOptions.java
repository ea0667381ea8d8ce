package dev.driftwatch.engine.read;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How to read delimited text (csv, tsv) when the file does not say it all. JSON objects name their own keys,
 * JSON values carry no padding, quotes or separators, so none of these options applies to them.
 *
 * @param header       the column names of files that have no header row (their first line is data);
 *                     null when the first line names the columns
 * @param trimValues   strip leading and trailing white space from every value (UCI Adult writes ", " between values)
 * @param delimiter    the character between fields; null for the format's own: ',' for csv, TAB for tsv
 * @param quote        the character that quotes a field, {@value #NO_QUOTE} for none, or null for the format's own:
 *                     '"' for csv, none for tsv (IANA text/tab-separated-values has no quoting)
 * @param listColumn   a column whose values are lists written as one string (the tags column), or null
 * @param fieldLimits  how far one field may run before its record counts as unreadable; never null
 * @param limits       how long a line, how many columns and how many decompressed bytes a snapshot may have, in
 *                     every format; never null
 */
public record ReadOptions(List<String> header, boolean trimValues, Character delimiter, String quote,
                          ListColumn listColumn, FieldLimits fieldLimits, ReadLimits limits) {
    /** The rules-file value of {@code quote:} that turns quoting off. */
    public static final String NO_QUOTE = "none";
    /** A header row, and values as written. */
    public static final ReadOptions AS_WRITTEN = new ReadOptions(null, false);

    public ReadOptions {
        if (header != null) {
            requireNames(header);
            header = List.copyOf(header);
        }
        if (delimiter != null && (delimiter == '\n' || delimiter == '\r' || Character.isSurrogate(delimiter))) {
            throw new IllegalArgumentException("delimiter: expected a character such as \";\" or \"\\t\" but found "
                    + CharacterNames.quoted(delimiter));
        }
        if (quote != null && !quote.equals(NO_QUOTE)) {
            if (quote.length() != 1 || quote.charAt(0) == '\n' || quote.charAt(0) == '\r' || Character.isSurrogate(quote.charAt(0))) {
                throw new IllegalArgumentException("quote: expected one character, such as '\"', or none but found '" + quote + "'");
            }
            if (delimiter != null && quote.charAt(0) == delimiter) {
                throw new IllegalArgumentException("quote: expected a character other than the delimiter "
                        + CharacterNames.quoted(delimiter) + " but found " + CharacterNames.quoted(delimiter));
            }
        }
        fieldLimits = fieldLimits == null ? FieldLimits.DEFAULT : fieldLimits;
        limits = limits == null ? ReadLimits.DEFAULT : limits;
        if (header != null && header.size() > limits.maxColumns()) {
            throw new IllegalArgumentException("header: " + limits.tooManyColumns(header.size() + " names"));
        }
    }

    /** Options with the default {@link ReadLimits}. */
    public ReadOptions(List<String> header, boolean trimValues, Character delimiter, String quote,
                       ListColumn listColumn, FieldLimits fieldLimits) {
        this(header, trimValues, delimiter, quote, listColumn, fieldLimits, null);
    }

    /** Options with a header (or null for a header row) and trimming; every other option the format's own. */
    public ReadOptions(List<String> header, boolean trimValues) {
        this(header, trimValues, null, null, null, null);
    }

    public ReadOptions withDelimiter(char newDelimiter) {
        return new ReadOptions(header, trimValues, newDelimiter, quote, listColumn, fieldLimits, limits);
    }

    /** @param newQuote one character, or {@value #NO_QUOTE} */
    public ReadOptions withQuote(String newQuote) {
        return new ReadOptions(header, trimValues, delimiter, newQuote, listColumn, fieldLimits, limits);
    }

    public ReadOptions withListColumn(ListColumn newListColumn) {
        return new ReadOptions(header, trimValues, delimiter, quote, newListColumn, fieldLimits, limits);
    }

    public ReadOptions withFieldLimits(FieldLimits newLimits) {
        return new ReadOptions(header, trimValues, delimiter, quote, listColumn, newLimits, limits);
    }

    public ReadOptions withLimits(ReadLimits newLimits) {
        return new ReadOptions(header, trimValues, delimiter, quote, listColumn, fieldLimits, newLimits);
    }

    /** The delimiter of a csv or tsv file: the declared one, else the format's own. */
    public char delimiterFor(Format format) {
        return delimiter != null ? delimiter : format == Format.TSV ? '\t' : ',';
    }

    /** The quote character of a csv or tsv file, or -1 when fields are not quoted. */
    public int quoteFor(Format format) {
        if (quote == null) {
            return format == Format.TSV ? -1 : '"';
        }
        return quote.equals(NO_QUOTE) ? -1 : quote.charAt(0);
    }

    /**
     * @throws IllegalArgumentException naming the option (as a rules-file key) that the format cannot honour
     */
    public void requireApplicableTo(Format format) {
        if (format.delimited()) {
            if (delimiterFor(format) == quoteFor(format)) {
                throw new IllegalArgumentException("delimiter: expected a character other than the quote "
                        + CharacterNames.quoted(delimiterFor(format)) + " but found " + CharacterNames.quoted(delimiterFor(format))
                        + "; declare quote: with another character, or none");
            }
            return;
        }
        String found = format.name().toLowerCase(Locale.ROOT);
        refuse("header", header != null, found, "a JSON object names its own keys");
        refuse("trim_values", trimValues, found, "JSON values are read as written");
        refuse("delimiter", delimiter != null, found, "JSON has no delimiter to choose");
        refuse("quote", quote != null, found, "JSON has no quote to choose");
        refuse("list_separator", listColumn != null, found, "a JSON array is a list already");
        refuse("max_field_lines", fieldLimits.maxLines() != FieldLimits.DEFAULT.maxLines(), found, "JSON values are read as written");
        refuse("max_field_bytes", fieldLimits.maxBytes() != FieldLimits.DEFAULT.maxBytes(), found, "JSON values are read as written");
    }

    private static void refuse(String key, boolean declared, String found, String why) {
        if (declared) {
            throw new IllegalArgumentException(key + ": expected format csv or tsv but found " + found + " (" + why + ")");
        }
    }

    private static void requireNames(List<String> header) {
        if (header.isEmpty()) {
            throw new IllegalArgumentException("header: expected at least one column name but found an empty list");
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i);
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("header[" + i + "]: expected a column name but found an empty one");
            }
            if (!names.add(name)) {
                throw new IllegalArgumentException("header[" + i + "]: expected unique column names but '" + name
                        + "' is named twice");
            }
        }
    }
}
