package org.lede.story.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.statement.SqlLogger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.lede.author.Author;
import org.lede.db.Dialect;
import org.lede.db.QueryPlans;
import org.lede.story.PublishedCursor;
import org.lede.story.PublishedFilter;
import org.lede.story.Story;
import org.lede.story.StoryDraft;
import org.lede.story.StoryKind;
import org.lede.story.StoryService;
import org.lede.story.UpdateKind;
import org.lede.testing.Newsroom;
import org.lede.topic.Topic;
import org.lede.user.Actor;

/**
 * What the content API's list of stories is read along, on both databases, when a filter that
 * usually follows holds few stories: a change filter (stories changed since a time) or a tag
 * beside a byline. Read either way, the list holds exactly the stories the filters pick, page after
 * page, against an oracle; and each way reads the index it is meant to (on SQLite, which keeps no
 * statistics and goes where the store tells it, by its plan's steps).
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Dialect.class)
class PublishedListLeadTest {
    @Parameter
    Dialect dialect;

    @TempDir
    Path dir;

    Newsroom newsroom;
    StoryService stories;
    Topic trams;
    Topic weather;
    Author ana;
    Author ben;
    Instant since;

    @BeforeEach
    void open() {
        newsroom = new Newsroom(dialect, dir);
        stories = newsroom.services.storyService();
        trams = newsroom.topic("trams", "Trams");
        weather = newsroom.topic("weather", "Weather");
        ana = newsroom.author("ana-ruiz", "Ana Ruiz");
        ben = newsroom.author("ben-okri", "Ben Okri");
        List<Story> published = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            published.add(publish(i));
        }
        newsroom.clock.advance(Duration.ofHours(1));
        since = newsroom.clock.instant();
        // Old stories corrected after the time asked for, one of them taken down again since.
        for (int i : List.of(0, 3, 4, 7, 10, 11)) {
            Story old = published.get(i);
            newsroom.clock.advance(Duration.ofMinutes(1));
            stories.update(
                    Actor.SYSTEM, old.id(), old.revision(), draft(i).withHeadline("Corrected " + i), UpdateKind.MINOR);
        }
        Story down = newsroom.services.stories().find(published.get(4).id()).orElseThrow();
        stories.unpublish(Actor.SYSTEM, down.id(), down.revision());
        for (int i = 12; i < 15; i++) {
            publish(i);
        }
        newsroom.clock.advance(Duration.ofMinutes(1));
        stories.createDraft(Actor.SYSTEM, draft(15));
    }

    @AfterEach
    void close() {
        newsroom.close();
    }

    /** Story {@code i}: trams or weather, Ana or Ben or both, news or analysis, tagged by its parity. */
    private StoryDraft draft(int i) {
        StoryDraft base = newsroom.draft(
                "Story " + i, i % 3 == 0 ? weather : trams, List.of(i % 2 == 0 ? "even" : "odd"), "Text " + i + ".");
        List<String> byline = i % 4 == 0 ? List.of(ana.id(), ben.id()) : List.of(i % 2 == 0 ? ana.id() : ben.id());
        return new StoryDraft(
                base.headline(),
                base.dek(),
                null,
                base.topicId(),
                base.tags(),
                i % 5 == 0 ? StoryKind.ANALYSIS : StoryKind.NEWS,
                byline,
                null,
                base.hero(),
                base.body());
    }

    private Story publish(int i) {
        newsroom.clock.advance(Duration.ofMinutes(1));
        Story draft = stories.createDraft(Actor.SYSTEM, draft(i));
        return stories.publish(Actor.SYSTEM, draft.id(), draft.revision());
    }

    private List<PublishedFilter> filters() {
        List<PublishedFilter> filters = new ArrayList<>();
        for (String topic : new String[] {null, trams.id()}) {
            for (String author : new String[] {null, ben.id()}) {
                for (String tag : new String[] {null, "even"}) {
                    for (StoryKind kind : new StoryKind[] {null, StoryKind.NEWS}) {
                        filters.add(new PublishedFilter(topic, author, tag, kind, since));
                    }
                }
            }
        }
        return filters;
    }

    /** The oracle: the filter's live stories without the time, those saved since kept (if it has one), newest first. */
    private List<String> expected(PublishedFilter filter) {
        PublishedFilter untimed =
                new PublishedFilter(filter.topicId(), filter.authorId(), filter.tag(), filter.kind(), null);
        return newsroom.services.stories().published(untimed, null, 100).stream()
                .filter(s -> filter.changedSince() == null || !s.updatedAt().isBefore(filter.changedSince()))
                .map(Story::headline)
                .toList();
    }

    /** Every page of the list, two stories at a time. */
    private static List<String> paged(JdbiStoryStore store, PublishedFilter filter) {
        List<String> all = new ArrayList<>();
        PublishedCursor after = null;
        while (true) {
            List<Story> page = store.published(filter, after, 2);
            page.forEach(s -> all.add(s.headline()));
            if (page.size() < 2) {
                return all;
            }
            after = new PublishedCursor(
                    page.getLast().firstPublishedAt(), page.getLast().id());
        }
    }

    @Test
    void bothWaysListExactlyTheLiveStoriesChangedSinceWithEveryFilterPageByPage() {
        JdbiStoryStore ledByChanges = new JdbiStoryStore(newsroom.services.db(), 100);
        JdbiStoryStore alongTheList = new JdbiStoryStore(newsroom.services.db(), 1);
        PublishedFilter everything = new PublishedFilter(null, null, null, null, since);
        assertEquals(
                List.of(
                        "Story 14",
                        "Story 13",
                        "Story 12",
                        "Corrected 11",
                        "Corrected 10",
                        "Corrected 7",
                        "Corrected 3",
                        "Corrected 0"),
                expected(everything),
                "corrected and new stories, not the one taken down, not the draft");
        int nonEmpty = 0;
        for (PublishedFilter filter : filters()) {
            List<String> expected = expected(filter);
            nonEmpty += expected.isEmpty() ? 0 : 1;
            assertEquals(expected, paged(ledByChanges, filter), "led by the changes: " + filter);
            assertEquals(expected, paged(alongTheList, filter), "along the list: " + filter);
        }
        assertTrue(nonEmpty >= 10, "most filters hold a story: " + nonEmpty);
        assertEquals(
                List.of(),
                paged(
                        ledByChanges,
                        new PublishedFilter(
                                null, null, null, null, newsroom.clock.instant().plusSeconds(1))));
    }

    @Test
    void fewChangesAreReadOffTheSaveIndexAndManyAlongTheFirstPublications() {
        PublishedFilter everything = new PublishedFilter(null, null, null, null, since);
        List<QueryPlans.Run> along = lists(new JdbiStoryStore(newsroom.services.db(), 8), everything);
        assertWalkedInOrder(along, "eight changes of eight allowed are met along an index in the list's order");
        if (dialect == Dialect.SQLITE) {
            // PostgreSQL chooses either way by its statistics; SQLite goes where it is told.
            assertEachPlanHasAStep(
                    along,
                    "SEARCH stories USING INDEX stories_by_first_published.*",
                    "eight changes of eight allowed are met along the first publications");
            // The changes lead whatever else the list is filtered by, as they hold fewer stories.
            List<QueryPlans.Run> led = new ArrayList<>();
            for (PublishedFilter filter : List.of(
                    everything,
                    new PublishedFilter(trams.id(), null, null, null, since),
                    new PublishedFilter(null, ben.id(), null, null, since),
                    new PublishedFilter(null, null, "even", null, since),
                    new PublishedFilter(null, null, null, StoryKind.NEWS, since))) {
                led.addAll(lists(new JdbiStoryStore(newsroom.services.db(), 9), filter));
            }
            assertEachPlanHasAStep(
                    led,
                    "SEARCH stories USING (COVERING )?INDEX"
                            + " stories_by_status_saved \\(status=\\? AND updated_at>\\?\\)",
                    "eight changes of nine allowed are read off the save index");
        }
    }

    /** The statement of each page of the list, as the store ran it. */
    private List<QueryPlans.Run> lists(JdbiStoryStore store, PublishedFilter filter) {
        QueryPlans recorded = new QueryPlans();
        newsroom.services.db().watchStatements(recorded);
        List<String> headlines = paged(store, filter);
        newsroom.services.db().watchStatements(SqlLogger.NOP_SQL_LOGGER);
        assertEquals(expected(filter), headlines);
        List<QueryPlans.Run> lists = recorded.selects().stream()
                .filter(r -> r.sql().contains("ORDER BY"))
                .toList();
        assertEquals(headlines.size() / 2 + 1, lists.size(), "a statement a page: " + lists);
        return lists;
    }

    @Test
    void aTagThatHoldsFewLeadsABylineAndOneThatHoldsManyFollowsIt() {
        PublishedFilter bensEven = new PublishedFilter(null, ben.id(), "even", null, null);
        List<String> even = expected(new PublishedFilter(null, null, "even", null, null));
        List<String> expected = expected(new PublishedFilter(null, ben.id(), null, null, null)).stream()
                .filter(even::contains)
                .toList();
        assertTrue(
                expected.size() >= 3 && expected.size() < even.size(),
                "Ben wrote some of the even stories: " + expected);
        List<QueryPlans.Run> tagFirst = lists(new JdbiStoryStore(newsroom.services.db(), even.size() + 1), bensEven);
        List<QueryPlans.Run> bylineFirst = lists(new JdbiStoryStore(newsroom.services.db(), even.size()), bensEven);
        assertEquals(expected, paged(new JdbiStoryStore(newsroom.services.db(), even.size() + 1), bensEven));
        assertEquals(expected, paged(new JdbiStoryStore(newsroom.services.db(), even.size()), bensEven));
        assertWalkedInOrder(tagFirst, "led by the tag, the list walks an index in its order");
        assertWalkedInOrder(bylineFirst, "led by the byline, the list walks an index in its order");
        if (dialect == Dialect.SQLITE) {
            assertEachPlanHasAStep(
                    tagFirst, "SEARCH tag_published USING .*\\(tag=\\?.*", "a tag of fewer stories than allowed leads");
            assertEachPlanHasAStep(
                    bylineFirst,
                    "SEARCH author_published USING .*\\(author_id=\\?.*",
                    "a tag of as many stories as allowed follows the byline");
        }
    }

    /** That no statement of {@code runs} sorts the stories or reads them without an index, on either database. */
    private void assertWalkedInOrder(List<QueryPlans.Run> runs, String message) {
        assertEquals(List.of(), QueryPlans.problems(newsroom.services.db(), dialect, runs, List.of(), false), message);
    }

    /** On SQLite, that the plan of each of {@code runs} has a step that matches {@code step}. */
    private void assertEachPlanHasAStep(List<QueryPlans.Run> runs, String step, String message) {
        for (QueryPlans.Run run : runs) {
            List<String> steps = QueryPlans.sqliteSteps(newsroom.services.db(), run);
            assertTrue(steps.stream().anyMatch(s -> s.matches(step)), message + ": " + run.sql() + " " + steps);
        }
    }
}
