package dev.driftwatch.report;

import dev.driftwatch.engine.rule.Evidence;
import dev.driftwatch.engine.rule.RuleResult;
import dev.driftwatch.engine.rule.Status;
import dev.driftwatch.engine.run.RunReport;
import java.io.StringWriter;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The run as JUnit XML, so CI systems (GitHub Actions reporters, GitLab, Jenkins) list every rule result
 * as a test: one {@code <testsuite>} per run, one {@code <testcase>} per rule result (classname
 * {@code driftwatch.<dataset>.<rule>}, name the rule and its target), a {@code <failure>} for status
 * {@code fail}, an {@code <error>} for {@code error}, a {@code <skipped>} for {@code skipped} (a comparison with
 * no reference yet: CI tools list it as skipped, not failed); a {@code warn} passes with its message in
 * {@code <system-out>}. Thread-safe.
 */
public final class JunitXml {
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    public String write(RunReport run) {
        StringWriter text = new StringWriter();
        try {
            XMLStreamWriter xml = FACTORY.createXMLStreamWriter(text);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            long failures = count(run, Status.FAIL);
            long errors = count(run, Status.ERROR);
            String time = seconds(run.duration().toMillis());
            xml.writeStartElement("testsuites");
            xml.writeAttribute("name", "driftwatch");
            counts(xml, run.results().size(), failures, errors, time);
            xml.writeStartElement("testsuite");
            xml.writeAttribute("name", "driftwatch." + run.dataset());
            counts(xml, run.results().size(), failures, errors, time);
            xml.writeAttribute("skipped", Long.toString(count(run, Status.SKIPPED)));
            xml.writeAttribute("timestamp", run.startedAt().toString());
            properties(xml, run);
            for (RuleResult result : run.results()) {
                testCase(xml, run.dataset(), result);
            }
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("could not write JUnit XML: " + e.getMessage(), e);
        }
        return text.toString();
    }

    private static void counts(XMLStreamWriter xml, int tests, long failures, long errors, String time) throws XMLStreamException {
        xml.writeAttribute("tests", Integer.toString(tests));
        xml.writeAttribute("failures", Long.toString(failures));
        xml.writeAttribute("errors", Long.toString(errors));
        xml.writeAttribute("time", time);
    }

    private static void properties(XMLStreamWriter xml, RunReport run) throws XMLStreamException {
        xml.writeStartElement("properties");
        property(xml, "dataset", run.dataset());
        property(xml, "snapshot", run.snapshot().id());
        property(xml, "fingerprint", run.snapshot().fingerprint());
        property(xml, "path", run.snapshot().provenance().path());
        property(xml, "rows", Long.toString(run.profile().rows()));
        property(xml, "reference", run.reference() == null ? "" : run.reference());
        property(xml, "gate", run.blocksGate() ? "blocked" : "passed");
        xml.writeEndElement();
    }

    private static void property(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeEmptyElement("property");
        xml.writeAttribute("name", name);
        xml.writeAttribute("value", value);
    }

    private static void testCase(XMLStreamWriter xml, String dataset, RuleResult r) throws XMLStreamException {
        xml.writeStartElement("testcase");
        xml.writeAttribute("classname", "driftwatch." + dataset + "." + r.rule());
        xml.writeAttribute("name", name(r));
        xml.writeAttribute("time", "0");
        if (r.status() == Status.FAIL || r.status() == Status.ERROR) {
            xml.writeStartElement(r.status() == Status.FAIL ? "failure" : "error");
            xml.writeAttribute("message", r.message());
            xml.writeAttribute("type", r.kind());
            xml.writeCharacters(details(r));
            xml.writeEndElement();
        } else if (r.status() == Status.SKIPPED) {
            xml.writeEmptyElement("skipped");
            xml.writeAttribute("message", r.message());
        } else if (r.status() == Status.WARN) {
            xml.writeStartElement("system-out");
            xml.writeCharacters("WARN: " + details(r));
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }

    static String name(RuleResult r) {
        StringBuilder name = new StringBuilder(r.rule());
        if (r.column() != null) {
            name.append(" · ").append(r.column());
        }
        if (r.split() != null) {
            name.append(" in ").append(r.split());
        }
        return name.toString();
    }

    private static String details(RuleResult r) {
        StringBuilder text = new StringBuilder(r.message()).append('\n')
                .append("severity ").append(r.severity().id())
                .append(", observed ").append(r.observed()).append(", threshold ").append(r.threshold()).append('\n');
        for (Evidence e : r.evidence()) {
            text.append("  at ").append(e.source()).append(':').append(e.line())
                    .append(e.id() == null ? "" : " (id " + e.id() + ")").append(' ').append(e.values()).append('\n');
        }
        return text.toString();
    }

    private static long count(RunReport run, Status status) {
        return run.results().stream().filter(r -> r.status() == status).count();
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
    }
}
