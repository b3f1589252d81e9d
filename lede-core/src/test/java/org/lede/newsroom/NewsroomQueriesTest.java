package org.lede.newsroom;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.lede.common.ForbiddenException;
import org.lede.common.NotFoundException;
import org.lede.db.Dialect;
import org.lede.story.Story;
import org.lede.story.StoryFilter;
import org.lede.story.StoryListPage;
import org.lede.story.StoryService;
import org.lede.story.StoryStatus;
import org.lede.testing.Newsroom;
import org.lede.user.Actor;
import org.lede.user.Role;

/** The newsroom's reads against SQLite and a real PostgreSQL, with every role. */
@ParameterizedClass(name = "{0}")
@EnumSource(Dialect.class)
class NewsroomQueriesTest {
    static final Actor ADMIN = new Actor("admin-1", Role.ADMIN);
    static final Actor EDITOR = new Actor("editor-1", Role.EDITOR);
    static final Actor WRITER = new Actor("writer-1", Role.WRITER);
    static final Actor OTHER_WRITER = new Actor("writer-2", Role.WRITER);
    static final Actor CONTRIBUTOR = new Actor("contributor-1", Role.CONTRIBUTOR);
    static final List<Actor> EVERYONE = List.of(ADMIN, EDITOR, WRITER, OTHER_WRITER, CONTRIBUTOR);

    @Parameter
    Dialect dialect;

    @TempDir
    Path dir;

    Newsroom newsroom;
    NewsroomQueries queries;
    StoryService stories;
    List<Story> all;

    @BeforeEach
    void open() {
        newsroom = new Newsroom(dialect, dir);
        queries = newsroom.services.newsroomQueries();
        stories = newsroom.services.storyService();
        Story mine = stories.createDraft(WRITER, newsroom.publishableDraft("Harbour ferry draft by the writer"));
        Story theirs =
                stories.createDraft(OTHER_WRITER, newsroom.publishableDraft("Harbour ferry draft by another writer"));
        Story contributed =
                stories.createDraft(CONTRIBUTOR, newsroom.publishableDraft("Harbour ferry note by a contributor"));
        Story live = stories.createDraft(EDITOR, newsroom.publishableDraft("Harbour ferry story that is live"));
        live = stories.publish(EDITOR, live.id(), live.revision());
        stories.setTopStories(EDITOR, List.of(live.id()));
        live = stories.pin(EDITOR, live.id(), live.revision(), List.of(theirs.id(), mine.id()));
        all = List.of(mine, theirs, contributed, live);
        // The finders ask the search index; a server's indexer would follow the outbox on its own.
        newsroom.services
                .search()
                .indexer(e -> {
                    throw e;
                })
                .poll();
    }

    @AfterEach
    void close() {
        newsroom.close();
    }

    private List<Story> list(Actor actor, StoryFilter filter, int size) {
        return queries.stories(actor, filter, null, true, size).stories();
    }

    @Test
    void theStoryListPagesThroughEverythingOlderAndNewerWithoutOffsets() {
        for (int i = 0; i < 7; i++) {
            newsroom.clock.advance(java.time.Duration.ofSeconds(i % 2));
            stories.createDraft(EDITOR, newsroom.publishableDraft("Paged story " + i));
        }
        // 11 stories; some saved in the same millisecond, so the id breaks the tie.
        List<String> everything = new java.util.ArrayList<>();
        StoryListPage page = queries.stories(EDITOR, StoryFilter.ALL, null, true, 4);
        assertNull(page.newer(), "the first page has no newer link");
        List<StoryListPage> pages = new java.util.ArrayList<>();
        while (true) {
            pages.add(page);
            page.stories().forEach(s -> everything.add(s.id()));
            if (page.older() == null) {
                break;
            }
            page = queries.stories(EDITOR, StoryFilter.ALL, page.older(), true, 4);
            assertNotNull(page.newer());
        }
        assertEquals(
                List.of(4, 4, 3), pages.stream().map(p -> p.stories().size()).toList());
        List<String> expected = newsroom.services.stories().findAll(everything).stream()
                .sorted(java.util.Comparator.comparing(Story::updatedAt)
                        .thenComparing(Story::id)
                        .reversed())
                .map(Story::id)
                .toList();
        assertEquals(11, expected.size());
        assertEquals(expected, everything, "every story once, newest save first, ties by id");
        StoryListPage back =
                queries.stories(EDITOR, StoryFilter.ALL, pages.get(2).newer(), false, 4);
        assertEquals(pages.get(1).stories(), back.stories(), "newer leads back to the page before");
        assertNotNull(back.older());
        StoryListPage first = queries.stories(EDITOR, StoryFilter.ALL, back.newer(), false, 4);
        assertEquals(pages.get(0).stories(), first.stories());
        assertNull(first.newer());
    }

    @Test
    void theStoryListFiltersByTopicAuthorAndTheReviewQueue() {
        Story mine = all.get(0);
        StoryFilter byTopic = new StoryFilter(null, false, mine.draft().topicId(), null, null, null);
        assertEquals(List.of(mine.id()), ids(list(EDITOR, byTopic, 10)));
        StoryFilter byAuthor = new StoryFilter(
                null, false, null, all.get(1).draft().authorIds().getFirst(), null, null);
        assertEquals(List.of(all.get(1).id()), ids(list(EDITOR, byAuthor, 10)));
        assertEquals(List.of(), ids(list(OTHER_WRITER, byTopic, 10)), "roles apply to filtered lists too");
        StoryFilter queue = new StoryFilter(null, true, null, null, null, null);
        assertEquals(List.of(), ids(list(EDITOR, queue, 10)));
        assertEquals(0, queries.waitingForEditors(EDITOR));
        stories.submitForReview(WRITER, mine.id(), mine.revision());
        assertEquals(List.of(mine.id()), ids(list(EDITOR, queue, 10)));
        assertEquals(1, queries.waitingForEditors(EDITOR));
        assertEquals(1, queries.waitingForEditors(ADMIN));
        assertEquals(0, queries.waitingForEditors(WRITER), "only editors are told what waits for them");
    }

    @Test
    void theListByBylineFollowsEachSaveBylineChangeAndDeletionAndPagesByLastSave() {
        String rosa = newsroom.author("rosa-byline", "Rosa Byline").id();
        StoryFilter byRosa = new StoryFilter(null, false, null, rosa, null, null);
        assertEquals(List.of(), ids(list(EDITOR, byRosa, 10)), "no byline yet");
        Story one = stories.createDraft(EDITOR, newsroom.publishableDraft("One").withAuthors(List.of(rosa)));
        newsroom.clock.advance(java.time.Duration.ofMinutes(1));
        Story two = stories.createDraft(EDITOR, newsroom.publishableDraft("Two").withAuthors(List.of(rosa)));
        newsroom.clock.advance(java.time.Duration.ofMinutes(1));
        stories.createDraft(EDITOR, newsroom.publishableDraft("Not hers"));
        assertEquals(List.of(two.id(), one.id()), ids(list(EDITOR, byRosa, 10)), "her stories, last saved first");

        newsroom.clock.advance(java.time.Duration.ofMinutes(1));
        one = stories.edit(EDITOR, one.id(), one.revision(), one.draft().withHeadline("One, saved again"));
        assertEquals(List.of(one.id(), two.id()), ids(list(EDITOR, byRosa, 10)), "a save moves it to the top");
        StoryListPage first = queries.stories(EDITOR, byRosa, null, true, 1);
        assertEquals(List.of(one.id()), ids(first.stories()));
        StoryListPage second = queries.stories(EDITOR, byRosa, first.older(), true, 1);
        assertEquals(List.of(two.id()), ids(second.stories()), "the older page goes on after the first");
        assertNull(second.older());
        assertEquals(
                List.of(one.id()),
                ids(queries.stories(EDITOR, byRosa, second.newer(), false, 1).stories()));

        newsroom.clock.advance(java.time.Duration.ofMinutes(1));
        Story twoNow = stories.edit(
                EDITOR,
                two.id(),
                two.revision(),
                two.draft().withAuthors(all.get(1).draft().authorIds()));
        assertEquals(List.of(one.id()), ids(list(EDITOR, byRosa, 10)), "off the byline, off her list");
        assertTrue(
                ids(list(
                                EDITOR,
                                new StoryFilter(
                                        null,
                                        false,
                                        null,
                                        all.get(1).draft().authorIds().getFirst(),
                                        null,
                                        null),
                                10))
                        .contains(twoNow.id()),
                "on the new byline's list");
        assertEquals(List.of(), ids(list(WRITER, byRosa, 10)), "roles apply to a byline's list too");
        stories.delete(EDITOR, one.id(), one.revision());
        assertEquals(List.of(), ids(list(EDITOR, byRosa, 10)), "deleted, gone from the list");
    }

    private static List<String> ids(List<Story> list) {
        return list.stream().map(Story::id).toList();
    }

    /** Every story-listing read, by name, as it is called for one actor. */
    private Map<String, BiFunction<Actor, List<Story>, List<Story>>> readers() {
        return Map.of(
                "story list", (actor, stored) -> list(actor, StoryFilter.ALL, 50),
                "story list by status",
                        (actor, stored) ->
                                list(actor, new StoryFilter(StoryStatus.DRAFT, false, null, null, null, null), 50),
                "finder", (actor, stored) -> queries.findStories(actor, "Harbour ferry", 50),
                "story list by words",
                        (actor, stored) -> queries.searchStories(
                                        actor,
                                        new StoryFilter(null, false, null, null, "Harbour ferry", null),
                                        null,
                                        50)
                                .stories(),
                "by reference",
                        (actor, stored) -> stored.stream()
                                .flatMap(s -> queries.storyByReference(actor, s.slug()).stream())
                                .toList(),
                "slugs of pins",
                        (actor, stored) -> stored.stream()
                                .filter(s ->
                                        queries.slugsOf(actor, List.of(s.id())).contains(s.slug()))
                                .toList());
    }

    @Test
    void noListOrFinderShowsAStoryItsReaderCannotOpen() {
        for (Actor actor : EVERYONE) {
            for (var reader : readers().entrySet()) {
                for (Story shown : reader.getValue().apply(actor, all)) {
                    assertDoesNotThrow(
                            () -> stories.getForEditing(actor, shown.id()),
                            reader.getKey() + " showed " + actor.role() + " " + actor.userId()
                                    + " a story they cannot open");
                }
            }
        }
    }

    @Test
    void everyListAndFinderShowsEveryStoryItsReaderCanOpen() {
        for (Actor actor : EVERYONE) {
            Set<String> openable =
                    all.stream().filter(s -> canOpen(actor, s)).map(Story::id).collect(Collectors.toSet());
            for (var reader : readers().entrySet()) {
                Set<String> shown = reader.getValue().apply(actor, all).stream()
                        .map(Story::id)
                        .collect(Collectors.toSet());
                Set<String> expected = reader.getKey().equals("story list by status")
                        ? openable.stream()
                                .filter(id -> !id.equals(all.get(3).id()))
                                .collect(Collectors.toSet())
                        : openable;
                assertEquals(expected, shown, reader.getKey() + " for " + actor.userId());
            }
        }
    }

    private boolean canOpen(Actor actor, Story story) {
        try {
            stories.getForEditing(actor, story.id());
            return true;
        } catch (ForbiddenException e) {
            return false;
        }
    }

    @Test
    void writersSeeTheirOwnDraftsEditorsSeeEveryone() {
        assertEquals(
                List.of(all.get(0).id()),
                list(WRITER, StoryFilter.ALL, 10).stream().map(Story::id).toList());
        assertEquals(4, list(EDITOR, StoryFilter.ALL, 10).size());
        assertEquals(
                List.of(all.get(1).id()),
                queries
                        .searchStories(
                                EDITOR,
                                new StoryFilter(StoryStatus.DRAFT, false, null, null, "another", null),
                                null,
                                10)
                        .stories()
                        .stream()
                        .map(Story::id)
                        .toList());
        assertThrows(
                IllegalArgumentException.class,
                () -> list(EDITOR, new StoryFilter(null, false, null, null, "another", null), 10),
                "words are not matched story by story along the list");
        assertEquals(
                List.of(all.get(0).slug()),
                queries.slugsOf(WRITER, all.get(3).pins()),
                "a writer sees the slug of their own pinned story only");
        assertEquals(2, queries.slugsOf(EDITOR, all.get(3).pins()).size());
    }

    @Test
    void anEmptyFinderQueryFindsNothing() {
        assertTrue(queries.findStories(EDITOR, "  ", 10).isEmpty());
        assertTrue(queries.findStories(EDITOR, null, 10).isEmpty());
        assertFalse(queries.findStories(EDITOR, "ferry", 10).isEmpty());
    }

    @Test
    void aStoryIsFoundByIdSlugOrAddress() {
        Story live = all.get(3);
        assertEquals(
                live.id(),
                queries.storyByReference(EDITOR, live.id()).orElseThrow().id());
        assertEquals(
                live.id(),
                queries.storyByReference(EDITOR, " " + live.slug() + " ")
                        .orElseThrow()
                        .id());
        assertEquals(
                live.id(),
                queries.storyByReference(EDITOR, "https://news.example/2026/11/20/" + live.slug())
                        .orElseThrow()
                        .id());
        assertTrue(queries.storyByReference(EDITOR, "no-such-story").isEmpty());
    }

    @Test
    void onlyEditorsReadTheTopStoriesDesk() {
        assertEquals(
                List.of(all.get(3).id()),
                queries.topStories(EDITOR).stream().map(Story::id).toList());
        assertEquals(
                List.of(all.get(3).id()),
                queries.latestPublished(ADMIN, 5).stream().map(Story::id).toList());
        assertThrows(ForbiddenException.class, () -> queries.topStories(WRITER));
        assertThrows(ForbiddenException.class, () -> queries.latestPublished(CONTRIBUTOR, 5));
    }

    @Test
    void sharedThingsAreReadByEveryoneAndMissingOnesAreNotFound() {
        for (Actor actor : EVERYONE) {
            assertFalse(queries.topics(actor).isEmpty());
            assertFalse(queries.authors(actor).isEmpty());
            assertFalse(queries.media(actor, 10, 0).isEmpty());
            assertTrue(queries.dashboards(actor).isEmpty());
        }
        var topic = queries.topics(WRITER).getFirst();
        assertEquals(topic, queries.topic(WRITER, topic.id()));
        var author = queries.authors(WRITER).getFirst();
        assertEquals(author, queries.author(WRITER, author.id()));
        var image = queries.media(WRITER, 1, 0).getFirst();
        assertEquals(image, queries.mediaItem(WRITER, image.id()));
        assertEquals(1, queries.media(WRITER, 1, 1).size(), "paging skips the first");
        assertThrows(NotFoundException.class, () -> queries.topic(WRITER, "nope"));
        assertThrows(NotFoundException.class, () -> queries.author(WRITER, "nope"));
        assertThrows(NotFoundException.class, () -> queries.mediaItem(WRITER, "nope"));
        assertThrows(NotFoundException.class, () -> queries.dashboard(WRITER, "nope"));
    }
}
