package org.lede.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.lede.Services;
import org.lede.content.Block;
import org.lede.content.LeadIn;
import org.lede.content.ListBlock;
import org.lede.content.Paragraph;
import org.lede.content.Quote;
import org.lede.content.Subhead;
import org.lede.db.Dialect;
import org.lede.outbox.Event.StoryAction;
import org.lede.story.PublishRules;
import org.lede.story.Story;
import org.lede.story.StoryKind;
import org.lede.story.StoryOutline;
import org.lede.story.StoryRevision;
import org.lede.story.StoryStatus;
import org.lede.story.StreamCursor;
import org.lede.story.json.StoryJson;
import org.lede.testing.Newsroom;

@ParameterizedClass(name = "{0}")
@EnumSource(Dialect.class)
class DemoArchiveTest {
    private static final Instant END = Instant.parse("2026-11-20T00:00:00Z");
    private static final int N = 400;

    @Parameter
    Dialect dialect;

    @TempDir
    Path dir;

    private static DemoArchive.Summary generate(Newsroom newsroom, Path media, int count, long seed) {
        Services s = newsroom.services;
        return s.demoArchive(media).generate(count, seed, END, written -> {});
    }

    /** The generated stories, newest last, each story read back through the story store. */
    private static List<Story> generated(Services s) {
        return s.stories().latestPublished(100_000, 0).stream()
                .filter(st -> st.slug().matches(".*-\\d+$"))
                .sorted((a, b) -> a.id().compareTo(b.id()))
                .toList();
    }

    @Test
    void anArchiveOfPublishableStoriesOverTwentyYears() {
        try (Newsroom newsroom = new Newsroom(dialect, dir)) {
            Services s = newsroom.services;
            int events = s.outbox().after(0, 100_000).size();
            DemoArchive.Summary summary = generate(newsroom, dir.resolve("media"), N, 7);
            assertEquals(N, summary.stories());
            assertEquals(14, summary.first(), "the demo's stories come first");
            assertEquals(14 + N, s.stories().count());
            assertTrue(s.authors().all().stream().filter(a -> !a.contributor()).count() >= DemoArchive.STAFF);
            assertTrue(s.authors().all().stream().filter(a -> a.contributor()).count() >= DemoArchive.CONTRIBUTORS);
            int authorEvents = DemoArchive.STAFF + DemoArchive.CONTRIBUTORS - 5;
            int demoEvents = s.outbox().after(0, 100_000).size() - events - authorEvents;
            assertTrue(demoEvents > 0, "the demo newsroom goes in through the services");
            List<Story> stories = generated(s);
            assertEquals(N, stories.size());
            Set<String> ids = stories.stream().map(Story::id).collect(Collectors.toSet());
            assertEquals(
                    0,
                    s.outbox().after(0, 100_000).stream()
                            .filter(e -> ids.contains(e.subject()))
                            .count(),
                    "generated stories append no event each");
            PublishRules rules = new PublishRules(s.topics(), s.authors(), s.media());
            Set<String> topics = new HashSet<>();
            Set<String> authors = new HashSet<>();
            Set<StoryKind> kinds = new HashSet<>();
            Set<String> tags = new HashSet<>();
            Set<String> texts = new HashSet<>();
            int older = 0;
            int newer = 0;
            Instant middle = END.minus(DemoArchive.SPAN.dividedBy(2));
            for (Story story : stories) {
                assertEquals(StoryStatus.PUBLISHED, story.status());
                assertEquals(List.of(), rules.problems(story.draft()), story.slug());
                assertNotNull(story.draft().hero().alt(), story.slug());
                assertNotNull(story.draft().hero().credit(), story.slug());
                assertTrue(!story.publishAt().isAfter(END), story.slug());
                assertTrue(story.publishAt().isAfter(END.minus(DemoArchive.SPAN)), story.slug());
                assertTrue(story.createdAt().isBefore(story.publishAt()), story.slug());
                if (story.publishAt().isBefore(middle)) {
                    older++;
                } else {
                    newer++;
                }
                assertTrue(story.draft().authorIds().size() >= 1
                        && story.draft().authorIds().size() <= 3);
                assertTrue(story.draft().tags().size() <= 5);
                topics.add(story.draft().topicId());
                authors.addAll(story.draft().authorIds());
                kinds.add(story.draft().kind());
                tags.addAll(story.draft().tags());
                List<Block> body = story.draft().body();
                assertTrue(body.getFirst() instanceof Paragraph, "a lede first: " + story.slug());
                assertTrue(body.get(1) instanceof LeadIn l && l.label().equals("Why it matters"), story.slug());
                body.stream().map(Block::plainText).filter(t -> t.length() > 80).forEach(texts::add);

                List<StoryRevision> revisions = s.stories().revisions(story.id());
                assertEquals(1, revisions.size(), "one revision each, so the history works");
                assertEquals(StoryAction.PUBLISHED.type(), revisions.getFirst().action());
                assertEquals(story, revisions.getFirst().snapshot());
            }
            assertEquals(s.topics().all().size(), topics.size(), "every topic");
            assertTrue(authors.size() >= 20, "20 or more authors write: " + authors.size());
            assertEquals(Set.of(StoryKind.values()), kinds);
            assertTrue(tags.size() >= 100, "tags from a few hundred: " + tags.size());
            assertTrue(newer > older * 2, "denser recently: " + older + " older, " + newer + " newer");
            List<Block> all =
                    stories.stream().flatMap(st -> st.draft().body().stream()).toList();
            assertTrue(all.stream().anyMatch(b -> b instanceof ListBlock l && l.ordered()));
            assertTrue(all.stream().anyMatch(b -> b instanceof ListBlock l && !l.ordered()));
            assertTrue(all.stream().anyMatch(b -> b instanceof Quote));
            assertTrue(all.stream().anyMatch(b -> b instanceof Subhead));
            long paragraphs =
                    all.stream().filter(b -> b.plainText().length() > 80).count();
            assertTrue(texts.size() > paragraphs * 95 / 100, "varied text: " + texts.size() + " of " + paragraphs);
            assertEquals(N, stories.stream().map(Story::slug).distinct().count());

            // Bylines and tags go in many rows a statement here: the tables derived from them
            // (an author's page, Go deeper's tags) hold every generated story all the same.
            Map<String, Set<String>> liveTags = s.stories().liveOutlines(List.copyOf(ids)).stream()
                    .collect(Collectors.toMap(StoryOutline::id, o -> Set.copyOf(o.tags())));
            for (Story story : stories) {
                assertEquals(Set.copyOf(story.draft().tags()), liveTags.get(story.id()), story.slug());
            }
            for (String author : authors) {
                Set<String> bylined = stories.stream()
                        .filter(st -> st.draft().authorIds().contains(author))
                        .map(Story::id)
                        .collect(Collectors.toSet());
                Set<String> streamed = s.stories().publishedByAuthor(author, null, 100_000).stream()
                        .map(StreamCursor::id)
                        .filter(ids::contains)
                        .collect(Collectors.toSet());
                assertEquals(bylined, streamed, author);
            }
        }
    }

    @Test
    void theSameSeedGivesTheSameStoriesAndAnotherSeedOthers() throws IOException {
        String first;
        String again;
        String other;
        for (String name : List.of("a", "b", "c")) {
            Files.createDirectories(dir.resolve(name));
        }
        try (Newsroom newsroom = new Newsroom(dialect, dir.resolve("a"))) {
            generate(newsroom, dir.resolve("a/media"), 60, 11);
            first = dump(newsroom.services);
        }
        try (Newsroom newsroom = new Newsroom(dialect, dir.resolve("b"))) {
            generate(newsroom, dir.resolve("b/media"), 60, 11);
            again = dump(newsroom.services);
        }
        try (Newsroom newsroom = new Newsroom(dialect, dir.resolve("c"))) {
            generate(newsroom, dir.resolve("c/media"), 60, 12);
            other = dump(newsroom.services);
        }
        assertEquals(first, again);
        assertNotEquals(first, other);
    }

    @Test
    void storiesWrittenInManyBatchesAreTheStoriesOfOneWhateverOrderTheBatchesCommitIn() throws IOException {
        Files.createDirectories(dir.resolve("one"));
        Files.createDirectories(dir.resolve("many"));
        String one;
        try (Newsroom newsroom = new Newsroom(dialect, dir.resolve("one"))) {
            newsroom.services.demoArchive(dir.resolve("one/media")).generate(60, 11, END, 100, written -> {});
            one = dump(newsroom.services);
        }
        List<Integer> progress = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (Newsroom newsroom = new Newsroom(dialect, dir.resolve("many"))) {
            newsroom.services.demoArchive(dir.resolve("many/media")).generate(60, 11, END, 7, progress::add);
            assertEquals(one, dump(newsroom.services));
        }
        assertEquals(9, progress.size(), "a report a batch: " + progress);
        assertEquals(60, progress.getLast());
        for (int i = 1; i < progress.size(); i++) {
            assertTrue(progress.get(i) > progress.get(i - 1), "only ever more: " + progress);
        }
    }

    @Test
    void aSecondRunAddsStoriesWithSlugsOfTheirOwn() {
        try (Newsroom newsroom = new Newsroom(dialect, dir)) {
            generate(newsroom, dir.resolve("media"), 50, 3);
            DemoArchive.Summary second = generate(newsroom, dir.resolve("media"), 50, 3);
            assertEquals(64, second.first());
            List<Story> stories = generated(newsroom.services);
            assertEquals(100, stories.size());
            assertEquals(100, stories.stream().map(Story::slug).distinct().count());
            assertEquals(25, newsroom.services.authors().all().size(), "the byline is not grown twice");
        }
    }

    /**
     * The load turns off waiting for the disk on its connection, which then goes back to the
     * pool: the next write on it must wait again, or a commit already answered could be lost to
     * a power cut. The thread's next handle is the connection it returned last.
     */
    @Test
    void theLoadsConnectionGoesBackToThePoolAsDurableAsItCame() {
        try (Newsroom newsroom = new Newsroom(dialect, dir)) {
            if (dialect == Dialect.SQLITE) {
                assertEquals("2", durability(newsroom), "SQLite flushes its log at every commit (FULL)");
            }
            String before = durability(newsroom);

            generate(newsroom, dir.resolve("media"), 20, 5);

            assertEquals(before, durability(newsroom));
        }
    }

    /**
     * On PostgreSQL the load leaves its tables vacuumed and analyzed, so that autovacuum does not
     * do it later under whatever runs next (the search rebuild, readers).
     */
    @Test
    void aPostgresLoadLeavesItsTablesVacuumed() {
        assumeTrue(dialect == Dialect.POSTGRESQL, "VACUUM is PostgreSQL's; SQLite's load needs no pass after it");
        try (Newsroom newsroom = new Newsroom(dialect, dir)) {
            generate(newsroom, dir.resolve("media"), 20, 5);

            List<String> vacuumed = newsroom.services
                    .db()
                    .handle(h -> h.createQuery("SELECT relname FROM pg_stat_user_tables WHERE last_vacuum IS NOT NULL "
                                    + "AND last_analyze IS NOT NULL ORDER BY relname")
                            .mapTo(String.class)
                            .list());
            // last_vacuum and last_analyze are set by commands only, never by autovacuum.
            assertTrue(
                    vacuumed.containsAll(List.of(
                            "stories",
                            "story_authors",
                            "story_blocks",
                            "story_media",
                            "story_revisions",
                            "story_tags",
                            "live_story_tags",
                            "tag_published",
                            "author_stream",
                            "author_published",
                            "author_saved")),
                    "vacuumed and analyzed: " + vacuumed);
        }
    }

    /** SQLite's synchronous setting; on PostgreSQL, where synchronous_commit was set (never the session). */
    private String durability(Newsroom newsroom) {
        String sql = dialect == Dialect.SQLITE
                ? "PRAGMA synchronous"
                : "SELECT source FROM pg_settings WHERE name = 'synchronous_commit'";
        return newsroom.services
                .db()
                .handle(h -> h.createQuery(sql).mapTo(String.class).one());
    }

    /**
     * Every generated story and its revision as JSON, with the ids of what they refer to (made
     * afresh by each database's demo load) replaced by slugs and image digests.
     */
    private static String dump(Services s) {
        Map<String, String> names = new HashMap<>();
        s.topics().all().forEach(t -> names.put(t.id(), "topic:" + t.slug()));
        s.authors().all().forEach(a -> names.put(a.id(), "author:" + a.slug()));
        s.media().latest(1000, 0).forEach(m -> names.put(m.id(), "media:" + m.sha256()));
        return generated(s).stream()
                .map(story -> {
                    String json = StoryJson.write(story)
                            + StoryJson.write(
                                    s.stories().revisions(story.id()).getFirst().snapshot());
                    for (var e : names.entrySet()) {
                        json = json.replace(e.getKey(), e.getValue());
                    }
                    return json;
                })
                .collect(Collectors.joining("\n"));
    }
}
