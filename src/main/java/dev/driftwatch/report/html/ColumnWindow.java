package dev.driftwatch.report.html;

import static dev.driftwatch.report.html.Html.escape;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The columns one page of a run's report shows, so that the report of a dataset with thousands of columns stays a
 * page a browser opens: columns in profile order, {@code size} a page. A result or chart of a column outside the
 * window is left to its page; one without a column, or of a column the profile does not list, is on every page.
 *
 * Immutable; thread-safe.
 */
public final class ColumnWindow {
    private final List<String> all;
    private final int page;
    private final int size;
    private final Set<String> known;
    private final Set<String> shown;

    /**
     * @param all  every column of the profile, in order
     * @param page the page shown, from 1
     * @param size columns a page, at least 1
     * @throws IllegalArgumentException for a page that does not exist
     */
    public ColumnWindow(List<String> all, int page, int size) {
        this.all = List.copyOf(all);
        if (size < 1) {
            throw new IllegalArgumentException("expected at least 1 column a page but found " + size);
        }
        if (page < 1 || page > Math.max(1, pages(this.all.size(), size))) {
            throw new IllegalArgumentException("expected a page from 1 to " + Math.max(1, pages(this.all.size(), size))
                    + " but found " + page);
        }
        this.page = page;
        this.size = size;
        this.known = Set.copyOf(all);
        this.shown = Set.copyOf(shown());
    }

    /** Every column on one page. */
    public static ColumnWindow whole(List<String> all) {
        return new ColumnWindow(all, 1, Math.max(1, all.size()));
    }

    public int page() {
        return page;
    }

    public int pages() {
        return Math.max(1, pages(all.size(), size));
    }

    /** The columns of this page. */
    public List<String> shown() {
        int from = (page - 1) * size;
        return all.subList(Math.min(from, all.size()), Math.min(from + size, all.size()));
    }

    /** Whether this page shows what belongs to the column (null: the whole snapshot). */
    public boolean shows(String column) {
        return column == null || !known.contains(column) || shown.contains(column);
    }

    /**
     * The links to the other pages, or "" when there is one page.
     *
     * @param href the page's address without its query, to which {@code ?page=N} is added
     */
    String navigation(String href) {
        if (pages() == 1) {
            return "";
        }
        List<String> shown = shown();
        StringBuilder nav = new StringBuilder("<nav class=\"card pages\"><p>");
        nav.append(String.format(Locale.ROOT, "Columns %,d–%,d of %,d (page %d of %d). ",
                (page - 1) * size + 1, (page - 1) * size + shown.size(), all.size(), page, pages()));
        if (page > 1) {
            nav.append(link(href, 1, "first")).append(' ').append(link(href, page - 1, "previous")).append(' ');
        }
        if (page < pages()) {
            nav.append(link(href, page + 1, "next")).append(' ').append(link(href, pages(), "last"));
        }
        return nav.append("</p></nav>").toString();
    }

    private static String link(String href, int page, String text) {
        return "<a href=\"" + escape(href + "?page=" + page) + "\">" + escape(text) + "</a>";
    }

    private static int pages(int columns, int size) {
        return (columns + size - 1) / size;
    }
}
