package org.lede.web.feed;

import java.io.StringWriter;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A thin layer over the JDK's StAX writer, which escapes every text and attribute value, so no
 * headline can break a feed or a sitemap; it only adds the few shapes our documents repeat.
 */
final class Xml {
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();
    private final StringWriter out = new StringWriter(16 * 1024);
    private final XMLStreamWriter writer;

    Xml() {
        try {
            writer = FACTORY.createXMLStreamWriter(out);
            writer.writeStartDocument("UTF-8", "1.0");
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Cannot start an XML document", e);
        }
    }

    /** Opens an element without a namespace prefix (in the document's default namespace, if any). */
    Xml start(String name) {
        return run(() -> writer.writeStartElement(name));
    }

    /** Opens a prefixed element whose prefix the root declared. */
    Xml start(String prefix, String name, String namespace) {
        return run(() -> writer.writeStartElement(prefix, name, namespace));
    }

    Xml defaultNamespace(String namespace) {
        return run(() -> writer.writeDefaultNamespace(namespace));
    }

    Xml namespace(String prefix, String namespace) {
        return run(() -> writer.writeNamespace(prefix, namespace));
    }

    /** An attribute of the open element; nothing when the value is null. */
    Xml attribute(String name, Object value) {
        return value == null ? this : run(() -> writer.writeAttribute(name, value.toString()));
    }

    Xml text(String text) {
        return run(() -> writer.writeCharacters(text));
    }

    Xml end() {
        return run(writer::writeEndElement);
    }

    /** {@code <name>text</name>}, or nothing when the text is null. */
    Xml element(String name, Object text) {
        return text == null ? this : start(name).text(text.toString()).end();
    }

    /** A prefixed {@code <p:name>text</p:name>}, or nothing when the text is null. */
    Xml element(String prefix, String name, String namespace, Object text) {
        return text == null
                ? this
                : start(prefix, name, namespace).text(text.toString()).end();
    }

    /** Closes every open element and returns the document. */
    String finish() {
        run(() -> {
            writer.writeEndDocument();
            writer.close();
        });
        return out.toString();
    }

    private interface Step {
        void run() throws XMLStreamException;
    }

    private Xml run(Step step) {
        try {
            step.run();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Cannot write XML", e);
        }
        return this;
    }
}
