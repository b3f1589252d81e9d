package org.lede.importing.ghost;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.lede.common.CountedLines;

/**
 * A mobiledoc 0.3 document (Ghost 1.x to 4.x) as HTML. Its sections are markup sections (type 1:
 * p, h1–h6, blockquote, aside), image sections (2), list sections (3) and card sections (10); the
 * text of a section is a run of markers, each opening markups before its text or atom and closing
 * a number of them after it.
 */
final class Mobiledoc {
    private static final Set<String> BLOCKS = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote");
    private static final Set<String> MARKUPS = Set.of("a", "b", "strong", "i", "em", "code", "s", "u", "sup", "sub");

    private final Cards cards;
    private final CountedLines notes;
    private JsonNode markups;
    private JsonNode atoms;

    Mobiledoc(Cards cards, CountedLines notes) {
        this.cards = cards;
        this.notes = notes;
    }

    /** Whether the document is one this reads: mobiledoc 0.3.x, the only version Ghost wrote. */
    static boolean readable(JsonNode doc) {
        return doc.path("version").asText("").startsWith("0.3.")
                && doc.path("sections").isArray();
    }

    void render(JsonNode doc, Element body) {
        markups = doc.path("markups");
        atoms = doc.path("atoms");
        JsonNode cardList = doc.path("cards");
        for (JsonNode section : doc.path("sections")) {
            int type = section.path(0).asInt(-1);
            switch (type) {
                case 1 ->
                    markers(
                            section.path(2),
                            body.appendElement(block(section.path(1).asText(""))));
                case 2 ->
                    body.appendElement("figure")
                            .appendElement("img")
                            .attr("src", section.path(1).asText(""));
                case 3 -> {
                    Element list = body.appendElement(section.path(1).asText("").equalsIgnoreCase("ol") ? "ol" : "ul");
                    for (JsonNode item : section.path(2)) {
                        markers(item, list.appendElement("li"));
                    }
                }
                case 10 -> {
                    JsonNode card = cardList.path(section.path(1).asInt(-1));
                    cards.render(card.path(0).asText(""), card.path(1), body);
                }
                default -> notes.add("A mobiledoc section of unknown type " + type + " was left out.");
            }
        }
    }

    /** The element for a markup section; Ghost's aside is its second quote style. */
    private String block(String tagName) {
        String tag = tagName.toLowerCase(Locale.ROOT);
        if (tag.equals("aside") || tag.equals("pull-quote")) {
            return "blockquote";
        }
        if (!BLOCKS.contains(tag)) {
            notes.add("A mobiledoc \"" + tagName + "\" section was read as a paragraph.");
            return "p";
        }
        return tag;
    }

    private void markers(JsonNode markers, Element block) {
        Deque<Element> open = new ArrayDeque<>();
        for (JsonNode marker : markers) {
            Element current = open.isEmpty() ? block : open.peek();
            for (JsonNode index : marker.path(1)) {
                current = markup(markups.path(index.asInt(-1)), current);
                open.push(current);
            }
            if (marker.path(0).asInt(0) == 1) {
                atom(atoms.path(marker.path(3).asInt(-1)), current);
            } else {
                current.appendText(marker.path(3).asText(""));
            }
            for (int closed = marker.path(2).asInt(0); closed > 0 && !open.isEmpty(); closed--) {
                open.pop();
            }
        }
    }

    private Element markup(JsonNode markup, Element parent) {
        String tag = markup.path(0).asText("").toLowerCase(Locale.ROOT);
        if (!MARKUPS.contains(tag)) {
            notes.add("Mobiledoc \"" + markup.path(0).asText("") + "\" formatting was left out, its text kept.");
            return parent.appendElement("span");
        }
        Element element = parent.appendElement(tag);
        JsonNode attributes = markup.path(1);
        for (int i = 0; i + 1 < attributes.size(); i += 2) {
            if (tag.equals("a") && attributes.path(i).asText("").equals("href")) {
                element.attr("href", attributes.path(i + 1).asText(""));
            }
        }
        return element;
    }

    private void atom(JsonNode atom, Element parent) {
        String name = atom.path(0).asText("");
        if (name.equals("soft-return")) {
            parent.appendElement("br");
            return;
        }
        String text = atom.path(1).asText("");
        parent.appendText(text);
        notes.add("A mobiledoc \"" + name + "\" atom was kept as its text.");
    }
}
