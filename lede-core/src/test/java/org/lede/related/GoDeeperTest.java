package org.lede.related;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.lede.common.Failures;
import org.lede.content.Paragraph;
import org.lede.dashboard.Dashboard;
import org.lede.db.Dialect;
import org.lede.outbox.OutboxEvent;
import org.lede.related.GoDeeper.Ref;
import org.lede.related.store.JdbiKeptPicks;
import org.lede.search.SearchDocument.Type;
import org.lede.story.Story;
import org.lede.story.StoryDraft;
import org.lede.story.StoryService;
import org.lede.story.UpdateKind;
import org.lede.testing.Newsroom;
import org.lede.topic.Topic;
import org.lede.user.Actor;

/** Go deeper's kept rankings over the real stores, on SQLite and PostgreSQL. */
@ParameterizedClass(name = "{0}")
@EnumSource(Dialect.class)
class GoDeeperTest {
    @Parameter
    Dialect dialect;

    @TempDir
    Path dir;

    Newsroom newsroom;
    StoryService stories;
    KeptPicks kept;
    AtomicLong indexed = new AtomicLong();
    List<RuntimeException> errors = new ArrayList<>();
    GoDeeper goDeeper;
    Topic world;
    Topic farming;
    long consumed;

    @BeforeEach
    void open() {
        newsroom = new Newsroom(dialect, dir);
        stories = newsroom.services.storyService();
        kept = new JdbiKeptPicks(newsroom.services.db());
        // Kept on the reader's thread, so a test sees the row as soon as picks() returns.
        goDeeper = goDeeper(newsroom.services.related(), Runnable::run);
        world = newsroom.topic("world", "World");
        farming = newsroom.topic("farming", "Farming");
        consumed = newsroom.services.outbox().lastSeq();
    }

    private GoDeeper goDeeper(RelatedContent ranking, Executor writeBack) {
        return new GoDeeper(
                ranking,
                newsroom.services.stories(),
                newsroom.services.dashboards(),
                kept,
                newsroom.services.outbox(),
                indexed::get,
                writeBack,
                errors::add);
    }

    @AfterEach
    void close() {
        assertEquals(List.of(), errors);
        newsroom.close();
    }

    private Story publishAt(String at, String headline, Topic topic) {
        return newsroom.publishAt(at, headline, topic, List.of(), "Officials met on the question again.");
    }

    /** Hands the events since the last call to the consumer, as the server's poller does. */
    private void consume() {
        var events = newsroom.services.outbox().after(consumed, 1000);
        goDeeper.consume(events);
        if (!events.isEmpty()) {
            consumed = events.getLast().seq();
        }
        indexed.set(consumed);
    }

    private List<String> ids(Story story) {
        return goDeeper.picks(stories.get(story.id())).stream().map(Ref::id).toList();
    }

    @Test
    void aRankingIsKeptWhenFirstReadAndReadBackUntilAnEventMakesItStale() {
        Story older = publishAt("2024-05-01T09:00:00Z", "Older", world);
        Story story = publishAt("2024-05-02T09:00:00Z", "The story", world);
        consume();
        assertTrue(kept.find(story.id()).isEmpty(), "nothing is kept before a reader asks");

        assertEquals(List.of(older.id()), ids(story));
        assertEquals(
                List.of(new Ref(older.id(), Type.STORY)), kept.find(story.id()).orElseThrow());

        Story newer = publishAt("2024-05-03T09:00:00Z", "Newer", world);
        assertEquals(List.of(older.id()), ids(story), "until the outbox is read, the kept ranking answers");

        consume();
        assertTrue(kept.find(story.id()).isEmpty(), "the new story's neighbour went stale");
        assertEquals(List.of(newer.id(), older.id()), ids(story));
        assertEquals(2, kept.find(story.id()).orElseThrow().size());
    }

    @Test
    void takingAStoryDownMakesItsNeighboursStaleAndItsOwnRankingToo() {
        Story a = publishAt("2024-05-01T09:00:00Z", "A", world);
        Story b = publishAt("2024-05-02T09:00:00Z", "B", world);
        Story elsewhere = publishAt("2024-05-02T10:00:00Z", "Elsewhere", farming);
        Story lone = publishAt("2024-05-02T11:00:00Z", "Lone", farming);
        consume();
        assertEquals(List.of(b.id()), ids(a));
        assertEquals(List.of(a.id()), ids(b));
        assertEquals(List.of(lone.id()), ids(elsewhere));

        stories.unpublish(Actor.SYSTEM, b.id(), stories.get(b.id()).revision());
        consume();
        assertTrue(kept.find(a.id()).isEmpty(), "the story it sat beside");
        assertTrue(kept.find(b.id()).isEmpty(), "its own");
        assertTrue(kept.find(elsewhere.id()).isPresent(), "another topic's stays kept");
        assertEquals(List.of(), ids(a));
    }

    @Test
    void anUpdateOrAPinMakesTheStorysOwnRankingStale() {
        Story a = publishAt("2024-05-01T09:00:00Z", "A", world);
        Story far = publishAt("2010-05-01T09:00:00Z", "Far", farming);
        Story b = publishAt("2024-05-02T09:00:00Z", "B", world);
        consume();
        ids(a);
        ids(b);

        Story pinned = stories.pin(Actor.SYSTEM, b.id(), stories.get(b.id()).revision(), List.of(far.id()));
        consume();
        assertTrue(kept.find(a.id()).isPresent(), "a pin changes only the pinned story's own list");
        assertEquals(List.of(far.id(), a.id()), ids(pinned));

        Story moved = stories.get(a.id());
        StoryDraft d = moved.draft();
        stories.update(
                Actor.SYSTEM,
                a.id(),
                moved.revision(),
                new StoryDraft(
                        d.headline(),
                        d.dek(),
                        d.slug(),
                        farming.id(),
                        d.tags(),
                        d.kind(),
                        d.authorIds(),
                        d.contributorNote(),
                        d.hero(),
                        d.body()),
                UpdateKind.SUBSTANTIVE);
        consume();
        assertTrue(kept.find(a.id()).isEmpty(), "its own ranking");
        assertTrue(kept.find(b.id()).isEmpty(), "the stories it sat beside, through its kept picks");
        assertEquals(List.of(far.id()), ids(b).subList(0, 1));
        assertFalse(ids(b).contains(a.id()), "it left the topic");
    }

    @Test
    void aRankingBegunBeforeTheEventThatMadeItStaleIsNotKept() {
        Story a = publishAt("2024-05-01T09:00:00Z", "A", world);
        consume();
        long before = indexed.get();
        publishAt("2024-05-02T09:00:00Z", "B", world);
        consume();
        // The index had not applied B's event when this ranking was made.
        indexed.set(before);
        ids(a);
        assertTrue(kept.find(a.id()).isEmpty(), "a ranking older than the staleness");

        indexed.set(consumed);
        ids(a);
        assertTrue(kept.find(a.id()).isPresent(), "one that read the index past it");
    }

    @Test
    void aDeletedStoryIsForgotten() {
        newsroom.clock.set(Instant.parse("2024-05-01T09:00:00Z"));
        Story draft = stories.createDraft(Actor.SYSTEM, newsroom.publishableDraft("Never published"));
        kept.keep(draft.id(), List.of(), 0);
        stories.delete(Actor.SYSTEM, draft.id(), draft.revision());
        consume();
        assertTrue(kept.find(draft.id()).isEmpty());
        assertEquals(0, kept.unrankedCount());
    }

    @Test
    void theTopicsDashboardsJoinAKeptRankingAsItIsRead() {
        Story a = publishAt("2024-05-01T09:00:00Z", "A", world);
        Story b = publishAt("2024-05-02T09:00:00Z", "B", world);
        consume();
        assertEquals(List.of(a.id()), ids(b));

        Dashboard topical = newsroom.dashboard("world-dash", world, a);
        newsroom.dashboard("farm-dash", farming, a);
        consume();
        assertTrue(kept.find(b.id()).isPresent(), "a dashboard makes no ranking stale");
        assertEquals(List.of(a.id(), topical.id()), ids(b));
    }

    @Test
    void aFullRankingGivesATopicDashboardTheLastPlaceThatIsNeitherPinnedNorADashboardOfTheTopic() {
        Story story = publishAt("2024-05-01T09:00:00Z", "Story", world);
        Story pin = publishAt("2020-05-01T09:00:00Z", "Pin", farming);
        Dashboard first = newsroom.dashboard("world-one", world, story);
        Dashboard second = newsroom.dashboard("world-two", world, story);
        List<Ref> full = new ArrayList<>();
        for (int i = 0; i < RelatedContent.MAX - 1; i++) {
            full.add(new Ref("S" + i, Type.STORY));
        }
        full.add(new Ref(first.id(), Type.DASHBOARD));
        Story pinned = stories.pin(Actor.SYSTEM, story.id(), story.revision(), List.of(pin.id()));

        List<Ref> out = goDeeper.withTopicDashboards(pinned, full);
        assertEquals(full.size() + 1, out.size(), "room for one more after a pin: " + out);
        assertEquals(new Ref(second.id(), Type.DASHBOARD), out.getLast());

        List<Ref> fuller = new ArrayList<>(full);
        fuller.add(new Ref("S99", Type.STORY));
        out = goDeeper.withTopicDashboards(pinned, fuller);
        assertEquals(fuller.size(), out.size());
        assertEquals(new Ref(second.id(), Type.DASHBOARD), out.get(RelatedContent.MAX), "S99's place: " + out);
        assertEquals(new Ref(first.id(), Type.DASHBOARD), out.get(RelatedContent.MAX - 1));

        List<Ref> pinnedLast = new ArrayList<>(full);
        pinnedLast.set(RelatedContent.MAX - 2, new Ref("S98", Type.STORY));
        pinnedLast.add(new Ref(pin.id(), Type.STORY));
        out = goDeeper.withTopicDashboards(pinned, pinnedLast);
        assertEquals(new Ref(pin.id(), Type.STORY), out.getLast(), "a pin keeps its place");
        assertEquals(new Ref(second.id(), Type.DASHBOARD), out.get(RelatedContent.MAX - 2), "S98's place: " + out);
    }

    @Test
    void fillRanksEveryLiveStoryWithoutAKeptRankingAndNoDraft() {
        List<Story> live = new ArrayList<>();
        for (int i = 0; i < GoDeeper.FILL_BATCH + 3; i++) {
            live.add(publishAt("2024-05-01T09:00:00Z", "Story " + i, i % 2 == 0 ? world : farming));
        }
        Story draft = stories.createDraft(Actor.SYSTEM, newsroom.publishableDraft("Draft"));
        ids(live.getFirst());
        List<long[]> progress = new ArrayList<>();

        long ranked = goDeeper.fill((done, total) -> progress.add(new long[] {done, total}));

        assertEquals(live.size() - 1, ranked, "all but the one a reader ranked");
        assertEquals(0, kept.unrankedCount());
        assertTrue(kept.find(draft.id()).isEmpty());
        for (Story s : live) {
            assertTrue(kept.find(s.id()).isPresent(), s.headline());
        }
        assertEquals(live.size() - 1, progress.getLast()[0]);
        assertEquals(live.size() - 1, progress.getLast()[1]);
        assertEquals(0, goDeeper.fill((done, total) -> {}), "nothing left to rank");
    }

    @Test
    void anEventAboutAStoryThatIsGoneForgetsItsRanking() {
        kept.keep("01HGONE0000000000000000000", List.of(), 0);
        goDeeper.consume(List.of(new OutboxEvent(
                7, "story.published", "01HGONE0000000000000000000", Map.of(), Instant.parse("2024-05-01T09:00:00Z"))));
        assertTrue(kept.find("01HGONE0000000000000000000").isEmpty());
        assertTrue(kept.keep("01HGONE0000000000000000000", List.of(), 0), "forgotten, not marked stale");
    }

    @Test
    void onlyStoriesAmongAStorysPicksAreMarkedStale() {
        Story a = publishAt("2024-05-01T09:00:00Z", "A", world);
        Dashboard hub = newsroom.dashboard("world-hub", world, a);
        consume();
        assertEquals(List.of(hub.id()), ids(a));

        stories.unpublish(Actor.SYSTEM, a.id(), stories.get(a.id()).revision());
        consume();
        assertTrue(kept.keep(hub.id(), List.of(), 0), "a dashboard has no ranking to mark");
    }

    @Test
    void aStoryWithoutATopicGetsNoDashboardAdded() {
        Story loose = stories.createDraft(Actor.SYSTEM, StoryDraft.of("Loose", List.of(Paragraph.of("Text."))));
        newsroom.dashboard("no-topic", null, loose);
        List<Ref> refs = List.of(new Ref("S1", Type.STORY));
        assertEquals(refs, goDeeper.withTopicDashboards(loose, refs));
    }

    @Test
    void fillFirstMarksStaleWhatChangedSinceTheOutboxWasLastRead() {
        Story a = publishAt("2024-05-01T09:00:00Z", "A", world);
        Story b = publishAt("2024-05-02T09:00:00Z", "B", world);
        indexed.set(newsroom.services.outbox().lastSeq());
        assertEquals(2, goDeeper.fill((done, total) -> {}));

        Story c = publishAt("2024-05-03T09:00:00Z", "C", world);
        indexed.set(newsroom.services.outbox().lastSeq());
        assertEquals(3, goDeeper.fill((done, total) -> {}), "the new story and the two it joins");
        assertTrue(kept.find(a.id()).orElseThrow().contains(new Ref(c.id(), Type.STORY)));
        assertTrue(kept.find(b.id()).orElseThrow().contains(new Ref(c.id(), Type.STORY)));
    }

    @Test
    void aFailureWhileFillingReachesTheCaller() {
        publishAt("2024-05-01T09:00:00Z", "A", world);
        GoDeeper failing = goDeeper(
                story -> {
                    throw new IllegalStateException("the index is gone");
                },
                Runnable::run);
        RuntimeException e = assertThrows(RuntimeException.class, () -> failing.fill((done, total) -> {}));
        assertEquals("the index is gone", Failures.rootMessage(e));
    }

    @Test
    void closingKeepsWhatWasWaitingThenStopsTheThread() {
        Story a = publishAt("2024-05-01T09:00:00Z", "A", world);
        consume();
        ExecutorService writer = Executors.newSingleThreadExecutor();
        GoDeeper threaded = goDeeper(newsroom.services.related(), writer);
        threaded.picks(stories.get(a.id()));
        threaded.close();
        assertTrue(writer.isShutdown());
        assertTrue(kept.find(a.id()).isPresent(), "the ranking waiting when it closed");
    }
}
