package org.lede.related;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.lede.dashboard.Dashboard;
import org.lede.db.Dialect;
import org.lede.related.RelatedContent.Pick;
import org.lede.search.Search;
import org.lede.search.SearchDocuments;
import org.lede.search.SearchIndex;
import org.lede.story.Story;
import org.lede.story.StoryDraft;
import org.lede.story.StoryService;
import org.lede.story.UpdateKind;
import org.lede.testing.Newsroom;
import org.lede.topic.Topic;
import org.lede.user.Actor;

/** Go deeper's ranking over the real stores, on SQLite and PostgreSQL. */
@ParameterizedClass(name = "{0}")
@EnumSource(Dialect.class)
class BlendedRelatedTest {
    @Parameter
    Dialect dialect;

    @TempDir
    Path dir;

    Newsroom newsroom;
    StoryService stories;
    RelatedContent related;
    Topic world;
    Topic farming;

    @BeforeEach
    void open() {
        newsroom = new Newsroom(dialect, dir);
        stories = newsroom.services.storyService();
        related = newsroom.services.related();
        world = newsroom.topic("world", "World");
        farming = newsroom.topic("farming", "Farming");
    }

    @AfterEach
    void close() {
        newsroom.close();
    }

    private Story publishAt(String at, String headline, Topic topic, List<String> tags, String text) {
        return newsroom.publishAt(at, headline, topic, tags, text);
    }

    private static StoryDraft withTags(Story s, String... tags) {
        StoryDraft d = s.draft();
        return new StoryDraft(
                d.headline(),
                d.dek(),
                d.slug(),
                d.topicId(),
                List.of(tags),
                d.kind(),
                d.authorIds(),
                d.contributorNote(),
                d.hero(),
                d.body());
    }

    private Story publishAt(String at, String headline, Topic topic, List<String> tags) {
        return publishAt(at, headline, topic, tags, "Officials met on the question again.");
    }

    private List<String> ids(Story story) {
        return related.ranked(stories.get(story.id())).stream().map(p -> p.id()).toList();
    }

    @Test
    void livePinsComeFirstInTheirOrderThenTheBlendNeverTheStoryNorADraft() {
        Story near = publishAt("2024-05-02T09:00:00Z", "Near", world, List.of());
        Story pinB = publishAt("2020-01-01T09:00:00Z", "Pin B", farming, List.of());
        Story pinA = publishAt("2019-01-01T09:00:00Z", "Pin A", farming, List.of());
        Story gone = publishAt("2024-05-01T10:00:00Z", "Gone", world, List.of());
        stories.unpublish(Actor.SYSTEM, gone.id(), gone.revision());
        Story story = publishAt("2024-05-01T09:00:00Z", "The story", world, List.of());
        newsroom.clock.set(Instant.parse("2024-05-01T09:30:00Z"));
        Story draft = stories.createDraft(Actor.SYSTEM, newsroom.draft("Draft", world, List.of(), "Officials met."));
        Story pinned =
                stories.pin(Actor.SYSTEM, story.id(), story.revision(), List.of(pinA.id(), gone.id(), pinB.id()));

        List<Pick> picks = related.ranked(pinned);
        assertEquals(
                List.of(pinA.id(), pinB.id(), near.id()),
                picks.stream().map(p -> p.id()).toList());
        assertTrue(picks.get(0).score().pinned());
        assertTrue(picks.get(1).score().pinned());
        assertFalse(picks.get(2).score().pinned());
        assertFalse(ids(story).contains(story.id()));
        assertFalse(ids(story).contains(draft.id()));
        assertFalse(ids(story).contains(gone.id()));
    }

    @Test
    void closerInTimeToTheStorysOwnDateRanksHigherEvenForAnOldStory() {
        Story farBefore = publishAt("2001-01-01T09:00:00Z", "Far before", world, List.of());
        Story story = publishAt("2009-03-01T09:00:00Z", "The story", world, List.of());
        Story justAfter = publishAt("2009-03-05T09:00:00Z", "Just after", world, List.of());
        Story today = publishAt("2026-11-01T09:00:00Z", "Today", world, List.of());
        assertEquals(List.of(justAfter.id(), farBefore.id(), today.id()), ids(story));
    }

    @Test
    void sharedTagsBringStoriesFromOtherTopicsAndFollowPublishing() {
        Story story = publishAt("2024-05-01T09:00:00Z", "The story", world, List.of("drought", "grain"));
        Story tagged = publishAt("2024-04-30T09:00:00Z", "Tagged", farming, List.of("grain"));
        Story untagged = publishAt("2024-04-30T10:00:00Z", "Untagged", farming, List.of("rain"));
        assertEquals(List.of(tagged.id()), ids(story));
        assertEquals(0.5, related.ranked(story).getFirst().score().tags(), 1e-9);

        Story down = stories.unpublish(Actor.SYSTEM, tagged.id(), tagged.revision());
        assertEquals(List.of(), ids(story));
        Story up = stories.publish(Actor.SYSTEM, down.id(), down.revision());
        assertEquals(List.of(tagged.id()), ids(story));

        stories.update(Actor.SYSTEM, up.id(), up.revision(), withTags(up, "rain"), UpdateKind.MINOR);
        assertEquals(List.of(), ids(story));
        stories.update(
                Actor.SYSTEM, untagged.id(), untagged.revision(), withTags(untagged, "drought"), UpdateKind.MINOR);
        assertEquals(List.of(untagged.id()), ids(story));
    }

    @Test
    void candidatesOfATopicAreTheNearestInTimeNotTheNewest() {
        Story story = publishAt("2010-06-15T09:00:00Z", "The story", world, List.of());
        for (int i = 1; i <= 12; i++) {
            publishAt("2020-01-%02dT09:00:00Z".formatted(i), "Later " + i, world, List.of());
        }
        Story sameYear = publishAt("2010-06-01T09:00:00Z", "Same year", world, List.of());
        List<String> ids = ids(story);
        assertEquals(sameYear.id(), ids.getFirst());
        assertEquals(1 + BlendedRelated.NEAR, ids.size(), "one side's reads are bounded: " + ids);
    }

    @Test
    void sharingPeopleAndPlacesRaisesThePickAndNamesThem() {
        Story story = publishAt(
                "2024-05-01T09:00:00Z",
                "The story",
                world,
                List.of(),
                "Hassan Rouhani flew to Khartoum on Monday for talks on the Nile dam.");
        Story naming = publishAt(
                "2024-04-30T09:00:00Z",
                "Hassan Rouhani to visit Khartoum",
                world,
                List.of(),
                "Aides said Hassan Rouhani would meet officials in Khartoum next week.");
        Story plain = publishAt(
                "2024-05-02T09:00:00Z", "Plain", world, List.of(), "Farmers reported a good harvest after the rain.");
        List<Pick> picks = related.ranked(stories.get(story.id()));
        assertEquals(
                List.of(naming.id(), plain.id()),
                picks.stream().map(p -> p.id()).toList());
        assertEquals(
                List.of("Hassan Rouhani", "Khartoum"), picks.getFirst().score().sharedNames());
        assertEquals(List.of(), picks.get(1).score().sharedNames());
    }

    @Test
    void aDashboardOfTheTopicIsIncludedEvenWhenTheStoriesOutscoreIt() {
        Story story = publishAt("2015-03-01T09:00:00Z", "The story", world, List.of("water"));
        for (int i = 1; i <= 8; i++) {
            publishAt("2015-03-01T1%d:00:00Z".formatted(i), "Story " + i, world, List.of("water"));
        }
        newsroom.clock.set(Instant.parse("2026-11-01T09:00:00Z"));
        Dashboard hub = newsroom.dashboard("world-hub", world, story);
        Dashboard elsewhere = newsroom.dashboard("farm-hub", farming, story);
        RelatedContent fewer = new BlendedRelated(
                newsroom.services.stories(),
                newsroom.services.dashboards(),
                (id, words, limit) -> List.of(),
                Blend.Weights.STANDARD,
                5);
        List<Pick> picks = fewer.ranked(stories.get(story.id()));
        List<String> ids = picks.stream().map(p -> p.id()).toList();
        assertEquals(5, ids.size());
        assertEquals(hub.id(), ids.getLast(), "it takes the last place: " + ids);
        assertTrue(picks.getLast().score().total() < picks.getFirst().score().total());
        assertFalse(ids.contains(elsewhere.id()));
        assertEquals(ids.size(), ids.stream().distinct().count(), "no duplicates");
    }

    @Test
    void theRankingIsBounded() {
        Story story = publishAt("2015-03-01T09:00:00Z", "The story", world, List.of("a", "b", "c", "d", "e"));
        for (int i = 0; i < 60; i++) {
            String tag = List.of("a", "b", "c", "d", "e").get(i % 5);
            publishAt("2015-03-02T%02d:%02d:00Z".formatted(i / 60, i % 60), "Story " + i, farming, List.of(tag));
        }
        for (int i = 0; i < 12; i++) {
            publishAt("2015-02-01T%02d:00:00Z".formatted(i), "Earlier " + i, world, List.of());
        }
        // Ten nearest on each tag's side and on the topic's: 60 candidates, cut to the bound.
        assertEquals(RelatedContent.MAX, ids(story).size());
    }

    @Test
    void asksTheIndexForThirtySimilarStoriesAndWeighsEveryOneOfThem() {
        List<Story> similar = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            similar.add(
                    publishAt("2015-03-02T%02d:%02d:00Z".formatted(i / 60, i % 60), "Alike " + i, farming, List.of()));
        }
        Story story = publishAt("2001-01-01T09:00:00Z", "The story", world, List.of());
        List<Integer> asked = new ArrayList<>();
        List<SearchIndex.Words> given = new ArrayList<>();
        RelatedContent counted = new BlendedRelated(
                newsroom.services.stories(),
                newsroom.services.dashboards(),
                (id, words, limit) -> {
                    asked.add(limit);
                    given.add(words);
                    return similar.stream()
                            .limit(limit)
                            .map(s -> new SearchIndex.Similar(s.id(), 1))
                            .toList();
                },
                Blend.Weights.STANDARD);
        List<String> ids = counted.ranked(stories.get(story.id())).stream()
                .map(p -> p.id())
                .toList();
        assertEquals(List.of(BlendedRelated.SIMILAR), asked);
        assertEquals(List.of(SearchDocuments.words(stories.get(story.id()))), given, "the story's own words");
        assertEquals("The story", given.getFirst().headline());
        assertEquals(30, BlendedRelated.SIMILAR);
        assertEquals(BlendedRelated.SIMILAR, ids.size(), "every hit is weighed, none beyond: " + ids);
    }

    @Test
    void namesAreSharedOnlyWhenTheOtherTextNamesThemToo() {
        List<String> mine = List.of("Hassan Rouhani", "Khartoum", "Nile");
        assertEquals(List.of(), BlendedRelated.shared(mine, "Farmers reported a good harvest."));
        assertEquals(
                List.of("Hassan Rouhani", "Khartoum"),
                BlendedRelated.shared(mine, "Hassan Rouhani to visit Khartoum\nAides spoke of Hassan."));
        assertEquals(List.of(), BlendedRelated.shared(mine, "A hassan, a nile and Khartoumia."));
    }

    /** Puts every live story into the real search index, as the indexer would. */
    private void index() {
        Search search = newsroom.services.search();
        List<String> live = newsroom.services.stories().latestPublished(1000, 0).stream()
                .map(Story::id)
                .toList();
        search.index()
                .apply(
                        search.documents().stories(live, search.index().readsNames()),
                        List.of(),
                        search.index().appliedThrough() + 1);
    }

    @Test
    void aStoryAboutSomethingFindsTheOtherStoriesAboutItAboveUnrelatedNewerOnes() {
        Story story = publishAt(
                "2024-05-01T09:00:00Z",
                "Reservoirs fall as drought forces water rationing",
                world,
                List.of(),
                "Reservoirs fell to a record low this week, and water rationing began as the drought deepened.");
        Story about = publishAt(
                "2024-02-01T09:00:00Z",
                "Drought empties reservoirs",
                world,
                List.of(),
                "The drought has left reservoirs half empty; officials warned that water rationing may follow.");
        Story newer = publishAt(
                "2024-05-02T09:00:00Z",
                "Stock markets rally",
                world,
                List.of(),
                "Shares climbed on hopes of lower interest rates, led by banks and retailers.");
        publishAt(
                "2024-05-03T09:00:00Z",
                "Museum reopens",
                world,
                List.of(),
                "The museum reopened its galleries after a long renovation of the roof.");
        assertEquals(newer.id(), ids(story).getFirst(), "without the index, the nearest in time leads");

        index();
        List<Pick> picks = related.ranked(stories.get(story.id()));
        assertEquals(about.id(), picks.getFirst().id(), picks.toString());
        assertEquals(1.0, picks.getFirst().score().similarity(), 1e-9);
        assertTrue(picks.stream()
                .filter(p -> p.id().equals(newer.id()))
                .allMatch(p -> p.score().similarity() < 0.5));
        assertFalse(ids(story).contains(story.id()));
    }
}
