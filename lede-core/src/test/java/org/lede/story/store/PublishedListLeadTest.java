package org.lede.story.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
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
 * What the content API's list of stories is read along, on both databases: the filter that holds
 * the fewest live stories, counted up to a limit, and the first of byline, tag, topic and kind when
 * none holds fewer; a time leads only when few stories changed since, as they are then sorted.
 * Whatever leads, the list holds exactly the stories its filters pick, page after page, against an
 * oracle that applies them to every live story; and each lead reads the index it is meant to (on
 * SQLite, which keeps no statistics and goes where the store tells it, by its plan's steps).
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

    /** Every combination of a topic, a byline, a tag, a kind and a time, each present or not. */
    private List<PublishedFilter> filters() {
        List<PublishedFilter> filters = new ArrayList<>();
        for (String topic : new String[] {null, trams.id()}) {
            for (String author : new String[] {null, ben.id()}) {
                for (String tag : new String[] {null, "even"}) {
                    for (StoryKind kind : new StoryKind[] {null, StoryKind.NEWS}) {
                        for (Instant time : new Instant[] {null, since}) {
                            filters.add(new PublishedFilter(topic, author, tag, kind, time));
                        }
                    }
                }
            }
        }
        return filters;
    }

    /** The oracle: every live story, newest first, with the filter applied to each as stored. */
    private List<String> expected(PublishedFilter f) {
        return newsroom.services.stories().published(PublishedFilter.ALL, null, 100).stream()
                .filter(s -> f.topicId() == null || f.topicId().equals(s.draft().topicId()))
                .filter(s -> f.authorId() == null || s.draft().authorIds().contains(f.authorId()))
                .filter(s -> f.tag() == null || s.draft().tags().contains(f.tag()))
                .filter(s -> f.kind() == null || f.kind() == s.draft().kind())
                .filter(s -> f.changedSince() == null || !s.updatedAt().isBefore(f.changedSince()))
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
    void whateverLeadsTheListHoldsExactlyTheLiveStoriesItsFiltersPickPageByPage() {
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
                expected(new PublishedFilter(null, null, null, null, since)),
                "corrected and new stories, not the one taken down, not the draft");
        int nonEmpty = 0;
        List<PublishedFilter> filters = filters();
        for (PublishedFilter filter : filters) {
            List<String> expected = expected(filter);
            nonEmpty += expected.isEmpty() ? 0 : 1;
            // Counted up to 1 no filter holds few; up to 5, some; up to 100, all.
            for (int few : new int[] {1, 5, 100}) {
                assertEquals(
                        expected, paged(new JdbiStoryStore(newsroom.services.db(), few), filter), few + ": " + filter);
            }
        }
        assertTrue(nonEmpty >= filters.size() / 2, "most filters hold a story: " + nonEmpty);
        assertEquals(
                List.of(),
                paged(
                        new JdbiStoryStore(newsroom.services.db(), 100),
                        new PublishedFilter(
                                null, null, null, null, newsroom.clock.instant().plusSeconds(1))));
    }

    /** Which filter a list may be read along, with what SQLite's plan says when it is. */
    private enum Lead {
        AUTHOR("SEARCH author_published USING .*\\(author_id=\\?.*"),
        TAG("SEARCH tag_published USING .*\\(tag=\\?.*"),
        TOPIC("SEARCH stories USING INDEX stories_by_topic_first_published \\(topic_id=\\? AND status=\\?.*"),
        KIND("SEARCH stories USING INDEX stories_by_kind_first_published \\(kind=\\? AND status=\\?.*"),
        SINCE("SEARCH stories USING (COVERING )?INDEX stories_by_status_saved \\(status=\\? AND updated_at>\\?\\)"),
        NONE("SEARCH stories USING INDEX stories_by_first_published \\(status=\\?.*");

        final String step;

        Lead(String step) {
            this.step = step;
        }
    }

    private PublishedFilter only(Lead lead) {
        return switch (lead) {
            case AUTHOR -> new PublishedFilter(null, ben.id(), null, null, null);
            case TAG -> new PublishedFilter(null, null, "even", null, null);
            case TOPIC -> new PublishedFilter(trams.id(), null, null, null, null);
            case KIND -> new PublishedFilter(null, null, null, StoryKind.ANALYSIS, null);
            case SINCE -> new PublishedFilter(null, null, null, null, since);
            case NONE -> PublishedFilter.ALL;
        };
    }

    private static PublishedFilter both(PublishedFilter a, PublishedFilter b) {
        return new PublishedFilter(
                a.topicId() != null ? a.topicId() : b.topicId(),
                a.authorId() != null ? a.authorId() : b.authorId(),
                a.tag() != null ? a.tag() : b.tag(),
                a.kind() != null ? a.kind() : b.kind(),
                a.changedSince() != null ? a.changedSince() : b.changedSince());
    }

    @Test
    void theFilterThatHoldsFewestStoriesLeadsAndWithNoneFewTheFirstInOrder() {
        Map<Lead, Integer> held = new EnumMap<>(Lead.class);
        for (Lead lead : List.of(Lead.AUTHOR, Lead.TAG, Lead.TOPIC, Lead.KIND, Lead.SINCE)) {
            held.put(lead, expected(only(lead)).size());
        }
        assertEquals(Map.of(Lead.AUTHOR, 10, Lead.TAG, 7, Lead.TOPIC, 9, Lead.KIND, 3, Lead.SINCE, 8), held);
        List<Lead> leads = List.copyOf(held.keySet());
        int checked = 0;
        for (int a = 0; a < leads.size(); a++) {
            for (int b = a; b < leads.size(); b++) {
                Lead one = leads.get(a);
                Lead other = leads.get(b);
                // A filter leads alone without counting, but for a time.
                if (one == other && one != Lead.SINCE) {
                    continue;
                }
                Lead fewer = held.get(other) < held.get(one) ? other : one;
                Lead inOrder = one == Lead.SINCE ? Lead.NONE : one;
                PublishedFilter filter = both(only(one), only(other));
                int least = held.get(fewer);
                assertLeads(fewer, filter, least + 1, "counted past " + least);
                assertLeads(inOrder, filter, least, "counted only to " + least);
                checked++;
            }
        }
        assertEquals(11, checked);
    }

    /** That the list of {@code filter}, with up to {@code few} stories counted, reads along {@code lead}. */
    private void assertLeads(Lead lead, PublishedFilter filter, int few, String why) {
        List<QueryPlans.Run> runs = lists(new JdbiStoryStore(newsroom.services.db(), few), filter);
        String message = lead + " leads " + filter + ", " + why;
        if (lead != Lead.SINCE) {
            assertWalkedInOrder(runs, message);
        }
        if (dialect == Dialect.SQLITE) {
            // PostgreSQL chooses by its statistics within what the store asks; SQLite goes where it is told.
            assertEachPlanHasAStep(runs, lead.step, message);
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
