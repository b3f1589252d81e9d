package org.lede.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lede.authoring.AuthoringText;
import org.lede.authoring.HtmlBlocks;
import org.lede.content.Block;
import org.lede.content.Credit;
import org.lede.content.ImageBlock;
import org.lede.content.LeadIn;
import org.lede.content.ListBlock;
import org.lede.importing.SourceItem.Image;
import org.lede.importing.SourceItem.Person;
import org.lede.importing.SourceItem.Status;
import org.lede.importing.SourceItem.Type;

/** The RSS and Atom reader on feeds of our own writing, and on hostile and broken ones. */
class RssSourceTest {
    /** Stands for a media item, so the converter makes image blocks. */
    private static final String MEDIA_ID = "01J0000000000000000000000A";

    private HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            byte[] body = "top-secret".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void readsAWordPressFeed() {
        List<SourceItem> items = readAll("wordpress.rss");

        assertEquals(2, items.size(), "the channel's image is no item");
        SourceItem ferry = items.get(0);
        assertEquals("https://gazette.example/?p=1042", ferry.sourceId());
        assertEquals(Type.STORY, ferry.type());
        assertEquals(Status.PUBLISHED, ferry.status());
        assertEquals("Ferry service resumes after winter repairs", ferry.title());
        assertEquals(
                "The island ferry runs again from Monday, with a new timetable and higher fares for cars. [&#8230;]",
                ferry.excerpt());
        assertTrue(ferry.html().startsWith("<!-- wp:paragraph -->\n<p><strong>Why it matters:</strong>"), ferry.html());
        assertEquals("https://gazette.example/2024/05/14/ferry-service-resumes/", ferry.link());
        assertEquals("ferry-service-resumes", ferry.slug());
        assertEquals(List.of("/?p=1042"), ferry.aliases(), "WordPress's guid is an address on the same site");
        assertEquals(Instant.parse("2024-05-14T08:30:00Z"), ferry.published());
        assertNull(ferry.modified());
        assertEquals(List.of(new Person("Mara Quinlan", "Mara Quinlan", null, null)), ferry.authors());
        assertEquals(List.of("Transport", "ferries", "harbour"), ferry.categories());
        assertEquals(List.of(), ferry.tags());
        assertEquals(
                new Image(
                        "https://gazette.example/wp-content/uploads/2024/05/ferry.jpg",
                        null,
                        "The Island Queen leaves the east quay on a test run Photo: Tom Eriksen"),
                ferry.featured());
        assertEquals(7, ferry.comments());
        assertEquals(List.of(), ferry.notes());
        assertEquals(31, ferry.line(), "where the item starts");

        SourceItem budget = items.get(1);
        assertEquals("Council’s budget: what “balanced” means", budget.title());
        assertEquals(
                List.of("Idris Bello", "Mara Quinlan"),
                budget.authors().stream().map(Person::key).toList());
        assertEquals(
                new Image(
                        "https://gazette.example/wp-content/uploads/2024/05/hall.jpg",
                        null,
                        "<em>Councillors</em> at the vote. Photo: Ana Ruiz"),
                budget.featured(),
                "the default content of the group, and a credit the caption already ends with is not added again");
        assertEquals(0, budget.comments());
    }

    @Test
    void wordPressBodiesBecomeStructuredBlocks() {
        List<SourceItem> items = readAll("wordpress.rss");

        assertEquals("""
                **Why it matters:** the ferry is the only link to the island for 2,300 residents.

                The service stopped in January for repairs to the ramp.

                - Crossings every 40 minutes
                - Last boat at 22:10
                - Cars pay £18 each way

                ![The new ramp at the east quay.](media:%s "Photo: Tom Eriksen/Gazette")
                """.formatted(MEDIA_ID), blocks(items.get(0).html()));
        List<Block> ferry =
                HtmlBlocks.convert(items.get(0).html(), image -> MEDIA_ID).blocks();
        assertEquals(
                List.of("lead-in", "paragraph", "list", "image"),
                ferry.stream().map(Block::type).toList());
        assertEquals("Why it matters", ((LeadIn) ferry.get(0)).label());
        assertEquals(3, ((ListBlock) ferry.get(2)).items().size());
        ImageBlock ramp = (ImageBlock) ferry.get(3);
        assertEquals(Credit.photo("Tom Eriksen", "Gazette"), ramp.credit());
        assertEquals("The new ramp at the east quay.", ramp.caption());
        assertEquals("Workers on the new ramp", ramp.alt());
        assertEquals("""
                **The big picture:** the council closed a £1.2m gap.

                1. Parking charges rise
                2. Two libraries open fewer hours

                > We had no good options.
                > — Council leader
                """, blocks(items.get(1).html()));
    }

    @Test
    void readsAPlainRssFeedWithDescriptionsAndEnclosures() {
        List<SourceItem> items = readAll("plain.rss");

        assertEquals(5, items.size());
        SourceItem bridge = items.get(0);
        assertEquals("https://radio.example/news/bridge-closed-for-inspection.html", bridge.sourceId());
        assertNull(bridge.excerpt(), "without content:encoded the description is the body");
        assertEquals(
                "<p>The old bridge is <b>closed</b> until Friday.</p><ul><li>Diversion via Mill Road</li>"
                        + "<li>Buses unaffected</li></ul>",
                bridge.html());
        assertEquals(List.of(new Person("Petra Novak", "Petra Novak", null, null)), bridge.authors());
        assertEquals(List.of("Local", "Roads"), bridge.categories());
        assertEquals(new Image("https://radio.example/img/bridge.jpg", null, null), bridge.featured());
        assertEquals(Instant.parse("2024-01-03T12:15:00Z"), bridge.published(), "07:15 EST in a two-digit year");
        assertEquals("bridge-closed-for-inspection", bridge.slug());
        assertEquals(List.of(), bridge.aliases(), "the guid is the link");
        assertEquals("""
                The old bridge is **closed** until Friday.

                - Diversion via Mill Road
                - Buses unaffected
                """, blocks(bridge.html()));

        SourceItem bulletin = items.get(1);
        assertEquals("https://radio.example/news/12345", bulletin.link(), "a permalink guid stands for the link");
        assertNull(bulletin.slug(), "a number is no slug");
        assertEquals(List.of(new Person("newsdesk@radio.example", null, null, null)), bulletin.authors());
        assertNull(bulletin.featured());
        assertEquals(List.of("An enclosure (audio/mpeg) was not imported."), bulletin.notes());
        assertEquals(Instant.parse("2024-01-04T06:00:00Z"), bulletin.published());

        SourceItem untitled = items.get(2);
        assertNull(untitled.title());
        assertEquals("A short note without a title.", untitled.html());
        assertTrue(untitled.sourceId().matches("sha256:[0-9a-f]{32}"), untitled.sourceId());
        assertEquals(readAll("plain.rss").get(2).sourceId(), untitled.sourceId(), "the hash is stable");
        assertEquals(
                List.of("The item has no id and no link: it is matched on re-runs by its title and date,"
                        + " so a change to either imports it again."),
                untitled.notes());
        assertEquals(Instant.parse("2024-01-05T11:00:00Z"), untitled.published());

        SourceItem qa = items.get(3);
        assertEquals("radio-2024-0106", qa.sourceId());
        assertEquals("Q&amp;A: a &lt; b", qa.title(), "plain text is escaped, so it reads as it was written");
        assertEquals("Q&A: a < b", Jsoup.parse(qa.title()).text());
        assertNull(qa.link());
        assertEquals(List.of(), qa.notes());

        SourceItem empty = items.get(4);
        assertEquals(
                List.of(
                        "The pubDate \"someday\" is not a date this importer can read; it was left out.",
                        "The item has neither a title nor any content."),
                empty.notes());
        assertNull(empty.published());
    }

    @Test
    void readsAnAtomFeed() {
        List<SourceItem> items = readAll("atom.xml");

        assertEquals(4, items.size());
        SourceItem tram = items.get(0);
        assertEquals("tag:ledger.example,2024:entry-17", tram.sourceId());
        assertEquals("Tram line <em>opens</em> to the port", tram.title());
        assertEquals("The first tram ran at dawn.", tram.excerpt());
        assertEquals(
                "<p><strong>What's next:</strong> a second line in 2026.</p><ul><li>Every 8 minutes</li></ul>",
                tram.html());
        assertEquals("https://ledger.example/2024/06/tram-line-opens", tram.link());
        assertEquals("tram-line-opens", tram.slug());
        assertEquals(Instant.parse("2024-06-01T06:00:00Z"), tram.published());
        assertEquals(Instant.parse("2024-06-01T07:30:00.250Z"), tram.modified());
        assertEquals(List.of(new Person("Sofia Lind", "Sofia Lind", null, "sofia-lind")), tram.authors());
        assertEquals(List.of("Transport", "trams"), tram.categories(), "the label, else the term");
        assertEquals(new Image("https://ledger.example/media/tram.png", null, null), tram.featured());
        assertEquals(3, tram.comments());
        assertEquals(Status.PUBLISHED, tram.status());
        assertEquals("""
                **What's next:** a second line in 2026.

                - Every 8 minutes
                """, blocks(tram.html()));

        SourceItem markets = items.get(1);
        assertEquals("Markets &amp; <em>mayors</em>", markets.title(), "xhtml without its wrapping div");
        assertEquals("https://ledger.example/2024/05/markets-and-mayors", markets.link());
        assertEquals(
                List.of(new Person("Ledger Staff", "Ledger Staff", null, "staff")),
                markets.authors(),
                "an entry without authors has the feed's");
        assertEquals(Instant.parse("2024-05-30T12:00:00Z"), markets.published(), "updated, for want of published");
        assertEquals(Instant.parse("2024-05-30T12:00:00Z"), markets.modified());
        assertNull(markets.excerpt());
        assertTrue(
                markets.html()
                        .startsWith(
                                "<p><strong>Bottom line:</strong> stalls stay <em>open</em> on Sundays &amp; holidays."
                                        + "</p>"),
                markets.html());
        assertTrue(markets.html().endsWith("<p>Line one<br>line two</p>"), markets.html());
        assertEquals("""
                **Bottom line:** stalls stay *open* on Sundays & holidays.

                ![Sunday market.](media:%s "Photo: Ola Berg")

                Line one line two
                """.formatted(MEDIA_ID), blocks(markets.html()));

        SourceItem notice = items.get(2);
        assertEquals("Notice: 5 &lt; 6 &amp; other truths", notice.title());
        assertEquals("<p>First paragraph with &lt;b&gt; not bold.</p><p>Second paragraph.</p>", notice.html());
        assertEquals(
                List.of(new Person("Wire Desk", "Wire Desk", null, null)),
                notice.authors(),
                "the source's author comes before the feed's");
        assertNull(notice.link());
        assertNull(notice.slug());

        SourceItem elsewhere = items.get(3);
        assertEquals("Only a summary here.", elsewhere.html(), "the summary is the body");
        assertNull(elsewhere.excerpt());
        assertEquals(
                List.of("The content is not in the feed (it is at https://ledger.example/2024/05/elsewhere-story):"
                        + " the summary is the body."),
                elsewhere.notes());
        assertEquals("https://ledger.example/2024/05/elsewhere-story", elsewhere.link(), "made absolute");
        assertEquals("elsewhere-story", elsewhere.slug());
        assertEquals(
                new Image("https://ledger.example/media/elsewhere-thumb.jpg", null, "Elsewhere at dusk"),
                elsewhere.featured());
    }

    @Test
    void readsNonAsciiCdataAndEntities() {
        List<SourceItem> items = readAll("international.rss");

        SourceItem fete = items.get(0);
        assertEquals("Fête du port : « réouverture » à Saint-Malo", fete.title());
        assertEquals("f%c3%aate-du-port-r%c3%a9ouverture", fete.slug());
        assertEquals("Le quai rouvre & la fête revient — 日本語のテキスト \uD83D\uDEA2", fete.excerpt());
        assertEquals(Instant.parse("2024-07-12T16:45:00Z"), fete.published(), "dc:date when there is no pubDate");
        assertEquals(List.of("Société"), fete.categories());
        assertEquals(
                List.of(new Person("Rédaction du Quai", "Rédaction du Quai", null, null)),
                fete.authors(),
                "the channel's creator, for want of the item's");
        assertEquals("""
                **À retenir:** le quai rouvre le 14 juillet.

                Crêpes, café & musique — « enfin ».
                """, blocks(fete.html()));

        SourceItem fish = items.get(1);
        assertEquals("Fish & chips <3", Jsoup.parse(fish.title()).text(), "an entity escaped twice is HTML");
        assertEquals("<p>Mixed <b>CDATA</b> and text & more.", fish.html());
        assertEquals(
                List.of("Jürgen Weiß"), fish.authors().stream().map(Person::key).toList());
    }

    @Test
    void readsAFeedInAnotherEncoding() {
        byte[] latin1 = """
                <?xml version="1.0" encoding="ISO-8859-1"?>
                <rss version="2.0"><channel><item><title>Caf\u00e9 cr\u00e8me</title><guid>c</guid></item></channel></rss>
                """.getBytes(StandardCharsets.ISO_8859_1);

        assertEquals(
                "Café crème", readAll(new ByteArrayInputStream(latin1)).get(0).title());
    }

    @Test
    void aBillionLaughsFileIsRefused() {
        ImportFormatException e = assertThrows(ImportFormatException.class, () -> readAll("billion-laughs.rss"));

        assertTrue(e.getMessage().startsWith("billion-laughs.rss:"), e.getMessage());
        assertTrue(e.getMessage().contains("declares entities in a DTD"), e.getMessage());
    }

    @Test
    void anXxeFileIsRefusedAndWhatItNamesIsNeverRead() {
        String xxe = fixture("xxe.rss").replace("SECRET_URL", address("/secret"));

        ImportFormatException e =
                assertThrows(ImportFormatException.class, () -> readAll(new ByteArrayInputStream(utf8(xxe))));

        assertTrue(e.getMessage().contains("DTD"), e.getMessage());
        assertFalse(e.getMessage().contains("top-secret"));
        assertEquals(0, requests.get(), "the entity's address was never asked for");
    }

    @Test
    void anExternalDtdIsPassedOverUnread() {
        String old = fixture("external-dtd.rss").replace("DTD_URL", address("/rss-0.91.dtd"));

        List<SourceItem> items = readAll(new ByteArrayInputStream(utf8(old)));

        assertEquals(
                List.of("Plain old item"), items.stream().map(SourceItem::title).toList());
        assertEquals(0, requests.get(), "the DTD was never fetched");
    }

    @Test
    void anEntityTheDtdWouldHaveDeclaredIsAnErrorWithItsPlace() {
        String old = fixture("external-dtd.rss")
                .replace("DTD_URL", address("/rss-0.91.dtd"))
                .replace("Still read.", "Caf&eacute;");

        ImportFormatException e =
                assertThrows(ImportFormatException.class, () -> readAll(new ByteArrayInputStream(utf8(old))));

        assertTrue(e.getMessage().matches("feed\\.rss:4:\\d+: not well-formed XML: .*eacute.*"), e.getMessage());
        assertEquals(0, requests.get());
    }

    @Test
    void malformedXmlIsReportedWithLineAndColumn() {
        try (RssSource feed = new RssSource(resource("malformed.rss"), "malformed.rss")) {
            assertEquals("Fine", feed.next().title(), "what comes before the error is read");

            ImportFormatException e = assertThrows(ImportFormatException.class, feed::next);

            assertTrue(
                    e.getMessage().matches("malformed\\.rss:9:\\d+: not well-formed XML: .*\"title\".*"),
                    e.getMessage());
        }
    }

    @Test
    void anEmptyFileIsMalformed() {
        ImportFormatException e =
                assertThrows(ImportFormatException.class, () -> readAll(new ByteArrayInputStream(new byte[0])));

        assertTrue(e.getMessage().startsWith("feed.rss"), e.getMessage());
        assertTrue(e.getMessage().contains("not well-formed XML"), e.getMessage());
    }

    @Test
    void rss1IsReportedAsUnsupported() {
        ImportFormatException e = assertThrows(ImportFormatException.class, () -> readAll("rss1.rdf"));

        assertEquals(
                "rss1.rdf is an RSS 1.0 (RDF) feed, which this importer does not read: it reads RSS 2.0 (and 0.91,"
                        + " 0.92) and Atom 1.0. Most sites offer one of those too.",
                e.getMessage());
    }

    @Test
    void otherVersionsAndDocumentsAreNamed() {
        assertEquals(
                "feed.rss is an RSS feed of version 3.0; this importer reads RSS 0.91, 0.92, 2.0 and Atom 1.0.",
                refusal("<rss version=\"3.0\"><channel/></rss>"));
        assertEquals(
                "feed.rss is an Atom 0.3 feed, which this importer does not read: it reads Atom 1.0 and RSS 2.0"
                        + " (and 0.91, 0.92).",
                refusal("<feed version=\"0.3\" xmlns=\"http://purl.org/atom/ns#\"/>"));
        assertEquals(
                "feed.rss is not an RSS or Atom feed: its root element is <html>.",
                refusal("<html><body>Not a feed</body></html>"));
        assertEquals(
                "feed.rss is not an RSS or Atom feed: its root element is <feed xmlns=\"urn:other\">.",
                refusal("<feed xmlns=\"urn:other\"/>"));
        assertEquals(
                "feed.rss is not an RSS or Atom feed: its root element is <rss xmlns=\"urn:other\">.",
                refusal("<rss xmlns=\"urn:other\" version=\"2.0\"/>"));
    }

    @Test
    void rssWithoutAVersionIsReadAsRss2() {
        List<SourceItem> items =
                read("<rss><channel><item><title>No version</title><guid>n</guid></item></channel></rss>");

        assertEquals("No version", items.get(0).title());
    }

    @Test
    void aLargeFeedStreamsItemByItem() {
        GeneratedFeed generated = new GeneratedFeed(2_000);
        List<Long> positions = new ArrayList<>();
        int count = 0;
        try (RssSource feed = new RssSource(generated, "big.rss")) {
            SourceItem first = feed.next();
            assertEquals("item-0", first.sourceId());
            assertTrue(
                    generated.itemsWritten < 100,
                    "the first item comes out before the file is read: " + generated.itemsWritten + " written");
            positions.add(feed.position());
            count++;
            for (SourceItem item = feed.next(); item != null; item = feed.next()) {
                assertEquals("item-" + count, item.sourceId());
                assertTrue(generated.itemsWritten - count < 100, "read ahead no more than a buffer");
                positions.add(feed.position());
                count++;
            }
            assertEquals(generated.length, feed.position(), "every byte is counted");
        }
        assertEquals(2_000, count);
        assertTrue(positions.get(0) > 0);
        for (int i = 1; i < positions.size(); i++) {
            assertTrue(positions.get(i) >= positions.get(i - 1), "the position never goes back");
        }
        assertTrue(positions.get(positions.size() - 1) > positions.get(0) * 100, positions.toString());
    }

    @Test
    void deeplyNestedMarkupIsReadWithoutRecursion() {
        int depth = 20_000;
        String nested = "<b>".repeat(depth) + "deep" + "</b>".repeat(depth);
        String feed = rss(item("<guid>d</guid><description>" + nested + "</description>"));

        // JDK 24 and later refuse elements deeper than 100 (jdk.xml.maxElementDepth); 21 reads them all.
        try {
            assertEquals(nested, read(feed).get(0).html());
        } catch (ImportFormatException e) {
            assertTrue(
                    e.getMessage().matches("feed\\.rss:\\d+:\\d+: not well-formed XML: .*maxElementDepth.*"),
                    e.getMessage());
        }
    }

    @Test
    void closingClosesTheStream() {
        boolean[] closed = {false};
        InputStream in = new ByteArrayInputStream(utf8("<rss version=\"2.0\"/>")) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };

        new RssSource(in, "feed.rss").close();

        assertTrue(closed[0]);
    }

    @Test
    void aSlugIsTakenOnlyFromALinkThatEndsInOne() {
        List<SourceItem> items = read(rss(
                item("<link>https://s.example/2024/05/Harbour-Reopens/</link>"),
                item("<link>https://s.example/news/harbour-reopens.htm</link>"),
                item("<link>https://s.example/?p=42</link>"),
                item("<link>https://s.example/news/12345</link>"),
                item("<link>https://s.example/about</link>"),
                item("<link>https://s.example/</link>"),
                item("<link>https://s.example/2024-05-14</link>"),
                item("<link>https://s.example/a--b</link>"),
                item("<link>https://s.example/a%20b-c</link>"),
                item("<link>https://s.example/a b</link>")));

        assertEquals(
                java.util.Arrays.asList(
                        "harbour-reopens", "harbour-reopens", null, null, null, null, null, null, "a%20b-c", null),
                items.stream().map(SourceItem::slug).toList());
        assertEquals("https://s.example/a b", items.get(9).link(), "an address that is no URI is kept as it was");
    }

    @Test
    void guidsLinksAndAliases() {
        List<SourceItem> items = read(rss(
                item("<guid>https://s.example/old/7</guid><link>https://s.example/new-place</link>"),
                item("<guid isPermaLink=\"false\">https://other.example/?p=7</guid><link>https://s.example/x</link>"),
                item("<guid isPermaLink=\" FALSE \">https://s.example/?p=8</guid>"),
                item("<guid>  </guid><link>https://s.example/only-link</link><title>T</title>"),
                item("<guid>https://s.example</guid><link>https://s.example/y</link>"),
                item("<guid>urn:uuid:1</guid><guid>urn:uuid:2</guid>")));

        SourceItem moved = items.get(0);
        assertEquals("https://s.example/old/7", moved.sourceId());
        assertEquals("https://s.example/new-place", moved.link());
        assertEquals(List.of("/old/7"), moved.aliases(), "a permalink guid that differs is an old address too");

        assertEquals(List.of(), items.get(1).aliases(), "not a permalink, and on another site");

        SourceItem notPermalink = items.get(2);
        assertNull(notPermalink.link(), "a guid that says it is no permalink is not the link");
        assertEquals(List.of(), notPermalink.aliases());

        SourceItem linkOnly = items.get(3);
        assertEquals("https://s.example/only-link", linkOnly.sourceId());
        assertEquals(List.of("The item has no id of its own: it is matched on re-runs by its link."), linkOnly.notes());

        assertEquals(List.of("/"), items.get(4).aliases());
        assertEquals("urn:uuid:1", items.get(5).sourceId(), "the first guid");
        assertEquals(List.of(), items.get(5).aliases());
    }

    @Test
    void theHashOfAnItemWithoutIdFollowsItsTitleAndDate() {
        List<SourceItem> items = read(rss(
                item("<title>A</title><pubDate>Tue, 14 May 2024 08:30:00 GMT</pubDate>"),
                item("<title>A</title><pubDate>Wed, 15 May 2024 08:30:00 GMT</pubDate>"),
                item("<title>B</title><pubDate>Tue, 14 May 2024 08:30:00 GMT</pubDate>"),
                item("<title>A</title><pubDate>Tue, 14 May 2024 08:30:00 GMT</pubDate>"),
                item("<title>A</title><dc:date>2024-05-14</dc:date>")));

        List<String> ids = items.stream().map(SourceItem::sourceId).toList();
        assertEquals(ids.get(0), ids.get(3));
        assertEquals(5 - 1, new java.util.HashSet<>(ids).size(), ids.toString());
    }

    @Test
    void authorsAreReadInTheFormsFeedsWrite() {
        List<SourceItem> items = read(rss(
                item("<author>jane@s.example (Jane  Doe)</author><dc:creator>Jane Doe</dc:creator>"),
                item("<author>Jane Doe &lt;jane@s.example&gt;</author>"),
                item("<author>jane@s.example ()</author>"),
                item("<author>  </author><dc:creator>\n  Ann\n  Lee </dc:creator>"),
                item("<author>(Jane Doe)</author>"),
                item("<author>a@b (x</author>")));

        assertEquals(
                List.of(new Person("Jane Doe", "Jane Doe", null, null)),
                items.get(0).authors(),
                "one person");
        assertEquals(
                List.of(new Person("Jane Doe", "Jane Doe", null, null)),
                items.get(1).authors());
        assertEquals(
                List.of(new Person("jane@s.example", null, null, null)),
                items.get(2).authors());
        assertEquals(
                List.of(new Person("Ann Lee", "Ann Lee", null, null)),
                items.get(3).authors());
        assertEquals(
                List.of(new Person("(Jane Doe)", "(Jane Doe)", null, null)),
                items.get(4).authors());
        assertEquals(
                List.of(new Person("a@b (x", "a@b (x", null, null)),
                items.get(5).authors());
    }

    @Test
    void mediaRssCaptionsAndCredits() {
        List<SourceItem> items = read(rss(
                item("<media:content url=\"https://s.example/a.jpg\" type=\"image/jpeg\">"
                        + "<media:description>Dawn &amp; dusk</media:description>"
                        + "<media:credit>Photo: Kim Li</media:credit></media:content>"),
                item("<media:content url=\"https://s.example/v.mp4\" medium=\"video\">"
                        + "<media:thumbnail url=\"https://s.example/v.jpg\"/>"
                        + "<media:title>Clip</media:title></media:content>"),
                item("<media:credit>Kim Li</media:credit><media:title>Item title</media:title>"
                        + "<media:content url=\"https://s.example/b.webp\"/>"),
                item("<media:content url=\"https://s.example/c.jpg\"><media:description>The quay (Kim Li)"
                        + "</media:description><media:credit>Kim Li</media:credit></media:content>"),
                item("<media:content url=\"https://s.example/d.pdf\"/><media:content url=\"https://s.example/e.png\""
                        + " type=\"image/png\"><media:text>Transcript</media:text></media:content>"),
                item("<guid>f</guid><title>F</title><media:content url=\"ftp://s.example/f.jpg\" medium=\"image\"/>"),
                item("<enclosure url=\"https://s.example/g.gif\" type=\"image/gif\"/>"
                        + "<media:thumbnail url=\"https://s.example/t.jpg\"/>"
                        + "<media:content url=\"https://s.example/h.jpg\" medium=\"image\"/>"),
                item("<media:group><media:credit>A</media:credit><media:credit>Agency</media:credit>"
                        + "<media:content url=\"/rel.jpg\" medium=\"IMAGE\"/></media:group>"
                        + "<link>https://s.example/news/x</link>"),
                item("<media:content url=\"https://s.example/i.jpg\" medium=\"image\"><media:description>"
                        + "Photo by Sam</media:description><media:credit>Sam</media:credit></media:content>"),
                item("<guid>j</guid><title>J</title><enclosure type=\"image/png\"/>"
                        + "<enclosure url=\"https://s.example/doc.pdf\"/>")));

        assertEquals(new Image("https://s.example/a.jpg", null, "Dawn &amp; dusk Photo: Kim Li"), featured(items, 0));
        assertEquals(new Image("https://s.example/v.jpg", null, "Clip"), featured(items, 1), "a video's thumbnail");
        assertEquals(
                new Image("https://s.example/b.webp", null, "Item title Photo: Kim Li"),
                featured(items, 2),
                "item-level caption and credit apply to its content");
        assertEquals(
                new Image("https://s.example/c.jpg", null, "The quay (Kim Li)"),
                featured(items, 3),
                "the caption already ends with the credit");
        assertEquals(new Image("https://s.example/e.png", null, null), featured(items, 4));
        assertNull(featured(items, 5));
        assertEquals(
                List.of("The featured image ftp://s.example/f.jpg is not a web address; it was left out."),
                items.get(5).notes());
        assertEquals(
                "https://s.example/h.jpg",
                featured(items, 6).url(),
                "media:content before an enclosure before a thumbnail");
        assertEquals(new Image("https://s.example/rel.jpg", null, "Photo: A/Agency"), featured(items, 7));
        assertEquals(new Image("https://s.example/i.jpg", null, "Photo by Sam"), featured(items, 8));
        assertNull(featured(items, 9));
        assertEquals(
                List.of("An enclosure (https://s.example/doc.pdf) was not imported."),
                items.get(9).notes());
    }

    @Test
    void commentCountsThatAreNoNumberAreNoted() {
        List<SourceItem> items = read(rss(item("<guid>g</guid><title>T</title><slash:comments>many</slash:comments>")));

        assertEquals(0, items.get(0).comments());
        assertEquals(
                List.of("The comment count \"many\" is not a number."),
                items.get(0).notes());
    }

    @Test
    void rssItemsMayCarryAtomUpdatedAndHtmlInsideTheirElements() {
        List<SourceItem> items = read(rss(item("<guid>g</guid><atom:updated>2024-05-14T10:00:00Z</atom:updated>"
                + "<pubDate>Tue, 14 May 2024 08:30:00</pubDate>"
                + "<description>Raw <b class=\"x\" xml:lang=\"en\">markup</b> and<br/>breaks</description>"
                + "<category></category><category>A</category><category> A </category>")));

        SourceItem item = items.get(0);
        assertEquals(Instant.parse("2024-05-14T10:00:00Z"), item.modified());
        assertEquals(Instant.parse("2024-05-14T08:30:00Z"), item.published());
        assertEquals(
                List.of("The pubDate \"Tue, 14 May 2024 08:30:00\" names no time zone: it was read as UTC."),
                item.notes());
        assertEquals("Raw <b class=\"x\">markup</b> and<br>breaks", item.html());
        assertEquals(List.of("A"), item.categories());
    }

    @Test
    void atomContentOfEveryType() {
        List<SourceItem> items = read(atom(
                entry("<content type=\"text/html\">&lt;p&gt;a&lt;/p&gt;</content>"),
                entry("<content type=\"text/plain\">a &amp; b</content>"),
                entry("<content type=\"application/xhtml+xml\"><p xmlns=\"http://www.w3.org/1999/xhtml\">x</p>"
                        + "</content>"),
                entry("<summary type=\"html\">&lt;b&gt;s&lt;/b&gt;</summary>"
                        + "<content type=\"image/png\">iVBORw0KGgo=</content>"),
                entry("<content type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\"><p>a</p></div>"
                        + "<div xmlns=\"http://www.w3.org/1999/xhtml\"><p>b</p></div></content>"),
                entry("<content type=\"xhtml\"><p xmlns=\"http://www.w3.org/1999/xhtml\">no div</p></content>"),
                entry("<content type=\"xhtml\"><div xmlns=\"urn:other\">kept</div></content>"),
                "<entry><id>blank</id><summary>  </summary><title type=\"text\"> </title></entry>",
                "<entry><id>x</id><title type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\"> Spaced </div>"
                        + "</title><summary type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\"><i>s</i></div>"
                        + "</summary></entry>"));

        assertEquals("<p>a</p>", items.get(0).html());
        assertEquals("<p>a &amp; b</p>", items.get(1).html());
        assertEquals("<p>x</p>", items.get(2).html());
        assertEquals("<b>s</b>", items.get(3).html());
        assertEquals(
                List.of("The content is of type image/png, which is not text: the summary is the body."),
                items.get(3).notes());
        assertEquals("<p>a</p><div><p>b</p></div>", items.get(4).html());
        assertEquals("<p>no div</p>", items.get(5).html());
        assertEquals("<div>kept</div>", items.get(6).html());
        assertNull(items.get(7).html());
        assertNull(items.get(7).title());
        assertEquals("Spaced", items.get(8).title());
        assertEquals("<i>s</i>", items.get(8).html());
    }

    @Test
    void atomLinksPeopleAndIds() {
        List<SourceItem> items = read(atom(
                entry("<link rel=\"alternate\" type=\"application/pdf\" href=\"https://s.example/a.pdf\"/>"
                        + "<link rel=\"alternate\" type=\"text/html\" href=\"https://s.example/a-story\"/>"
                        + "<link rel=\"alternate\" type=\"text/html\" href=\"https://s.example/b-story\"/>"
                        + "<link rel=\"http://www.iana.org/assignments/relation/alternate\" href=\"https://s.example/c\"/>"
                        + "<link rel=\"replies\" href=\"https://s.example/a-story#comments\"/>"
                        + "<link rel=\"enclosure\" type=\"audio/mpeg\" href=\"https://s.example/a.mp3\"/>"
                        + "<link rel=\"enclosure\" type=\"image/jpeg\"/>"
                        + "<author><email>x@s.example</email><uri>https://s.example/</uri></author>"
                        + "<author><uri>https://s.example/nobody</uri></author>"
                        + "<contributor><name>Not a byline</name></contributor>"),
                entry("<link href=\"https://s.example/first-link\"/><link href=\"https://s.example/second-link\"/>"
                        + "<author><name>Al</name><uri>https://s.example/people/al.b/</uri></author>"
                        + "<author><name>Bo</name><uri>not a uri</uri></author>"
                        + "<author><name>Cy</name><uri>https://s.example/@cy?</uri></author>"),
                "<entry><title>No id</title><link href=\"https://s.example/no-id\"/>"
                        + "<updated>yesterday</updated></entry>"));

        SourceItem first = items.get(0);
        assertEquals("https://s.example/a-story", first.link(), "the HTML alternate");
        assertEquals(List.of(new Person("x@s.example", null, null, null)), first.authors());
        assertEquals(List.of("An enclosure (audio/mpeg) was not imported."), first.notes());
        assertNull(first.featured());

        SourceItem second = items.get(1);
        assertEquals("https://s.example/first-link", second.link());
        assertEquals(
                List.of(
                        new Person("Al", "Al", null, "al.b"),
                        new Person("Bo", "Bo", null, null),
                        new Person("Cy", "Cy", null, null)),
                second.authors());

        SourceItem noId = items.get(2);
        assertEquals("https://s.example/no-id", noId.sourceId());
        assertNull(noId.published());
        assertNull(noId.modified());
        assertEquals(
                List.of(
                        "The updated \"yesterday\" is not a date this importer can read; it was left out.",
                        "The item has no id of its own: it is matched on re-runs by its link."),
                noId.notes());
    }

    @Test
    void feedLevelElementsAfterTheFirstAreIgnored() {
        List<SourceItem> items = read("""
                <feed xmlns="http://www.w3.org/2005/Atom">
                  <link rel="self" href="https://s.example/feeds/main.atom"/>
                  <link href="https://s.example/"/>
                  <link href="https://elsewhere.example/"/>
                  <title>Feed</title>
                  <entry><id>1</id><link href="relative-slug"/></entry>
                  <author><name>Late</name></author>
                  <entry><id>2</id></entry>
                </feed>
                """);

        assertEquals("https://s.example/relative-slug", items.get(0).link());
        assertEquals(List.of(), items.get(0).authors(), "a feed author after the entry does not reach back");
        assertEquals(
                List.of("Late"),
                items.get(1).authors().stream().map(Person::key).toList());
    }

    @Test
    void aRelativeLinkWithoutABaseStaysAsItIs() {
        List<SourceItem> items = read(
                rss(item("<link>/news/some-story</link>" + "<media:content url=\"/img/a.jpg\" medium=\"image\"/>")));

        assertEquals("/news/some-story", items.get(0).link());
        assertEquals("some-story", items.get(0).slug());
        assertNull(items.get(0).featured());
    }

    @Test
    void theChannelLinkIsTheBaseOfRelativeAddresses() {
        List<SourceItem> items = read("""
                <rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel>
                <link>https://s.example/blog/</link>
                <image><link>https://wrong.example/</link></image>
                <item><guid>1</guid><link>post-one</link><media:thumbnail url="../img/a.jpg"/></item>
                </channel></rss>
                """);

        assertEquals("https://s.example/blog/post-one", items.get(0).link());
        assertEquals("https://s.example/img/a.jpg", items.get(0).featured().url());
    }

    private static Image featured(List<SourceItem> items, int i) {
        return items.get(i).featured();
    }

    private static String blocks(String html) {
        HtmlBlocks.Result result = HtmlBlocks.convert(html, image -> MEDIA_ID);
        return AuthoringText.format(result.blocks());
    }

    private static String rss(String... items) {
        return """
                <rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"
                     xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom"
                     xmlns:slash="http://purl.org/rss/1.0/modules/slash/"><channel><title>T</title>
                %s
                </channel></rss>
                """.formatted(String.join("\n", items));
    }

    private static int counter;

    private static String item(String inner) {
        return "<item>" + inner + "</item>";
    }

    private static String atom(String... entries) {
        return """
                <feed xmlns="http://www.w3.org/2005/Atom"><id>f</id><title>F</title>
                %s
                </feed>
                """.formatted(String.join("\n", entries));
    }

    private static String entry(String inner) {
        counter++;
        return "<entry><id>e" + counter + "</id><title>E</title>" + inner + "</entry>";
    }

    private String refusal(String xml) {
        return assertThrows(ImportFormatException.class, () -> read(xml)).getMessage();
    }

    private String address(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private static List<SourceItem> read(String xml) {
        return readAll(new ByteArrayInputStream(utf8(xml)));
    }

    private static List<SourceItem> readAll(String fixture) {
        try (RssSource feed = new RssSource(resource(fixture), fixture)) {
            return drain(feed);
        }
    }

    private static List<SourceItem> readAll(InputStream in) {
        try (RssSource feed = new RssSource(in, "feed.rss")) {
            return drain(feed);
        }
    }

    private static List<SourceItem> drain(RssSource feed) {
        List<SourceItem> items = new ArrayList<>();
        for (SourceItem item = feed.next(); item != null; item = feed.next()) {
            items.add(item);
        }
        assertNull(feed.next(), "the end stays the end");
        return items;
    }

    private static InputStream resource(String name) {
        InputStream in = RssSourceTest.class.getResourceAsStream("rss/" + name);
        assertNotNull(in, name);
        return in;
    }

    private static String fixture(String name) {
        try (InputStream in = resource(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A feed written as it is read, so the test can see how far ahead of the items the reader has read. */
    private static final class GeneratedFeed extends InputStream {
        private static final String HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\""
                + " xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel><title>Big</title>\n";
        private static final String TAIL = "</channel></rss>\n";

        private final int items;
        private int itemsWritten;
        private long length;
        private byte[] chunk = utf8(HEAD);
        private int offset;

        GeneratedFeed(int items) {
            this.items = items;
            this.length = chunk.length;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int off, int len) {
            if (offset == chunk.length) {
                if (itemsWritten > items) {
                    return -1;
                }
                chunk = utf8(
                        itemsWritten == items
                                ? TAIL
                                : "<item><title>Item " + itemsWritten + "</title><guid>item-" + itemsWritten
                                        + "</guid><content:encoded><![CDATA[<p>" + "Body text. ".repeat(50)
                                        + "</p>]]></content:encoded></item>\n");
                itemsWritten++;
                length += chunk.length;
                offset = 0;
            }
            int n = Math.min(len, chunk.length - offset);
            System.arraycopy(chunk, offset, buffer, off, n);
            offset += n;
            return n;
        }
    }
}
