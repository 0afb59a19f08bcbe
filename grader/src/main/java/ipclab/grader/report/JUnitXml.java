package ipclab.grader.report;

import java.io.StringWriter;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import ipclab.grader.score.LabGrade;
import ipclab.grader.score.TestOutcome;
import ipclab.grader.score.Verdict;

/**
 * A student x lab as a JUnit XML test suite (the format CI dashboards read), written with the
 * JDK's {@link XMLStreamWriter}, with the same visibility as the feedback: every message
 * (failure, skipped, not run) only where the student may see it.
 */
public final class JUnitXml {
    private static final XMLOutputFactory XML = XMLOutputFactory.newDefaultFactory();

    private JUnitXml() {
    }

    public static String render(String student, LabGrade lab, boolean released) {
        var visible = new Visible(released);
        var listed = lab.tests().stream().filter(visible::listed).toList();
        long failures = listed.stream().filter(t -> t.verdict() == Verdict.FAILED).count();
        long skipped = listed.stream().filter(t -> t.verdict() == Verdict.SKIPPED || t.verdict() == Verdict.NOT_RUN).count();
        double seconds = listed.stream().mapToLong(TestOutcome::millis).sum() / 1000.0;
        var text = new StringWriter();
        try {
            XMLStreamWriter xml = XML.createXMLStreamWriter(text);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuite");
            xml.writeAttribute("name", clean(student + "." + lab.lab()));
            xml.writeAttribute("tests", Integer.toString(listed.size()));
            xml.writeAttribute("failures", Long.toString(failures));
            xml.writeAttribute("errors", "0");
            xml.writeAttribute("skipped", Long.toString(skipped));
            xml.writeAttribute("time", Double.toString(seconds));
            xml.writeCharacters("\n  ");
            xml.writeStartElement("properties");
            property(xml, "points", Integer.toString(lab.points()));
            property(xml, "maxPoints", Integer.toString(lab.maxPoints()));
            property(xml, "status", lab.status().words());
            xml.writeCharacters("\n  ");
            xml.writeEndElement();
            for (var t : listed) testcase(xml, t, visible);
            if (!lab.compilerErrors().isEmpty()) {
                xml.writeCharacters("\n  ");
                xml.writeStartElement("system-err");
                xml.writeCharacters(clean(lab.compilerErrors()));
                xml.writeEndElement();
            }
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write JUnit XML: " + e.getMessage(), e);
        }
        return text.append('\n').toString();
    }

    private static void testcase(XMLStreamWriter xml, TestOutcome t, Visible visible) throws XMLStreamException {
        xml.writeCharacters("\n  ");
        boolean passed = t.verdict() == Verdict.PASSED;
        if (passed) xml.writeEmptyElement("testcase");
        else xml.writeStartElement("testcase");
        xml.writeAttribute("classname", clean(t.test().className()));
        xml.writeAttribute("name", clean(t.test().name()));
        xml.writeAttribute("time", Double.toString(t.millis() / 1000.0));
        if (passed) return;
        String message = clean(visible.showsMessage(t) ? t.message() : "a hidden test");
        xml.writeCharacters("\n    ");
        if (t.verdict() == Verdict.FAILED) {
            xml.writeStartElement("failure");
            xml.writeAttribute("message", firstLine(message));
            xml.writeCharacters(message);
            xml.writeEndElement();
        } else {
            xml.writeEmptyElement("skipped");
            xml.writeAttribute("message", firstLine(message));
        }
        xml.writeCharacters("\n  ");
        xml.writeEndElement();
    }

    private static void property(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeCharacters("\n    ");
        xml.writeEmptyElement("property");
        xml.writeAttribute("name", name);
        xml.writeAttribute("value", value);
    }

    private static String firstLine(String s) {
        return s.lines().findFirst().orElse("");
    }

    /** Without the control characters XML 1.0 cannot carry (a student's output may hold any). */
    private static String clean(String s) {
        return s.codePoints().filter(c -> c >= 0x20 || c == '\n' || c == '\t' || c == '\r')
                .filter(c -> c != 0xFFFE && c != 0xFFFF)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }
}
