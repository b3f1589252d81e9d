package org.lede.story;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.lede.common.ConflictException;
import org.lede.common.CorruptDataException;
import org.lede.common.ForbiddenException;
import org.lede.common.StaleRevisionException;
import org.lede.common.ValidationException;
import org.lede.content.Credit;
import org.lede.content.ImageBlock;
import org.lede.content.Paragraph;
import org.lede.dashboard.DashboardEntry;
import org.lede.dashboard.DashboardItem;
import org.lede.dashboard.DashboardService;
import org.lede.db.Dialect;
import org.lede.media.Media;
import org.lede.outbox.Event;
import org.lede.outbox.Events;
import org.lede.outbox.OutboxEvent;
import org.lede.story.StoryCommand.Action;
import org.lede.testing.Newsroom;
import org.lede.user.Actor;
import org.lede.user.Role;

/** The story workflow against SQLite and a real PostgreSQL. */
@ParameterizedClass(name = "{0}")
@EnumSource(Dialect.class)
class StoryServiceTest {
    @Parameter
    Dialect dialect;

    @TempDir
    Path dir;

    Newsroom newsroom;
    StoryService service;
    StoryStore store;
    static final Actor EDITOR = new Actor("editor-1", Role.EDITOR);
    static final Actor WRITER = new Actor("writer-1", Role.WRITER);

    @BeforeEach
    void open() {
        newsroom = new Newsroom(dialect, dir);
        service = newsroom.services.storyService();
        store = newsroom.services.stories();
    }

    @AfterEach
    void close() {
        newsroom.close();
    }

    private List<String> eventTypes() {
        return newsroom.services.outbox().after(0, 1000).stream()
                .map(OutboxEvent::type)
                .filter(t -> t.startsWith("story."))
                .toList();
    }

    @Test
    void draftRoundTripsThroughTheStoreUnchanged() {
        Story created = service.createDraft(
                WRITER, newsroom.publishableDraft("Tram line to reach “two” districts — Aïda’s plan"));
        Story loaded = store.find(created.id()).orElseThrow();
        assertEquals(created, loaded);
        assertEquals("tram-line-to-reach-two-districts-aidas-plan", loaded.slug());
        assertEquals(StoryStatus.DRAFT, loaded.status());
        assertEquals(1, loaded.revision());
        assertEquals(List.of("story.created"), eventTypes());
    }

    @Test
    void publishingMakesTheStoryLiveAndAppendsItsEventInTheSameTransaction() {
        Story draft = service.createDraft(WRITER, newsroom.publishableDraft("Council approves tram line"));
        newsroom.clock.advance(Duration.ofMinutes(5));
        Story live = service.publish(EDITOR, draft.id(), 1);
        assertEquals(StoryStatus.PUBLISHED, live.status());
        assertEquals(newsroom.clock.instant(), live.publishAt());
        assertEquals(live.publishAt(), live.firstPublishedAt());
        assertNull(live.substantiveAt());
        assertEquals(2, live.revision());
        assertEquals(live, store.find(draft.id()).orElseThrow());
        assertEquals(List.of("story.created", "story.published"), eventTypes());
        assertEquals(List.of(live), store.latestPublished(10, 0));
    }

    @Test
    void anImportedStoryIsPublishedAtItsOriginalTimeButNeverAtOneToCome() {
        Story draft = service.createDraft(WRITER, newsroom.publishableDraft("Ferry returns"));
        Instant original = Instant.parse("2024-03-04T18:30:00Z");
        ValidationException future = assertThrows(
                ValidationException.class,
                () -> service.apply(
                        EDITOR,
                        draft.id(),
                        1,
                        new StoryCommand(
                                Action.PUBLISH, null, newsroom.clock.instant().plusSeconds(1), null)));
        assertEquals("publishAt", future.field());

        Story live = service.apply(EDITOR, draft.id(), 1, new StoryCommand(Action.PUBLISH, null, original, null));

        assertEquals(original, live.publishAt());
        assertEquals(original, live.firstPublishedAt());
        assertEquals(List.of("story.created", "story.published"), eventTypes());
    }

    @Test
    void staleRevisionIsRefusedAndChangesNothing() {
        Story draft = service.createDraft(WRITER, newsroom.publishableDraft("Budget vote delayed"));
        Story first = service.edit(WRITER, draft.id(), 1, draft.draft().withHeadline("Budget vote delayed again"));
        StaleRevisionException e = assertThrows(
                StaleRevisionException.class,
                () -> service.edit(WRITER, draft.id(), 1, draft.draft().withHeadline("A stale tab's headline")));
        assertEquals(2, e.current());
        assertTrue(e.getMessage().contains("Nothing was saved"), e.getMessage());
        assertEquals(first, store.find(draft.id()).orElseThrow());
        assertEquals(2, store.revisions(draft.id()).size());
        assertEquals(List.of("story.created", "story.edited"), eventTypes());
    }

    @Test
    void concurrentSavesFromTheSameRevisionLetExactlyOneWin() throws Exception {
        Story draft = service.createDraft(WRITER, newsroom.publishableDraft("Two editors, one story"));
        int writers = 6;
        var results = new ConcurrentLinkedQueue<String>();
        Thread[] threads = new Thread[writers];
        for (int i = 0; i < writers; i++) {
            int n = i;
            threads[i] = Thread.ofPlatform().start(() -> {
                try {
                    service.edit(EDITOR, draft.id(), 1, draft.draft().withHeadline("Headline " + n));
                    results.add("ok");
                } catch (StaleRevisionException e) {
                    results.add("stale");
                }
            });
        }
        for (Thread t : threads) {
            t.join();
        }
        assertEquals(1, results.stream().filter("ok"::equals).count(), results.toString());
        assertEquals(writers - 1, results.stream().filter("stale"::equals).count());
        assertEquals(2, store.find(draft.id()).orElseThrow().revision());
    }

    @Test
    void slugClashIsRefusedWithAClearMessage() {
        service.createDraft(WRITER, newsroom.publishableDraft("Harbor plan").withSlug("harbor-plan"));
        ConflictException e = assertThrows(
                ConflictException.class,
                () -> service.createDraft(
                        WRITER, newsroom.publishableDraft("Another").withSlug("harbor-plan")));
        assertTrue(e.getMessage().contains("harbor-plan"));
        assertEquals(1, store.count());
    }

    @Test
    void derivedSlugsNeverClash() {
        Story a = service.createDraft(WRITER, newsroom.publishableDraft("Same headline"));
        Story b = service.createDraft(WRITER, newsroom.publishableDraft("Same headline"));
        assertEquals("same-headline", a.slug());
        assertEquals("same-headline-2", b.slug());
    }

    @Test
    void editorsChangeAPublishedSlugAndTheOldOneStaysReserved() {
        Story draft = service.createDraft(WRITER, newsroom.publishableDraft("Ferry fares rise"));
        Story live = service.publish(EDITOR, draft.id(), 1);
        Story moved = service.update(
                EDITOR, live.id(), live.revision(), live.draft().withSlug("ferry-fares-up"), UpdateKind.MINOR);
        assertEquals("ferry-fares-up", moved.slug());
        assertEquals(
                live.id(), store.findByOldSlug("ferry-fares-rise").orElseThrow().id());
        assertTrue(store.slugTaken("ferry-fares-rise"));
        Event.StoryChanged event = (Event.StoryChanged)
                Events.fromOutbox(newsroom.services.outbox().after(0, 1000).getLast());
        assertTrue(event.pageKeys().contains("story:" + live.id()), "the story's pages are purged");

        ConflictException clash = assertThrows(
                ConflictException.class,
                () -> service.createDraft(
                        WRITER, newsroom.publishableDraft("Other").withSlug("ferry-fares-rise")));
        assertTrue(clash.getMessage().contains("ferry-fares-rise"), clash.getMessage());
        assertEquals(
                "ferry-fares-rise-2",
                service.createDraft(WRITER, newsroom.publishableDraft("Ferry fares rise"))
                        .slug(),
                "a derived slug steps around an old one");

        Story back = service.update(
                EDITOR, moved.id(), moved.revision(), moved.draft().withSlug("ferry-fares-rise"), UpdateKind.MINOR);
        assertEquals("ferry-fares-rise", back.slug(), "the story may take its own old slug back");
        assertTrue(store.findByOldSlug("ferry-fares-rise").isEmpty());
        assertEquals(
                live.id(), store.findByOldSlug("ferry-fares-up").orElseThrow().id());
    }

    @Test
    void writersChangeTheSlugOnlyBeforeFirstPublication() {
        Story draft = service.createDraft(WRITER, newsroom.publishableDraft("Pier reopens"));
        Story renamed = service.edit(WRITER, draft.id(), 1, draft.draft().withSlug("pier-reopens-friday"));
        assertEquals("pier-reopens-friday", renamed.slug());
        assertTrue(store.findByOldSlug("pier-reopens").isEmpty(), "a draft's slug had no address to keep");
        Story live = service.publish(EDITOR, draft.id(), renamed.revision());
        Story off = service.unpublish(EDITOR, live.id(), live.revision());
        assertThrows(
                ForbiddenException.class,
                () -> service.edit(WRITER, off.id(), off.revision(), off.draft().withSlug("pier-opens")));
        assertEquals("pier-reopens-friday", store.find(draft.id()).orElseThrow().slug());
    }

    @Test
    void onlySubstantiveUpdatesMoveTheUpdatedTime() {
        Story live = service.publish(
                EDITOR,
                service.createDraft(WRITER, newsroom.publishableDraft("Bridge closes"))
                        .id(),
                1);
        newsroom.clock.advance(Duration.ofHours(1));
        Story typo = service.update(
                EDITOR, live.id(), live.revision(), live.draft().withHeadline("Bridge closes early"), UpdateKind.MINOR);
        assertNull(typo.substantiveAt());
        newsroom.clock.advance(Duration.ofHours(1));
        Story news = service.update(
                EDITOR,
                typo.id(),
                typo.revision(),
                typo.draft().withBody(List.of(Paragraph.of("The bridge will stay closed until March."))),
                UpdateKind.SUBSTANTIVE);
        assertEquals(newsroom.clock.instant(), news.substantiveAt());
        assertEquals(live.publishAt(), news.publishAt());
        assertEquals(4, news.revision());
        assertEquals(news, store.find(live.id()).orElseThrow());
    }

    @Test
    void unpublishTakesTheStoryOffTheSite() {
        Story live = service.publish(
                EDITOR,
                service.createDraft(WRITER, newsroom.publishableDraft("Pier reopens"))
                        .id(),
                1);
        Story off = service.unpublish(EDITOR, live.id(), live.revision());
        assertEquals(StoryStatus.UNPUBLISHED, off.status());
        assertTrue(store.latestPublished(10, 0).isEmpty());
        assertEquals(List.of("story.created", "story.published", "story.unpublished"), eventTypes());
    }

    @Test
    void publishingRequiresAltTextAndCreditsOnEveryImage() {
        Media noAlt = newsroom.image(null);
        Story draft = service.createDraft(
                WRITER,
                newsroom.publishableDraft("Museum expands")
                        .withBody(List.of(
                                Paragraph.of("The museum will add a wing."),
                                new ImageBlock(noAlt.id(), "The wing", Credit.photo("Lee Park", null)))));
        ValidationException missingAlt =
                assertThrows(ValidationException.class, () -> service.publish(EDITOR, draft.id(), 1));
        assertTrue(missingAlt.getMessage().contains("alt text"), missingAlt.getMessage());

        Media withAlt = newsroom.image("A glass wing beside a brick museum");
        Story edited = service.edit(
                EDITOR,
                draft.id(),
                1,
                draft.draft()
                        .withBody(List.of(
                                Paragraph.of("The museum will add a wing."),
                                new ImageBlock(withAlt.id(), "The wing", null))));
        ValidationException missingCredit =
                assertThrows(ValidationException.class, () -> service.publish(EDITOR, edited.id(), 2));
        assertTrue(missingCredit.getMessage().contains("Credit"), missingCredit.getMessage());
        assertEquals(StoryStatus.DRAFT, store.find(draft.id()).orElseThrow().status());
        assertEquals(2, store.find(draft.id()).orElseThrow().revision());
    }

    @Test
    void writersCannotPublishAndCannotEditOthersStories() {
        Story draft = service.createDraft(WRITER, newsroom.publishableDraft("Library hours"));
        assertThrows(ForbiddenException.class, () -> service.publish(WRITER, draft.id(), 1));
        Actor otherWriter = new Actor("writer-2", Role.WRITER);
        assertThrows(ForbiddenException.class, () -> service.edit(otherWriter, draft.id(), 1, draft.draft()));
        Story submitted = service.submitForReview(WRITER, draft.id(), 1);
        assertEquals(StoryStatus.IN_REVIEW, submitted.status());
        Actor contributor = new Actor("c-1", Role.CONTRIBUTOR);
        Story theirs = service.createDraft(contributor, newsroom.publishableDraft("A contributor's draft"));
        assertThrows(ForbiddenException.class, () -> service.submitForReview(contributor, theirs.id(), 1));
    }

    @Test
    void scheduledStoryIsPublishedAtItsIntendedTimeEvenWhenTheSchedulerRunsLate() {
        Story draft = service.createDraft(WRITER, newsroom.publishableDraft("Night market opens"));
        Instant at = newsroom.clock.instant().plus(Duration.ofHours(2));
        service.schedule(EDITOR, draft.id(), 1, at);
        assertTrue(service.publishDue().isEmpty());
        newsroom.clock.advance(Duration.ofHours(5));
        List<Story> published = service.publishDue();
        assertEquals(1, published.size());
        assertEquals(at, published.getFirst().publishAt());
        assertEquals(StoryStatus.PUBLISHED, store.find(draft.id()).orElseThrow().status());
        assertTrue(service.publishDue().isEmpty());
    }

    @Test
    void aDueStoryThatFailsTheRulesStaysScheduledBlockedUntilASaveFixesIt() {
        Story draft = service.createDraft(WRITER, newsroom.publishableDraft("Night market opens"));
        String topic = draft.draft().topicId();
        Instant at = newsroom.clock.instant().plus(Duration.ofHours(2));
        Story scheduled = service.schedule(EDITOR, draft.id(), 1, at);
        Story saved = service.edit(
                EDITOR, draft.id(), scheduled.revision(), scheduled.draft().withTopic(null));
        assertNull(saved.blockedReason());
        newsroom.clock.advance(Duration.ofHours(3));
        assertTrue(service.publishDue().isEmpty());
        Story blocked = store.find(draft.id()).orElseThrow();
        assertEquals(StoryStatus.SCHEDULED, blocked.status());
        assertEquals("Choose a topic before publishing.", blocked.blockedReason());
        OutboxEvent last = newsroom.services.outbox().after(0, 1000).getLast();
        assertEquals("story.blocked", last.type());
        assertEquals(Set.of(), last.pageKeys(), "readers see nothing change");
        assertEquals("Choose a topic before publishing.", last.data().get("reason"));
        assertEquals(
                new Event.StoryBlocked(
                        draft.id(), blocked.slug(), blocked.revision(), blocked.blockedReason(), "system", last.at()),
                Events.fromOutbox(last));

        int events = newsroom.services.outbox().after(0, 1000).size();
        assertTrue(service.publishDue().isEmpty());
        assertEquals(events, newsroom.services.outbox().after(0, 1000).size(), "blocked once, not on every pass");

        Story fixed = service.edit(
                EDITOR, draft.id(), blocked.revision(), blocked.draft().withTopic(topic));
        assertNull(fixed.blockedReason(), "a save that passes the rules clears the block");
        assertEquals(StoryStatus.SCHEDULED, fixed.status());
        List<Story> published = service.publishDue();
        assertEquals(List.of(draft.id()), published.stream().map(Story::id).toList());
        assertEquals(at, published.getFirst().publishAt());
    }

    @Test
    void aBlockedStoryThatIsUnpublishedIsNoLongerBlocked() {
        Story draft = service.createDraft(WRITER, newsroom.publishableDraft("Library hours"));
        Story scheduled = service.schedule(EDITOR, draft.id(), 1, newsroom.clock.instant());
        service.edit(EDITOR, draft.id(), scheduled.revision(), scheduled.draft().withAuthors(List.of()));
        service.publishDue();
        Story blocked = store.find(draft.id()).orElseThrow();
        assertEquals("Add at least one author before publishing.", blocked.blockedReason());
        Story off = service.unpublish(EDITOR, draft.id(), blocked.revision());
        assertNull(off.blockedReason());
    }

    @Test
    void everySaveKeepsARevision() {
        Story draft = service.createDraft(WRITER, newsroom.publishableDraft("Zoning rules change"));
        Story edited = service.edit(WRITER, draft.id(), 1, draft.draft().withHeadline("Zoning rules change in spring"));
        service.publish(EDITOR, draft.id(), edited.revision());
        List<StoryRevision> revisions = store.revisions(draft.id());
        assertEquals(
                List.of(3, 2, 1),
                revisions.stream().map(StoryRevision::revision).toList());
        assertEquals(draft, store.revision(draft.id(), 1).orElseThrow().snapshot());
        assertEquals("story.published", revisions.getFirst().action());
    }

    @Test
    void correctionsAreKeptInOrder() {
        Story live = service.publish(
                EDITOR,
                service.createDraft(WRITER, newsroom.publishableDraft("Dam inspection"))
                        .id(),
                1);
        Story corrected = service.addCorrection(
                EDITOR, live.id(), live.revision(), "An earlier version misstated the dam’s height.");
        assertEquals(1, corrected.corrections().size());
        assertNotNull(
                store.find(live.id()).orElseThrow().corrections().getFirst().at());
    }

    @Test
    void restoringARevisionBringsBackItsTextAsANewRevision() {
        Story draft = service.createDraft(WRITER, newsroom.publishableDraft("Original headline"));
        Story edited = service.edit(WRITER, draft.id(), 1, draft.draft().withHeadline("Changed headline"));
        Story restored = service.restore(WRITER, draft.id(), edited.revision(), 1);
        assertEquals("Original headline", restored.headline());
        assertEquals(3, restored.revision());
        assertEquals(
                "Changed headline",
                store.revision(draft.id(), 2).orElseThrow().snapshot().headline());
        assertEquals(
                "story.restored", store.revision(draft.id(), 3).orElseThrow().action());
        assertEquals(List.of("story.created", "story.edited", "story.restored"), eventTypes());
    }

    @Test
    void editorsPinGoDeeperAndChooseTopStories() {
        Story a = service.publish(
                EDITOR,
                service.createDraft(WRITER, newsroom.publishableDraft("Story A"))
                        .id(),
                1);
        Story b = service.publish(
                EDITOR,
                service.createDraft(WRITER, newsroom.publishableDraft("Story B"))
                        .id(),
                1);
        Story pinned = service.pin(EDITOR, a.id(), a.revision(), List.of(b.id(), a.id()));
        assertEquals(List.of(b.id()), pinned.pins(), "a story never pins itself");
        assertEquals(pinned, store.find(a.id()).orElseThrow());
        assertThrows(ForbiddenException.class, () -> service.pin(WRITER, a.id(), pinned.revision(), List.of()));
        service.setTopStories(EDITOR, List.of(b.id(), a.id()));
        assertEquals(List.of(b.id(), a.id()), store.topStoryIds());
        Story draft = service.createDraft(WRITER, newsroom.publishableDraft("Not live"));
        assertThrows(ValidationException.class, () -> service.setTopStories(EDITOR, List.of(draft.id())));
        assertEquals(List.of(b.id(), a.id()), store.topStoryIds(), "a refused change leaves the old order");
    }

    @Test
    void anUnknownBlockTypeInStoredJsonIsReportedClearly() {
        Story draft = service.createDraft(WRITER, newsroom.publishableDraft("Stored long ago"));
        newsroom.services
                .db()
                .handle(h -> h.execute(
                        "UPDATE story_blocks SET type = 'video' WHERE story_id = ? AND position = 0", draft.id()));
        CorruptDataException e = assertThrows(CorruptDataException.class, () -> store.find(draft.id()));
        assertTrue(e.getMessage().contains("Block 1 of story " + draft.id()), e.getMessage());
        assertTrue(e.getMessage().contains("Unknown block type \"video\""), e.getMessage());
    }

    @Test
    void writersOpenOnlyTheirOwnStoriesEditorsOpenAll() {
        service.createDraft(WRITER, newsroom.publishableDraft("My own draft"));
        Story theirs = service.createDraft(
                new Actor("writer-2", Role.WRITER), newsroom.publishableDraft("Someone else's draft"));
        assertThrows(ForbiddenException.class, () -> service.getForEditing(WRITER, theirs.id()));
        assertEquals(theirs, service.getForEditing(EDITOR, theirs.id()));
    }

    @Test
    void savingFieldsAndPublishingIsOneRevisionAndOneEvent() {
        Story draft = service.createDraft(WRITER, newsroom.publishableDraft("Ferry timetable changes"));
        StoryDraft edited = draft.draft().withHeadline("Ferry timetable changes from Monday");
        Story live = service.apply(
                EDITOR, draft.id(), draft.revision(), StoryCommand.of(StoryCommand.Action.PUBLISH, edited));
        assertEquals(2, live.revision());
        assertEquals(StoryStatus.PUBLISHED, live.status());
        assertEquals(
                "Ferry timetable changes from Monday",
                store.find(draft.id()).orElseThrow().headline());
        assertEquals(List.of("story.created", "story.published"), eventTypes());
        assertEquals(2, store.revisions(draft.id()).size());
    }

    @Test
    void aRefusedActionSavesNoneOfItsFields() {
        Story draft = service.createDraft(WRITER, newsroom.publishableDraft("Bridge repairs"));
        StoryDraft edited = draft.draft().withHeadline("Bridge repairs delayed");
        assertThrows(
                ForbiddenException.class,
                () -> service.apply(
                        WRITER, draft.id(), draft.revision(), StoryCommand.of(StoryCommand.Action.PUBLISH, edited)));
        Story stored = store.find(draft.id()).orElseThrow();
        assertEquals("Bridge repairs", stored.headline());
        assertEquals(1, stored.revision());
        assertEquals(List.of("story.created"), eventTypes());
    }

    @Test
    void aCommandNamesWhatItNeeds() {
        assertThrows(ValidationException.class, () -> new StoryCommand(StoryCommand.Action.SCHEDULE, null, null, null));
        assertThrows(ValidationException.class, () -> StoryCommand.of(StoryCommand.Action.SAVE, null));
        assertThrows(ValidationException.class, () -> StoryCommand.of(StoryCommand.Action.UPDATE_MINOR, null));
        StoryDraft fields = newsroom.publishableDraft("Any");
        assertThrows(ValidationException.class, () -> StoryCommand.of(StoryCommand.Action.UNPUBLISH, fields));
        assertEquals(StoryCommand.Action.UPDATE_SUBSTANTIVE, StoryCommand.Action.parse("update-substantive"));
        assertThrows(ValidationException.class, () -> StoryCommand.Action.parse("delete"));
    }

    @Test
    void pinsGoWithTheActionAndOnlyEditorsChangeThem() {
        Story other = service.createDraft(EDITOR, newsroom.publishableDraft("Earlier ferry story"));
        Story draft = service.createDraft(WRITER, newsroom.publishableDraft("Ferry strike"));
        Story saved = service.apply(
                WRITER,
                draft.id(),
                draft.revision(),
                StoryCommand.of(StoryCommand.Action.SAVE, draft.draft()).withPins(List.of()));
        assertEquals(2, saved.revision(), "unchanged pins need no editor");
        assertThrows(
                ForbiddenException.class,
                () -> service.apply(
                        WRITER,
                        draft.id(),
                        saved.revision(),
                        StoryCommand.of(StoryCommand.Action.SAVE, draft.draft()).withPins(List.of(other.slug()))));
        Story pinned = service.apply(
                EDITOR,
                draft.id(),
                saved.revision(),
                StoryCommand.of(StoryCommand.Action.SAVE, draft.draft())
                        .withPins(List.of("https://news.example/2026/11/20/" + other.slug(), other.id(), draft.id())));
        assertEquals(List.of(other.id()), pinned.pins(), "addresses resolve, repeats and the story itself drop out");
        assertEquals(3, pinned.revision());
        assertThrows(
                ValidationException.class, () -> service.pin(EDITOR, draft.id(), pinned.revision(), List.of("nope")));
    }

    @Test
    void eventsNamePagesOnlyWhenReadersCanSeeTheChange() {
        Story pinner = service.createDraft(EDITOR, newsroom.publishableDraft("Pinning story"));
        pinner = service.publish(EDITOR, pinner.id(), pinner.revision());
        Story draft = service.createDraft(WRITER, newsroom.publishableDraft("Tram depot opens"));
        draft = service.edit(
                WRITER, draft.id(), draft.revision(), draft.draft().withHeadline("Tram depot opens early"));
        assertEquals(Set.of(), lastEvent().pageKeys(), "a draft save touches no reader page");
        service.pin(EDITOR, pinner.id(), pinner.revision(), List.of(draft.id()));
        newsroom.services
                .dashboardService()
                .create(
                        EDITOR,
                        new DashboardService.DashboardFields(
                                "transit",
                                "Transit dashboard",
                                null,
                                null,
                                null,
                                List.of(new DashboardItem("Trams", List.of(DashboardEntry.story(draft.id()))))));
        Story live = service.publish(EDITOR, draft.id(), draft.revision());
        String topic = newsroom.services
                .topics()
                .find(live.draft().topicId())
                .orElseThrow()
                .slug();
        String author = newsroom.services
                .authors()
                .find(live.draft().authorIds().getFirst())
                .orElseThrow()
                .slug();
        Set<String> expected = Set.of(
                "story:" + live.id(),
                "home",
                "topic:" + topic,
                "author:" + author,
                "dashboard:transit",
                "story:" + pinner.id());
        assertEquals(expected, lastEvent().pageKeys());
        Story off = service.unpublish(EDITOR, live.id(), live.revision());
        assertEquals(expected, lastEvent().pageKeys(), "unpublishing evicts where it was shown");
        service.edit(EDITOR, off.id(), off.revision(), off.draft().withHeadline("Tram depot opens later"));
        assertEquals(Set.of(), lastEvent().pageKeys());
        var typed = (Event.StoryChanged) Events.fromOutbox(newsroom.services.outbox().after(0, 1000).stream()
                .filter(e -> e.type().equals("story.published") && e.subject().equals(live.id()))
                .findFirst()
                .orElseThrow());
        assertEquals(live.revision(), typed.revision());
        assertEquals("published", typed.status());
        assertEquals(EDITOR.userId(), typed.actorId());
    }

    @Test
    void aStaleSaveIsExplainedFieldByField() {
        Story draft = service.createDraft(WRITER, newsroom.publishableDraft("Night buses"));
        Story theirs =
                service.edit(EDITOR, draft.id(), draft.revision(), draft.draft().withHeadline("Night buses return"));
        StaleSave changes = service.changesSince(WRITER, draft.id(), draft.revision());
        assertEquals(List.of("headline"), changes.changed());
        assertEquals(theirs, changes.current());
        assertEquals("They changed: headline.", changes.summary());
        assertTrue(service.changesSince(WRITER, draft.id(), theirs.revision())
                .summary()
                .isEmpty());
        assertTrue(
                service.changesSince(WRITER, draft.id(), 99).changed().isEmpty(),
                "an unknown revision explains nothing");
    }

    private OutboxEvent lastEvent() {
        return newsroom.services.outbox().after(0, 1000).getLast();
    }
}
