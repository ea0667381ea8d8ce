package dev.driftwatch.report.html;

import static dev.driftwatch.report.html.Html.escape;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The frame of every Driftwatch page, in the service and in a report file: one self-contained HTML
 * document with its stylesheet inline (no script, font, image or stylesheet is loaded from anywhere; the
 * icon is an empty data URI so that browsers do not ask for {@code /favicon.ico}). No page has a script, an
 * event-handler attribute or a {@code style} attribute, so a Content-Security-Policy that allows only
 * {@link #styleSource()} holds for every page.
 * Stateless; thread-safe.
 */
public final class HtmlPage {
    private static final String CSS = """
            :root{--ink:#1f2937;--muted:#6b7280;--line:#e5e7eb;--bg:#f8fafc;--card:#fff;--pass:#15803d;--warn:#b45309;--fail:#b91c1c;--error:#7e22ce}
            *{box-sizing:border-box}
            body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;color:var(--ink);background:var(--bg)}
            header.top{background:#0f172a;color:#e2e8f0;padding:10px 24px;display:flex;gap:18px;align-items:baseline}
            header.top a{color:#e2e8f0;text-decoration:none}
            header.top .brand{font-weight:700;font-size:16px;letter-spacing:.02em}
            main{max-width:1180px;margin:0 auto;padding:20px 24px 48px}
            h1{font-size:22px;margin:6px 0 4px}h2{font-size:17px;margin:28px 0 10px}h3{font-size:14px;margin:16px 0 6px;color:#374151}
            .sub{color:var(--muted)}
            .card{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:14px 16px;margin:12px 0}
            .grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(440px,1fr));gap:12px}
            .grid .card{margin:0}
            table{border-collapse:collapse;width:100%}
            th,td{text-align:left;padding:6px 8px;border-bottom:1px solid var(--line);vertical-align:top}
            th{font-size:12px;text-transform:uppercase;letter-spacing:.04em;color:var(--muted);font-weight:600}
            td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
            dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:4px 16px;margin:0}
            dl.facts dt{color:var(--muted)}dl.facts dd{margin:0;overflow-wrap:anywhere}
            code{font:12px ui-monospace,SFMono-Regular,Menlo,monospace;background:#f1f5f9;padding:1px 4px;border-radius:4px}
            .badge{display:inline-block;min-width:52px;text-align:center;padding:1px 8px;border-radius:999px;font-size:12px;font-weight:700;color:#fff;text-transform:uppercase}
            .badge.pass{background:var(--pass)}.badge.warn{background:var(--warn)}.badge.fail{background:var(--fail)}.badge.error{background:var(--error)}.badge.skipped{background:#fff;color:var(--muted);border:1px solid #cbd5e1}.badge.none{background:#94a3b8}
            .verdict{font-size:15px;font-weight:700}.verdict.blocked{color:var(--fail)}.verdict.passed{color:var(--pass)}
            .tallies span{margin-right:14px}
            details summary{cursor:pointer;color:#2563eb}
            ul.evidence{margin:4px 0 0;padding-left:18px;font-size:12px}
            svg.chart{max-width:100%;height:auto;display:block}
            svg.chart text{font:11px system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;fill:#374151}
            svg.chart text.tick{fill:#6b7280;font-size:10px}svg.chart text.marker{fill:#dc2626;font-weight:600}
            svg.chart text.value{fill:#4b5563;font-size:10px}
            .note{color:var(--muted);font-size:12px;margin:4px 0 0}
            a{color:#2563eb}
            b.blocked{color:var(--fail)}
            ul.failing{margin:0;padding:0;list-style:none}ul.failing li{margin:0 0 3px}
            details.passing{margin-top:10px}details.passing table{margin-top:6px}
            form.pick{display:flex;gap:12px;align-items:end;flex-wrap:wrap}form.pick label{display:flex;flex-direction:column;gap:2px;color:var(--muted)}
            """;
    private static final String STYLE_SOURCE = "'sha256-" + Base64.getEncoder().encodeToString(sha256(CSS)) + "'";

    private HtmlPage() {
    }

    /**
     * A whole document.
     *
     * @param title the browser title (escaped here)
     * @param home  the link of the "Driftwatch" brand (e.g. "/"), or null in a stand-alone report file
     * @param body  the already escaped HTML of the page's main content
     */
    public static String document(String title, String home, String body) {
        String brand = home == null ? "<span class=\"brand\">Driftwatch</span>"
                : "<a class=\"brand\" href=\"" + escape(home) + "\">Driftwatch</a>";
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<link rel=\"icon\" href=\"data:,\">"
                + "<title>" + escape(title) + "</title><style>" + CSS + "</style></head><body>"
                + "<header class=\"top\">" + brand + "<span class=\"sub\">data-quality and drift checks</span></header>"
                + "<main>" + body + "</main></body></html>\n";
    }

    /**
     * The Content-Security-Policy source that allows the pages' one inline stylesheet and no other inline style:
     * {@code 'sha256-<base64 of the SHA-256 of its text>'}.
     */
    public static String styleSource() {
        return STYLE_SOURCE;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("expected SHA-256 in every Java runtime but found none", e);
        }
    }

    /**
     * A status badge ({@code pass}, {@code warn}, {@code fail}, {@code error}; {@code skipped} as a neutral outline,
     * neither good nor bad; anything else as grey).
     */
    public static String badge(String status) {
        String kind = switch (status == null ? "" : status) {
            case "pass", "warn", "fail", "error", "skipped" -> status;
            default -> "none";
        };
        return "<span class=\"badge " + kind + "\">" + escape(status == null ? "none" : status) + "</span>";
    }

    /** A card with a heading, a chart and an optional note under it. */
    public static String chartCard(String heading, String svg, String note) {
        return "<div class=\"card\"><h3>" + escape(heading) + "</h3>" + svg
                + (note == null ? "" : "<p class=\"note\">" + escape(note) + "</p>") + "</div>";
    }
}
