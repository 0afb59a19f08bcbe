package ipclab.grader.handout;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.w3c.dom.Comment;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * One of the kit's poms, changed for a copy of the kit (the student handout, the Gradescope
 * autograder): as XML, with the JDK's DOM, so that every comment and the layout stay as the kit
 * has them and a change that finds no element to change says so instead of writing a pom that
 * quietly still does what the kit's does.
 *
 * <pre>{@code
 * String root = Pom.parse(Files.readString(kit.resolve("pom.xml")))
 *         .modules(List.of("kit/ipc", "kit/testkit", "labs"))
 *         .property("kit.tests.skip", "true", "not part of the handout")
 *         .toString();
 * }</pre>
 */
public final class Pom {
    private final Document doc;

    private Pom(Document doc) {
        this.doc = doc;
    }

    /** The pom in this text; an {@link IllegalStateException} when it is not well-formed XML. */
    public static Pom parse(String xml) {
        try {
            var factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            return new Pom(factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml))));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new IllegalStateException("a pom.xml of the kit is not well-formed XML: " + e.getMessage(), e);
        }
    }

    /** Only these modules, in this order, in {@code <modules>}. */
    public Pom modules(List<String> modules) {
        Element list = child(doc.getDocumentElement(), "modules");
        while (list.hasChildNodes()) list.removeChild(list.getFirstChild());
        for (String m : modules) {
            list.appendChild(doc.createTextNode("\n    "));
            list.appendChild(doc.createElement("module")).setTextContent(m);
        }
        list.appendChild(doc.createTextNode("\n  "));
        return this;
    }

    /** Sets an existing {@code <properties>} entry, and the comment just before it to this one. */
    public Pom property(String name, String value, String comment) {
        Element property = child(child(doc.getDocumentElement(), "properties"), name);
        property.setTextContent(value);
        if (previousNonBlank(property) instanceof Comment c) c.setData(" " + comment + " ");
        return this;
    }

    /** Leaves out the profile with this id, with the comment just before it (and {@code <profiles>} when it was the only one). */
    public Pom withoutProfile(String id) {
        Element profiles = child(doc.getDocumentElement(), "profiles");
        Element profile = null;
        for (Node n = profiles.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals("profile") && id.equals(text(e, "id"))) profile = e;
        }
        if (profile == null) throw new IllegalStateException("the kit's pom.xml has no profile '" + id + "'");
        if (previousNonBlank(profile) instanceof Comment c) remove(c);
        remove(profile);
        if (profiles.getElementsByTagName("profile").getLength() == 0) remove(profiles);
        return this;
    }

    /** The pom as text, with the XML declaration the kit's poms have. */
    @Override
    public String toString() {
        try {
            var transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            var text = new StringWriter();
            transformer.transform(new DOMSource(doc), new StreamResult(text));
            return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + text + "\n";
        } catch (TransformerException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Element child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) return e;
        }
        throw new IllegalStateException("the kit's pom.xml has no <" + name + "> in <" + parent.getTagName() + ">");
    }

    private static String text(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) return e.getTextContent().strip();
        }
        return null;
    }

    private static Node previousNonBlank(Node node) {
        Node n = node.getPreviousSibling();
        while (n != null && n.getNodeType() == Node.TEXT_NODE && n.getNodeValue().isBlank()) n = n.getPreviousSibling();
        return n;
    }

    /** Removes a node with the blank text before it, so that no empty line is left. */
    private static void remove(Node node) {
        Node before = node.getPreviousSibling();
        if (before != null && before.getNodeType() == Node.TEXT_NODE && before.getNodeValue().isBlank())
            before.getParentNode().removeChild(before);
        node.getParentNode().removeChild(node);
    }
}
