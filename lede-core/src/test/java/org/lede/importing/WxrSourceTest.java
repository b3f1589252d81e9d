package org.lede.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lede.author.Author;
import org.lede.content.ImageBlock;
import org.lede.content.LeadIn;
import org.lede.content.ListBlock;
import org.lede.importing.Importer.ItemReport;
import org.lede.importing.Importer.OnError;
import org.lede.importing.Importer.Options;
import org.lede.importing.Importer.Outcome;
import org.lede.importing.Importer.Summary;
import org.lede.importing.store.JdbiImportStore;
import org.lede.page.SitePage;
import org.lede.story.Story;
import org.lede.story.StoryStatus;
import org.lede.testing.NewsroomTest;

/** The WordPress importer on a small export of our own, on SQLite and PostgreSQL. */
class WxrSourceTest extends NewsroomTest {
    static final String FIXTURE = "harbour-gazette.wxr";
    Path uploads;
    List<ItemReport> reports = new ArrayList<>();

    @BeforeEach
    void uploadsFolder() throws IOException {
        uploads = dir.resolve("uploads");
        Files.createDirectories(uploads.resolve("2025/03"));
        png(uploads.resolve("2025/03/ferry.png"), 0x2050A0);
        png(uploads.resolve("2025/03/quay.png"), 0x305020);
    }

    @Test
    void postsBecomeStoriesWithTheirStatusTimesAuthorsTopicsAndImages() {
        Summary summary = run(FIXTURE, options(uploads, false, OnError.STOP));

        assertEquals(new Summary(5, 0, 0, 0, 2, List.of()), summary);
        Story ferry = story("night-ferry-returns");
        assertEquals(StoryStatus.PUBLISHED, ferry.status());
        assertEquals(Instant.parse("2025-03-04T18:30:00Z"), ferry.firstPublishedAt());
        assertEquals(Instant.parse("2025-03-04T18:30:00Z"), ferry.publishAt());
        assertEquals("The night ferry is back.", ferry.draft().dek());
        assertEquals(
                "Port & Shipping",
                newsroom.services
                        .topics()
                        .find(ferry.draft().topicId())
                        .orElseThrow()
                        .name());
        assertEquals(List.of("council", "ferries"), ferry.draft().tags());
        Author mira = newsroom.services
                .authors()
                .find(ferry.draft().authorIds().getFirst())
                .orElseThrow();
        assertEquals("Mira Brandt", mira.name());
        assertEquals("mbrandt", mira.slug());
        assertEquals("Mira Brandt covers the port and its workers.", mira.bio());
        ImageBlock hero = ferry.draft().hero();
        assertTrue(hero.hasMedia());
        assertEquals("The first crossing at dawn.", hero.caption());
        assertEquals("Lena Holm", hero.credit().by());
        assertEquals(
                "A white ferry leaving the harbour at dawn",
                newsroom.services.media().find(hero.mediaId()).orElseThrow().alt());
        assertTrue(ferry.draft().body().stream().anyMatch(LeadIn.class::isInstance));
        assertTrue(ferry.draft().body().stream().anyMatch(ListBlock.class::isInstance));
        ImageBlock quay = ferry.draft().body().stream()
                .filter(ImageBlock.class::isInstance)
                .map(ImageBlock.class::cast)
                .findFirst()
                .orElseThrow();
        assertTrue(quay.hasMedia());
        assertEquals("The quay at night", quay.alt());
        assertTrue(
                report("https://gazette.example/?p=101").notes().stream().anyMatch(n -> n.contains("script")),
                () -> report("https://gazette.example/?p=101").notes().toString());

        Story pier = newsroom.services
                .storyService()
                .get(report("https://gazette.example/?p=102").storyId());
        assertEquals(StoryStatus.DRAFT, pier.status());
        assertEquals(2, pier.draft().body().size());
        Story festival = story("harbour-festival");
        assertEquals(StoryStatus.SCHEDULED, festival.status());
        assertEquals(Instant.parse("2030-06-01T08:00:00Z"), festival.publishAt());
        assertEquals(StoryStatus.DRAFT, story("notes").status());
        assertTrue(report("https://gazette.example/?p=104").notes().stream().anyMatch(n -> n.contains("Private")));
        ItemReport about = report("https://gazette.example/?page_id=2");
        assertEquals(Outcome.CREATED, about.outcome());
        SitePage page = newsroom.services.sitePages().find(about.storyId()).orElseThrow();
        assertEquals("about-us", page.slug());
        assertTrue(page.published());

        JdbiImportStore imports = new JdbiImportStore(newsroom.services.db());
        assertEquals(
                ferry.id(),
                imports.redirectTarget("/2025/03/night-ferry-returns/").orElseThrow());
        assertEquals(
                festival.id(),
                imports.redirectTarget("/2030/06/harbour-festival/").orElseThrow());
        assertEquals(ferry.id(), imports.redirectTarget("/?p=101").orElseThrow());
        assertEquals(page.id(), imports.redirectTarget("/about/").orElseThrow());
        assertEquals(page.id(), imports.redirectTarget("/?page_id=2").orElseThrow());
    }

    @Test
    void aSecondRunChangesNothing() {
        run(FIXTURE, options(uploads, false, OnError.STOP));
        Story before = story("night-ferry-returns");
        long events = newsroom.services.outbox().lastSeq();
        int topics = newsroom.services.topics().all().size();
        reports.clear();

        Summary again = run(FIXTURE, options(uploads, false, OnError.STOP));

        assertEquals(new Summary(0, 0, 5, 0, 2, List.of()), again);
        assertEquals(events, newsroom.services.outbox().lastSeq());
        assertEquals(topics, newsroom.services.topics().all().size());
        Story after = story("night-ferry-returns");
        assertEquals(before, after);
        assertEquals(
                before.revision(),
                newsroom.services.stories().revisions(after.id()).size());
    }

    @Test
    void aDryRunWritesNothing() {
        long events = newsroom.services.outbox().lastSeq();

        Summary summary = run(FIXTURE, options(uploads, true, OnError.STOP));

        assertEquals(5, summary.created());
        assertEquals(events, newsroom.services.outbox().lastSeq());
        assertTrue(newsroom.services.stories().findBySlug("night-ferry-returns").isEmpty());
    }

    @Test
    void aMissingImageIsReportedAndTheStoryStillGoesLive() {
        run(FIXTURE, options(dir.resolve("nowhere"), false, OnError.STOP));

        Story ferry = story("night-ferry-returns");
        assertEquals(StoryStatus.PUBLISHED, ferry.status());
        assertNull(ferry.draft().hero());
        List<String> notes = report("https://gazette.example/?p=101").notes();
        assertTrue(
                notes.stream().anyMatch(n -> n.contains("2025/03/ferry.png") && n.contains("not in")), notes::toString);
        assertTrue(
                notes.stream().anyMatch(n -> n.contains("The first crossing at dawn.") && n.contains("Lena Holm")),
                notes::toString);
    }

    @Test
    void aFailingItemLeavesNothingAndTheRestAreImportedWhenSkipping() {
        String wxr = fixture().replace("</channel>", """
                        <item><title>Broken</title><link>https://gazette.example/broken/</link>
                        <dc:creator>%s</dc:creator><guid isPermaLink="false">https://gazette.example/?p=199</guid>
                        <wp:post_id>199</wp:post_id><wp:status>draft</wp:status><wp:post_type>post</wp:post_type>
                        <category domain="category" nicename="harbour-life">Harbour life</category></item>
                        </channel>""".formatted("x".repeat(130)));

        Summary summary = run(bytes(wxr), options(uploads, false, OnError.SKIP));

        assertEquals(new Summary(5, 0, 0, 1, 2, List.of()), summary);
        assertEquals(Outcome.FAILED, report("https://gazette.example/?p=199").outcome());
        assertTrue(newsroom.services.topics().findBySlug("harbour-life").isEmpty(), "the item's topic is rolled back");
        assertTrue(newsroom.services.stories().findBySlug("broken").isEmpty());
        assertTrue(new JdbiImportStore(newsroom.services.db())
                .redirectTarget("/broken/")
                .isEmpty());
        ImportFormatException stopped =
                assertThrows(ImportFormatException.class, () -> run(bytes(wxr), options(uploads, false, OnError.STOP)));
        assertTrue(stopped.getMessage().contains("Stopped at the item on line"), stopped.getMessage());
    }

    @Test
    void recordsThatAreNeitherPostsNorPagesAreCountedInTheSummary() {
        String wxr = fixture().replace("</channel>", """
                        <item><title>Home</title><wp:post_id>300</wp:post_id>
                        <wp:post_type>nav_menu_item</wp:post_type></item>
                        <item><title>About</title><wp:post_id>301</wp:post_id>
                        <wp:post_type>nav_menu_item</wp:post_type></item>
                        </channel>""");

        Summary summary = run(bytes(wxr), options(uploads, false, OnError.STOP));

        assertEquals(
                List.of("2 WordPress nav_menu_item records left out: only posts, pages and their images are imported"),
                summary.notes());
        assertTrue(summary.line().contains("2 WordPress nav_menu_item records left out"), summary.line());
    }

    @Test
    void malformedXmlIsReportedWithLineAndColumn() {
        String broken = fixture().replace("</wp:post_name>", "</wp:post_nam>");

        ImportFormatException e =
                assertThrows(ImportFormatException.class, () -> run(bytes(broken), options(null, false, OnError.SKIP)));

        assertTrue(
                e.getMessage().matches("(?s)test\\.wxr:\\d+:\\d+: not well-formed XML: .*post_name.*"), e.getMessage());
    }

    @Test
    void aBillionLaughsFileIsRefused() {
        String lol = """
                <?xml version="1.0"?>
                <!DOCTYPE rss [
                  <!ENTITY lol "lol">
                  <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
                  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
                  <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
                  <!ENTITY lol9 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
                ]>
                <rss xmlns:wp="http://wordpress.org/export/1.2/"><channel><wp:wxr_version>1.2</wp:wxr_version>
                <item><title>&lol9;</title><wp:post_type>post</wp:post_type></item></channel></rss>
                """;

        ImportFormatException e =
                assertThrows(ImportFormatException.class, () -> run(bytes(lol), options(null, false, OnError.SKIP)));

        assertTrue(e.getMessage().contains("DTD"), e.getMessage());
        assertTrue(reports.isEmpty());
    }

    @Test
    void anExternalEntityIsRefusedAndNotRead() throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "top-secret");
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE rss [ <!ENTITY xxe SYSTEM "%s"> ]>
                <rss xmlns:wp="http://wordpress.org/export/1.2/"><channel><wp:wxr_version>1.2</wp:wxr_version>
                <item><title>&xxe;</title><wp:post_type>post</wp:post_type></item></channel></rss>
                """.formatted(secret.toUri());

        ImportFormatException e =
                assertThrows(ImportFormatException.class, () -> run(bytes(xxe), options(null, false, OnError.SKIP)));

        assertTrue(e.getMessage().contains("DTD"), e.getMessage());
        assertFalse(e.getMessage().contains("top-secret"));
        assertTrue(reports.isEmpty());
    }

    @Test
    void anUnknownVersionNamesTheVersionsRead() {
        String future =
                fixture().replace("<wp:wxr_version>1.2</wp:wxr_version>", "<wp:wxr_version>9.0</wp:wxr_version>");

        ImportFormatException e =
                assertThrows(ImportFormatException.class, () -> run(bytes(future), options(null, false, OnError.SKIP)));

        assertTrue(e.getMessage().contains("version 9.0") && e.getMessage().contains("1.0, 1.1, 1.2"), e.getMessage());
    }

    private Summary run(String resource, Options options) {
        return run(bytes(fixture(resource)), options);
    }

    private Summary run(Supplier<InputStream> open, Options options) {
        try (WxrSource source = new WxrSource(open, "test.wxr")) {
            return newsroom.services.importer(null).run(source, options, reports::add);
        }
    }

    static Options options(Path mediaDir, boolean dryRun, OnError onError) {
        return new Options("wxr", mediaDir, dryRun, onError);
    }

    private ItemReport report(String sourceId) {
        return reports.stream()
                .filter(r -> r.sourceId().equals(sourceId))
                .findFirst()
                .orElseThrow();
    }

    private Story story(String slug) {
        return newsroom.services.stories().findBySlug(slug).orElseThrow();
    }

    static String fixture() {
        return fixture(FIXTURE);
    }

    static String fixture(String resource) {
        try (InputStream in = WxrSourceTest.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Supplier<InputStream> bytes(String text) {
        byte[] data = text.getBytes(StandardCharsets.UTF_8);
        return () -> new ByteArrayInputStream(data);
    }

    static void png(Path file, int colour) throws IOException {
        BufferedImage image = new BufferedImage(80, 60, BufferedImage.TYPE_INT_RGB);
        image.setRGB(1, 1, colour);
        ImageIO.write(image, "png", file.toFile());
    }
}
