package dev.driftwatch.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.driftwatch.engine.run.RunReport;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class JunitXmlTest {
    /** Validates against src/test/resources/junit/junit.xsd and returns the parsed document. */
    static Document validated(String xml) throws Exception {
        var schema = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(JunitXmlTest.class.getResource("/junit/junit.xsd"));
        schema.newValidator().validate(new StreamSource(new StringReader(xml)));
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aBlockedRunHasOneTestCasePerResultAndAFailureForTheMissingTexts() throws Exception {
        RunReport run = ExampleRuns.madeWithMl();

        Document xml = validated(new JunitXml().write(run));

        Element suite = (Element) xml.getElementsByTagName("testsuite").item(0);
        assertThat(suite.getAttribute("name")).isEqualTo("driftwatch.madewithml");
        assertThat(suite.getAttribute("tests")).isEqualTo(Integer.toString(run.results().size()));
        assertThat(suite.getAttribute("failures")).isEqualTo("1");
        assertThat(suite.getAttribute("errors")).isEqualTo("0");
        NodeList cases = xml.getElementsByTagName("testcase");
        assertThat(cases.getLength()).isEqualTo(run.results().size());
        List<String> names = new ArrayList<>();
        for (int i = 0; i < cases.getLength(); i++) {
            names.add(((Element) cases.item(i)).getAttribute("name"));
        }
        assertThat(names).contains("inputs-present · title in all", "text-present · text in all");
        Element failure = (Element) xml.getElementsByTagName("failure").item(0);
        assertThat(((Element) failure.getParentNode()).getAttribute("classname")).isEqualTo("driftwatch.madewithml.text-present");
        assertThat(failure.getAttribute("type")).isEqualTo("missing_values");
        assertThat(failure.getAttribute("message")).startsWith("text: 34 of 999 (3.4%) values missing");
        assertThat(failure.getTextContent()).contains("projects.json:808 (id 239)");
    }

    @Test
    void warningsPassWithTheirMessageAndThePropertiesCarryTheSnapshot() throws Exception {
        Document xml = validated(new JunitXml().write(ExampleRuns.pima()));

        assertThat(xml.getElementsByTagName("failure").getLength()).isZero();
        assertThat(xml.getElementsByTagName("error").getLength()).isZero();
        NodeList outs = xml.getElementsByTagName("system-out");
        assertThat(outs.getLength()).isEqualTo(2);
        assertThat(outs.item(0).getTextContent()).startsWith("WARN: SkinThickness: 227 of 768");
        assertThat(outs.item(1).getTextContent()).startsWith("WARN: Insulin: 374 of 768");
        NodeList properties = xml.getElementsByTagName("property");
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i < properties.getLength(); i++) {
            Element p = (Element) properties.item(i);
            pairs.add(p.getAttribute("name") + "=" + p.getAttribute("value"));
        }
        assertThat(pairs).contains("snapshot=pima-03.csv", "reference=pima-01.csv", "rows=768", "gate=passed");
    }

    @Test
    void textThatLooksLikeMarkupIsEscaped() throws Exception {
        RunReport run = ExampleRuns.madeWithMl();
        var odd = new dev.driftwatch.engine.rule.RuleResult("odd<rule>", "missing_values",
                dev.driftwatch.engine.rule.Severity.ERROR, dev.driftwatch.engine.rule.Status.ERROR, "a&b", null, null, null,
                "expected \"x\" but found <y> & ]]> z", List.of());
        var withOdd = new RunReport(run.dataset(), run.snapshot(), null, run.startedAt(), run.finishedAt(), run.profile(), List.of(odd));

        Document xml = validated(new JunitXml().write(withOdd));

        Element error = (Element) xml.getElementsByTagName("error").item(0);
        assertThat(error.getAttribute("message")).isEqualTo("expected \"x\" but found <y> & ]]> z");
        assertThat(((Element) error.getParentNode()).getAttribute("name")).isEqualTo("odd<rule> · a&b");
    }
}
