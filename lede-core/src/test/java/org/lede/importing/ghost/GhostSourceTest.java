package org.lede.importing.ghost;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.lede.authoring.HtmlBlocks;
import org.lede.content.Block;
import org.lede.content.Credit;
import org.lede.content.Embed;
import org.lede.content.ImageBlock;
import org.lede.content.LeadIn;
import org.lede.content.ListBlock;
import org.lede.content.Paragraph;
import org.lede.content.Quote;
import org.lede.content.Subhead;
import org.lede.importing.ImportFormatException;
import org.lede.importing.SourceItem;
import org.lede.importing.SourceItem.Person;
import org.lede.importing.SourceItem.Status;
import org.lede.importing.SourceItem.Type;

class GhostSourceTest {

    private static final String NO_MEMBERS =
            "Lede has no membership, so it is imported as it is and anyone can read it once published.";
    private static final String RELATIVE = "Addresses written __GHOST_URL__/... were read as paths on the old site: "
            + "images under /content/images/ are the export's content/images folder.";

    @Test
    void ghost5ExportMapsEveryFieldOfAPost() {
        List<SourceItem> items = readAll("ghost-5.json");
        assertEquals(6, items.size());
        SourceItem post = items.getFirst();
        assertEquals("6650a1", post.sourceId());
        assertEquals(Type.STORY, post.type());
        assertEquals("Ferry late &lt;again&gt; &amp; again", post.title());
        assertEquals("Third time this week: a &lt; b", post.excerpt());
        assertEquals("ferry-late", post.slug());
        assertEquals(Status.PUBLISHED, post.status());
        assertEquals(Instant.parse("2024-05-01T10:00:00Z"), post.published());
        assertEquals(Instant.parse("2024-05-02T09:30:00Z"), post.modified());
        assertEquals(
                List.of(
                        new Person("u1", "Ana Lima", "Ana covers ports &amp; ferries &lt;since 2019&gt;.", "ana"),
                        new Person("u2", "Ben Okafor", null, "ben")),
                post.authors());
        assertEquals(List.of("Harbour"), post.categories());
        assertEquals(List.of("Ferries", "Council"), post.tags());
        assertEquals(
                new SourceItem.Image(
                        "/content/images/2024/05/ferry.jpg",
                        "The ferry at the pier",
                        "The 8:15 ferry, <a href=\"/ferries/\">again</a>. Photo: Ben Okafor"),
                post.featured());
        assertEquals("/ferry-late/", post.link());
        assertEquals(List.of(), post.aliases());
        assertEquals(0, post.comments());
        assertEquals(10, post.line());
        assertTrue(post.notes().contains("Internal tag \"#featured\" left out: Ghost kept it from readers."));
        assertTrue(post.notes().contains(RELATIVE + " (2 times)"), post.notes().toString());
    }

    @Test
    void lexicalBodyBecomesHtmlThatHtmlBlocksStructures() {
        SourceItem post = readAll("ghost-5.json").getFirst();
        String html = post.html();
        assertTrue(
                html.startsWith("<p><strong>Why it matters:</strong> the ferry is <em>late</em> again &amp; again "
                        + "&lt;daily&gt;.</p><p>See <a href=\"/older-story/\">the older story</a> and "
                        + "<a href=\"https://example.org/report\">the report</a>.<br>Second line with <s>struck</s>, "
                        + "<u>under</u>, <code>code</code> and <strong><em>both</em></strong>.</p>"
                        + "<h2>What happened</h2><h2>Odd level</h2><blockquote>We will fix it.</blockquote>"
                        + "<blockquote>A pull quote.</blockquote><ul><li>First point</li><li>Second point<ul>"
                        + "<li>Nested point</li></ul></li></ul><ol><li>Step one</li><li>Step two</li></ol>"
                        + "<figure><img src=\"/content/images/2024/05/dock.jpg\" alt=\"The dock at dawn\">"
                        + "<figcaption><span>The dock at dawn.</span> Photo: Ana Lima</figcaption></figure>"),
                html);
        assertTrue(html.contains("<p><a href=\"https://www.youtube.com/watch?v=abc123\">"
                + "https://www.youtube.com/watch?v=abc123</a></p><p>The launch, on video</p>"));
        assertTrue(html.contains("<pre><code>if (a &lt; b) { x(); }</code></pre><hr>"));
        assertTrue(html.contains("<video src=\"/content/media/2024/05/clip.mp4\"></video><p>A clip</p>"));
        assertTrue(html.contains("<audio src=\"https://cdn.example.com/pod.mp3\"></audio><p>Episode 1</p>"));
        assertTrue(html.contains(
                "<p><a href=\"/content/files/2024/05/report.pdf\">The full report</a></p>" + "<p>PDF, 2 MB</p>"));
        assertTrue(html.contains("<figure><img src=\"https://cdn.example.com/book.jpg\"></figure>"
                + "<h3><span>The Book</span></h3><div><p>A good book.</p></div>"
                + "<p><a href=\"https://shop.example.com/book\">Buy</a></p>"));
        assertTrue(html.contains("<h2><span>Big header</span></h2><p><span>Small print</span></p>"
                + "<p><a href=\"https://example.com/more\">More</a></p>"));
        assertTrue(html.endsWith("<p>For members only.</p><p>Join us Weekly Sign up</p><p>Mystery text</p>"), html);
        assertTrue(!html.contains("Only in email") && !html.contains("__GHOST_URL__"), html);

        HtmlBlocks.Result result = HtmlBlocks.convert(html, GhostSourceTest::mediaId);
        List<Block> blocks = result.blocks();
        LeadIn leadIn = (LeadIn) blocks.get(0);
        assertEquals("Why it matters", leadIn.label());
        assertEquals("the ferry is late again & again <daily>.", leadIn.text().text());
        Paragraph links = (Paragraph) blocks.get(1);
        assertEquals("/older-story/", links.text().spans().get(1).href());
        assertEquals(new Subhead("What happened"), blocks.get(2));
        assertEquals("We will fix it.", ((Quote) blocks.get(4)).text().text());
        assertEquals(3, ((ListBlock) blocks.get(6)).items().size());
        assertTrue(((ListBlock) blocks.get(7)).ordered());
        assertEquals(
                new ImageBlock(
                        mediaId("/content/images/2024/05/dock.jpg"),
                        "The dock at dawn.",
                        Credit.photo("Ana Lima", null),
                        "The dock at dawn"),
                blocks.get(8));
        assertEquals("Raw HTML card.", ((Paragraph) blocks.get(9)).text().text());
        assertTrue(result.report().contains("script left out: a story runs no scripts"));
        assertEquals(
                "Markdown bold and italic with a link.",
                ((Paragraph) blocks.get(10)).text().text());
        assertEquals(new Embed("https://www.youtube.com/watch?v=abc123"), blocks.get(12));
    }

    @Test
    void cardsLexicalHasNoFormForAreNoted() {
        List<String> notes = readAll("ghost-5.json").getFirst().notes();
        for (String expected : List.of(
                "An image's link was left out: a Lede image block links nowhere.",
                "The caption of embed cards was kept as a paragraph after the card.",
                "A bookmark card became a link to its page: Lede shows no link previews.",
                "A callout card became plain text, its emoji left out: Lede has no callouts.",
                "A toggle card was opened: its heading became a subhead and its content follows it.",
                "A button card became a link: Lede has no buttons.",
                "The caption of video cards was kept as a paragraph after the card.",
                "A file card became a link to the file, which was not brought in: upload it to the media library "
                        + "if it should stay.",
                "A product card became a subhead, its text and a link: Lede has no product cards.",
                "A header card became a subhead and its text, its background left out.",
                "The members-only part began at a paywall card on Ghost; Lede has no membership, so the whole text "
                        + "is imported.",
                "An email-only card (email) was left out: Ghost showed it only in newsletters.",
                "A Ghost \"signup\" card was kept as a paragraph of its text: Lede has no such block.",
                "A Ghost \"transistor\" card was left out: Lede has no such block and it held no text.",
                "A Lexical \"mystery-block\" node was read as a paragraph.")) {
            assertTrue(notes.contains(expected), expected + " not in " + notes);
        }
    }

    @Test
    void statusesVisibilityAndPagesOfGhost5() {
        List<SourceItem> items = readAll("ghost-5.json");
        SourceItem members = items.get(1);
        assertEquals(Status.DRAFT, members.status());
        assertNull(members.published());
        assertNull(members.excerpt());
        assertNull(members.featured());
        assertEquals(List.of(new Person("u9", null, null, null)), members.authors());
        assertEquals(
                List.of(
                        "Tag t99 is not among the export's tags: left out.",
                        "On Ghost only paying members could read it; " + NO_MEMBERS,
                        "The post's code injection was left out: a story runs no scripts of its own.",
                        "Author u9 is not among the export's users: named by that id."),
                members.notes());

        SourceItem sent = items.get(2);
        assertEquals(Status.DRAFT, sent.status());
        assertEquals("<p>Fallback <em>HTML</em> body.</p>", sent.html());
        assertEquals(
                List.of(
                        "On Ghost only members could read it; " + NO_MEMBERS,
                        "The post's Lexical document could not be read: the next form the export holds was used.",
                        "The post was only sent as a newsletter on Ghost, never on the site: imported as a draft."),
                sent.notes());

        SourceItem scheduled = items.get(3);
        assertEquals(Status.SCHEDULED, scheduled.status());
        assertEquals(Instant.parse("2024-06-01T06:00:00Z"), scheduled.published());
        assertEquals(List.of("On Ghost only some members (\"tiers\") could read it; " + NO_MEMBERS), scheduled.notes());

        SourceItem page = items.get(4);
        assertEquals(Type.PAGE, page.type());
        assertEquals("about", page.slug());
        assertEquals("/about/", page.link());
        assertEquals("<p>We are a small newsroom.</p>", page.html());
        assertEquals(Status.PUBLISHED, page.status());
        assertEquals(Instant.parse("2023-02-01T00:00:00Z"), page.modified());
        assertEquals(List.of(), page.notes());

        SourceItem odd = items.get(5);
        assertEquals(Status.DRAFT, odd.status());
        assertNull(odd.html());
        assertEquals(Instant.parse("2024-05-06T07:00:00Z"), odd.modified());
        assertEquals(
                List.of(
                        "The updated_at time \"not a date\" could not be read: left out.",
                        "Ghost status \"archived\" is not known: imported as a draft."),
                odd.notes());
    }

    @Test
    void ghost4MobiledocMarkersAndCards() {
        List<SourceItem> items = readAll("ghost-4.json");
        assertEquals(3, items.size());
        SourceItem post = items.getFirst();
        assertEquals("5f1a01", post.sourceId());
        assertEquals("The quay flooded.", post.excerpt());
        assertEquals(List.of(new Person("1", "Carla Mendes", "Carla photographs the coast.", "carla")), post.authors());
        assertEquals(List.of("Weather"), post.categories());
        assertEquals(List.of(), post.tags());
        assertEquals(
                new SourceItem.Image(
                        "https://harbour.example.com/content/images/2022/03/tide-hero.jpg",
                        "The quay under water",
                        "Water on the quay. Photo: Carla Mendes"),
                post.featured());
        assertEquals(
                "<p><strong>Tides:</strong> the water rose <em><a href=\"https://example.org/tides\">faster</a> than "
                        + "forecast</em><br><code>x &lt; y</code><u> under</u><span> blink</span>@ana</p>"
                        + "<h2>Subhead here</h2><blockquote>Plain quote.</blockquote><blockquote>Aside quote."
                        + "</blockquote><h6>Small heading</h6><p>Odd section</p><ul><li>Bullet one</li><li><strong>"
                        + "Bold bullet</strong></li></ul><ol><li>Number one</li></ol><figure><img src=\"/content/"
                        + "images/2022/03/tide.jpg\" alt=\"High tide\"><figcaption>High tide on the quay. Photo: "
                        + "Carla Mendes</figcaption></figure><p>An <i>HTML</i> card.</p><h1>Md heading</h1>\n<p>Some "
                        + "<strong>bold</strong> text.</p>\n<ol>\n<li>first</li>\n<li>second</li>\n</ol>\n<p><a href="
                        + "\"https://twitter.com/harbour/status/123\">https://twitter.com/harbour/status/123</a></p>"
                        + "<p>A <b>tweet</b></p><p><a href=\"https://example.net/tide-tables\">Tide tables</a></p><p>"
                        + "Useful</p><figure><img src=\"/content/images/2022/03/a.jpg\" alt=\"Boat A\"><figcaption>"
                        + "Boat A. Photo: Dee</figcaption></figure><figure><img src=\"https://cdn.example.com/b.jpg\" "
                        + "alt=\"Boat B\"></figure><p>Two boats</p><hr><pre><code>SELECT 1 &lt; 2;</code></pre>"
                        + "<figure><img src=\"/content/images/2022/03/section.jpg\"></figure>",
                post.html());
        assertEquals(
                List.of(
                        "Mobiledoc \"blink\" formatting was left out, its text kept.",
                        "A mobiledoc \"mention\" atom was kept as its text.",
                        "A mobiledoc \"div\" section was read as a paragraph.",
                        "The caption of embed cards was kept as a paragraph after the card.",
                        "A bookmark card became a link to its page: Lede shows no link previews.",
                        "The caption of bookmark cards was kept as a paragraph after the card.",
                        "A gallery of 2 images became 2 image blocks, one after another.",
                        "The caption of gallery cards was kept as a paragraph after the card.",
                        "A Ghost \"nft\" card was left out: Lede has no such block and it held no text.",
                        "A mobiledoc section of unknown type 7 was left out.",
                        RELATIVE),
                post.notes());

        List<Block> blocks =
                HtmlBlocks.convert(post.html(), GhostSourceTest::mediaId).blocks();
        assertEquals("Tides", ((LeadIn) blocks.getFirst()).label());
        assertTrue(blocks.contains(new ImageBlock(
                mediaId("/content/images/2022/03/tide.jpg"),
                "High tide on the quay.",
                Credit.photo("Carla Mendes", null),
                "High tide")));
        assertTrue(blocks.contains(new Embed("https://twitter.com/harbour/status/123")));
        assertTrue(blocks.contains(new ImageBlock(
                mediaId("/content/images/2022/03/a.jpg"), "Boat A.", Credit.photo("Dee", null), "Boat A")));

        SourceItem old = items.get(1);
        assertEquals("<p>From HTML.</p>", old.html());
        assertEquals(Instant.parse("2022-03-05T08:00:00Z"), old.modified());
        assertEquals(
                List.of(
                        "The mobiledoc is of version \"0.2.0\", which is not read (0.3.x is): the post's HTML was used."),
                old.notes());

        SourceItem page = items.get(2);
        assertEquals(Type.PAGE, page.type());
        assertEquals("<p>Write to us.</p>", page.html());
        assertEquals(List.of(), page.authors());
    }

    @Test
    void ghost1ExportWithoutDbArrayWithAuthorIdAndPageFlag() {
        List<SourceItem> items = readAll("ghost-1.json");
        assertEquals(4, items.size());
        SourceItem post = items.getFirst();
        assertEquals(Type.STORY, post.type());
        assertEquals(
                "<p>Hello from <strong>Ghost 1</strong>.</p>\n<blockquote>\n<p>quoted</p>\n</blockquote>\n",
                post.html());
        assertEquals(Instant.parse("2017-08-01T10:00:00Z"), post.published());
        assertEquals(Instant.parse("2017-08-02T10:30:00Z"), post.modified());
        assertEquals(List.of(new Person("1", "Old Author", "Wrote in 2017.", "old-author")), post.authors());
        assertEquals(List.of("Getting Started"), post.categories());
        assertEquals(new SourceItem.Image("/content/images/2017/08/first.jpg", null, null), post.featured());
        assertEquals(List.of(), post.notes());

        SourceItem page = items.get(1);
        assertEquals(Type.PAGE, page.type());
        assertEquals(Instant.ofEpochMilli(1501581600000L), page.published());
        assertEquals(List.of(new Person("2", null, null, null)), page.authors());

        SourceItem markdown = items.get(2);
        assertEquals(Type.STORY, markdown.type());
        assertEquals(Status.DRAFT, markdown.status());
        assertEquals("<p>Old <em>markdown</em> body.</p>\n", markdown.html());

        SourceItem empty = items.get(3);
        assertNull(empty.html());
        assertNull(empty.modified());
    }

    @Test
    void tablesAreFoundWhateverTheOrderOfKeys() {
        List<SourceItem> items = readAll("unusual-order.json");
        assertEquals(2, items.size());
        assertEquals(List.of("First"), items.getFirst().categories());
        assertEquals(List.of("Second"), items.getFirst().tags());
        assertEquals(
                List.of(new Person("u1", "Ana", null, "ana")), items.getFirst().authors());
        assertEquals("p2", items.get(1).sourceId());
    }

    @Test
    void malformedJsonIsReportedWithLineAndColumn() {
        ImportFormatException e = assertThrows(ImportFormatException.class, () -> readAll("malformed.json"));
        assertTrue(
                e.getMessage().startsWith("malformed.json:4:14: not well-formed JSON: Unexpected character"),
                e.getMessage());
    }

    @Test
    void aJsonThatIsNotAGhostExportIsNamedSo() {
        ImportFormatException e = assertThrows(ImportFormatException.class, () -> readAll("not-ghost.json"));
        assertEquals(
                "not-ghost.json is not a Ghost export: it has no \"data\" section, in a \"db\" array or at its top. "
                        + "A Ghost export is the JSON file of Settings → Labs → Export content.",
                e.getMessage());
        assertTrue(assertThrows(ImportFormatException.class, () -> readAll(bytes("[1, 2]"), "array.json"))
                .getMessage()
                .startsWith("array.json is not a Ghost export: it is not a JSON object."));
        assertTrue(assertThrows(ImportFormatException.class, () -> readAll(bytes(""), "empty.json"))
                .getMessage()
                .startsWith("empty.json is not a Ghost export: it is empty."));
    }

    @Test
    void aMissingOrUnknownVersionSaysWhichVersionsAreRead() {
        ImportFormatException missing = assertThrows(ImportFormatException.class, () -> readAll("no-version.json"));
        assertEquals(
                "no-version.json has no meta.version, so the Ghost version that wrote it is unknown; this importer "
                        + "reads exports of Ghost 1.0 and later (1.x to 5.x and on).",
                missing.getMessage());
        for (String version : List.of("003", "0.11.14", "five", "")) {
            String json = "{\"meta\":{\"version\":\"" + version + "\"},\"data\":{\"posts\":[]}}";
            ImportFormatException e =
                    assertThrows(ImportFormatException.class, () -> readAll(bytes(json), "old.json"), version);
            assertTrue(
                    e.getMessage().endsWith("this importer reads exports of Ghost 1.0 and later (1.x to 5.x and on)."),
                    e.getMessage());
        }
        for (String version : List.of("1.0", "2.38.3", "5.82.0", "6.0.0-rc.1")) {
            String json = "{\"meta\":{\"version\":\"" + version + "\"},\"data\":{\"posts\":[{\"id\":\"a\"}]}}";
            assertEquals(1, readAll(bytes(json), "ok.json").size(), version);
        }
    }

    @Test
    void anExportWithoutPostsHasNoItems() {
        assertEquals(
                List.of(), readAll(bytes("{\"db\":[{\"meta\":{\"version\":\"5.0.0\"},\"data\":{\"tags\":[]}}]}"), "x"));
        assertEquals(List.of(), readAll(bytes("{\"db\":[],\"meta\":{\"version\":\"5.0.0\"},\"data\":{}}"), "x"));
    }

    @Test
    void recordsThatAreNeitherPostsNorPagesAreSkipped() {
        String json = "{\"meta\":{\"version\":\"5.0.0\"},\"data\":{\"posts\":[7,{\"id\":\"a\",\"type\":\"newsletter\"},"
                + "{\"uuid\":\"u-1\",\"type\":\"post\"},{\"type\":\"post\"}]}}";
        List<SourceItem> items = readAll(bytes(json), "x");
        assertEquals(2, items.size());
        assertEquals("u-1", items.get(0).sourceId());
        assertEquals("line-1", items.get(1).sourceId());
        assertEquals(
                List.of(
                        "The post has no id, uuid or slug: a re-run cannot match it and imports it again.",
                        "The post has no status: imported as a draft."),
                items.get(1).notes());
    }

    @Test
    void tagsWithoutSortOrderKeepTheOrderOfTheFile() {
        String json = "{\"meta\":{\"version\":\"1.0.0\"},\"data\":{\"posts\":[{\"id\":\"p\"}],"
                + "\"tags\":[{\"id\":\"1\",\"name\":\"Zed\"},{\"id\":\"2\",\"name\":\"Alpha\"},"
                + "{\"id\":\"3\",\"name\":\"Mid\"},{\"id\":\"4\"}],\"posts_tags\":[{\"post_id\":\"p\",\"tag_id\":\"1\"},"
                + "{\"post_id\":\"p\",\"tag_id\":\"2\"},{\"post_id\":\"p\",\"tag_id\":\"3\"},\"junk\"]}}";
        SourceItem item = readAll(bytes(json), "x").getFirst();
        assertEquals(List.of("Zed"), item.categories());
        assertEquals(List.of("Alpha", "Mid"), item.tags());
    }

    @Test
    void cardsAndNodesWithoutTheirUsualFields() throws Exception {
        List<Object> nodes = List.of(
                Map.of("type", "embed", "html", "<iframe src=\"https://player.vimeo.com/video/1\"></iframe>"),
                Map.of("type", "bookmark", "metadata", Map.of()),
                Map.of("type", "codeblock", "code", "x", "caption", "Listing 1"),
                Map.of("type", "callout", "calloutText", "<b>Note</b> this"),
                Map.of("type", "toggle", "content", "<p>Only content</p>"),
                Map.of("type", "button", "buttonText", "No address"),
                Map.of("type", "button"),
                Map.of("type", "button", "buttonUrl", "https://example.com/b"),
                Map.of("type", "file", "fileName", "a.pdf"),
                Map.of("type", "file"),
                Map.of("type", "image", "caption", "No source"),
                Map.of(
                        "type",
                        "list",
                        "listType",
                        "check",
                        "children",
                        List.of(Map.of(
                                "type", "listitem", "children", List.of(Map.of("type", "text", "text", "Done"))))),
                Map.of(
                        "type",
                        "paragraph",
                        "children",
                        List.of(
                                Map.of("type", "mention", "children", List.of(Map.of("type", "text", "text", "@a"))),
                                Map.of("type", "emoji", "text", "!"),
                                Map.of("type", "tab"),
                                Map.of("type", "image", "src", "x.jpg"))));
        String lexical = Json.TREES.writeValueAsString(Map.of("root", Map.of("children", nodes)));
        String mobiledoc = Json.TREES.writeValueAsString(Map.of(
                "version",
                "0.3.2",
                "markups",
                List.of(List.of("a", List.of("rel", "noopener", "href", "https://example.com/r", "target"))),
                "sections",
                List.of(List.of(1, "P", List.of(List.of(0, List.of(0), 1, "linked"))))));
        String json = Json.TREES.writeValueAsString(Map.of(
                "meta",
                Map.of("version", "5.0.0"),
                "data",
                Map.of(
                        "posts",
                        List.of(
                                Map.of("id", "a", "status", "draft", "lexical", lexical),
                                Map.of("id", "b", "status", "draft", "mobiledoc", mobiledoc),
                                Map.of(
                                        "id",
                                        "c",
                                        "status",
                                        "draft",
                                        "lexical",
                                        "{\"version\":1}",
                                        "html",
                                        "<p>From HTML</p>"),
                                Map.of(
                                        "id",
                                        "d",
                                        "status",
                                        "draft",
                                        "lexical",
                                        "[]",
                                        "plaintext",
                                        "Only\n\nplain text")))));
        List<SourceItem> items = readAll(bytes(json), "x");
        SourceItem cards = items.get(0);
        assertEquals(
                "<iframe src=\"https://player.vimeo.com/video/1\"></iframe><pre><code>x</code></pre><p>Listing 1</p>"
                        + "<div><b>Note</b> this</div><div><p>Only content</p></div><p>No address</p>"
                        + "<p><a href=\"https://example.com/b\">https://example.com/b</a></p><p>a.pdf</p>"
                        + "<figure><img src=\"\"><figcaption>No source</figcaption></figure><ul><li>Done</li></ul>"
                        + "<p>@a! </p>",
                cards.html());
        assertEquals(
                List.of(
                        "A bookmark card without an address was left out.",
                        "The caption of code cards was kept as a paragraph after the card.",
                        "A callout card became plain text: Lede has no callouts.",
                        "A toggle card was opened: its heading became a subhead and its content follows it.",
                        "A button card became a link: Lede has no buttons. (3 times)",
                        "A file card became a link to the file, which was not brought in: upload it to the media "
                                + "library if it should stay. (2 times)",
                        "A checklist became a plain list: Lede has no check boxes.",
                        "A Lexical \"mention\" node was read as its text.",
                        "A Lexical \"image\" node inside a paragraph was left out."),
                cards.notes());
        assertEquals(
                "<p><a href=\"https://example.com/r\">linked</a></p>",
                items.get(1).html());
        assertEquals("<p>From HTML</p>", items.get(2).html());
        assertEquals(
                List.of("The post's Lexical document has no root: the next form the export holds was used."),
                items.get(2).notes());
        assertEquals("Only\n\nplain text", items.get(3).html());
        assertEquals(
                List.of(
                        "The post's Lexical document could not be read: the next form the export holds was used.",
                        "The post held only plain text: it was read as paragraphs."),
                items.get(3).notes());
        assertEquals(2, HtmlBlocks.convert(items.get(3).html()).blocks().size());
    }

    /** 2,000 posts, the tables after them: read in two streaming passes, one post at a time. */
    @Test
    void aLargeExportIsStreamedOnePostAtATime() {
        StringBuilder json = new StringBuilder("{\"db\":[{\"meta\":{\"version\":\"5.82.0\"},\"data\":{\"posts\":[\n");
        int count = 2_000;
        for (int i = 0; i < count; i++) {
            json.append(i == 0 ? "" : ",\n")
                    .append("{\"id\":\"p")
                    .append(i)
                    .append("\",\"type\":\"post\",\"status\":\"published\",\"slug\":\"post-")
                    .append(i)
                    .append("\",\"title\":\"Post ")
                    .append(i)
                    .append("\",\"html\":\"<p>")
                    .append("Words ".repeat(40))
                    .append("</p>\",\"published_at\":\"2024-01-01T00:00:00.000Z\"}");
        }
        json.append("],\n\"tags\":[{\"id\":\"t\",\"name\":\"News\"}],\"posts_tags\":[");
        for (int i = 0; i < count; i++) {
            json.append(i == 0 ? "" : ",").append("{\"post_id\":\"p").append(i).append("\",\"tag_id\":\"t\"}");
        }
        json.append("]}}]}");
        byte[] file = json.toString().getBytes(UTF_8);
        AtomicInteger opens = new AtomicInteger();
        List<Counting> streams = new ArrayList<>();
        Supplier<InputStream> open = () -> {
            opens.incrementAndGet();
            Counting stream = new Counting(new ByteArrayInputStream(file));
            streams.add(stream);
            return stream;
        };
        try (GhostSource source = new GhostSource(open, "big.json")) {
            assertEquals(0, source.position());
            SourceItem first = source.next();
            assertEquals("p0", first.sourceId());
            assertEquals(List.of("News"), first.categories());
            assertEquals(2, opens.get());
            assertEquals(file.length, streams.get(0).read);
            assertTrue(streams.get(1).read < file.length / 20, "the second pass read " + streams.get(1).read);
            assertEquals(2, first.line());
            long before = source.position();
            assertTrue(before > 0 && before < file.length / 20, String.valueOf(before));
            int read = 1;
            SourceItem item;
            while ((item = source.next()) != null) {
                assertEquals("p" + read, item.sourceId());
                assertEquals(read + 2, item.line());
                assertTrue(source.position() > before);
                before = source.position();
                read++;
            }
            assertEquals(count, read);
            assertTrue(streams.get(1).closed, "the file is let go at its end, before close()");
            assertTrue(before > file.length - 100_000, before + " of " + file.length);
            assertNull(source.next());
        }
        assertTrue(streams.get(0).closed && streams.get(1).closed);
    }

    @Test
    void aFileThatCannotBeReadSaysSo() {
        Supplier<InputStream> broken = () -> new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("disk gone");
            }
        };
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> readAll(broken, "lost.json"));
        assertEquals("lost.json: disk gone", e.getMessage());
    }

    private static final class Counting extends FilterInputStream {
        long read;
        boolean closed;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            read += b < 0 ? 0 : 1;
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            read += Math.max(n, 0);
            return n;
        }

        @Override
        public void close() throws IOException {
            closed = true;
            super.close();
        }
    }

    /** A media id that names the image's address, as an importer's resolver would give one. */
    private static String mediaId(HtmlBlocks.ImageRef image) {
        return mediaId(image.src());
    }

    private static String mediaId(String src) {
        String alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
        StringBuilder id = new StringBuilder("01");
        for (long hash = src.hashCode() & 0xffffffffL; id.length() < 26; hash = hash / 32 + 7) {
            id.append(alphabet.charAt((int) (hash % 32)));
        }
        return id.toString();
    }

    private static Supplier<InputStream> bytes(String json) {
        return () -> new ByteArrayInputStream(json.getBytes(UTF_8));
    }

    private List<SourceItem> readAll(String resource) {
        return readAll(() -> getClass().getResourceAsStream(resource), resource);
    }

    private static List<SourceItem> readAll(Supplier<InputStream> open, String name) {
        List<SourceItem> items = new ArrayList<>();
        try (GhostSource source = new GhostSource(open, name)) {
            SourceItem item;
            while ((item = source.next()) != null) {
                items.add(item);
            }
        }
        return items;
    }
}
