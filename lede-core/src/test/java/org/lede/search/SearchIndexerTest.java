package org.lede.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.lede.Services;
import org.lede.author.Author;
import org.lede.common.CorruptDataException;
import org.lede.content.Paragraph;
import org.lede.dashboard.Dashboard;
import org.lede.dashboard.DashboardEntry;
import org.lede.dashboard.DashboardItem;
import org.lede.dashboard.DashboardService;
import org.lede.db.Dialect;
import org.lede.search.store.JdbiSearchSourceStore;
import org.lede.story.Story;
import org.lede.story.StoryDraft;
import org.lede.testing.Newsroom;
import org.lede.topic.Topic;
import org.lede.user.Actor;
import org.lede.user.Role;

/** The indexer following the outbox over real stores, on SQLite and PostgreSQL. */
@ParameterizedClass(name = "{0}")
@EnumSource(Dialect.class)
class SearchIndexerTest {
    static final Actor EDITOR = new Actor("editor-1", Role.EDITOR);

    @Parameter
    Dialect dialect;

    @TempDir
    Path dir;

    Newsroom newsroom;
    Services services;
    SearchIndexer indexer;
    final List<RuntimeException> errors = new ArrayList<>();

    @BeforeEach
    void open() {
        newsroom = new Newsroom(dialect, dir);
        services = newsroom.services;
        indexer = services.search().indexer(errors::add);
    }

    @AfterEach
    void close() {
        newsroom.close();
        assertEquals(List.of(), errors);
    }

    private SearchIndex index() {
        return services.search().index();
    }

    private Set<String> readers(String text) {
        return index().search(SearchQuery.readers(text, 100)).hits().stream()
                .map(SearchResult.Hit::id)
                .collect(Collectors.toSet());
    }

    private Set<String> newsroom(String text) {
        return index().search(SearchQuery.newsroom(text, 100)).hits().stream()
                .map(SearchResult.Hit::id)
                .collect(Collectors.toSet());
    }

    private Story publish(String headline) {
        Story draft = services.storyService().createDraft(EDITOR, newsroom.publishableDraft(headline));
        return services.storyService().publish(EDITOR, draft.id(), draft.revision());
    }

    @Test
    void aStoryThatCannotBeReadIsReportedAndHoldsNoOtherChangeBack() {
        Story bad = publish("Lighthouse keeper retires");
        Story good = publish("Lantern festival returns");
        services.db()
                .handle(h -> h.execute(
                        "UPDATE story_blocks SET type = 'hologram' WHERE story_id = ? AND position = 0", bad.id()));
        indexer.poll();
        assertEquals(Set.of(good.id()), readers("lantern"));
        assertEquals(Set.of(), readers("lighthouse"));
        assertEquals(services.outbox().lastSeq(), index().appliedThrough(), "the position moved past the bad story");
        assertEquals(1, errors.size());
        assertTrue(
                errors.getFirst() instanceof CorruptDataException,
                errors.getFirst().toString());
        errors.clear();
    }

    @Test
    void publishingUpdatingUnpublishingAndDeletingReachTheIndex() {
        Story draft = services.storyService().createDraft(EDITOR, newsroom.publishableDraft("Funicular line opens"));
        indexer.poll();
        assertEquals(Set.of(), readers("funicular"), "a draft is not for readers");
        assertEquals(Set.of(draft.id()), newsroom("funicular"));

        Story live = services.storyService().publish(EDITOR, draft.id(), draft.revision());
        indexer.poll();
        assertEquals(Set.of(live.id()), readers("funicular"));
        assertEquals(services.outbox().lastSeq(), index().appliedThrough());

        Story updated = services.storyService()
                .update(
                        EDITOR,
                        live.id(),
                        live.revision(),
                        live.draft().withHeadline("Ferry line opens"),
                        org.lede.story.UpdateKind.MINOR);
        indexer.poll();
        assertEquals(Set.of(), readers("funicular"));
        assertEquals(Set.of(live.id()), readers("ferry"));

        Story down = services.storyService().unpublish(EDITOR, updated.id(), updated.revision());
        indexer.poll();
        assertEquals(Set.of(), readers("ferry"));
        assertEquals(Set.of(down.id()), newsroom("ferry"), "still in the newsroom's search");

        Story other = services.storyService().createDraft(EDITOR, StoryDraft.of("Bus depot", List.of()));
        indexer.poll();
        assertEquals(Set.of(other.id()), newsroom("depot"));
        services.storyService().delete(EDITOR, other.id(), other.revision());
        indexer.poll();
        assertEquals(Set.of(), newsroom("depot"));
    }

    @Test
    void renamingATopicOrAnAuthorReindexesTheirStories() {
        Story live = publish("Budget passes");
        Story elsewhere = publish("Unrelated story");
        indexer.poll();
        Topic topic = services.topics().find(live.draft().topicId()).orElseThrow();
        services.topicService()
                .update(EDITOR, new Topic(topic.id(), topic.slug(), "Treasury", topic.description(), topic.position()));
        indexer.poll();
        assertEquals(Set.of(live.id()), readers("treasury"));

        Author author =
                services.authors().find(live.draft().authorIds().getFirst()).orElseThrow();
        services.authorService()
                .update(
                        EDITOR,
                        new Author(
                                author.id(),
                                author.slug(),
                                "Zelda Okonkwo",
                                author.title(),
                                author.bio(),
                                author.avatarMediaId(),
                                author.contributor(),
                                author.userId()));
        indexer.poll();
        assertEquals(Set.of(live.id()), readers("okonkwo"));
        assertTrue(!readers("okonkwo").contains(elsewhere.id()));
    }

    @Test
    void mergingATopicReindexesWhatMovedUnderTheOtherTopicsName() {
        Story moved = publish("Harbour dredging");
        Topic into = newsroom.topic("maritime", "Maritime");
        indexer.poll();
        assertEquals(Set.of(), readers("maritime"));
        services.topicService().delete(EDITOR, moved.draft().topicId(), into.id());
        indexer.poll();
        assertEquals(Set.of(moved.id()), readers("maritime"));
        SearchResult byTopic = index().search(new SearchQuery(
                "",
                SearchQuery.Scope.READERS,
                Set.of(into.id()),
                Set.of(),
                Set.of(),
                Set.of(),
                null,
                null,
                null,
                SearchQuery.Sort.RELEVANCE,
                null,
                10,
                false));
        assertEquals(1, byTopic.total());
    }

    @Test
    void dashboardsAreIndexedWhenSavedAndRemovedWhenDeleted() {
        Story story = publish("Storm warning");
        Dashboard dashboard = services.dashboardService()
                .create(
                        EDITOR,
                        new DashboardService.DashboardFields(
                                "storm",
                                "Storm dashboard",
                                "Everything about the storm.",
                                null,
                                null,
                                List.of(new DashboardItem("Power cuts", List.of(DashboardEntry.story(story.id()))))));
        indexer.poll();
        assertEquals(Set.of(dashboard.id()), readers("dashboard"));
        Dashboard renamed = services.dashboardService()
                .update(
                        EDITOR,
                        dashboard.id(),
                        dashboard.revision(),
                        new DashboardService.DashboardFields(
                                "storm",
                                "Gale tracker",
                                null,
                                null,
                                null,
                                List.of(new DashboardItem("Power cuts", List.of(DashboardEntry.story(story.id()))))));
        indexer.poll();
        assertEquals(Set.of(), readers("dashboard"));
        assertEquals(Set.of(renamed.id()), readers("gale"));
        services.dashboardService().delete(EDITOR, renamed.id(), renamed.revision());
        indexer.poll();
        assertEquals(Set.of(), readers("gale"));
    }

    @Test
    void eventsThatChangeNothingSearchableStillMoveThePosition() {
        publish("Anything");
        indexer.poll();
        long before = index().appliedThrough();
        newsroom.image("An image nobody uses");
        indexer.poll();
        assertTrue(index().appliedThrough() > before);
        assertEquals(services.outbox().lastSeq(), index().appliedThrough());
    }

    /** An index that fails on its {@code failOn}-th apply, as a process killed halfway through a batch would. */
    private static SearchIndex failing(SearchIndex index, int failOn) {
        AtomicInteger applies = new AtomicInteger();
        return new SearchIndex() {
            public long appliedThrough() {
                return index.appliedThrough();
            }

            public void apply(List<SearchDocument> upserts, java.util.Collection<String> removals, long seq) {
                if (applies.incrementAndGet() >= failOn) {
                    throw new IllegalStateException("killed");
                }
                index.apply(upserts, removals, seq);
            }

            public Rebuild rebuild() {
                return index.rebuild();
            }

            public SearchResult search(SearchQuery query) {
                return index.search(query);
            }

            public List<Similar> similar(String id, Words words, int limit) {
                return index.similar(id, words, limit);
            }

            public Stats stats() {
                return index.stats();
            }

            public void close() {
                index.close();
            }
        };
    }

    @Test
    void anIndexerThatDiedResumesFromTheIndexsPositionAndLosesNothing() {
        Path indexDir = dir.resolve("crash-index");
        SearchSourceStore sources = new JdbiSearchSourceStore(services.db());
        Story first = publish("Alpha report");
        long at;
        try (SearchIndex index = SearchIndexes.open(services.db(), indexDir, Clock.systemUTC())) {
            new SearchIndexer(
                            index,
                            services.search().documents(),
                            sources,
                            services.topics(),
                            services.outbox(),
                            errors::add)
                    .poll();
            at = index.appliedThrough();
        }
        // Many stories, so that one poll needs several chunks, and the process dies after the first.
        List<String> later = new ArrayList<>();
        for (int i = 0; i < SearchIndexer.DOCUMENTS + 20; i++) {
            Story s = services.storyService()
                    .createDraft(EDITOR, StoryDraft.of("Bravo report " + i, List.of(Paragraph.of("Text."))));
            later.add(s.id());
        }
        try (SearchIndex index = failing(SearchIndexes.open(services.db(), indexDir, Clock.systemUTC()), 2)) {
            SearchIndexer dying = new SearchIndexer(
                    index, services.search().documents(), sources, services.topics(), services.outbox(), errors::add);
            assertThrows(IllegalStateException.class, dying::poll);
            assertTrue(index.appliedThrough() < services.outbox().lastSeq(), "it died before the end");
        }
        try (SearchIndex index = SearchIndexes.open(services.db(), indexDir, Clock.systemUTC())) {
            assertTrue(index.appliedThrough() >= at, "the position survived");
            new SearchIndexer(
                            index,
                            services.search().documents(),
                            sources,
                            services.topics(),
                            services.outbox(),
                            errors::add)
                    .poll();
            assertEquals(services.outbox().lastSeq(), index.appliedThrough());
            SearchResult all = index.search(SearchQuery.newsroom("bravo", 1));
            assertEquals(later.size(), all.total(), "every story saved while it was down is there");
            assertEquals(1, index.search(SearchQuery.readers("alpha", 10)).total());
            assertEquals(
                    first.id(),
                    index.search(SearchQuery.readers("alpha", 10))
                            .hits()
                            .getFirst()
                            .id());
        }
    }

    @Test
    void aRebuildReadsEverythingAndChangesMadeMeanwhileAreAppliedAfter() {
        Story a = publish("Cobalt mine");
        Story b = publish("Cobalt prices");
        Dashboard dashboard = services.dashboardService()
                .create(
                        EDITOR,
                        new DashboardService.DashboardFields(
                                "cobalt",
                                "Cobalt dashboard",
                                null,
                                null,
                                null,
                                List.of(new DashboardItem("Mines", List.of(DashboardEntry.story(a.id()))))));
        assertTrue(indexer.needsRebuild(), "an empty index over stories");
        List<long[]> progress = new ArrayList<>();
        long documents = indexer.rebuild((done, total) -> {
            progress.add(new long[] {done, total});
            if (done == 2) {
                // After the rebuild read the story live: the change is after its head.
                Story current = services.storyService().get(b.id());
                services.storyService().unpublish(EDITOR, b.id(), current.revision());
            }
        });
        assertEquals(3, documents);
        assertEquals(Set.of(a.id(), b.id(), dashboard.id()), readers("cobalt"), "as the rebuild read them");
        assertTrue(index().appliedThrough() < services.outbox().lastSeq());
        assertEquals(List.of(0L, 2L, 3L), progress.stream().map(p -> p[0]).toList());
        assertEquals(3, progress.getLast()[1]);
        assertTrue(!indexer.needsRebuild());

        indexer.poll();
        assertEquals(services.outbox().lastSeq(), index().appliedThrough());
        assertEquals(Set.of(a.id(), dashboard.id()), readers("cobalt"));
    }
}
