package org.lede.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.lede.common.ConflictException;
import org.lede.common.NotFoundException;
import org.lede.common.StaleRevisionException;
import org.lede.content.Credit;
import org.lede.content.ImageBlock;
import org.lede.content.Paragraph;
import org.lede.dashboard.DashboardService.DashboardFields;
import org.lede.db.Dialect;
import org.lede.media.Media;
import org.lede.story.Story;
import org.lede.story.StoryDraft;
import org.lede.testing.Newsroom;
import org.lede.topic.Topic;
import org.lede.user.Actor;

/** The dashboard store's contract, on SQLite and a real PostgreSQL: the head row and its ordered items and entries. */
@ParameterizedClass(name = "{0}")
@EnumSource(Dialect.class)
class DashboardStoreTest {
    static final String UNKNOWN = "01JB0000000000000000000000";

    @Parameter
    Dialect dialect;

    @TempDir
    Path dir;

    Newsroom newsroom;
    DashboardStore store;
    DashboardService service;

    @BeforeEach
    void open() {
        newsroom = new Newsroom(dialect, dir);
        store = newsroom.services.dashboards();
        service = newsroom.services.dashboardService();
    }

    @AfterEach
    void close() {
        newsroom.close();
    }

    private Story story(String headline) {
        return newsroom.services
                .storyService()
                .createDraft(Actor.SYSTEM, StoryDraft.of(headline, List.of(Paragraph.of("Text of " + headline + "."))));
    }

    private Dashboard create(String slug, List<DashboardItem> items) {
        return service.create(Actor.SYSTEM, new DashboardFields(slug, "Dashboard " + slug, null, null, null, items));
    }

    private static DashboardItem item(String label, DashboardEntry... entries) {
        return new DashboardItem(label, List.of(entries));
    }

    @Test
    void aDashboardReadsBackWholeWithItsItemsAndEntriesInOrder() {
        Topic weather = newsroom.topic("weather", "Weather");
        Media map = newsroom.image("A storm track over the bay");
        Story a = story("Storm makes landfall");
        Story b = story("Ferries cancelled");
        Story c = story("Shelters open");
        List<DashboardItem> items = List.of(
                item("Latest", DashboardEntry.story(b.id()), DashboardEntry.story(a.id())),
                item(
                        "Help",
                        DashboardEntry.link("https://example.org/shelters", "Shelter map"),
                        new DashboardEntry(c.id(), null, "Where to sleep tonight")),
                item("Background", DashboardEntry.story(a.id())));
        Dashboard created = service.create(
                Actor.SYSTEM,
                new DashboardFields(
                        "storm",
                        "Storm dashboard",
                        "Everything on the storm.",
                        weather.id(),
                        new ImageBlock(map.id(), "The storm's track.", Credit.illustration("Lee Park", "Lede")),
                        items));
        Dashboard loaded = store.find(created.id()).orElseThrow();
        assertEquals(created, loaded);
        assertEquals(items, loaded.items());
        assertEquals(created, store.findBySlug("storm").orElseThrow());
    }

    @Test
    void moreThanTenItemsKeepTheirOrder() {
        Story s = story("One story");
        List<DashboardItem> items = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) {
            items.add(item("Item " + i, DashboardEntry.story(s.id())));
        }
        Dashboard created = create("many", items);
        assertEquals(items, store.find(created.id()).orElseThrow().items());
    }

    @Test
    void anIllustrationWithoutCreditOrCaptionAndNoIllustrationAtAllReadBack() {
        Media map = newsroom.image("A map");
        Story s = story("Lead");
        Dashboard plain = create("plain", List.of(item("Lead", DashboardEntry.story(s.id()))));
        Dashboard uncredited = service.create(
                Actor.SYSTEM,
                new DashboardFields(
                        "uncredited",
                        "Uncredited",
                        null,
                        null,
                        new ImageBlock(map.id(), null, null),
                        List.of(item("Lead", DashboardEntry.story(s.id())))));
        Dashboard loadedPlain = store.find(plain.id()).orElseThrow();
        assertNull(loadedPlain.illustration());
        assertNull(loadedPlain.topicId());
        assertNull(loadedPlain.intro());
        assertEquals(plain, loadedPlain);
        assertEquals(uncredited, store.find(uncredited.id()).orElseThrow());
        assertNull(store.find(uncredited.id()).orElseThrow().illustration().credit());
    }

    @Test
    void eachDashboardReadsOnlyItsOwnItems() {
        Story a = story("Story A");
        Story b = story("Story B");
        Dashboard first = create(
                "first",
                List.of(
                        item("A", DashboardEntry.story(a.id()), DashboardEntry.link("https://example.org/a", "A too")),
                        item("Then B", DashboardEntry.story(b.id()))));
        newsroom.clock.advance(Duration.ofMinutes(1));
        Dashboard second = create(
                "second",
                List.of(
                        item("B", DashboardEntry.story(b.id())),
                        item("Also B", DashboardEntry.link("https://example.org/b", "B elsewhere"))));
        assertEquals(first.items(), store.find(first.id()).orElseThrow().items());
        assertEquals(second.items(), store.findBySlug("second").orElseThrow().items());
        // All of them at once, as reader pages read them: each still with its own items and entries.
        assertEquals(List.of(second, first), store.all());
    }

    @Test
    void unknownIdsAndSlugsFindNothing() {
        create("storm", List.of(item("Lead", DashboardEntry.link("https://example.org", "Elsewhere"))));
        assertTrue(store.find(UNKNOWN).isEmpty());
        assertTrue(store.findBySlug("flood").isEmpty());
        assertTrue(store.findBySlug("Storm").isEmpty(), "slugs match exactly, on both databases");
    }

    @Test
    void anUpdateReplacesTheItemsAndEntriesAndBumpsTheRevision() {
        Story a = story("Story A");
        Story b = story("Story B");
        Story c = story("Story C");
        Dashboard created = create(
                "storm",
                List.of(
                        item(
                                "First",
                                DashboardEntry.story(a.id()),
                                DashboardEntry.story(b.id()),
                                DashboardEntry.story(c.id())),
                        item("Second", DashboardEntry.story(b.id())),
                        item("Third", DashboardEntry.story(c.id()))));
        newsroom.clock.advance(Duration.ofMinutes(10));
        List<DashboardItem> fewer =
                List.of(item("Second now first", DashboardEntry.story(c.id()), DashboardEntry.story(a.id())));
        Dashboard updated = service.update(
                Actor.SYSTEM,
                created.id(),
                1,
                new DashboardFields("storm-2026", "Storm of 2026", "Now with a new intro.", null, null, fewer));
        Dashboard loaded = store.find(created.id()).orElseThrow();
        assertEquals(updated, loaded);
        assertEquals(fewer, loaded.items(), "items and entries of the old version are gone");
        assertEquals(2, loaded.revision());
        assertEquals(created.createdAt(), loaded.createdAt());
        assertEquals(newsroom.clock.instant(), loaded.updatedAt());
        assertTrue(store.findBySlug("storm").isEmpty());
    }

    @Test
    void aStaleRevisionChangesNothing() {
        Story a = story("Story A");
        Dashboard created = create("storm", List.of(item("Lead", DashboardEntry.story(a.id()))));
        Dashboard changed = new Dashboard(
                created.id(),
                "other",
                "Other",
                null,
                null,
                null,
                List.of(item("Gone", DashboardEntry.link("https://example.org", "Elsewhere"))),
                created.createdAt(),
                created.updatedAt(),
                3);
        assertFalse(store.update(changed, 2));
        assertEquals(created, store.find(created.id()).orElseThrow());
        assertThrows(
                StaleRevisionException.class,
                () -> service.update(
                        Actor.SYSTEM,
                        created.id(),
                        5,
                        new DashboardFields("other", "Other", null, null, null, created.items())));
        assertEquals(created, store.find(created.id()).orElseThrow());
    }

    @Test
    void theCurrentRevisionSavesAndTheNextSaveMustNameTheNewOne() {
        Story a = story("Story A");
        Dashboard created = create("storm", List.of(item("Lead", DashboardEntry.story(a.id()))));
        Dashboard second = new Dashboard(
                created.id(),
                "storm",
                "Storm, updated",
                null,
                null,
                null,
                created.items(),
                created.createdAt(),
                created.updatedAt(),
                2);
        assertTrue(store.update(second, 1));
        assertFalse(store.update(second, 1), "the revision moved on");
        assertEquals(second, store.find(created.id()).orElseThrow());
    }

    @Test
    void updatingAnUnknownDashboardIsNotFound() {
        assertThrows(
                NotFoundException.class,
                () -> service.update(
                        Actor.SYSTEM,
                        UNKNOWN,
                        1,
                        new DashboardFields(
                                "ghost",
                                "Ghost",
                                null,
                                null,
                                null,
                                List.of(item("Lead", DashboardEntry.link("https://example.org", "Elsewhere"))))));
    }

    @Test
    void aSecondDashboardWithATakenSlugIsAConflict() {
        Dashboard first =
                create("storm", List.of(item("Lead", DashboardEntry.link("https://example.org", "Elsewhere"))));
        Dashboard clash = new Dashboard(
                UNKNOWN,
                "storm",
                "Another storm",
                null,
                null,
                null,
                List.of(item("Other", DashboardEntry.link("https://example.org/2", "Other"))),
                first.createdAt(),
                first.updatedAt(),
                1);
        ConflictException e = assertThrows(ConflictException.class, () -> store.insert(clash));
        assertTrue(e.getMessage().contains("\"storm\""), e.getMessage());
        assertEquals(List.of(first), store.all(), "the refused insert left no items behind");
    }

    @Test
    void renamingADashboardToATakenSlugIsAConflictAndChangesNothing() {
        Dashboard storm =
                create("storm", List.of(item("Lead", DashboardEntry.link("https://example.org", "Elsewhere"))));
        Dashboard flood = create("flood", List.of(item("Lead", DashboardEntry.link("https://example.org/f", "Flood"))));
        Dashboard clash = new Dashboard(
                flood.id(),
                "storm",
                flood.title(),
                null,
                null,
                null,
                List.of(item("Changed", DashboardEntry.link("https://example.org/c", "Changed"))),
                flood.createdAt(),
                flood.updatedAt(),
                2);
        assertThrows(ConflictException.class, () -> store.update(clash, 1));
        assertEquals(flood, store.find(flood.id()).orElseThrow());
        assertEquals(storm, store.findBySlug("storm").orElseThrow());
    }

    @Test
    void idsInTopicAreTheTopicsDashboardsInTheOrderOfAll() {
        Topic world = newsroom.topic("world", "World");
        Topic farming = newsroom.topic("farming", "Farming");
        List<DashboardItem> items = List.of(item("A", DashboardEntry.link("https://example.org/a", "A")));
        Dashboard older = service.create(Actor.SYSTEM, new DashboardFields("a", "A", null, world.id(), null, items));
        newsroom.clock.advance(Duration.ofHours(1));
        service.create(Actor.SYSTEM, new DashboardFields("b", "B", null, farming.id(), null, items));
        create("c", items);
        Dashboard newer = service.create(Actor.SYSTEM, new DashboardFields("d", "D", null, world.id(), null, items));

        assertEquals(List.of(newer.id(), older.id()), store.idsInTopic(world.id()));
        assertEquals(List.of(), store.idsInTopic("no-such-topic"));
    }

    @Test
    void allListsTheMostRecentlyUpdatedFirst() {
        Dashboard a = create("a", List.of(item("A", DashboardEntry.link("https://example.org/a", "A"))));
        newsroom.clock.advance(Duration.ofHours(1));
        Dashboard b = create("b", List.of(item("B", DashboardEntry.link("https://example.org/b", "B"))));
        newsroom.clock.advance(Duration.ofHours(20));
        Dashboard c = create("c", List.of(item("C", DashboardEntry.link("https://example.org/c", "C"))));
        assertEquals(List.of(c, b, a), store.all());
        newsroom.clock.advance(Duration.ofMinutes(1));
        Dashboard a2 = service.update(
                Actor.SYSTEM, a.id(), 1, new DashboardFields("a", "A again", null, null, null, a.items()));
        assertEquals(List.of(a2, c, b), store.all());
    }

    @Test
    void dashboardsUpdatedInTheSameMillisecondListNewestFirstOnBothDatabases() {
        Dashboard first = create("first", List.of(item("A", DashboardEntry.link("https://example.org/a", "A"))));
        Dashboard second = create("second", List.of(item("B", DashboardEntry.link("https://example.org/b", "B"))));
        Dashboard third = create("third", List.of(item("C", DashboardEntry.link("https://example.org/c", "C"))));
        // Rewriting the oldest moves its row on PostgreSQL; the order must not follow where rows lie.
        Dashboard firstAgain = new Dashboard(
                first.id(),
                "first",
                "First again",
                null,
                null,
                null,
                first.items(),
                first.createdAt(),
                first.updatedAt(),
                2);
        assertTrue(store.update(firstAgain, 1));
        assertEquals(List.of(third, second, firstAgain), store.all());
    }

    @Test
    void noDashboardsIsAnEmptyList() {
        assertEquals(List.of(), store.all());
    }
}
