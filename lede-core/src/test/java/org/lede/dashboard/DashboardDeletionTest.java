package org.lede.dashboard;

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
import org.lede.dashboard.DashboardService.DashboardFields;
import org.lede.outbox.OutboxEvent;
import org.lede.story.Story;
import org.lede.testing.NewsroomTest;
import org.lede.topic.Topic;

/** Deleting dashboards: refused while stories pin them, and their address kept as gone, on SQLite and PostgreSQL. */
class DashboardDeletionTest extends NewsroomTest {

    DashboardService service;
    DashboardStore store;

    @BeforeEach
    void open() {
        service = newsroom.services.dashboardService();
        store = newsroom.services.dashboards();
    }

    private Dashboard dashboard(String slug, String topicId) {
        var stories = newsroom.services.storyService();
        Story lead = stories.createDraft(EDITOR, newsroom.publishableDraft("Lead of " + slug));
        lead = stories.publish(EDITOR, lead.id(), lead.revision());
        return service.create(
                EDITOR,
                new DashboardFields(
                        slug,
                        "Dashboard " + slug,
                        null,
                        topicId,
                        null,
                        List.of(new DashboardItem("Lead", List.of(DashboardEntry.story(lead.id()))))));
    }

    @Test
    void aDeletedDashboardLeavesItsAddressAsGoneAndPurgesThePagesThatListedIt() {
        Topic topic = newsroom.topic("weather", "Weather");
        Dashboard storm = dashboard("storm", topic.id());

        service.delete(EDITOR, storm.id(), storm.revision());

        assertTrue(store.find(storm.id()).isEmpty());
        assertTrue(store.retired("storm"));
        assertFalse(store.retired("calm"));
        OutboxEvent event = newsroom.services.outbox().after(0, 10_000).getLast();
        assertEquals("dashboard.deleted", event.type());
        assertEquals(Set.of("dashboard:storm", "home", "topic:weather"), event.pageKeys());
    }

    @Test
    void aDashboardThatStoriesPinIsKeptAndTheyAreNamed() {
        Dashboard storm = dashboard("storm", null);
        var stories = newsroom.services.storyService();
        Story pinning = stories.createDraft(EDITOR, newsroom.publishableDraft("Storm hits the coast"));
        stories.pin(EDITOR, pinning.id(), pinning.revision(), List.of("storm"));

        ConflictException refused =
                assertThrows(ConflictException.class, () -> service.delete(EDITOR, storm.id(), storm.revision()));

        assertEquals(
                "Cannot delete the dashboard “Dashboard storm”: used by 1 story not published: “Storm hits the"
                        + " coast”. Take it out of their Go deeper pins first.",
                refused.getMessage());
        assertEquals(storm, store.find(storm.id()).orElseThrow(), "nothing half-deleted");
        assertFalse(store.retired("storm"));
    }

    @Test
    void onlyCuratorsDeleteAndOnlyTheRevisionTheySaw() {
        Dashboard storm = dashboard("storm", null);
        assertThrows(ForbiddenException.class, () -> service.delete(WRITER, storm.id(), storm.revision()));
        assertThrows(StaleRevisionException.class, () -> service.delete(EDITOR, storm.id(), storm.revision() + 1));
        assertTrue(store.find(storm.id()).isPresent());
    }
}
