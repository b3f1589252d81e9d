package org.lede.importing.ghost;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.lede.common.CountedLines;

/**
 * A post's body as HTML, from the richest form the export holds: Lexical (Ghost 5.x), else
 * mobiledoc (1.x to 4.x), else the HTML Ghost rendered, else the markdown of the oldest exports,
 * else the plain text.
 */
final class Body {
    /** Ghost's stand-in for the site's own address in stored content (since 4.x). */
    static final String GHOST_URL = "__GHOST_URL__";

    private Body() {}

    /** The body's HTML, or null when the post holds none. */
    static String html(JsonNode post, CountedLines notes) {
        Document doc = Document.createShell("");
        doc.outputSettings().prettyPrint(false);
        Element body = doc.body();
        Cards cards = new Cards(notes);
        boolean read = false;
        JsonNode lexical = document(post, "lexical", "Lexical", notes);
        if (lexical != null && Lexical.readable(lexical)) {
            new Lexical(cards, notes).render(lexical, body);
            read = true;
        } else if (lexical != null) {
            notes.add("The post's Lexical document has no root: the next form the export holds was used.");
        }
        JsonNode mobiledoc = read ? null : document(post, "mobiledoc", "mobiledoc", notes);
        if (mobiledoc != null && Mobiledoc.readable(mobiledoc)) {
            new Mobiledoc(cards, notes).render(mobiledoc, body);
            read = true;
        } else if (mobiledoc != null) {
            notes.add(
                    "The mobiledoc is of version \"" + mobiledoc.path("version").asText("")
                            + "\", which is not read (0.3.x is): the post's HTML was used.");
        }
        if (!read && Json.text(post, "html") != null) {
            body.append(Json.text(post, "html"));
            read = true;
        }
        if (!read && Json.text(post, "markdown") != null) {
            body.append(Cards.markdownHtml(Json.text(post, "markdown")));
            read = true;
        }
        if (!read && Json.text(post, "plaintext") != null) {
            notes.add("The post held only plain text: it was read as paragraphs.");
            body.appendText(Json.text(post, "plaintext"));
            read = true;
        }
        if (!read) {
            return null;
        }
        siteRelative(body, notes);
        return body.html();
    }

    /** The document a field holds as a JSON string, or null when absent or unreadable (with a note). */
    private static JsonNode document(JsonNode post, String field, String name, CountedLines notes) {
        String json = Json.text(post, field);
        if (json == null) {
            return null;
        }
        try {
            JsonNode doc = Json.TREES.readTree(json);
            if (doc != null && doc.isObject()) {
                return doc;
            }
        } catch (JacksonException e) {
            // Noted below: the post is still imported from the next form it holds.
        }
        notes.add("The post's " + name + " document could not be read: the next form the export holds was used.");
        return null;
    }

    /**
     * Ghost writes its own address as {@value #GHOST_URL} in stored content; without it an address
     * is a path on the site, which is what the old site's links and images were.
     */
    private static void siteRelative(Element body, CountedLines notes) {
        boolean changed = false;
        for (Element e : body.getAllElements()) {
            for (Attribute attribute : e.attributes()) {
                if (attribute.getValue().contains(GHOST_URL)) {
                    attribute.setValue(attribute.getValue().replace(GHOST_URL, ""));
                    changed = true;
                }
            }
        }
        if (changed) {
            notes.add(relativeNote());
        }
    }

    /** Strips {@value #GHOST_URL} from an address; notes it when it did. */
    static String siteRelative(String url, CountedLines notes) {
        if (url == null || !url.contains(GHOST_URL)) {
            return url;
        }
        notes.add(relativeNote());
        return url.replace(GHOST_URL, "");
    }

    private static String relativeNote() {
        return "Addresses written " + GHOST_URL + "/... were read as paths on the old site: images under "
                + "/content/images/ are the export's content/images folder.";
    }
}
