package org.lede.importing;

import java.io.InputStream;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * How every XML export is read: StAX with DTDs, external entities and entity replacement off, so
 * a billion-laughs or XXE file is refused rather than expanded or fetched, and the messages that
 * name the place in the file where reading stopped.
 */
final class SafeXml {
    private SafeXml() {}

    /** @param source how messages name the file */
    static XMLStreamReader open(InputStream in, String source) {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        try {
            return factory.createXMLStreamReader(in);
        } catch (XMLStreamException e) {
            throw malformed(source, e);
        }
    }

    /**
     * @param what what the file does, as in "the file declares a DTD"
     * @param kind what the file should be, as in "a feed needs neither"
     */
    static ImportFormatException refused(XMLStreamReader xml, String source, String what, String kind) {
        Location at = xml.getLocation();
        return new ImportFormatException(source + ":" + at.getLineNumber() + ":" + at.getColumnNumber() + ": the file "
                + what + "; DTDs and entities are not read, for safety (" + kind + " needs neither).");
    }

    static ImportFormatException malformed(String source, XMLStreamException e) {
        Location at = e.getLocation();
        String message = e.getMessage();
        // The JDK puts "ParseError at [row,col]:[l,c]\nMessage: ..." in front of the parser's own words.
        int cut = message == null ? -1 : message.indexOf("Message: ");
        String reason = cut < 0 ? String.valueOf(message) : message.substring(cut + "Message: ".length());
        return new ImportFormatException(
                at == null
                        ? source + ": not well-formed XML: " + reason
                        : source + ":" + at.getLineNumber() + ":" + at.getColumnNumber() + ": not well-formed XML: "
                                + reason.strip());
    }
}
