package org.lede.importing;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads a WordPress export (WXR, an RSS 2.0 document with WordPress's own elements) one entry at
 * a time, so a file of any size is read in the memory of its largest item. DTDs and external
 * entities are refused rather than read: a WXR file needs neither, and reading them opens the
 * door to entity expansion ("billion laughs") and to files or addresses named by the document.
 */
public final class WxrReader implements AutoCloseable {
    /** The WXR versions WordPress has written; the format has been stable across them. */
    public static final Set<String> VERSIONS = Set.of("1.0", "1.1", "1.2");

    private static final String WP = "http://wordpress.org/export/";
    private static final String CONTENT = "http://purl.org/rss/1.0/modules/content/";
    private static final String DC = "http://purl.org/dc/elements/1.1/";

    /** One entry of the export, in document order. */
    public sealed interface Entry permits Author, Category, Item {}

    /** A {@code wp:author}; the bio is read when an exporter writes {@code wp:author_description}. */
    public record Author(String login, String displayName, String bio) implements Entry {}

    /** A {@code wp:category}: the site's categories, of which a post's first becomes its topic. */
    public record Category(String nicename, String name) implements Entry {}

    /** A category or tag on an item, as {@code <category domain="post_tag" nicename="x">X</category>}. */
    public record Term(String domain, String nicename, String name) {}

    /** An {@code item}: a post, page, attachment or anything else WordPress keeps as a post. */
    public record Item(
            String postId,
            String guid,
            String title,
            String link,
            String creator,
            String content,
            String excerpt,
            String postName,
            String status,
            String postType,
            String postDate,
            String postDateGmt,
            String pubDate,
            String modifiedGmt,
            String attachmentUrl,
            List<Term> terms,
            Map<String, String> meta,
            int comments,
            int line)
            implements Entry {}

    private final XMLStreamReader xml;
    private final String source;
    private boolean versionSeen;

    /** @param source how messages name the file */
    public WxrReader(InputStream in, String source) {
        this.source = source;
        this.xml = SafeXml.open(in, source);
    }

    /** The next entry, or null at the end of the document. */
    public Entry next() {
        try {
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.DTD) {
                    throw refused("declares a DTD");
                }
                if (event == XMLStreamConstants.ENTITY_REFERENCE) {
                    throw refused("uses the entity &" + xml.getLocalName() + ";");
                }
                if (event != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                String name = xml.getLocalName();
                String ns = xml.getNamespaceURI();
                if (xml.getNamespaceURI() == null && name.equals("item")) {
                    return item();
                }
                if (!isWp(ns)) {
                    continue;
                }
                switch (name) {
                    case "wxr_version" -> version(text());
                    case "author" -> {
                        return author();
                    }
                    case "category" -> {
                        return category();
                    }
                    default -> {}
                }
            }
            if (!versionSeen) {
                throw new ImportFormatException(source + " is not a WordPress export (WXR): it has no wp:wxr_version.");
            }
            return null;
        } catch (XMLStreamException e) {
            throw malformed(e);
        }
    }

    private void version(String version) {
        if (!VERSIONS.contains(version)) {
            throw new ImportFormatException(
                    source + " is a WXR file of version " + version + "; this importer reads versions "
                            + String.join(", ", VERSIONS.stream().sorted().toList()) + ".");
        }
        versionSeen = true;
    }

    private Author author() throws XMLStreamException {
        Map<String, String> fields = leaves();
        return new Author(
                fields.get("author_login"), fields.get("author_display_name"), fields.get("author_description"));
    }

    private Category category() throws XMLStreamException {
        Map<String, String> fields = leaves();
        return new Category(fields.get("category_nicename"), fields.get("cat_name"));
    }

    /** The text of each child element of the current one, by local name; the first of a name wins. */
    private Map<String, String> leaves() throws XMLStreamException {
        Map<String, String> fields = new LinkedHashMap<>();
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            checkHostile(event);
            if (event == XMLStreamConstants.START_ELEMENT) {
                if (depth == 1) {
                    fields.putIfAbsent(xml.getLocalName(), text());
                } else {
                    depth++;
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
        return fields;
    }

    private Item item() throws XMLStreamException {
        if (!versionSeen) {
            throw new ImportFormatException(
                    source + " is not a WordPress export (WXR): its first item comes before any wp:wxr_version.");
        }
        int line = xml.getLocation().getLineNumber();
        Map<String, String> fields = new LinkedHashMap<>();
        List<Term> terms = new ArrayList<>();
        Map<String, String> meta = new LinkedHashMap<>();
        int comments = 0;
        while (true) {
            int event = xml.next();
            checkHostile(event);
            if (event == XMLStreamConstants.END_ELEMENT) {
                break;
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            String name = xml.getLocalName();
            String ns = xml.getNamespaceURI();
            if (ns == null && name.equals("category")) {
                terms.add(new Term(
                        xml.getAttributeValue(null, "domain"), xml.getAttributeValue(null, "nicename"), text()));
            } else if (isWp(ns) && name.equals("postmeta")) {
                Map<String, String> pair = leaves();
                if (pair.get("meta_key") != null) {
                    meta.putIfAbsent(pair.get("meta_key"), pair.get("meta_value"));
                }
            } else if (isWp(ns) && name.equals("comment")) {
                comments++;
                leaves();
            } else if (CONTENT.equals(ns) && name.equals("encoded")) {
                fields.put("content", text());
            } else if (ns != null && ns.startsWith(WP) && ns.endsWith("/excerpt/") && name.equals("encoded")) {
                fields.put("excerpt", text());
            } else if (DC.equals(ns) && name.equals("creator")) {
                fields.put("creator", text());
            } else {
                String value = textOrSkip();
                if (value != null) {
                    fields.putIfAbsent(name, value);
                }
            }
        }
        return new Item(
                fields.get("post_id"),
                blankToNull(fields.get("guid")),
                fields.get("title"),
                fields.get("link"),
                fields.get("creator"),
                fields.getOrDefault("content", ""),
                fields.get("excerpt"),
                fields.get("post_name"),
                fields.get("status"),
                fields.get("post_type"),
                fields.get("post_date"),
                fields.get("post_date_gmt"),
                fields.get("pubDate"),
                fields.get("post_modified_gmt"),
                fields.get("attachment_url"),
                List.copyOf(terms),
                meta,
                comments,
                line);
    }

    /** The element's text, or null (having skipped it) when it holds elements of its own. */
    private String textOrSkip() throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        int depth = 1;
        boolean nested = false;
        while (depth > 0) {
            int event = xml.next();
            checkHostile(event);
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> {
                    depth++;
                    nested = true;
                }
                case XMLStreamConstants.END_ELEMENT -> depth--;
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (depth == 1) {
                        text.append(xml.getText());
                    }
                }
                default -> {}
            }
        }
        return nested ? null : text.toString().strip();
    }

    private String text() throws XMLStreamException {
        String text = textOrSkip();
        return text == null ? "" : text;
    }

    private void checkHostile(int event) {
        if (event == XMLStreamConstants.ENTITY_REFERENCE) {
            throw refused("uses the entity &" + xml.getLocalName() + ";");
        }
    }

    private ImportFormatException refused(String what) {
        return SafeXml.refused(xml, source, what, "a WordPress export");
    }

    private ImportFormatException malformed(XMLStreamException e) {
        return SafeXml.malformed(source, e);
    }

    private static boolean isWp(String ns) {
        return ns != null && ns.startsWith(WP) && !ns.endsWith("/excerpt/");
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    @Override
    public void close() {
        try {
            xml.close();
        } catch (XMLStreamException e) {
            throw malformed(e);
        }
    }
}
