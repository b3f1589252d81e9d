package org.lede.importing.ghost;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.lede.common.CountedLines;

/**
 * A Lexical document (Ghost 5.x) as HTML. Its root holds block nodes (paragraph, heading, quote,
 * aside, list) and Ghost's cards, whose fields sit on the node itself; text nodes carry their
 * formatting as Lexical's bitmask.
 */
final class Lexical {
    private static final int BOLD = 1;
    private static final int ITALIC = 1 << 1;
    private static final int STRIKETHROUGH = 1 << 2;
    private static final int UNDERLINE = 1 << 3;
    private static final int CODE = 1 << 4;
    private static final int SUBSCRIPT = 1 << 5;
    private static final int SUPERSCRIPT = 1 << 6;
    private static final int HIGHLIGHT = 1 << 7;

    private static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");

    private final Cards cards;
    private final CountedLines notes;

    Lexical(Cards cards, CountedLines notes) {
        this.cards = cards;
        this.notes = notes;
    }

    /** Whether the document is a Lexical editor state: a root node with children. */
    static boolean readable(JsonNode doc) {
        return doc.path("root").path("children").isArray();
    }

    void render(JsonNode doc, Element body) {
        for (JsonNode node : doc.path("root").path("children")) {
            block(node, body);
        }
    }

    private void block(JsonNode node, Element parent) {
        String type = node.path("type").asText("");
        switch (type) {
            case "paragraph" -> inlines(node, parent.appendElement("p"));
            case "heading", "extended-heading" -> {
                String tag = node.path("tag").asText("");
                inlines(node, parent.appendElement(HEADINGS.contains(tag) ? tag : "h2"));
            }
            // Ghost's aside is its second quote style, a pull quote.
            case "quote", "extended-quote", "aside" -> inlines(node, parent.appendElement("blockquote"));
            case "list" -> list(node, parent);
            default -> {
                if (node.path("children").isArray()) {
                    notes.add("A Lexical \"" + type + "\" node was read as a paragraph.");
                    inlines(node, parent.appendElement("p"));
                } else {
                    cards.render(type, node, parent);
                }
            }
        }
    }

    private void list(JsonNode node, Element parent) {
        boolean numbered = node.path("listType").asText("").equals("number")
                || node.path("tag").asText("").equals("ol");
        if (node.path("listType").asText("").equals("check")) {
            notes.add("A checklist became a plain list: Lede has no check boxes.");
        }
        Element list = parent.appendElement(numbered ? "ol" : "ul");
        for (JsonNode item : node.path("children")) {
            Element li = list.appendElement("li");
            for (JsonNode child : item.path("children")) {
                if (child.path("type").asText("").equals("list")) {
                    list(child, li);
                } else {
                    inline(child, li);
                }
            }
        }
    }

    private void inlines(JsonNode node, Element parent) {
        for (JsonNode child : node.path("children")) {
            inline(child, parent);
        }
    }

    private void inline(JsonNode node, Element parent) {
        String type = node.path("type").asText("");
        switch (type) {
            case "text", "extended-text" ->
                formatted(node.path("format").asInt(0), parent)
                        .appendText(node.path("text").asText(""));
            case "linebreak" -> parent.appendElement("br");
            case "tab" -> parent.appendText(" ");
            case "link", "autolink" ->
                inlines(
                        node,
                        parent.appendElement("a").attr("href", node.path("url").asText("")));
            default -> {
                if (node.path("children").isArray()) {
                    notes.add("A Lexical \"" + type + "\" node was read as its text.");
                    inlines(node, parent);
                } else if (node.has("text")) {
                    parent.appendText(node.path("text").asText(""));
                } else {
                    notes.add("A Lexical \"" + type + "\" node inside a paragraph was left out.");
                }
            }
        }
    }

    private static Element formatted(int format, Element parent) {
        Element current = parent;
        current = wrap(format, BOLD, "strong", current);
        current = wrap(format, ITALIC, "em", current);
        current = wrap(format, STRIKETHROUGH, "s", current);
        current = wrap(format, UNDERLINE, "u", current);
        current = wrap(format, CODE, "code", current);
        current = wrap(format, SUBSCRIPT, "sub", current);
        current = wrap(format, SUPERSCRIPT, "sup", current);
        return wrap(format, HIGHLIGHT, "mark", current);
    }

    private static Element wrap(int format, int flag, String tag, Element parent) {
        return (format & flag) != 0 ? parent.appendElement(tag) : parent;
    }
}
