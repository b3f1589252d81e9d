package org.lede.importing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lede.importing.Importer.ItemReport;
import org.lede.importing.Importer.OnError;
import org.lede.importing.Importer.Options;
import org.lede.importing.Importer.Outcome;
import org.lede.importing.Importer.Summary;
import org.lede.importing.SourceItem.Image;
import org.lede.importing.SourceItem.Person;
import org.lede.importing.SourceItem.Status;
import org.lede.importing.SourceItem.Type;
import org.lede.outbox.OutboxEvent;
import org.lede.page.SitePage;
import org.lede.story.Story;
import org.lede.story.StoryStatus;
import org.lede.testing.NewsroomTest;

/** The import engine on items built here, as any format's reader gives them, on SQLite and PostgreSQL. */
class ImporterTest extends NewsroomTest {
    static final Instant PUBLISHED = Instant.parse("2024-05-02T09:30:00Z");
    static final Instant MODIFIED = Instant.parse("2024-05-03T10:00:00Z");
    static final Person IDA = new Person("ida", "Ida Berg", "<p>Ida Berg covers <em>the river</em>.</p>", null);

    List<ItemReport> reports = new ArrayList<>();
    Path uploads;

    @BeforeEach
    void uploadsFolder() throws IOException {
        uploads = dir.resolve("uploads");
        Files.createDirectories(uploads.resolve("2024/05"));
        WxrSourceTest.png(uploads.resolve("2024/05/bridge.png"), 0x104080);
    }

    static SourceItem story(String id, Status status, Instant modified, String title, List<String> categories) {
        return new SourceItem(
                id,
                Type.STORY,
                title,
                "A short <em>summary</em>.",
                "<p>The bridge reopens on Monday.</p><p><strong>Why it matters:</strong> it is the only one.</p>",
                null,
                status,
                status == Status.SCHEDULED ? Instant.parse("2031-01-01T08:00:00Z") : PUBLISHED,
                modified,
                List.of(IDA),
                categories,
                List.of("bridges"),
                null,
                "https://old.example/2024/05/" + id + "/",
                List.of("/?p=" + id.replaceAll("\\D", "")),
                3,
                List.of(),
                0);
    }

    static SourceItem story(String id, Status status) {
        return story(id, status, MODIFIED, "Bridge " + id + " reopens", List.of("River", "Transport"));
    }

    @Test
    void eachStatusLandsInItsStateAndPublishingRulesDecideWhatGoesLive() {
        Summary summary = run(
                options(false),
                story("p1", Status.PUBLISHED),
                story("p2", Status.SCHEDULED),
                story("p3", Status.SUBMITTED),
                story("p4", Status.DRAFT),
                story("p5", Status.PRIVATE),
                story("p6", Status.PUBLISHED, MODIFIED, "No topic here", List.of()));

        assertEquals(new Summary(6, 0, 0, 0, 18, List.of()), summary);
        Story live = imported("p1");
        assertEquals(StoryStatus.PUBLISHED, live.status());
        assertEquals(PUBLISHED, live.publishAt());
        assertEquals(PUBLISHED, live.firstPublishedAt());
        assertEquals("River", topicName(live));
        assertEquals(List.of("transport", "bridges"), live.draft().tags());
        assertEquals("A short summary.", live.draft().dek());
        assertEquals(
                "Ida Berg covers the river.",
                newsroom.services
                        .authors()
                        .find(live.draft().authorIds().getFirst())
                        .orElseThrow()
                        .bio());
        assertEquals(StoryStatus.SCHEDULED, imported("p2").status());
        assertEquals(Instant.parse("2031-01-01T08:00:00Z"), imported("p2").publishAt());
        assertEquals(StoryStatus.IN_REVIEW, imported("p3").status());
        assertEquals(StoryStatus.DRAFT, imported("p4").status());
        assertEquals(StoryStatus.DRAFT, imported("p5").status());
        assertTrue(report("p5").notes().stream().anyMatch(n -> n.startsWith("Private at the source")));
        assertEquals(StoryStatus.DRAFT, imported("p6").status());
        assertTrue(
                report("p6").notes().stream()
                        .anyMatch(n -> n.startsWith("Published at the source, kept as a draft here: Choose a topic")),
                report("p6").notes()::toString);
        assertEquals(1, newsroom.services.authors().all().size(), "one author, found again for each item");
    }

    @Test
    void aPublishedStoryIsOneEventOfItsStateNamingItsPages() {
        long before = newsroom.services.outbox().lastSeq();

        run(options(false), story("p1", Status.PUBLISHED));

        Story live = imported("p1");
        List<OutboxEvent> events = newsroom.services.outbox().after(before, 100).stream()
                .filter(e -> e.subject().equals(live.id()))
                .toList();
        assertEquals(1, events.size(), events::toString);
        assertEquals("story.published", events.getFirst().type());
        assertTrue(events.getFirst().pageKeys().contains("story:" + live.id()), events::toString);
        assertEquals(1, newsroom.services.stories().revisions(live.id()).size());
    }

    @Test
    void oldAddressesFromTheLinkAndEveryAliasLeadToTheStory() {
        run(options(false), story("p42", Status.PUBLISHED));

        String id = imported("p42").id();
        assertEquals(
                id, newsroom.services.imports().redirectTarget("/2024/05/p42/").orElseThrow());
        assertEquals(id, newsroom.services.imports().redirectTarget("/?p=42").orElseThrow());
    }

    @Test
    void pagesBecomeSitePagesAndKeepTheirSlugUnlessTheSiteHasIt() {
        SourceItem about = page("pg1", "about", Status.PUBLISHED, MODIFIED, "About the Gazette");
        SourceItem feed = page("pg2", "feed", Status.DRAFT, MODIFIED, "Our feed");

        Summary summary = run(options(false), about, feed);

        assertEquals(2, summary.created());
        SitePage page = newsroom.services.sitePages().findBySlug("about").orElseThrow();
        assertTrue(page.published());
        assertEquals("About the Gazette", page.title());
        assertFalse(page.body().isEmpty());
        SitePage renamed = newsroom.services.sitePages().findBySlug("feed-2").orElseThrow();
        assertFalse(renamed.published());
        assertTrue(
                report("pg2").notes().stream().anyMatch(n -> n.contains("/feed-2")),
                report("pg2").notes()::toString);
        assertEquals(
                page.id(),
                newsroom.services.imports().redirectTarget("/about-us/").orElseThrow());
        assertEquals(
                page.id(),
                newsroom.services.imports().redirectTarget("/?page_id=1").orElseThrow());
    }

    @Test
    void aRerunSkipsWhatIsUnchangedAndUpdatesWhatChangedAtTheSource() {
        run(
                options(false),
                story("p1", Status.PUBLISHED),
                story("p2", Status.DRAFT),
                page("pg1", "about", Status.PUBLISHED, MODIFIED, "About"));
        Story live = imported("p1");
        long events = newsroom.services.outbox().lastSeq();
        reports.clear();

        Summary same = run(
                options(false),
                story("p1", Status.PUBLISHED),
                story("p2", Status.DRAFT),
                page("pg1", "about", Status.PUBLISHED, MODIFIED, "About"));

        assertEquals(new Summary(0, 0, 3, 0, 6, List.of()), same);
        assertEquals(List.of("Imported before; unchanged."), report("p1").notes());
        assertEquals(events, newsroom.services.outbox().lastSeq());
        reports.clear();

        Instant later = MODIFIED.plusSeconds(3600);
        Summary changed = run(
                options(false),
                story("p1", Status.PUBLISHED, later, "Bridge reopens a day late", List.of("River")),
                story("p2", Status.PUBLISHED, later, "Bridge p2 is open", List.of("River")),
                page("pg1", "about", Status.PUBLISHED, later, "About us"));

        assertEquals(new Summary(0, 3, 0, 0, 6, List.of()), changed);
        Story updated = imported("p1");
        assertEquals(Outcome.UPDATED, report("p1").outcome());
        assertEquals(live.id(), updated.id());
        assertEquals("Bridge reopens a day late", updated.headline());
        assertEquals(StoryStatus.PUBLISHED, updated.status());
        assertEquals(live.slug(), updated.slug());
        assertEquals(live.revision() + 1, updated.revision());
        assertEquals(StoryStatus.PUBLISHED, imported("p2").status(), "a draft published at the source since");
        assertEquals(
                "About us",
                newsroom.services.sitePages().findBySlug("about").orElseThrow().title());
        reports.clear();

        assertEquals(
                new Summary(0, 0, 3, 0, 6, List.of()),
                run(
                        options(false),
                        story("p1", Status.PUBLISHED, later, "Bridge reopens a day late", List.of("River")),
                        story("p2", Status.PUBLISHED, later, "Bridge p2 is open", List.of("River")),
                        page("pg1", "about", Status.PUBLISHED, later, "About us")));
    }

    @Test
    void aFailedItemLeavesNothingBehindNotEvenTheFilesOfItsImages() throws IOException {
        SourceItem broken = new SourceItem(
                "p9",
                Type.STORY,
                "Two photos",
                null,
                "<p>Before.</p><img src=\"https://old.example/wp-content/uploads/2024/05/bridge.png\" alt=\"The"
                        + " bridge\"><p>After.</p><img src=\"https://elsewhere.example/river.png\" alt=\"River\">",
                "two-photos",
                Status.DRAFT,
                null,
                MODIFIED,
                List.of(new Person("new-author", "New Author", null, null)),
                List.of("Fresh topic"),
                List.of(),
                null,
                "https://old.example/two-photos/",
                List.of(),
                0,
                List.of(),
                0);
        RemoteImages dropped = (url, notes) -> {
            throw new UncheckedIOException(new IOException("The connection to " + url + " was reset."));
        };

        Summary summary = run(newsroom.services.importer(dropped), options(false), story("p1", Status.DRAFT), broken);

        assertEquals(1, summary.created());
        assertEquals(1, summary.failed());
        assertTrue(
                report("p9").notes().getLast().contains("was reset"),
                report("p9").notes()::toString);
        assertTrue(newsroom.services.stories().findBySlug("two-photos").isEmpty());
        assertTrue(newsroom.services.topics().findBySlug("fresh-topic").isEmpty());
        assertTrue(newsroom.services.authors().findBySlug("new-author").isEmpty());
        assertTrue(newsroom.services.imports().redirectTarget("/two-photos/").isEmpty());
        assertTrue(newsroom.services.imports().target("wxr-post", "p9").isEmpty());
        assertNull(newsroom.services
                .imports()
                .target("wxr-media", "2024/05/bridge.png")
                .orElse(null));
        assertEquals(0, newsroom.services.media().latest(10, 0).size());
        assertEquals(List.of(), files(dir.resolve("media")), "the rolled-back image's files are deleted");
        assertEquals(StoryStatus.DRAFT, imported("p1").status(), "the item before it is kept");
    }

    @Test
    void aDryRunWritesNothingAndSaysWhatAPublishingRuleWouldKeepAsADraft() {
        long events = newsroom.services.outbox().lastSeq();
        SourceItem uncredited = new SourceItem(
                "p7",
                Type.STORY,
                "Bridge at night",
                null,
                "<p>The lights are on.</p>",
                null,
                Status.PUBLISHED,
                PUBLISHED,
                MODIFIED,
                List.of(IDA),
                List.of("River"),
                List.of(),
                new Image("https://old.example/wp-content/uploads/2024/05/bridge.png", "The bridge", "At dusk."),
                null,
                List.of(),
                0,
                List.of(),
                0);

        SourceItem untopical = new SourceItem(
                "p8",
                Type.STORY,
                "Ferry at dawn",
                null,
                "<p>The first crossing.</p>",
                null,
                Status.PUBLISHED,
                PUBLISHED,
                MODIFIED,
                List.of(IDA),
                List.of(),
                List.of(),
                null,
                null,
                List.of(),
                0,
                List.of(),
                0);

        Summary dry = run(options(true), story("p1", Status.PUBLISHED), uncredited, untopical);

        assertEquals(new Summary(3, 0, 0, 0, 3, List.of()), dry);
        assertEquals(events, newsroom.services.outbox().lastSeq());
        assertEquals(0, newsroom.services.stories().count());
        assertEquals(0, newsroom.services.media().latest(10, 0).size());
        assertEquals(List.of(), files(dir.resolve("media")));
        assertTrue(
                report("p1").notes().stream().noneMatch(n -> n.contains("kept as a draft")),
                report("p1").notes()::toString);
        assertTrue(
                report("p7").notes().stream()
                        .anyMatch(n -> n.startsWith(
                                "Goes live as at the source; the next update asks for this: Credit the image")),
                report("p7").notes()::toString);
        assertTrue(
                report("p8").notes().stream()
                        .anyMatch(n -> n.startsWith("Published at the source, kept as a draft here: Choose a topic")),
                report("p8").notes()::toString);

        reports.clear();
        run(options(false), story("p1", Status.PUBLISHED), uncredited, untopical);

        assertEquals(
                StoryStatus.PUBLISHED,
                imported("p7").status(),
                "an archive's uncredited image does not take it off the site");
        assertEquals(StoryStatus.DRAFT, imported("p8").status(), "the real run does what the dry run said");
        assertEquals(StoryStatus.PUBLISHED, imported("p1").status());
    }

    private SourceItem page(String id, String slug, Status status, Instant modified, String title) {
        return new SourceItem(
                id,
                Type.PAGE,
                title,
                null,
                "<p>We report on the river and its bridges.</p>",
                slug,
                status,
                PUBLISHED,
                modified,
                List.of(),
                List.of(),
                List.of(),
                null,
                "https://old.example/" + slug + "-us/",
                List.of("/?page_id=" + id.replaceAll("\\D", "")),
                0,
                List.of(),
                0);
    }

    private Options options(boolean dryRun) {
        return new Options("wxr", uploads, dryRun, OnError.SKIP);
    }

    private Summary run(Options options, SourceItem... items) {
        return run(newsroom.services.importer(null), options, items);
    }

    private Summary run(Importer importer, Options options, SourceItem... items) {
        try (SourceReader reader = new Items(items)) {
            return importer.run(reader, options, reports::add);
        }
    }

    private Story imported(String sourceId) {
        return newsroom.services.stories().find(report(sourceId).storyId()).orElseThrow();
    }

    private ItemReport report(String sourceId) {
        return reports.stream()
                .filter(r -> r.sourceId().equals(sourceId))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no report for " + sourceId + " in " + reports));
    }

    private String topicName(Story story) {
        return newsroom.services
                .topics()
                .find(story.draft().topicId())
                .orElseThrow()
                .name();
    }

    private static List<Path> files(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> all = Files.walk(folder)) {
            return all.filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A reader of items made here. */
    private static final class Items implements SourceReader {
        private final Deque<SourceItem> items;
        private long position;

        Items(SourceItem... items) {
            this.items = new ArrayDeque<>(List.of(items));
        }

        @Override
        public SourceItem next() {
            position++;
            return Optional.ofNullable(items.poll()).orElse(null);
        }

        @Override
        public long position() {
            return position;
        }

        @Override
        public void close() {}
    }
}
