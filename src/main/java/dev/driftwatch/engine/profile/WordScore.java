package dev.driftwatch.engine.profile;

/**
 * How distinctive a word is for a tag: the log-odds ratio of the word in rows with the tag against
 * all other rows, with an informative Dirichlet prior (Monroe, Colaresi and Quinn 2008), and its z-score.
 *
 * @param word     the word (lower case)
 * @param logOdds  the smoothed log-odds ratio (tag vs rest)
 * @param zScore   logOdds over its estimated standard deviation; above about 2 is distinctive
 * @param inTag    occurrences of the word in the inputs of rows with the tag
 */
public record WordScore(String word, double logOdds, double zScore, long inTag) {
}
