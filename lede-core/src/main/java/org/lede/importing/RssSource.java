package org.lede.importing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Entities;

/**
 * Reads an RSS 2.0 (and 0.91, 0.92) or Atom 1.0 feed one item at a time, in one pass, so a feed of
 * any size is read in the memory of its largest item. As for {@link WxrReader}, DTDs and external
 * entities are never read: a declaration that only names an external DTD (RSS 0.91 feeds carry
 * Netscape's) is passed over unread, and one that declares entities of its own is refused, since
 * that is what entity expansion ("billion laughs") and file or address disclosure (XXE) need.
 *
 * <p>What a feed says becomes a {@link SourceItem} as follows.
 *
 * <ul>
 *   <li>Every item is a {@linkplain SourceItem.Type#STORY story} and {@linkplain
 *       SourceItem.Status#PUBLISHED published}: a feed only carries what was published.
 *   <li>The source id is the RSS {@code guid} or the Atom {@code id}; without one, the item's
 *       link; without that, a hash of its title and date, with a note (a changed title then
 *       imports the item again).
 *   <li>RSS {@code content:encoded} is the body and {@code description} the excerpt; without
 *       {@code content:encoded}, {@code description} is the body and there is no excerpt. Atom
 *       {@code content} is the body and {@code summary} the excerpt, each read by its type
 *       ({@code text} is escaped, {@code xhtml} is written out as HTML); content kept elsewhere
 *       ({@code src}) leaves the summary as the body, with a note.
 *   <li>Titles are returned as HTML. An RSS title is taken as HTML when it holds a tag or an
 *       entity (feeds escape markup in titles twice, as WordPress does with {@code &#8217;}), and
 *       as text, escaped, otherwise, so "Q&A" and "a < b" stay what they say.
 *   <li>Authors: RSS {@code author} ("jane@example.com (Jane Doe)") and {@code dc:creator}; Atom
 *       {@code author}. A person's key is their name, or their address when no name is given, so
 *       the same byline matches across items and re-runs. An item without authors has the feed's
 *       ({@code dc:creator} of the channel; the Atom entry's {@code source}, then the feed's
 *       {@code author}, as RFC 4287 section 4.2.1 says). Only what precedes the items applies.
 *   <li>Categories: every RSS {@code category} (its text, whatever its {@code domain}) and Atom
 *       {@code category} (its label, else its term), in order; the engine makes the first the
 *       topic and the rest tags. Feeds have no separate tags.
 *   <li>Featured image: Media RSS {@code media:content} that is an image (the {@code isDefault}
 *       one first, inside {@code media:group} too), else an image {@code enclosure} (or Atom
 *       {@code link rel="enclosure"}), else {@code media:thumbnail}. Its caption is {@code
 *       media:description}, else {@code media:title}, from the nearest of the content, its
 *       group and the item; {@code media:credit} is added as "Photo: ..." unless the caption
 *       already ends with a credit, so {@link org.lede.authoring.HtmlBlocks} splits it off as
 *       the credit. The alt text stays null: {@code media:text} is a transcript, not a
 *       description of the picture.
 *   <li>Dates: {@code pubDate} (RFC 822, read leniently by {@link FeedDates}), else {@code
 *       dc:date}; Atom {@code published}, else {@code updated}. Modified is Atom {@code updated}
 *       (also as {@code atom:updated} in RSS), else null.
 *   <li>The link is the old permalink, absolute: RSS {@code link}, else a {@code guid} that is a
 *       permalink; Atom {@code link rel="alternate"} (or without rel). An RSS {@code guid} that
 *       is another address on the same site (WordPress's {@code ?p=42}), or a permalink, is
 *       an alias, given as its path.
 *   <li>Slug: a feed has none, so one is taken only from a link whose last path segment reads
 *       as a slug (words of letters and digits joined by hyphens, such as {@code
 *       /2024/05/harbour-reopens/}), lowercased; {@code /?p=42}, {@code /news/12345} and
 *       single words give none, and the engine makes one from the title.
 *   <li>Comments: {@code slash:comments}, or Atom threading's {@code thr:total}.
 * </ul>
 *
 * Elements this reader does not know are skipped. The stream passed in is closed by {@link #close()}.
 */
public final class RssSource implements SourceReader {
    /** The {@code version}s of RSS read here; 2.0 is a superset of the other two. */
    public static final Set<String> RSS_VERSIONS = Set.of("2.0", "0.91", "0.92");

    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final String CONTENT = "http://purl.org/rss/1.0/modules/content/";
    private static final String DC = "http://purl.org/dc/elements/1.1/";
    private static final String MEDIA = "http://search.yahoo.com/mrss/";
    private static final String SLASH = "http://purl.org/rss/1.0/modules/slash/";
    private static final String THREAD = "http://purl.org/syndication/thread/1.0";
    private static final String XHTML = "http://www.w3.org/1999/xhtml";
    private static final String RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    private static final String ATOM_03 = "http://purl.org/atom/ns#";

    private static final Set<String> VOID = Set.of(
            "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr");
    private static final Pattern HTML_HINT = Pattern.compile("<[a-zA-Z/!]|&(?:#\\d+|#x\\p{XDigit}+|[a-zA-Z]+\\d*);");
    private static final Pattern SLUG =
            Pattern.compile("(?:[\\p{L}\\p{N}]|%\\p{XDigit}{2})+(?:-(?:[\\p{L}\\p{N}]|%\\p{XDigit}{2})+)+");
    private static final Pattern HANDLE = Pattern.compile("[\\p{L}\\p{N}._-]+");
    private static final Pattern IMAGE_FILE = Pattern.compile("(?i).*\\.(?:jpe?g|png|gif|webp|avif)(?:[?#].*)?");
    private static final Pattern ENDS_WITH_CREDIT =
            Pattern.compile("(?is).*(?:^|[\\s(\\[])(?:photo|photograph|illustration|video|graphic|image|picture)s?"
                    + "(?:\\s*:|\\s+by\\s)\\s*[^:]+$");
    private static final Pattern BLANK_LINE = Pattern.compile("\\R\\s*\\R");
    private static final Pattern TRAILING_CLOSERS = Pattern.compile("[\\s).\\]]+$");
    private static final Pattern HTML_SUFFIX = Pattern.compile("(?i)\\.html?$");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern CREDIT_KIND = Pattern.compile("(?i)(?:photo|illustration|video|graphic)\\s*:.*");

    private enum Format {
        RSS,
        ATOM
    }

    /** How an element's inside is read: its text only, its text as HTML with any child elements, or XHTML. */
    private enum Mode {
        TEXT,
        HTML,
        XHTML
    }

    private final CountingInputStream in;
    private final XMLStreamReader xml;
    private final String source;
    private Format format;
    private int depth;
    private String feedLink;
    private final List<SourceItem.Person> feedAuthors = new ArrayList<>();

    /** @param sourceName how messages name the feed (its file name or address) */
    public RssSource(InputStream in, String sourceName) {
        this.in = new CountingInputStream(in);
        this.source = sourceName;
        this.xml = SafeXml.open(this.in, source);
    }

    @Override
    public SourceItem next() {
        try {
            if (format == null) {
                format = root();
            }
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                    continue;
                }
                if (event != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                depth++;
                SourceItem item = format == Format.RSS ? rssChild() : atomChild();
                if (item != null) {
                    return item;
                }
            }
            return null;
        } catch (XMLStreamException e) {
            throw malformed(e);
        }
    }

    @Override
    public long position() {
        return in.count();
    }

    private Format root() throws XMLStreamException {
        while (true) {
            int event = xml.next();
            if (event == XMLStreamConstants.DTD) {
                // The JDK's parser reports the whole declaration; an internal subset is where entities are declared.
                if (xml.getText().contains("[")) {
                    throw refused("declares entities in a DTD");
                }
                continue;
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            depth = 1;
            String name = xml.getLocalName();
            String ns = namespace();
            if (ns == null && name.equals("rss")) {
                String version = xml.getAttributeValue(null, "version");
                if (version != null && !RSS_VERSIONS.contains(version.strip())) {
                    throw new ImportFormatException(source + " is an RSS feed of version " + version
                            + "; this importer reads RSS " + String.join(", ", sorted(RSS_VERSIONS))
                            + " and Atom 1.0.");
                }
                return Format.RSS;
            }
            if (ATOM.equals(ns) && name.equals("feed")) {
                return Format.ATOM;
            }
            if (RDF.equals(ns) && name.equals("RDF")) {
                throw new ImportFormatException(source + " is an RSS 1.0 (RDF) feed, which this importer does not read:"
                        + " it reads RSS 2.0 (and 0.91, 0.92) and Atom 1.0. Most sites offer one of those too.");
            }
            if (ATOM_03.equals(ns)) {
                throw new ImportFormatException(source + " is an Atom 0.3 feed, which this importer does not read:"
                        + " it reads Atom 1.0 and RSS 2.0 (and 0.91, 0.92).");
            }
            throw new ImportFormatException(source + " is not an RSS or Atom feed: its root element is <" + name
                    + (ns == null ? "" : " xmlns=\"" + ns + "\"") + ">.");
        }
    }

    /** A child of the channel: an item, or what the channel says that items fall back on. */
    private SourceItem rssChild() throws XMLStreamException {
        String name = xml.getLocalName();
        String ns = namespace();
        if (depth == 2 && ns == null && name.equals("channel")) {
            return null;
        }
        if (depth == 3 && ns == null && name.equals("item")) {
            SourceItem item = rssItem();
            depth--;
            return item;
        }
        if (depth == 3 && ns == null && name.equals("link")) {
            feedLink = first(feedLink, blankToNull(read(Mode.TEXT)));
        } else if (depth == 3 && DC.equals(ns) && name.equals("creator")) {
            addPerson(feedAuthors, rssPerson(read(Mode.TEXT)));
        } else {
            read(Mode.TEXT);
        }
        depth--;
        return null;
    }

    private SourceItem atomChild() throws XMLStreamException {
        String name = xml.getLocalName();
        boolean atom = depth == 2 && ATOM.equals(namespace());
        SourceItem item = null;
        if (atom && name.equals("entry")) {
            item = atomEntry();
        } else if (atom && name.equals("author")) {
            addPerson(feedAuthors, atomPerson());
        } else if (atom && name.equals("link")) {
            String href = xml.getAttributeValue(null, "href");
            if (isAlternate(xml.getAttributeValue(null, "rel")) && feedLink == null) {
                feedLink = blankToNull(href);
            }
            read(Mode.TEXT);
        } else {
            read(Mode.TEXT);
        }
        depth--;
        return item;
    }

    private SourceItem rssItem() throws XMLStreamException {
        Item item = new Item(xml.getLocation().getLineNumber());
        String guid = null;
        boolean guidIsPermaLink = true;
        String description = null;
        String pubDate = null;
        String dcDate = null;
        while (true) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                break;
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            String name = xml.getLocalName();
            String ns = namespace();
            if (ns == null) {
                switch (name) {
                    case "title" -> item.title = first(item.title, rssTitle(read(Mode.HTML)));
                    case "link" -> item.link = first(item.link, blankToNull(read(Mode.TEXT)));
                    case "description" -> description = first(description, blankToNull(read(Mode.HTML)));
                    case "guid" -> {
                        String permaLink = xml.getAttributeValue(null, "isPermaLink");
                        String value = blankToNull(read(Mode.TEXT));
                        if (guid == null && value != null) {
                            guid = value;
                            guidIsPermaLink =
                                    permaLink == null || !permaLink.strip().equalsIgnoreCase("false");
                        }
                    }
                    case "pubDate" -> pubDate = first(pubDate, blankToNull(read(Mode.TEXT)));
                    case "author" -> addPerson(item.authors, rssPerson(read(Mode.TEXT)));
                    case "category" -> addCategory(item.categories, read(Mode.TEXT));
                    case "enclosure" -> enclosure(item);
                    default -> read(Mode.TEXT);
                }
            } else if (CONTENT.equals(ns) && name.equals("encoded")) {
                item.html = first(item.html, blankToNull(read(Mode.HTML)));
            } else if (DC.equals(ns) && name.equals("creator")) {
                addPerson(item.authors, rssPerson(read(Mode.TEXT)));
            } else if (DC.equals(ns) && name.equals("date")) {
                dcDate = first(dcDate, blankToNull(read(Mode.TEXT)));
            } else if (ATOM.equals(ns) && name.equals("updated")) {
                item.modified = first(item.modified, blankToNull(read(Mode.TEXT)));
            } else if (!extension(item, ns, name)) {
                read(Mode.TEXT);
            }
        }
        if (item.html == null) {
            item.html = description;
        } else {
            item.excerpt = description;
        }
        if (item.link == null && guid != null && guidIsPermaLink && isWeb(guid)) {
            item.link = guid;
        }
        if (guid != null && isWeb(guid) && !guid.equals(item.link) && (guidIsPermaLink || sameHost(guid, item.link))) {
            String alias = pathOf(guid);
            if (alias != null) {
                item.aliases.add(alias);
            }
        }
        item.published = date("pubDate", pubDate, true, item.notes);
        if (item.published == null && dcDate != null) {
            item.published = date("dc:date", dcDate, false, item.notes);
        }
        return item.build(guid, pubDate != null ? pubDate : dcDate);
    }

    private SourceItem atomEntry() throws XMLStreamException {
        Item item = new Item(xml.getLocation().getLineNumber());
        String id = null;
        String summary = null;
        String published = null;
        List<SourceItem.Person> sourceAuthors = new ArrayList<>();
        while (true) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                break;
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            String name = xml.getLocalName();
            String ns = namespace();
            if (!ATOM.equals(ns)) {
                if (!extension(item, ns, name)) {
                    read(Mode.TEXT);
                }
                continue;
            }
            switch (name) {
                case "id" -> id = first(id, blankToNull(read(Mode.TEXT)));
                case "title" -> item.title = first(item.title, textConstruct());
                case "summary" -> summary = first(summary, textConstruct());
                case "content" -> item.html = first(item.html, atomContent(item.notes));
                case "published" -> published = first(published, blankToNull(read(Mode.TEXT)));
                case "updated" -> item.modified = first(item.modified, blankToNull(read(Mode.TEXT)));
                case "author" -> addPerson(item.authors, atomPerson());
                case "category" -> {
                    String label = blankToNull(xml.getAttributeValue(null, "label"));
                    addCategory(item.categories, label != null ? label : xml.getAttributeValue(null, "term"));
                    read(Mode.TEXT);
                }
                case "link" -> atomLink(item);
                case "source" -> sourceAuthors = sourceAuthors();
                default -> read(Mode.TEXT);
            }
        }
        if (item.html == null) {
            item.html = summary;
        } else {
            item.excerpt = summary;
        }
        if (item.authors.isEmpty()) {
            item.authors.addAll(sourceAuthors);
        }
        item.published = date("published", published, false, item.notes);
        Instant updated = date("updated", item.modified, false, item.notes);
        if (item.published == null) {
            item.published = updated;
        }
        return item.build(id, published != null ? published : item.modified, updated);
    }

    /** The authors of an Atom entry's {@code source}, the feed it was copied from. */
    private List<SourceItem.Person> sourceAuthors() throws XMLStreamException {
        List<SourceItem.Person> people = new ArrayList<>();
        while (true) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                return people;
            }
            if (event == XMLStreamConstants.START_ELEMENT) {
                if (ATOM.equals(namespace()) && xml.getLocalName().equals("author")) {
                    addPerson(people, atomPerson());
                } else {
                    read(Mode.TEXT);
                }
            }
        }
    }

    private void atomLink(Item item) throws XMLStreamException {
        String rel = xml.getAttributeValue(null, "rel");
        String href = blankToNull(xml.getAttributeValue(null, "href"));
        String type = xml.getAttributeValue(null, "type");
        read(Mode.TEXT);
        if (href == null) {
            return;
        }
        if (isAlternate(rel)) {
            // An entry may have an alternate per language or type; the first (or the HTML one) is the permalink.
            if (item.link == null || (type != null && type.strip().equalsIgnoreCase("text/html") && !item.htmlLink)) {
                item.link = href;
                item.htmlLink = type != null && type.strip().equalsIgnoreCase("text/html");
            }
        } else if ("enclosure".equals(rel.strip())) {
            if (isImageType(type)) {
                item.media.candidates.add(new Candidate(href, 2, item.media.itemMeta));
            } else {
                item.notes.add("An enclosure (" + (type == null ? href : type) + ") was not imported.");
            }
        }
    }

    private static boolean isAlternate(String rel) {
        return rel == null
                || rel.isBlank()
                || rel.strip().equals("alternate")
                || rel.strip().equals("http://www.iana.org/assignments/relation/alternate");
    }

    /** An Atom {@code title} or {@code summary} as HTML, by its type. */
    private String textConstruct() throws XMLStreamException {
        String type = typeOf(xml.getAttributeValue(null, "type"));
        String html = switch (type) {
            case "html" -> read(Mode.HTML);
            case "xhtml" -> read(Mode.XHTML);
            default -> escape(read(Mode.TEXT));
        };
        return blankToNull(html);
    }

    private String atomContent(List<String> notes) throws XMLStreamException {
        String src = xml.getAttributeValue(null, "src");
        String rawType = xml.getAttributeValue(null, "type");
        String type = typeOf(rawType);
        if (src != null) {
            read(Mode.TEXT);
            notes.add("The content is not in the feed (it is at " + src + "): the summary is the body.");
            return null;
        }
        String html;
        if (type.equals("html") || type.equals("text/html")) {
            html = read(Mode.HTML);
        } else if (type.equals("xhtml")) {
            html = read(Mode.XHTML);
        } else if (type.equals("text") || type.startsWith("text/")) {
            html = paragraphs(read(Mode.TEXT));
        } else if (type.endsWith("+xml") || type.endsWith("/xml")) {
            html = read(Mode.XHTML);
        } else {
            read(Mode.TEXT);
            notes.add("The content is of type " + rawType + ", which is not text: the summary is the body.");
            return null;
        }
        return blankToNull(html);
    }

    private static String typeOf(String type) {
        return type == null || type.isBlank() ? "text" : type.strip().toLowerCase(Locale.ROOT);
    }

    private SourceItem.Person atomPerson() throws XMLStreamException {
        Map<String, String> fields = new LinkedHashMap<>();
        while (true) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                break;
            }
            if (event == XMLStreamConstants.START_ELEMENT) {
                String name = xml.getLocalName();
                String value = blankToNull(read(Mode.TEXT));
                if (value != null) {
                    fields.putIfAbsent(name, value);
                }
            }
        }
        String name = fields.get("name") == null ? null : collapse(fields.get("name"));
        String email = fields.get("email");
        String key = name != null ? name : email;
        if (key == null) {
            return null;
        }
        String uri = fields.get("uri");
        String slug = null;
        if (uri != null) {
            String segment = lastSegment(uri);
            slug = segment != null && HANDLE.matcher(segment).matches() ? segment.toLowerCase(Locale.ROOT) : null;
        }
        return new SourceItem.Person(key, name, null, slug);
    }

    /** RSS's "jane@example.com (Jane Doe)", the "Jane Doe <jane@example.com>" some feeds write, or a bare name. */
    private static SourceItem.Person rssPerson(String text) {
        String value = collapse(text);
        if (value.isEmpty()) {
            return null;
        }
        int open = value.indexOf('(');
        if (open > 0 && value.endsWith(")")) {
            String name = blankToNull(value.substring(open + 1, value.length() - 1));
            String email = value.substring(0, open).strip();
            return name == null ? new SourceItem.Person(email, null, null, null) : person(name);
        }
        int angle = value.indexOf('<');
        if (angle > 0 && value.endsWith(">")) {
            return person(value.substring(0, angle).strip());
        }
        return value.contains("@") && !value.contains(" ")
                ? new SourceItem.Person(value, null, null, null)
                : person(value);
    }

    private static SourceItem.Person person(String name) {
        return new SourceItem.Person(name, name, null, null);
    }

    private static void addPerson(List<SourceItem.Person> people, SourceItem.Person person) {
        if (person != null && people.stream().noneMatch(p -> p.key().equals(person.key()))) {
            people.add(person);
        }
    }

    private static void addCategory(List<String> categories, String text) {
        String value = text == null ? "" : collapse(text);
        if (!value.isEmpty() && !categories.contains(value)) {
            categories.add(value);
        }
    }

    private void enclosure(Item item) throws XMLStreamException {
        String url = blankToNull(xml.getAttributeValue(null, "url"));
        String type = xml.getAttributeValue(null, "type");
        read(Mode.TEXT);
        if (url == null) {
            return;
        }
        if (isImageType(type)) {
            item.media.candidates.add(new Candidate(url, 2, item.media.itemMeta));
        } else {
            item.notes.add("An enclosure (" + (type == null ? url : type) + ") was not imported.");
        }
    }

    /** The elements of the modules both formats share: Media RSS and the comment counts. */
    private boolean extension(Item item, String ns, String name) throws XMLStreamException {
        if (MEDIA.equals(ns)) {
            media(item.media, item.media.itemMeta, name);
            return true;
        }
        if ((SLASH.equals(ns) && name.equals("comments")) || (THREAD.equals(ns) && name.equals("total"))) {
            String count = read(Mode.TEXT);
            try {
                item.comments = Math.max(item.comments, Integer.parseInt(count.strip()));
            } catch (NumberFormatException e) {
                item.notes.add("The comment count \"" + count + "\" is not a number.");
            }
            return true;
        }
        return false;
    }

    /** One Media RSS element at the item, group or content level. */
    private void media(Media media, Meta meta, String name) throws XMLStreamException {
        switch (name) {
            case "group" -> {
                Meta group = new Meta(meta);
                mediaChildren(media, group);
            }
            case "content" -> {
                String url = blankToNull(xml.getAttributeValue(null, "url"));
                String medium = xml.getAttributeValue(null, "medium");
                String type = xml.getAttributeValue(null, "type");
                boolean isDefault = "true".equalsIgnoreCase(xml.getAttributeValue(null, "isDefault"));
                Meta own = new Meta(meta);
                boolean image = medium != null
                        ? medium.strip().equalsIgnoreCase("image")
                        : type != null
                                ? isImageType(type)
                                : url != null && IMAGE_FILE.matcher(url).matches();
                if (url != null && image) {
                    media.candidates.add(new Candidate(url, isDefault ? 0 : 1, own));
                }
                mediaChildren(media, own);
            }
            case "thumbnail" -> {
                String url = blankToNull(xml.getAttributeValue(null, "url"));
                if (url != null) {
                    media.candidates.add(new Candidate(url, 3, meta));
                }
                read(Mode.TEXT);
            }
            case "description", "title" -> {
                boolean html = "html".equalsIgnoreCase(xml.getAttributeValue(null, "type"));
                String text = blankToNull(read(Mode.TEXT));
                String value = text == null ? null : html ? text : escape(text);
                if (name.equals("title")) {
                    meta.title = first(meta.title, value);
                } else {
                    meta.description = first(meta.description, value);
                }
            }
            case "credit" -> {
                String credit = blankToNull(read(Mode.TEXT));
                if (credit != null) {
                    meta.credits.add(collapse(credit));
                }
            }
            default -> read(Mode.TEXT);
        }
    }

    private void mediaChildren(Media media, Meta meta) throws XMLStreamException {
        while (true) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                return;
            }
            if (event == XMLStreamConstants.START_ELEMENT) {
                if (MEDIA.equals(namespace())) {
                    media(media, meta, xml.getLocalName());
                } else {
                    read(Mode.TEXT);
                }
            }
        }
    }

    /**
     * Reads to the end of the current element. TEXT gives its text, without any child elements'
     * tags; HTML gives its text as it is (an RSS description is HTML in text) with any child
     * elements written out as tags; XHTML escapes the text, and leaves out an XHTML {@code div}
     * wrapping the whole. Nesting is followed with a stack, not by recursion, so no document
     * can overflow the stack.
     */
    private String read(Mode mode) throws XMLStreamException {
        StringBuilder out = new StringBuilder();
        Deque<String> open = new ArrayDeque<>();
        boolean unwrapped = false;
        while (true) {
            int event = xml.next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> {
                    String name = xml.getLocalName();
                    boolean wrapper = mode == Mode.XHTML
                            && !unwrapped
                            && open.isEmpty()
                            && out.toString().isBlank()
                            && name.equals("div")
                            && XHTML.equals(namespace());
                    if (wrapper) {
                        unwrapped = true;
                        out.setLength(0);
                        open.push("");
                    } else if (mode == Mode.TEXT) {
                        open.push("");
                    } else {
                        startTag(out, name);
                        open.push(VOID.contains(name) ? "" : "</" + name + ">");
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    if (open.isEmpty()) {
                        return out.toString().strip();
                    }
                    out.append(open.pop());
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                    out.append(mode == Mode.XHTML ? escape(xml.getText()) : xml.getText());
                default -> {}
            }
        }
    }

    private void startTag(StringBuilder out, String name) {
        out.append('<').append(name);
        for (int i = 0; i < xml.getAttributeCount(); i++) {
            String ns = xml.getAttributeNamespace(i);
            if (ns == null || ns.isEmpty()) {
                out.append(' ')
                        .append(xml.getAttributeLocalName(i))
                        .append("=\"")
                        .append(escape(xml.getAttributeValue(i)))
                        .append('"');
            }
        }
        out.append('>');
    }

    private static String rssTitle(String text) {
        String value = blankToNull(text);
        return value == null || HTML_HINT.matcher(value).find() ? value : escape(value);
    }

    /** Plain text as HTML paragraphs, split at blank lines. */
    private static String paragraphs(String text) {
        StringBuilder out = new StringBuilder();
        for (String paragraph : BLANK_LINE.split(text.strip())) {
            if (!paragraph.isBlank()) {
                out.append("<p>").append(escape(paragraph.strip())).append("</p>");
            }
        }
        return out.toString();
    }

    private Instant date(String field, String text, boolean rfc822, List<String> notes) {
        if (text == null) {
            return null;
        }
        FeedDates.Stamp stamp = rfc822 ? FeedDates.rfc822(text) : FeedDates.w3c(text);
        if (stamp == null) {
            notes.add("The " + field + " \"" + text + "\" is not a date this importer can read; it was left out.");
            return null;
        }
        if (stamp.zoneMissing()) {
            notes.add("The " + field + " \"" + text + "\" names no time zone: it was read as UTC.");
        }
        return stamp.instant();
    }

    private String namespace() {
        String ns = xml.getNamespaceURI();
        return ns == null || ns.isEmpty() ? null : ns;
    }

    /** An item being read; its fields are filled in as the elements come, in any order. */
    private final class Item {
        final long line;
        String title;
        String excerpt;
        String html;
        String link;
        boolean htmlLink;
        String modified;
        Instant published;
        int comments;
        final List<SourceItem.Person> authors = new ArrayList<>();
        final List<String> categories = new ArrayList<>();
        final List<String> aliases = new ArrayList<>();
        final List<String> notes = new ArrayList<>();
        final Media media = new Media();

        Item(long line) {
            this.line = line;
        }

        SourceItem build(String id, String dateText) {
            Instant updated = date("atom:updated", modified, false, notes);
            return build(id, dateText, updated);
        }

        SourceItem build(String id, String dateText, Instant updated) {
            String sourceId = id;
            if (sourceId == null && link != null) {
                sourceId = link;
                notes.add("The item has no id of its own: it is matched on re-runs by its link.");
            }
            if (sourceId == null) {
                sourceId = "sha256:" + hash((title == null ? "" : title) + "\n" + (dateText == null ? "" : dateText));
                notes.add("The item has no id and no link: it is matched on re-runs by its title and date,"
                        + " so a change to either imports it again.");
            }
            if (title == null && html == null) {
                notes.add("The item has neither a title nor any content.");
            }
            if (authors.isEmpty()) {
                authors.addAll(feedAuthors);
            }
            String absolute = link == null ? null : resolve(link);
            return new SourceItem(
                    sourceId,
                    SourceItem.Type.STORY,
                    title,
                    excerpt,
                    html,
                    slugOf(absolute != null ? absolute : link),
                    SourceItem.Status.PUBLISHED,
                    published,
                    updated,
                    authors,
                    categories,
                    List.of(),
                    media.featured(this),
                    absolute != null ? absolute : link,
                    aliases,
                    comments,
                    notes,
                    line);
        }

        /** An address made absolute against the item's link, else the feed's; null when it is not http(s). */
        String resolve(String url) {
            try {
                URI uri = new URI(url.strip());
                if (!uri.isAbsolute()) {
                    String base = link != null && isWeb(link) ? link : feedLink;
                    if (base == null || !isWeb(base)) {
                        return null;
                    }
                    uri = new URI(base.strip()).resolve(uri);
                }
                return isWeb(uri.toString()) ? uri.toString() : null;
            } catch (URISyntaxException | IllegalArgumentException e) {
                return null;
            }
        }
    }

    /** The Media RSS and enclosure images of an item, and the captions and credits around them. */
    private static final class Media {
        final Meta itemMeta = new Meta(null);
        final List<Candidate> candidates = new ArrayList<>();

        SourceItem.Image featured(Item item) {
            Candidate best = null;
            for (Candidate candidate : candidates) {
                if (best == null || candidate.rank() < best.rank()) {
                    best = candidate;
                }
            }
            if (best == null) {
                return null;
            }
            String url = item.resolve(best.url());
            if (url == null) {
                item.notes.add("The featured image " + best.url() + " is not a web address; it was left out.");
                return null;
            }
            return new SourceItem.Image(url, null, caption(best.meta()));
        }

        private static String caption(Meta meta) {
            String caption = null;
            for (Meta m = meta; m != null && caption == null; m = m.parent) {
                caption = m.description;
            }
            for (Meta m = meta; m != null && caption == null; m = m.parent) {
                caption = m.title;
            }
            List<String> credits = List.of();
            for (Meta m = meta; m != null && credits.isEmpty(); m = m.parent) {
                credits = m.credits;
            }
            if (credits.isEmpty()) {
                return caption;
            }
            String credit = String.join("/", credits);
            String plain = caption == null ? "" : Jsoup.parse(caption).text().strip();
            // "The quay (Kim Li)." names the credit already, in its own words.
            String bare = TRAILING_CLOSERS.matcher(plain).replaceFirst("");
            if (ENDS_WITH_CREDIT.matcher(plain).matches() || bare.endsWith(credit)) {
                return caption;
            }
            String line = CREDIT_KIND.matcher(credit).matches() ? credit : "Photo: " + credit;
            return caption == null ? escape(line) : caption + " " + escape(line);
        }
    }

    /** The Media RSS caption elements at one level: an item, a group or a content. */
    private static final class Meta {
        final Meta parent;
        String title;
        String description;
        final List<String> credits = new ArrayList<>();

        Meta(Meta parent) {
            this.parent = parent;
        }
    }

    /** An image that could be the featured one; the lowest rank wins, then the first. */
    private record Candidate(String url, int rank, Meta meta) {}

    private static boolean isImageType(String type) {
        return type != null && type.strip().toLowerCase(Locale.ROOT).startsWith("image/");
    }

    private static boolean isWeb(String url) {
        String lower = url.strip().toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://");
    }

    private static boolean sameHost(String a, String b) {
        if (b == null) {
            return false;
        }
        try {
            String host = new URI(a.strip()).getHost();
            return host != null && host.equalsIgnoreCase(new URI(b.strip()).getHost());
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** The path and query of an address, as the old site answered it. */
    private static String pathOf(String url) {
        try {
            URI uri = new URI(url.strip());
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static String lastSegment(String url) {
        try {
            String path = new URI(url.strip()).getRawPath();
            if (path == null) {
                return null;
            }
            String[] segments = path.split("/");
            for (int i = segments.length - 1; i >= 0; i--) {
                if (!segments[i].isEmpty()) {
                    return segments[i];
                }
            }
            return null;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static String slugOf(String link) {
        if (link == null) {
            return null;
        }
        String segment = lastSegment(link);
        if (segment == null) {
            return null;
        }
        String name = HTML_SUFFIX.matcher(segment).replaceFirst("").toLowerCase(Locale.ROOT);
        return SLUG.matcher(name).matches() && name.chars().anyMatch(Character::isLetter) ? name : null;
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256.", e);
        }
    }

    private static String escape(String text) {
        return Entities.escape(text);
    }

    private static String collapse(String text) {
        return WHITESPACE.matcher(text.strip()).replaceAll(" ");
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static <T> T first(T current, T next) {
        return current != null ? current : next;
    }

    private static List<String> sorted(Set<String> values) {
        return values.stream().sorted().toList();
    }

    private ImportFormatException refused(String what) {
        return SafeXml.refused(xml, source, what, "a feed");
    }

    private ImportFormatException malformed(XMLStreamException e) {
        return SafeXml.malformed(source, e);
    }

    @Override
    public void close() {
        try {
            xml.close();
            in.close();
        } catch (XMLStreamException e) {
            throw malformed(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
