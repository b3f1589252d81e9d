package org.lede.story;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lede.common.ConflictException;
import org.lede.common.ForbiddenException;
import org.lede.common.StaleRevisionException;
import org.lede.content.Paragraph;
import org.lede.dashboard.DashboardEntry;
import org.lede.dashboard.DashboardItem;
import org.lede.dashboard.DashboardService.DashboardFields;
import org.lede.outbox.OutboxEvent;
import org.lede.outbox.PageKeys;
import org.lede.testing.NewsroomTest;
import org.lede.user.Actor;
import org.lede.user.Role;

/** Deleting drafts and archiving stories that were published, on SQLite and PostgreSQL. */
class StoryRemovalTest extends NewsroomTest {
    static final Actor OTHER_WRITER = new Actor("writer-2", Role.WRITER);
    static final Actor CONTRIBUTOR = new Actor("contributor-1", Role.CONTRIBUTOR);

    StoryService service;
    StoryStore store;

    @BeforeEach
    void open() {
        service = newsroom.services.storyService();
        store = newsroom.services.stories();
    }

    private OutboxEvent lastEvent() {
        return newsroom.services.outbox().after(0, 10_000).getLast();
    }

    private Story draft(Actor actor, String headline) {
        return service.createDraft(actor, newsroom.publishableDraft(headline));
    }

    private Story published(String headline) {
        Story draft = draft(EDITOR, headline);
        return service.publish(EDITOR, draft.id(), draft.revision());
    }

    @Test
    void aDraftIsDeletedWithItsRevisionsAndTouchesNoPage() {
        Story draft = draft(WRITER, "Council budget draft");
        Story edited = service.edit(
                WRITER, draft.id(), draft.revision(), draft.draft().withBody(List.of(Paragraph.of("New text."))));

        service.delete(WRITER, edited.id(), edited.revision());

        assertTrue(store.find(draft.id()).isEmpty());
        assertEquals(List.of(), store.revisions(draft.id()));
        assertFalse(store.slugTaken(draft.slug()), "the slug is free again");
        OutboxEvent event = lastEvent();
        assertEquals("story.deleted", event.type());
        assertEquals(draft.id(), event.subject());
        assertEquals(Set.of(), event.pageKeys(), "readers never saw a draft");
    }

    @Test
    void writersDeleteOnlyTheirOwnDraftsAndContributorsNone() {
        Story theirs = draft(OTHER_WRITER, "Another writer's draft");
        Story contributed = draft(CONTRIBUTOR, "A contributor's draft");

        assertThrows(ForbiddenException.class, () -> service.delete(WRITER, theirs.id(), theirs.revision()));
        assertThrows(
                ForbiddenException.class, () -> service.delete(CONTRIBUTOR, contributed.id(), contributed.revision()));

        assertTrue(store.find(theirs.id()).isPresent());
        assertTrue(store.find(contributed.id()).isPresent());
        service.delete(EDITOR, theirs.id(), theirs.revision());
        assertTrue(store.find(theirs.id()).isEmpty(), "editors delete anyone's draft");
    }

    @Test
    void aStoryThatWasPublishedIsNeverDeleted() {
        Story live = published("Tram line opens");
        ConflictException refused =
                assertThrows(ConflictException.class, () -> service.delete(EDITOR, live.id(), live.revision()));
        assertTrue(refused.getMessage().contains("unpublish it, then archive it"), refused.getMessage());

        Story unpublished = service.unpublish(EDITOR, live.id(), live.revision());
        assertThrows(ConflictException.class, () -> service.delete(EDITOR, unpublished.id(), unpublished.revision()));
        assertTrue(store.find(live.id()).isPresent());
        assertEquals(3, store.revisions(live.id()).size(), "created, published and unpublished are all kept");
    }

    @Test
    void aDraftThatStoriesPinOrDashboardsListIsKeptAndTheyAreNamed() {
        Story draft = draft(EDITOR, "Budget explainer");
        Story pinning = published("Budget passes");
        service.pin(EDITOR, pinning.id(), pinning.revision(), List.of(draft.id()));
        Story otherDraft = draft(EDITOR, "Budget reactions");
        service.pin(EDITOR, otherDraft.id(), otherDraft.revision(), List.of(draft.id()));
        newsroom.services
                .dashboardService()
                .create(
                        EDITOR,
                        new DashboardFields(
                                "budget",
                                "Budget 2027",
                                null,
                                null,
                                null,
                                List.of(new DashboardItem("Explainers", List.of(DashboardEntry.story(draft.id()))))));
        int events = newsroom.services.outbox().after(0, 10_000).size();

        ConflictException refused =
                assertThrows(ConflictException.class, () -> service.delete(EDITOR, draft.id(), draft.revision()));

        assertEquals(
                "Cannot delete “Budget explainer”: used by 1 published story: “Budget passes”; 1 story not"
                        + " published: “Budget reactions”; 1 dashboard: “Budget 2027”. Take it out of them first.",
                refused.getMessage());
        assertTrue(store.find(draft.id()).isPresent());
        assertEquals(1, store.revisions(draft.id()).size(), "nothing half-deleted");
        assertEquals(events, newsroom.services.outbox().after(0, 10_000).size(), "no event for a refusal");
    }

    @Test
    void aStaleDeleteIsRefused() {
        Story draft = draft(EDITOR, "Stale draft");
        service.edit(EDITOR, draft.id(), draft.revision(), draft.draft().withHeadline("Stale draft, edited"));
        assertThrows(StaleRevisionException.class, () -> service.delete(EDITOR, draft.id(), draft.revision()));
        assertTrue(store.find(draft.id()).isPresent());
    }

    @Test
    void aStoryIsArchivedOnlyAfterItIsUnpublishedAndThenKeptOutOfTheDefaultList() {
        Story live = published("Storm closes the port");
        assertThrows(ConflictException.class, () -> service.archive(EDITOR, live.id(), live.revision()));
        Story unpublished = service.unpublish(EDITOR, live.id(), live.revision());
        assertThrows(ForbiddenException.class, () -> service.archive(WRITER, unpublished.id(), unpublished.revision()));

        Story archived = service.archive(EDITOR, unpublished.id(), unpublished.revision());

        assertEquals(StoryStatus.ARCHIVED, archived.status());
        assertEquals(live.firstPublishedAt(), archived.firstPublishedAt());
        assertEquals(4, store.revisions(live.id()).size(), "every revision is kept");
        OutboxEvent event = lastEvent();
        assertEquals("story.archived", event.type());
        assertTrue(
                event.pageKeys().contains(PageKeys.story(live.id())),
                event.pageKeys().toString());
        assertTrue(event.pageKeys().contains(PageKeys.HOME), event.pageKeys().toString());
        assertTrue(
                store.page(StoryFilter.ALL, null, true, 50).stream().noneMatch(s -> s.id().equals(live.id())),
                "archived stories leave the default list");
        assertEquals(
                List.of(live.id()),
                store
                        .page(new StoryFilter(StoryStatus.ARCHIVED, false, null, null, null, null), null, true, 50)
                        .stream()
                        .map(Story::id)
                        .toList(),
                "the archived filter shows them");
        ConflictException frozen = assertThrows(
                ConflictException.class,
                () -> service.edit(
                        EDITOR, live.id(), archived.revision(), archived.draft().withHeadline("Changed")));
        assertTrue(frozen.getMessage().contains("archived"), frozen.getMessage());
    }

    @Test
    void aStoryNeverPublishedIsDeletedNotArchived() {
        Story draft = draft(EDITOR, "Never out");
        ConflictException refused =
                assertThrows(ConflictException.class, () -> service.archive(EDITOR, draft.id(), draft.revision()));
        assertTrue(refused.getMessage().contains("delete it instead"), refused.getMessage());
        assertEquals(StoryStatus.DRAFT, store.find(draft.id()).orElseThrow().status());
    }
}
