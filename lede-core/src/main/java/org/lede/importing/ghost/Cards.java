package org.lede.importing.ghost;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.lede.common.CountedLines;

/**
 * Ghost's cards as HTML that {@link org.lede.authoring.HtmlBlocks} reads. Lexical and mobiledoc
 * documents hold the same cards with the same fields (a mobiledoc card's payload, a Lexical node's
 * own fields), so both readers come here. Text is only ever added through jsoup's element API, and
 * the fields Ghost stores as HTML (captions, the HTML card, callout text) are parsed, never pasted
 * into markup.
 */
final class Cards {
    /** Fields of an unknown card that hold words worth keeping, in the order they are kept. */
    private static final List<String> TEXT_FIELDS = List.of(
            "header",
            "heading",
            "title",
            "subheader",
            "text",
            "content",
            "description",
            "html",
            "caption",
            "buttonText");

    private static final Parser MARKDOWN = Parser.builder().build();
    private static final HtmlRenderer MARKDOWN_HTML = HtmlRenderer.builder().build();

    private final CountedLines notes;

    Cards(CountedLines notes) {
        this.notes = notes;
    }

    /** Renders the card {@code name} with its fields at the end of {@code parent}. */
    void render(String name, JsonNode card, Element parent) {
        switch (name) {
            case "image" -> image(card, parent);
            case "gallery" -> gallery(card, parent);
            case "html" -> html(Json.text(card, "html"), parent);
            case "markdown", "card-markdown" -> markdown(Json.text(card, "markdown"), parent);
            case "embed" -> embed(card, parent);
            case "bookmark" -> bookmark(card, parent);
            case "hr", "divider", "horizontalrule" -> parent.appendElement("hr");
            case "code", "codeblock" -> code(card, parent);
            case "callout" -> callout(card, parent);
            case "toggle" -> toggle(card, parent);
            case "button" -> button(card, parent);
            case "video", "audio" -> media(name, card, parent);
            case "file" -> file(card, parent);
            case "product" -> product(card, parent);
            case "header" -> header(card, parent);
            case "paywall" ->
                notes.add("The members-only part began at a paywall card on Ghost; Lede has no "
                        + "membership, so the whole text is imported.");
            case "email", "email-cta" ->
                notes.add("An email-only card (" + name + ") was left out: Ghost showed it only in newsletters.");
            default -> unknown(name, card, parent);
        }
    }

    private void image(JsonNode card, Element parent) {
        figure(Json.text(card, "src"), Json.text(card, "alt"), Json.text(card, "caption"), parent);
        if (Json.text(card, "href") != null) {
            notes.add("An image's link was left out: a Lede image block links nowhere.");
        }
    }

    private static void figure(String src, String alt, String caption, Element parent) {
        Element figure = parent.appendElement("figure");
        Element img = figure.appendElement("img").attr("src", src == null ? "" : src);
        if (alt != null) {
            img.attr("alt", alt);
        }
        if (caption != null) {
            figure.appendElement("figcaption").append(caption);
        }
    }

    private void gallery(JsonNode card, Element parent) {
        int count = 0;
        for (JsonNode image : card.path("images")) {
            figure(Json.text(image, "src"), Json.text(image, "alt"), Json.text(image, "caption"), parent);
            count++;
        }
        notes.add("A gallery of " + count + " images became " + count + " image blocks, one after another.");
        caption(card, "gallery", parent);
    }

    private static void html(String html, Element parent) {
        if (html != null) {
            parent.append(html);
        }
    }

    private static void markdown(String markdown, Element parent) {
        if (markdown != null) {
            parent.append(markdownHtml(markdown));
        }
    }

    /** CommonMark as HTML; raw HTML in it is kept, for HtmlBlocks reads any HTML safely. */
    static String markdownHtml(String markdown) {
        return MARKDOWN_HTML.render(MARKDOWN.parse(markdown));
    }

    /**
     * An embed card keeps the address of the page embedded (a YouTube watch page, a post on X),
     * which HtmlBlocks makes an embed when it knows the service and a link otherwise; the oEmbed
     * markup Ghost saved beside it is only read when there is no address.
     */
    private void embed(JsonNode card, Element parent) {
        String url = Json.text(card, "url");
        if (url != null) {
            link(url, url, parent);
        } else {
            html(Json.text(card, "html"), parent);
        }
        caption(card, "embed", parent);
    }

    private void bookmark(JsonNode card, Element parent) {
        String url = Json.text(card, "url");
        if (url == null) {
            notes.add("A bookmark card without an address was left out.");
            return;
        }
        String title = Json.text(card.path("metadata"), "title");
        link(url, title == null ? url : title, parent);
        notes.add("A bookmark card became a link to its page: Lede shows no link previews.");
        caption(card, "bookmark", parent);
    }

    private void code(JsonNode card, Element parent) {
        String code = Json.text(card, "code");
        if (code != null) {
            parent.appendElement("pre").appendElement("code").appendText(code);
        }
        caption(card, "code", parent);
    }

    private void callout(JsonNode card, Element parent) {
        html(Json.text(card, "calloutText"), parent.appendElement("div"));
        notes.add("A callout card became plain text"
                + (Json.text(card, "calloutEmoji") == null ? "" : ", its emoji left out") + ": Lede has no callouts.");
    }

    private void toggle(JsonNode card, Element parent) {
        String heading = Json.text(card, "heading");
        if (heading != null) {
            parent.appendElement("h3").append(heading);
        }
        html(Json.text(card, "content"), parent.appendElement("div"));
        notes.add("A toggle card was opened: its heading became a subhead and its content follows it.");
    }

    private void button(JsonNode card, Element parent) {
        String url = Json.text(card, "buttonUrl");
        String text = Json.text(card, "buttonText");
        if (url == null) {
            if (text != null) {
                parent.appendElement("p").appendText(text);
            }
        } else {
            link(url, text == null ? url : text, parent);
        }
        notes.add("A button card became a link: Lede has no buttons.");
    }

    private void media(String name, JsonNode card, Element parent) {
        String src = Json.text(card, "src");
        parent.appendElement(name).attr("src", src == null ? "" : src);
        String title = Json.text(card, "title");
        if (title != null) {
            parent.appendElement("p").appendText(title);
        }
        caption(card, name, parent);
    }

    private void file(JsonNode card, Element parent) {
        String src = Json.text(card, "src");
        String title = first(Json.text(card, "fileTitle"), Json.text(card, "fileName"), src);
        if (src == null) {
            if (title != null) {
                parent.appendElement("p").appendText(title);
            }
        } else {
            link(src, title, parent);
        }
        String caption = Json.text(card, "fileCaption");
        if (caption != null) {
            parent.appendElement("p").appendText(caption);
        }
        notes.add("A file card became a link to the file, which was not brought in: upload it to the media "
                + "library if it should stay.");
    }

    private void product(JsonNode card, Element parent) {
        String image = Json.text(card, "productImageSrc");
        if (image != null) {
            figure(image, null, null, parent);
        }
        String title = Json.text(card, "productTitle");
        if (title != null) {
            parent.appendElement("h3").append(title);
        }
        html(Json.text(card, "productDescription"), parent.appendElement("div"));
        String url = Json.text(card, "productUrl");
        if (url != null) {
            String button = Json.text(card, "productButton");
            link(url, button == null ? url : button, parent);
        }
        notes.add("A product card became a subhead, its text and a link: Lede has no product cards.");
    }

    private void header(JsonNode card, Element parent) {
        String header = Json.text(card, "header");
        if (header != null) {
            parent.appendElement("h2").append(header);
        }
        String subheader = Json.text(card, "subheader");
        if (subheader != null) {
            parent.appendElement("p").append(subheader);
        }
        String url = Json.text(card, "buttonUrl");
        if (url != null) {
            String text = Json.text(card, "buttonText");
            link(url, text == null ? url : text, parent);
        }
        notes.add("A header card became a subhead and its text, its background left out.");
    }

    private void unknown(String name, JsonNode card, Element parent) {
        List<String> words = new ArrayList<>();
        for (String field : TEXT_FIELDS) {
            String value = Json.text(card, field);
            if (value != null) {
                String text = Jsoup.parse(value).text().strip();
                if (!text.isEmpty()) {
                    words.add(text);
                }
            }
        }
        if (words.isEmpty()) {
            notes.add("A Ghost \"" + name + "\" card was left out: Lede has no such block and it held no text.");
        } else {
            parent.appendElement("p").appendText(String.join(" ", words));
            notes.add("A Ghost \"" + name + "\" card was kept as a paragraph of its text: Lede has no such block.");
        }
    }

    private void caption(JsonNode card, String name, Element parent) {
        String caption = Json.text(card, "caption");
        if (caption != null) {
            parent.appendElement("p").append(caption);
            notes.add("The caption of " + name + " cards was kept as a paragraph after the card.");
        }
    }

    private static void link(String href, String text, Element parent) {
        parent.appendElement("p").appendElement("a").attr("href", href).appendText(text);
    }

    private static String first(String... values) {
        for (String value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }
}
