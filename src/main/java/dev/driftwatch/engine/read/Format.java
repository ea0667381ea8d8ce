package dev.driftwatch.engine.read;

import dev.driftwatch.engine.read.parquet.ParquetRowReader;
import java.util.Locale;

/**
 * The file formats a snapshot can be written in; each knows its reader. Gzip is accepted for all but Parquet,
 * which compresses its own pages.
 */
public enum Format {
    CSV,
    TSV,
    JSON,
    JSONL,
    PARQUET;

    /** The reader of files with a header row (csv, tsv), the format's own delimiter and quote, values as written. */
    public RowReader reader() {
        return reader(ReadOptions.AS_WRITTEN);
    }

    /**
     * @throws IllegalArgumentException naming the option (as a rules-file key) when the format cannot honour
     *                                  it: every option but the defaults is for csv and tsv only
     */
    public RowReader reader(ReadOptions options) {
        options.requireApplicableTo(this);
        return switch (this) {
            case CSV, TSV -> new CsvRowReader(options.delimiterFor(this), options.quoteFor(this), options);
            case JSON -> new JsonArrayRowReader(options.limits());
            case JSONL -> new JsonLinesRowReader(options.limits());
            case PARQUET -> new ParquetRowReader();
        };
    }

    /** Whether values are separated by a delimiter (csv, tsv), so that {@link ReadOptions} apply. */
    public boolean delimited() {
        return this == CSV || this == TSV;
    }

    /**
     * The format of a file by its name ({@code .csv}, {@code .tsv}, {@code .json}, {@code .jsonl}, each optionally
     * {@code .gz}; {@code .parquet}).
     */
    public static Format ofFileName(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".parquet")) {
            return PARQUET;
        }
        if (name.endsWith(".parquet.gz")) {
            throw new IllegalArgumentException("expected a .parquet file as written (Parquet compresses its own pages) but found "
                    + fileName);
        }
        if (name.endsWith(".gz")) {
            name = name.substring(0, name.length() - 3);
        }
        if (name.endsWith(".csv")) {
            return CSV;
        }
        if (name.endsWith(".tsv") || name.endsWith(".tab")) {
            return TSV;
        }
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
            return JSONL;
        }
        if (name.endsWith(".json")) {
            return JSON;
        }
        throw new IllegalArgumentException(
                "expected a file ending in .csv, .tsv, .json or .jsonl (optionally .gz), or .parquet, but found " + fileName);
    }

    public static Format of(String name) {
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("expected one of csv, tsv, json, jsonl, parquet but found " + name);
        }
    }
}
