package org.lede.authoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jsoup.select.NodeTraversor;
import org.lede.common.Check;
import org.lede.common.CountedLines;
import org.lede.common.ValidationException;
import org.lede.content.Block;
import org.lede.content.Credit;
import org.lede.content.Embed;
import org.lede.content.ImageBlock;
import org.lede.content.Inline;
import org.lede.content.LeadIn;
import org.lede.content.Links;
import org.lede.content.ListBlock;
import org.lede.content.ListItem;
import org.lede.content.Paragraph;
import org.lede.content.Quote;
import org.lede.content.Span;
import org.lede.content.Subhead;

/** The work of {@link HtmlBlocks}: one reading of one document. */
final class HtmlReader {
    /** Inline elements whose text joins the paragraph around them. */
    private static final Set<String> INLINE = Set.of(
            "a", "b", "strong", "i", "em", "span", "font", "u", "s", "strike", "del", "ins", "sub", "sup", "code",
            "mark", "small", "big", "abbr", "cite", "q", "time", "br", "label", "bdi", "bdo", "dfn", "var", "kbd",
            "samp", "data", "tt", "wbr", "nobr", "o:p");
    /** Inline formatting a story has no form for: the text stays, the formatting is reported. */
    private static final Set<String> FORMATTING_LOST =
            Set.of("u", "s", "strike", "del", "sub", "sup", "code", "mark", "tt", "kbd", "samp");
    /** Elements that only group others: read through without a word in the report. */
    private static final Set<String> TRANSPARENT = Set.of(
            "html",
            "body",
            "div",
            "section",
            "article",
            "main",
            "header",
            "footer",
            "aside",
            "nav",
            "center",
            "dl",
            "dt",
            "dd",
            "li",
            "tr",
            "td",
            "th",
            "tbody",
            "thead",
            "tfoot",
            "caption",
            "details",
            "summary",
            "figcaption",
            "address",
            "hgroup",
            "picture",
            "span",
            "font");
    /** Elements inside a paragraph that make blocks of their own, after it. */
    private static final Set<String> OWN_BLOCK =
            Set.of("img", "iframe", "video", "audio", "picture", "figure", "table", "ul", "ol");
    /** Left out, each with the line the report gives. */
    private static final Map<String, String> DROPPED = Map.ofEntries(
            Map.entry("script", "script left out: a story runs no scripts"),
            Map.entry("style", "stylesheet left out: the site has its own"),
            Map.entry("link", "page metadata (link, meta, base) left out"),
            Map.entry("meta", "page metadata (link, meta, base) left out"),
            Map.entry("base", "page metadata (link, meta, base) left out"),
            Map.entry("noscript", "noscript fallback left out"),
            Map.entry("template", "template left out"),
            Map.entry("form", "form left out with its fields: a story takes no input"),
            Map.entry("input", "form field left out: a story takes no input"),
            Map.entry("button", "form field left out: a story takes no input"),
            Map.entry("select", "form field left out: a story takes no input"),
            Map.entry("textarea", "form field left out: a story takes no input"),
            Map.entry("object", "plug-in object left out"),
            Map.entry("embed", "plug-in object left out"),
            Map.entry("applet", "plug-in object left out"),
            Map.entry("canvas", "drawing (canvas, svg, math) left out: upload it as an image"),
            Map.entry("svg", "drawing (canvas, svg, math) left out: upload it as an image"),
            Map.entry("math", "drawing (canvas, svg, math) left out: upload it as an image"),
            Map.entry("frameset", "frames left out"),
            Map.entry("frame", "frames left out"),
            Map.entry("dialog", "dialog left out"));
    /** Markup that stands for an embed, by class; the address is in an attribute or the last link. */
    private static final Set<String> EMBED_CLASSES = Set.of(
            "twitter-tweet", "twitter-video", "instagram-media", "tiktok-embed", "bluesky-embed", "text-post-media");

    private static final Pattern BLANK_LINE = Pattern.compile("\\n[ \\t\\u00A0]*\\n");
    private static final Pattern SHORTCODE = Pattern.compile("\\[([a-zA-Z][\\w-]*)((?:\\s[^\\[\\]]*)?)\\]");
    private static final Pattern URL_ATTRIBUTE =
            Pattern.compile("\\b(?:src|url|mp3|m4a|ogg|wav|mp4|m4v|webm|ogv)\\s*=\\s*[\"']?([^\"'\\s\\]]+)");
    private static final Pattern IDS_ATTRIBUTE = Pattern.compile("\\bids\\s*=\\s*[\"']?([\\d, ]+)");
    private static final Pattern CAPTION_ATTRIBUTE = Pattern.compile("\\bcaption\\s*=\\s*\"([^\"]*)\"");
    private static final Pattern BOLD_STYLE = Pattern.compile("font-weight\\s*:\\s*(bold|bolder|[6-9]00)\\b");
    private static final Pattern NORMAL_WEIGHT = Pattern.compile("font-weight\\s*:\\s*(normal|lighter|[1-5]00)\\b");
    private static final Pattern ITALIC_STYLE = Pattern.compile("font-style\\s*:\\s*(italic|oblique)\\b");
    private static final Pattern NORMAL_STYLE = Pattern.compile("font-style\\s*:\\s*normal\\b");
    private static final String DASHES = "—–-―";
    private static final int MAX_ALT = 500;

    private final Function<HtmlBlocks.ImageRef, String> mediaIds;
    private final List<Block> out = new ArrayList<>();
    private final List<HtmlBlocks.ImageRef> images = new ArrayList<>();
    private final CountedLines report = new CountedLines();
    private String title;

    HtmlReader(Function<HtmlBlocks.ImageRef, String> mediaIds) {
        this.mediaIds = mediaIds;
    }

    HtmlBlocks.Result read(String html) {
        Element root;
        try {
            Document doc = Jsoup.parse(html);
            for (Element e : doc.head().children()) {
                String reason = DROPPED.get(e.normalName());
                // The parser moves a fragment's leading styles and scripts here; titles and metadata are the page's,
                // not the story's.
                if (reason != null
                        && !e.normalName().equals("meta")
                        && !e.normalName().equals("link")) {
                    report.add(reason);
                }
            }
            root = doc.body();
        } catch (RuntimeException e) {
            // jsoup 1.24's tree builder fails on formatting elements nested past its depth limit of 512; its XML
            // parser builds the tree as written, which the reading below takes as well.
            report.add("HTML nested too deeply for a browser's reading was read as written");
            root = Jsoup.parse(html, Parser.xmlParser());
        }
        shortcodes(root);
        container(root, 0);
        return new HtmlBlocks.Result(title, out, images, report.lines());
    }

    // ---- blocks

    private void container(Element parent, int depth) {
        Inliner run = new Inliner(depth);
        for (Node child : parent.childNodes()) {
            if (child instanceof TextNode text) {
                String[] parts = BLANK_LINE.split(text.getWholeText(), -1);
                for (int i = 0; i < parts.length; i++) {
                    if (i > 0) {
                        flush(run);
                        run = new Inliner(depth);
                    }
                    run.text(parts[i], Style.PLAIN);
                }
            } else if (child instanceof Element e && INLINE.contains(e.normalName())) {
                run.node(e, Style.PLAIN, depth + 1);
            } else if (child instanceof Element e) {
                flush(run);
                run = new Inliner(depth);
                block(e, depth + 1);
            } else {
                run.node(child, Style.PLAIN, depth + 1);
            }
        }
        flush(run);
    }

    private void block(Element e, int depth) {
        String tag = e.normalName();
        if (depth > HtmlBlocks.MAX_DEPTH) {
            flattened(e);
            return;
        }
        String dropped = DROPPED.get(tag);
        if (dropped != null) {
            report.add(dropped);
            return;
        }
        switch (tag) {
            case "p" -> {
                Inliner inliner = new Inliner(depth);
                inliner.children(e, Style.PLAIN, depth + 1);
                flush(inliner);
            }
            case "h1", "h2", "h3", "h4", "h5", "h6" -> heading(e);
            case "ul", "ol" -> list(e, depth);
            case "blockquote" -> quote(e, depth);
            case "figure" -> figure(e, depth);
            case "img" -> image(e, null);
            case "iframe" -> iframe(e);
            case "video", "audio" -> media(e);
            case "table" -> table(e);
            case "hr" -> report.add("horizontal rule left out");
            case "pre" -> {
                report.add("preformatted text joined into a paragraph");
                paragraph(List.of(Span.plain(clean(e.wholeText()))));
            }
            default -> {
                if (!TRANSPARENT.contains(tag)) {
                    report.add("<" + tag + "> read as text: a story has no such element");
                }
                container(e, depth);
            }
        }
    }

    /** An element nested past the limit: its text, as one paragraph. */
    private void flattened(Element e) {
        report.add("nesting deeper than " + HtmlBlocks.MAX_DEPTH + " levels read as plain text");
        paragraph(List.of(Span.plain(clean(e.text()))));
    }

    private void heading(Element e) {
        String text = clean(e.text()).strip();
        if (text.isEmpty()) {
            return;
        }
        String tag = e.normalName();
        if (tag.equals("h1") && title == null && out.isEmpty()) {
            title = Check.line(text);
            return;
        }
        if (!Set.of("h2", "h3", "h4").contains(tag)) {
            report.add(tag + " heading made a subhead");
        }
        out.add(new Subhead(text));
    }

    private void list(Element list, int depth) {
        List<ListItem> items = new ArrayList<>();
        List<Element> own = new ArrayList<>();
        boolean nested = items(list, items, own, depth);
        if (nested) {
            report.add("nested list flattened into its parent");
        }
        if (!items.isEmpty()) {
            out.add(new ListBlock(list.normalName().equals("ol"), items));
        }
        ownBlocks(own, depth);
    }

    /** Adds the items of a list and of the lists inside it; true when there were any inside. */
    private boolean items(Element list, List<ListItem> items, List<Element> own, int depth) {
        boolean nested = false;
        for (Element li : list.children()) {
            Inliner inliner = new Inliner(depth);
            List<Element> sublists = new ArrayList<>();
            for (Node n : li.childNodes()) {
                if (n instanceof Element e
                        && (e.normalName().equals("ul") || e.normalName().equals("ol"))) {
                    sublists.add(e);
                } else {
                    inliner.node(n, Style.PLAIN, depth + 1);
                }
            }
            own.addAll(inliner.own);
            Inline text = new Inline(inliner.spans);
            if (!text.isBlank()) {
                items.add(listItem(text));
            }
            for (Element sub : sublists) {
                nested = true;
                if (depth + 1 > HtmlBlocks.MAX_DEPTH) {
                    report.add("nesting deeper than " + HtmlBlocks.MAX_DEPTH + " levels read as plain text");
                    String flat = clean(sub.text()).strip();
                    if (!flat.isEmpty()) {
                        items.add(ListItem.of(flat));
                    }
                } else {
                    items(sub, items, own, depth + 1);
                }
            }
        }
        return nested;
    }

    private static ListItem listItem(Inline text) {
        Labelled labelled = labelled(text);
        return labelled == null ? new ListItem(null, text) : new ListItem(labelled.label(), labelled.rest());
    }

    private void quote(Element q, int depth) {
        String embed = socialEmbed(q);
        if (embed != null) {
            out.add(new Embed(embed));
            return;
        }
        Element by = q.selectFirst("footer, cite");
        if (by != null
                && by.parent() != null
                && by.parent().normalName().equals("p")
                && undash(clean(by.parent().text())).equals(clean(by.text()).strip())) {
            by = by.parent();
        }
        Element last = q.children().isEmpty() ? null : q.children().last();
        if (by == null
                && last != null
                && last.normalName().equals("p")
                && q.children().size() > 1) {
            String text = clean(last.text()).strip();
            if (!text.isEmpty() && DASHES.indexOf(text.charAt(0)) >= 0) {
                by = last;
            }
        }
        String attribution = by == null ? null : Check.optional(undash(clean(by.text())));
        if (q.select("p").size() > (by == null || !by.normalName().equals("p") ? 1 : 2)) {
            report.add("quote of several paragraphs joined into one");
        }
        Inliner inliner = new Inliner(depth);
        inliner.skip = by;
        inliner.children(q, Style.PLAIN, depth + 1);
        Inline text = new Inline(inliner.spans);
        if (!text.isBlank()) {
            out.add(new Quote(text, attribution));
        } else if (attribution != null) {
            report.add("quote without words: its attribution kept as a paragraph");
            out.add(Paragraph.of(attribution));
        }
        ownBlocks(inliner.own, depth);
    }

    private static String undash(String text) {
        String stripped = text.strip();
        int i = 0;
        while (i < stripped.length() && (DASHES.indexOf(stripped.charAt(i)) >= 0 || stripped.charAt(i) == ' ')) {
            i++;
        }
        return stripped.substring(i);
    }

    /** The address behind X, Instagram, TikTok and similar embed markup, or null. */
    private static String socialEmbed(Element q) {
        if (q.classNames().stream().noneMatch(EMBED_CLASSES::contains)) {
            return null;
        }
        for (String attribute : List.of("data-instgrm-permalink", "cite", "data-bluesky-uri")) {
            String url = EmbedUrls.web(q.attr(attribute));
            if (url != null) {
                return url;
            }
        }
        List<Element> links = q.select("a[href]");
        for (int i = links.size() - 1; i >= 0; i--) {
            String url = links.get(i).attr("href");
            if (EmbedUrls.isKnown(url)) {
                return EmbedUrls.web(url);
            }
        }
        return null;
    }

    private void figure(Element fig, int depth) {
        List<Element> imgs = fig.select("img");
        Element figcaption = fig.selectFirst("figcaption");
        if (imgs.size() == 1 && fig.select("figure").size() == 1) {
            image(imgs.getFirst(), figcaption != null ? figcaption.text() : fig.text());
            return;
        }
        Element frame = fig.selectFirst("iframe");
        Element wrapper = fig.selectFirst(".wp-block-embed__wrapper");
        String url = frame != null
                ? EmbedUrls.web(frame.attr("src"))
                : wrapper != null ? EmbedUrls.web(clean(wrapper.text())) : null;
        if (url != null && imgs.isEmpty()) {
            out.add(new Embed(url));
            if (figcaption != null && !clean(figcaption.text()).isBlank()) {
                report.add("an embed's caption kept as a paragraph");
                paragraph(List.of(Span.plain(clean(figcaption.text()))));
            }
            return;
        }
        container(fig, depth);
    }

    private void image(Element img, String captionText) {
        String src = img.attr("src");
        for (String lazy : List.of("data-src", "data-lazy-src", "data-orig-file")) {
            if ((src.isBlank() || src.startsWith("data:")) && img.hasAttr(lazy)) {
                src = img.attr(lazy);
            }
        }
        src = src.strip();
        String text = captionText == null ? "" : clean(captionText).strip();
        PasteLines.Hero split = text.isEmpty() ? null : PasteLines.hero(text);
        String caption = split != null ? split.caption() : Check.optional(text);
        Credit credit = split != null ? split.credit() : null;
        if (src.isEmpty() || src.startsWith("data:")) {
            report.add(
                    src.isEmpty()
                            ? "image without an address left out"
                            : "image written into the page (a data: address) left out: upload it instead");
            captionParagraph(caption, credit);
            return;
        }
        String alt = Check.optional(clean(img.attr("alt")));
        if (alt != null && alt.length() > MAX_ALT) {
            report.add("alt text shortened to " + MAX_ALT + " characters");
            alt = alt.substring(0, MAX_ALT);
        }
        HtmlBlocks.ImageRef ref = new HtmlBlocks.ImageRef(src, alt, caption, credit);
        images.add(ref);
        String mediaId = mediaIds.apply(ref);
        if (mediaId != null) {
            out.add(new ImageBlock(mediaId, caption, credit, alt));
            return;
        }
        report.add("image " + src + " not brought in: add it from the media library"
                + (caption == null && credit == null ? "" : "; its caption is kept as text"));
        captionParagraph(caption, credit);
    }

    private void captionParagraph(String caption, Credit credit) {
        String text = (caption == null ? "" : caption) + (credit == null ? "" : " " + credit.render());
        paragraph(List.of(Span.plain(text)));
    }

    private void iframe(Element e) {
        String url = EmbedUrls.web(e.hasAttr("src") ? e.attr("src") : e.attr("data-src"));
        if (url == null) {
            report.add("frame without a web address left out");
        } else {
            out.add(new Embed(url));
        }
    }

    private void media(Element e) {
        String src = e.attr("src");
        Element source = e.selectFirst("source[src]");
        if (src.isBlank() && source != null) {
            src = source.attr("src");
        }
        String url = EmbedUrls.web(src);
        if (url == null) {
            report.add(e.normalName() + " without a web address left out");
        } else {
            report.add(e.normalName() + " kept as a link to its file");
            out.add(new Embed(url));
        }
    }

    private void table(Element table) {
        report.add("table flattened: one paragraph per row");
        List<Element> rows = new ArrayList<>();
        for (Element child : table.children()) {
            switch (child.normalName()) {
                case "tr" -> rows.add(child);
                case "thead", "tbody", "tfoot" -> rows.addAll(child.children());
                default -> paragraph(List.of(Span.plain(clean(child.text()))));
            }
        }
        for (Element row : rows) {
            List<String> cells = new ArrayList<>();
            for (Element cell : row.children()) {
                String text = clean(cell.text()).strip();
                if (!text.isEmpty()) {
                    cells.add(text);
                }
            }
            paragraph(List.of(Span.plain(String.join(" · ", cells))));
        }
    }

    private void ownBlocks(List<Element> own, int depth) {
        for (Element e : own) {
            block(e, depth + 1);
        }
    }

    private void flush(Inliner inliner) {
        paragraph(inliner.spans);
        ownBlocks(inliner.own, inliner.depth);
    }

    /** A paragraph of the spans, or a lead-in, or an embed when it is only a known embed address. */
    private void paragraph(List<Span> spans) {
        Inline text = new Inline(spans);
        if (text.isBlank()) {
            return;
        }
        String embed = soleEmbed(text);
        if (embed != null) {
            out.add(new Embed(embed));
            return;
        }
        Labelled labelled = labelled(text);
        out.add(labelled == null ? new Paragraph(text) : new LeadIn(labelled.label(), labelled.rest()));
    }

    private static String soleEmbed(Inline text) {
        String plain = text.text();
        boolean oneLink = text.spans().stream().allMatch(s -> plain.equals(s.href()));
        boolean noLink = text.spans().stream().noneMatch(Span::isLink);
        return (oneLink || noLink) && plain.indexOf(' ') < 0 && EmbedUrls.isKnown(plain) ? EmbedUrls.web(plain) : null;
    }

    private record Labelled(String label, Inline rest) {}

    /** A bold label opening the text: "**Why it matters:** ..." or "**Why it matters**: ...". */
    private static Labelled labelled(Inline text) {
        List<Span> spans = text.spans();
        Span first = spans.getFirst();
        if (!first.bold() || first.isLink() || spans.size() < 2) {
            return null;
        }
        String label;
        List<Span> rest = new ArrayList<>(spans.subList(1, spans.size()));
        Span next = rest.getFirst();
        if (first.text().endsWith(":")) {
            label = first.text().substring(0, first.text().length() - 1);
        } else if (!next.bold() && next.text().startsWith(":")) {
            label = first.text();
            rest.set(0, new Span(next.text().substring(1), next.bold(), next.italic(), next.href()));
        } else {
            return null;
        }
        Inline after = new Inline(rest);
        if (after.isBlank()) {
            return null;
        }
        try {
            return new Labelled(new LeadIn(label.strip(), after).label(), after);
        } catch (ValidationException e) {
            return null;
        }
    }

    // ---- inline text

    private record Style(boolean bold, boolean italic, String href) {
        static final Style PLAIN = new Style(false, false, null);

        Style of(Element e) {
            String tag = e.normalName();
            boolean b = bold || tag.equals("b") || tag.equals("strong");
            boolean i = italic || tag.equals("i") || tag.equals("em");
            String css = e.attr("style").toLowerCase(Locale.ROOT);
            // Word processors say it with styles; Google Docs wraps a whole paste in <b style="font-weight:normal">.
            b = BOLD_STYLE.matcher(css).find()
                    || (b && !NORMAL_WEIGHT.matcher(css).find());
            i = ITALIC_STYLE.matcher(css).find()
                    || (i && !NORMAL_STYLE.matcher(css).find());
            return new Style(b, i, href);
        }
    }

    /** Collects the spans of one paragraph, and the elements inside it that are blocks of their own. */
    private final class Inliner {
        final List<Span> spans = new ArrayList<>();
        final List<Element> own = new ArrayList<>();
        final int depth;
        Element skip;

        Inliner(int depth) {
            this.depth = depth;
        }

        void children(Element e, Style style, int depth) {
            for (Node n : e.childNodes()) {
                node(n, style, depth);
            }
        }

        void node(Node n, Style style, int depth) {
            if (n instanceof TextNode t) {
                text(t.getWholeText(), style);
            } else if (n instanceof Comment c) {
                comment(c);
            } else if (n instanceof Element e && e != skip) {
                element(e, style, depth);
            }
        }

        void text(String text, Style style) {
            spans.add(new Span(clean(text), style.bold(), style.italic(), style.href()));
        }

        private void element(Element e, Style style, int depth) {
            String tag = e.normalName();
            String dropped = DROPPED.get(tag);
            if (dropped != null) {
                report.add(dropped);
            } else if (OWN_BLOCK.contains(tag)) {
                own.add(e);
            } else if (depth > HtmlBlocks.MAX_DEPTH) {
                report.add("nesting deeper than " + HtmlBlocks.MAX_DEPTH + " levels read as plain text");
                text(e.text(), style);
            } else if (tag.equals("br")) {
                text(" ", style);
            } else if (tag.equals("a")) {
                String href = link(e);
                children(e, new Style(style.bold(), style.italic(), href == null ? style.href() : href), depth + 1);
            } else {
                if (FORMATTING_LOST.contains(tag)) {
                    report.add("<" + tag + "> formatting left out, its text kept");
                }
                // A block inside a paragraph (a div in a span, a p in a quote) joins it as words of its own;
                // inline elements may split a word ("<span>Hel</span>lo"), so they add no space.
                boolean words = !INLINE.contains(tag);
                if (words) {
                    text(" ", style);
                }
                children(e, style.of(e), depth + 1);
                if (words) {
                    text(" ", style);
                }
            }
        }

        private String link(Element a) {
            if (!a.hasAttr("href")) {
                return null;
            }
            String href = a.attr("href").strip();
            if (href.startsWith("//")) {
                href = "https:" + href;
            }
            try {
                return Links.check(href);
            } catch (ValidationException e) {
                report.add("link to \"" + abbreviate(href) + "\" kept as text: " + e.getMessage());
                return null;
            }
        }
    }

    private void comment(Comment c) {
        String data = c.getData().strip();
        // The block editor's markers frame blocks whose HTML is read anyway.
        if (!data.startsWith("wp:") && !data.startsWith("/wp:")) {
            report.add("comment left out");
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 79) + "…";
    }

    /** Non-breaking and figure spaces read as spaces; zero-width ones and byte-order marks go. */
    static String clean(String text) {
        return text.replace('\u00A0', ' ')
                .replace('\u2007', ' ')
                .replace('\u202F', ' ')
                .replace("\u200B", "")
                .replace("\uFEFF", "");
    }

    // ---- WordPress shortcodes

    private void shortcodes(Element root) {
        List<TextNode> texts = new ArrayList<>();
        NodeTraversor.traverse(
                (node, depth) -> {
                    if (node instanceof TextNode t && t.getWholeText().indexOf('[') >= 0) {
                        texts.add(t);
                    }
                },
                root);
        for (TextNode t : texts) {
            if (t.parent() != null) {
                shortcodesIn(t);
            }
        }
    }

    private void shortcodesIn(TextNode start) {
        TextNode current = start;
        int from = 0;
        while (current != null) {
            String text = current.getWholeText();
            Matcher m = SHORTCODE.matcher(text);
            if (!m.find(from)) {
                return;
            }
            String name = m.group(1).toLowerCase(Locale.ROOT);
            String attributes = m.group(2);
            String closing = "[/" + m.group(1) + "]";
            int close = text.indexOf(closing, m.end());
            switch (name) {
                case "embed", "video", "audio" -> {
                    String url = close >= 0 ? text.substring(m.end(), close).strip() : "";
                    Matcher attribute = URL_ATTRIBUTE.matcher(attributes);
                    if (url.isEmpty() && attribute.find()) {
                        url = attribute.group(1);
                    }
                    int end = close >= 0 ? close + closing.length() : m.end();
                    // jsoup splits only inside the text, so a shortcode at its very end leaves no tail.
                    TextNode tail = end < text.length() ? current.splitText(end) : null;
                    current.splitText(m.start()).replaceWith(new Element("iframe").attr("src", url));
                    current = tail;
                    from = 0;
                }
                case "caption", "wp_caption" -> {
                    TextNode after = caption(current, m, attributes);
                    if (after == null) {
                        report.add("[" + name + "] without its [/" + name + "] kept as text");
                        from = m.end();
                    } else {
                        current = after;
                        from = 0;
                    }
                }
                case "gallery", "playlist" -> {
                    Matcher ids = IDS_ATTRIBUTE.matcher(attributes);
                    report.add("[" + name + "] left out: its items are the post's attachments"
                            + (ids.find() ? " (" + ids.group(1).strip() + ")" : ""));
                    int end = close >= 0 ? close + closing.length() : m.end();
                    current.text(text.substring(0, m.start()) + text.substring(end));
                    from = m.start();
                }
                default -> {
                    // "[sic]" and "[1]" are words; a shortcode has attributes or a closing tag.
                    if (attributes.contains("=") || close >= 0) {
                        report.add("shortcode [" + name + "] kept as text");
                    }
                    from = m.end();
                }
            }
        }
    }

    /**
     * Wraps "[caption ...]&lt;img&gt; Words[/caption]" in a figure. The closing tag is in this
     * text or a later sibling one; returns the text after it, or null when there is none.
     */
    private static TextNode caption(TextNode current, Matcher open, String attributes) {
        Node closeNode = current;
        int closeAt = current.getWholeText().indexOf("[/" + open.group(1) + "]", open.end());
        if (closeAt < 0) {
            closeNode = current.nextSibling();
            while (closeNode != null
                    && !(closeNode instanceof TextNode t
                            && (closeAt = t.getWholeText().indexOf("[/" + open.group(1) + "]")) >= 0)) {
                closeNode = closeNode.nextSibling();
            }
        }
        if (closeNode == null) {
            return null;
        }
        TextNode closeText = (TextNode) closeNode;
        TextNode after = closeText.splitText(closeAt);
        after.text(after.getWholeText().substring(open.group(1).length() + 3));
        TextNode inside = current.splitText(open.start());
        inside.text(inside.getWholeText().substring(open.end() - open.start()));
        Element figure = new Element("figure");
        inside.before(figure);
        Node n = inside;
        while (n != null && n != after) {
            Node next = n.nextSibling();
            figure.appendChild(n);
            n = next;
        }
        Matcher caption = CAPTION_ATTRIBUTE.matcher(attributes);
        if (caption.find()) {
            figure.appendChild(new TextNode(" " + caption.group(1)));
        }
        return after;
    }
}
