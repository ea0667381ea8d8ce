package dev.driftwatch.report.html;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Parses the SVG the charts write as XML, so tests can look at its shapes. */
final class SvgDocuments {
    private static final Pattern SVG = Pattern.compile("<svg .*?</svg>", Pattern.DOTALL);

    private SvgDocuments() {
    }

    static Document parse(String svg) {
        try {
            var factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError("expected well-formed SVG but found: " + e.getMessage() + "\n" + svg, e);
        }
    }

    static List<String> all(String html) {
        List<String> found = new ArrayList<>();
        Matcher m = SVG.matcher(html);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

    static List<Element> elements(Document svg, String tag) {
        NodeList nodes = svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", tag);
        List<Element> list = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            list.add((Element) nodes.item(i));
        }
        return list;
    }

    static double number(Element e, String attribute) {
        return Double.parseDouble(e.getAttribute(attribute));
    }
}
