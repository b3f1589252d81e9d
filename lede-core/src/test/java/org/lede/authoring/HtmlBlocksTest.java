package org.lede.authoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lede.content.Credit;
import org.lede.content.CreditKind;
import org.lede.content.ImageBlock;

class HtmlBlocksTest {
    private static final String MEDIA = "01HZX3K8QJ5V9W2R7T4N6M8P0A";
    private static final String JS_LINK = "link to \"javascript:alert(1)\" kept as text: Links must start with http://,"
            + " https://, mailto: or /, not \"javascript:alert(1)\".";

    private static Arguments row(String name, String html, String text, String... report) {
        return Arguments.of(name, html, text, List.of(report));
    }

    static Stream<Arguments> conversions() {
        return Stream.of(
                row(
                        "inline styles and links",
                        "<p>Hi <b>bold</b>, <em>it</em> and <a href=\"https://e.com/x\">a link</a>.</p>",
                        "Hi **bold**, *it* and [a link](https://e.com/x).\n"),
                row(
                        "strong label with its colon",
                        "<p><strong>Why it matters:</strong> It is new.</p>",
                        "**Why it matters:** It is new.\n"),
                row(
                        "label with the colon after the bold",
                        "<p><b>The big picture</b>: Growth.</p>",
                        "**The big picture:** Growth.\n"),
                row("a bold label alone is bold text", "<p><strong>Note:</strong></p>", "__Note:__\n"),
                row("bold without a colon is no label", "<p><b>Big</b> news.</p>", "**Big** news.\n"),
                row(
                        "a linked label is no label",
                        "<p><a href=\"/a\"><b>See:</b></a> more</p>",
                        "[**See:**](/a) more\n"),
                row(
                        "bold text then more bold is a label and text",
                        "<p><b>A:</b><i><b>B</b></i> c</p>",
                        "**A:** ***B*** c\n"),
                row(
                        "an overlong label stays bold",
                        "<p><b>" + "x".repeat(61) + ":</b> rest</p>",
                        "__" + "x".repeat(61) + ":__ rest\n"),
                row("a label with an asterisk stays bold", "<p><b>A*B:</b> rest</p>", "__A\\*B:__ rest\n"),
                row("a colon after the bold with nothing after", "<p><b>Label</b>:</p>", "**Label**:\n"),
                row("a colon after bold text in bold is no label", "<p><b>A</b><i>: b</i></p>", "**A:** *b*\n"),
                row("a colon in bold after the bold", "<p><b>A</b><b><i>: b</i></b></p>", "**A*: b***\n"),
                row(
                        "unordered list with a labelled item",
                        "<ul><li>One</li><li><strong>Politics:</strong> A vote.</li><li> </li></ul>",
                        "- One\n- **Politics:** A vote.\n"),
                row(
                        "nested lists flatten",
                        "<ol><li>A<ol><li>B</li></ol></li><li>C</li></ol>",
                        "1. A\n2. B\n3. C\n",
                        "nested list flattened into its parent"),
                row("an empty list is nothing", "<ul><li></li></ul><p>x</p>", "x\n"),
                row(
                        "an image in a list item follows the list",
                        "<ul><li>A <img src=\"https://e.com/a.jpg\"></li></ul>",
                        "- A\n",
                        "image https://e.com/a.jpg not brought in: add it from the media library"),
                row(
                        "quote with a footer",
                        "<blockquote><p>We waited.</p><footer>— Lina Ortiz, mayor</footer></blockquote>",
                        "> We waited.\n> — Lina Ortiz, mayor\n"),
                row(
                        "quote with a cite inside",
                        "<blockquote><p>Go.</p><p>— <cite>Ann</cite></p></blockquote>",
                        "> Go.\n> — Ann\n"),
                row(
                        "quote whose last paragraph is a dash line",
                        "<blockquote><p>We waited.</p><p>– Lina</p></blockquote>",
                        "> We waited.\n> — Lina\n"),
                row(
                        "a one-paragraph quote that starts with a dash",
                        "<blockquote><p>— Not an attribution</p></blockquote>",
                        "> — Not an attribution\n"),
                row(
                        "a quote whose last child is no paragraph",
                        "<blockquote><p>A</p><div>— B</div></blockquote>",
                        "> A — B\n"),
                row(
                        "a dash paragraph that is empty",
                        "<blockquote><p>A</p><p> </p></blockquote>",
                        "> A\n",
                        "quote of several paragraphs joined into one"),
                row(
                        "quote of paragraphs",
                        "<blockquote><p>One.</p><p>Two.</p></blockquote>",
                        "> One. Two.\n",
                        "quote of several paragraphs joined into one"),
                row(
                        "quote of two paragraphs and an attribution",
                        "<blockquote><p>One.</p><p>Two.</p><p>— Ann</p></blockquote>",
                        "> One. Two.\n> — Ann\n",
                        "quote of several paragraphs joined into one"),
                row(
                        "quote of only an attribution",
                        "<blockquote><footer>Ann</footer></blockquote>",
                        "Ann\n",
                        "quote without words: its attribution kept as a paragraph"),
                row("empty quote", "<blockquote> </blockquote>", ""),
                row("subheads", "<h2>Two</h2><h3>Three</h3><h4>Four</h4>", "## Two\n\n## Three\n\n## Four\n"),
                row(
                        "other headings",
                        "<p>x</p><h1>One</h1><h5>Five</h5><h6>Six</h6><h2> </h2>",
                        "x\n\n## One\n\n## Five\n\n## Six\n",
                        "h1 heading made a subhead",
                        "h5 heading made a subhead",
                        "h6 heading made a subhead"),
                row(
                        "figure without media keeps its caption",
                        "<figure><img src=\"https://e.com/a.jpg\" alt=\"A crowd\"><figcaption>A crowd. Photo: Jane Roe/Wire"
                                + "</figcaption></figure>",
                        "A crowd. Photo: Jane Roe/Wire\n",
                        "image https://e.com/a.jpg not brought in: add it from the media library; its caption is kept as"
                                + " text"),
                row(
                        "image without a caption",
                        "<img src=\"/a.jpg\">",
                        "",
                        "image /a.jpg not brought in: add it from the media library"),
                row(
                        "image without an address",
                        "<figure><img alt=\"x\"><figcaption>Cap</figcaption></figure>",
                        "Cap\n",
                        "image without an address left out"),
                row(
                        "image in a data: address",
                        "<img src=\"data:image/png;base64,AAAA\">",
                        "",
                        "image written into the page (a data: address) left out: upload it instead"),
                row(
                        "iframes",
                        "<iframe src=\"//www.youtube.com/embed/x\"></iframe><iframe data-src=\"https://e.com/m\">"
                                + "</iframe><iframe src=\"javascript:alert(1)\"></iframe>",
                        "<https://www.youtube.com/embed/x>\n\n<https://e.com/m>\n",
                        "frame without a web address left out"),
                row(
                        "a bare embed address",
                        "<p>https://www.youtube.com/watch?v=1</p><p><a href=\"https://vimeo.com/1\">"
                                + "https://vimeo.com/1</a></p><p>https://example.com/x</p><p>https://youtu.be/x now</p>"
                                + "<p><a href=\"https://vimeo.com/2\">https://vimeo.com/1</a></p>",
                        "<https://www.youtube.com/watch?v=1>\n\n<https://vimeo.com/1>\n\nhttps://example.com/x\n\n"
                                + "https://youtu.be/x now\n\n[https://vimeo.com/1](https://vimeo.com/2)\n"),
                row(
                        "x embed",
                        "<blockquote class=\"twitter-tweet\"><p>Hi</p>&mdash; A (@a) <a href=\"https://twitter.com/a/"
                                + "status/1\">May 1</a></blockquote><script src=\"https://platform.twitter.com/widgets.js\"></script>",
                        "<https://twitter.com/a/status/1>\n",
                        "script left out: a story runs no scripts"),
                row(
                        "instagram embed",
                        "<blockquote class=\"instagram-media\" data-instgrm-permalink=\"https://www.instagram.com/p/x/\">"
                                + "<a href=\"https://example.com\">x</a></blockquote>",
                        "<https://www.instagram.com/p/x/>\n"),
                row(
                        "tiktok embed",
                        "<blockquote class=\"tiktok-embed\" cite=\"https://www.tiktok.com/@a/video/1\"><p>x</p>"
                                + "</blockquote>",
                        "<https://www.tiktok.com/@a/video/1>\n"),
                row(
                        "embed markup without an address is a quote",
                        "<blockquote class=\"twitter-tweet\"><p>Hi <a href=\""
                                + "https://example.com\">x</a></p></blockquote>",
                        "> Hi [x](https://example.com)\n"),
                row(
                        "block-editor embed",
                        "<!-- wp:embed {\"url\":\"https://vimeo.com/1\"} --><figure class=\"wp-block-embed\">"
                                + "<div class=\"wp-block-embed__wrapper\">\nhttps://vimeo.com/1\n</div><figcaption>Watch</figcaption>"
                                + "</figure><!-- /wp:embed -->",
                        "<https://vimeo.com/1>\n\nWatch\n",
                        "an embed's caption kept as a paragraph"),
                row(
                        "figure with an iframe",
                        "<figure><iframe src=\"https://e.com/m\"></iframe><figcaption> </figcaption></figure>",
                        "<https://e.com/m>\n"),
                row(
                        "figure of a table",
                        "<figure class=\"wp-block-table\"><table><tr><td>a</td><td>b</td></tr></table></figure>",
                        "a · b\n",
                        "table flattened: one paragraph per row"),
                row(
                        "gallery of figures",
                        "<figure class=\"wp-block-gallery\"><figure><img src=\"/a.jpg\"><figcaption>A"
                                + "</figcaption></figure><figure><img src=\"/b.jpg\"></figure></figure>",
                        "A\n",
                        "image /a.jpg not brought in: add it from the media library; its caption is kept as text",
                        "image /b.jpg not brought in: add it from the media library"),
                row(
                        "WordPress loose text",
                        "First line\nstill first.\n\nSecond.\n \nThird <b>bold</b>.",
                        "First line still first.\n\nSecond.\n\nThird **bold**.\n"),
                row(
                        "caption shortcode",
                        "[caption id=\"a\" width=\"300\"]<img src=\"https://e.com/a.jpg\"> A crowd. Photo: Jane Roe"
                                + "[/caption]After.",
                        "A crowd. Photo: Jane Roe\n\nAfter.\n",
                        "image https://e.com/a.jpg not brought in: add it from the media library; its caption is kept as"
                                + " text"),
                row(
                        "caption shortcode in a paragraph with a caption attribute",
                        "<p>Before [caption caption=\"Old style\"]<img src=\"/a.jpg\">[/caption] after</p>",
                        "Before after\n\nOld style\n",
                        "image /a.jpg not brought in: add it from the media library; its caption is kept as text"),
                row("caption shortcode without an image", "[caption]Just words[/caption]", "Just words\n"),
                row(
                        "unclosed caption shortcode",
                        "[caption id=\"a\"]<img src=\"/a.jpg\"> words",
                        "[caption id=\"a\"]\n\nwords\n",
                        "[caption] without its [/caption] kept as text",
                        "image /a.jpg not brought in: add it from the media library"),
                row(
                        "embed shortcodes",
                        "[embed]https://www.youtube.com/watch?v=1[/embed] [video src=\"https://e.com/v.mp4\"]"
                                + " [audio mp3=\"https://e.com/a.mp3\"][/audio] [embed]javascript:x[/embed] [video]",
                        "<https://www.youtube.com/watch?v=1>\n\n<https://e.com/v.mp4>\n\n<https://e.com/a.mp3>\n",
                        "frame without a web address left out (2 times)"),
                row(
                        "gallery shortcodes",
                        "A [gallery ids=\"1,2\"] B [gallery] C [playlist ids=\"3\"][/playlist] D",
                        "A B C D\n",
                        "[gallery] left out: its items are the post's attachments (1,2)",
                        "[gallery] left out: its items are the post's attachments",
                        "[playlist] left out: its items are the post's attachments (3)"),
                row(
                        "other shortcodes stay words",
                        "<p>[sic] [1] [note]x[/note] [form id=\"2\"]</p>",
                        "[sic] [1] [note]x[/note] [form id=\"2\"]\n",
                        "shortcode [note] kept as text",
                        "shortcode [form] kept as text"),
                row(
                        "block-editor comments are markers",
                        "<!-- wp:paragraph --><p>Hi</p><!-- /wp:paragraph -->",
                        "Hi\n"),
                row(
                        "scripts, styles, forms and comments",
                        "<style>p{}</style><p>A<!-- note --><script>x()</script></p>"
                                + "<form><label>Name</label><input></form><noscript>n</noscript><template>t</template>"
                                + "<button>b</button><svg><text>s</text></svg><object>o</object>",
                        "A\n",
                        "stylesheet left out: the site has its own",
                        "comment left out",
                        "script left out: a story runs no scripts",
                        "form left out with its fields: a story takes no input",
                        "noscript fallback left out",
                        "template left out",
                        "form field left out: a story takes no input",
                        "drawing (canvas, svg, math) left out: upload it as an image",
                        "plug-in object left out"),
                row(
                        "a document's head",
                        "<!doctype html><html><head><title>T</title><meta charset=utf-8><link rel=x>"
                                + "<style>p{}</style><script>x</script></head><body><p>Body</p></body></html>",
                        "Body\n",
                        "stylesheet left out: the site has its own",
                        "script left out: a story runs no scripts"),
                row(
                        "hostile links",
                        "<p><a href=\"javascript:alert(1)\">click</a> <a href=\"//e.com/p\">p</a>"
                                + " <a href=\"/about\">about</a> <a name=\"x\">anchor</a></p>",
                        "click [p](https://e.com/p) [about](/about) anchor\n",
                        JS_LINK),
                row(
                        "a long bad link is shortened in the report",
                        "<p><a href=\"page-" + "x".repeat(100) + "\">t</a></p>",
                        "t\n",
                        "link to \"page-" + "x".repeat(74) + "…\" kept as text: Links must start with http://,"
                                + " https://, mailto: or /, not \"page-" + "x".repeat(100) + "\"."),
                row("whitespace", "<p>\u00A0 a\u2007b\u202Fc\u200Bd\uFEFF\n\t e </p>", "a b cd e\n"),
                row("unclosed tags", "<p>One<p>Two <b>bold<p>Three", "One\n\nTwo **bold**\n\n**Three**\n"),
                row(
                        "nested tables",
                        "<table><caption>Cap</caption><thead><tr><th>h</th></tr></thead><tr><td>a<table><tr><td>"
                                + "in</td></tr></table></td><td> </td><td>b</td></tr></table>",
                        "Cap\n\nh\n\na in · b\n",
                        "table flattened: one paragraph per row"),
                row(
                        "unknown elements are text",
                        "<marquee>Hi</marquee><x-card>Card</x-card>",
                        "Hi\n\nCard\n",
                        "<marquee> read as text: a story has no such element",
                        "<x-card> read as text: a story has no such element"),
                row(
                        "lost formatting",
                        "<p><u>u</u> H<sub>2</sub>O <code>c</code></p>",
                        "u H2O c\n",
                        "<u> formatting left out, its text kept",
                        "<sub> formatting left out, its text kept",
                        "<code> formatting left out, its text kept"),
                row(
                        "word processors' styles",
                        "<b style=\"font-weight:normal\" id=\"docs-internal-guid\"><p><span "
                                + "style=\"font-weight:700\">Bold</span> <span style=\"font-style:italic\">it</span> "
                                + "<i style=\"font-style:normal\">up</i> plain</p></b>",
                        "**Bold** *it* up plain\n"),
                row(
                        "Word's paragraphs",
                        "<p class=MsoNormal>Te<span lang=EN>xt</span><o:p></o:p></p><div><br></div>",
                        "Text\n"),
                row(
                        "blocks inside inline text are words",
                        "<ul><li><span>a<div>b</div>c</span></li></ul>",
                        "- a b c\n"),
                row(
                        "video and audio",
                        "<video src=\"https://e.com/v.mp4\"></video><audio><source src=\"https://e.com/a.mp3\">"
                                + "</audio><video></video>",
                        "<https://e.com/v.mp4>\n\n<https://e.com/a.mp3>\n",
                        "video kept as a link to its file",
                        "audio kept as a link to its file",
                        "video without a web address left out"),
                row(
                        "rules and preformatted text",
                        "<hr><pre>a\n  b</pre>",
                        "a b\n",
                        "horizontal rule left out",
                        "preformatted text joined into a paragraph"),
                row("a line break is a space", "<p>a<br>b</p>", "a b\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("conversions")
    void convertsWithoutMedia(String name, String html, String text, List<String> report) {
        HtmlBlocks.Result result = HtmlBlocks.convert(html);

        assertEquals(text, AuthoringText.format(result.blocks()), name);
        assertEquals(report, result.report(), name);
    }

    @Test
    void anOpeningH1IsTheTitle() {
        HtmlBlocks.Result result = HtmlBlocks.convert("<h1>The <b>title</b></h1><h1>Second</h1><p>x</p>");

        assertEquals("The title", result.title());
        assertEquals("## Second\n\nx\n", AuthoringText.format(result.blocks()));
        assertNull(HtmlBlocks.convert("<p>x</p><h1>Late</h1>").title());
    }

    @Test
    void resolvedImagesBecomeImageBlocksWithCaptionCreditAndAlt() {
        List<HtmlBlocks.ImageRef> asked = new ArrayList<>();
        HtmlBlocks.Result result = HtmlBlocks.convert(
                "<figure><img src=\" https://e.com/a.jpg \" alt=\"A crowd\"><figcaption>A crowd outside. Illustration: Jane"
                        + " Roe/Wire</figcaption></figure>"
                        + "<figure><img data-src=\"https://e.com/b.jpg\" src=\"data:image/gif;base64,R0\"><figcaption>Graphic:"
                        + " Data Desk</figcaption></figure>"
                        + "<p><img data-lazy-src=\"/c.jpg\" alt=\"" + "a".repeat(600) + "\">Text</p>"
                        + "<figure><img src=\"/d.jpg\"><figcaption>Not a credit. Photo: this is a sentence.</figcaption></figure>",
                ref -> {
                    asked.add(ref);
                    return ref.src().endsWith("d.jpg") ? null : MEDIA;
                });

        assertEquals(
                List.of(
                        new ImageBlock(MEDIA, "A crowd outside.", Credit.illustration("Jane Roe", "Wire"), "A crowd"),
                        new ImageBlock(MEDIA, null, new Credit(CreditKind.GRAPHIC, "Data Desk", null), null)),
                result.blocks().subList(0, 2));
        assertEquals("Text", result.blocks().get(2).plainText());
        assertEquals(
                new ImageBlock(MEDIA, null, null, "a".repeat(500)),
                result.blocks().get(3));
        assertEquals(
                "Not a credit. Photo: this is a sentence.",
                result.blocks().get(4).plainText());
        assertEquals(asked, result.images());
        assertEquals(
                List.of(
                        new HtmlBlocks.ImageRef(
                                "https://e.com/a.jpg",
                                "A crowd",
                                "A crowd outside.",
                                Credit.illustration("Jane Roe", "Wire")),
                        new HtmlBlocks.ImageRef(
                                "https://e.com/b.jpg", null, null, new Credit(CreditKind.GRAPHIC, "Data Desk", null)),
                        new HtmlBlocks.ImageRef("/c.jpg", "a".repeat(500), null, null),
                        new HtmlBlocks.ImageRef("/d.jpg", null, "Not a credit. Photo: this is a sentence.", null)),
                asked);
        assertEquals(
                List.of(
                        "alt text shortened to 500 characters",
                        "image /d.jpg not brought in: add it from the media library; its caption is kept as text"),
                result.report());
    }

    @Test
    void deepNestingIsReadWithoutOverflowingTheStack() {
        HtmlBlocks.Result formatting = HtmlBlocks.convert("<section><p><i>".repeat(10_000) + "deep text");
        assertEquals("*deep text*\n", AuthoringText.format(formatting.blocks()));
        assertEquals(
                List.of(
                        "HTML nested too deeply for a browser's reading was read as written",
                        "nesting deeper than 64 levels read as plain text"),
                formatting.report());
        for (String open : List.of(
                "<div>",
                "<b>",
                "<blockquote>",
                "<ul><li>",
                "<span>",
                "<table><tr><td>",
                "<figure>",
                "<a href=\"/x\">",
                "<section><p><i>")) {
            String html = open.repeat(10_000) + "deep text";
            HtmlBlocks.Result result = HtmlBlocks.convert(html);
            assertTrue(AuthoringText.format(result.blocks()).contains("deep text"), open);
        }
    }
}
