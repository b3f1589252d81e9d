package org.lede.topic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lede.common.ConflictException;
import org.lede.common.ForbiddenException;
import org.lede.common.ValidationException;
import org.lede.dashboard.Dashboard;
import org.lede.dashboard.DashboardService.DashboardFields;
import org.lede.outbox.OutboxEvent;
import org.lede.outbox.PageKeys;
import org.lede.story.Story;
import org.lede.testing.NewsroomTest;

/** Deleting topics, and merging a used one into another, on SQLite and PostgreSQL. */
class TopicMergeTest extends NewsroomTest {

    TopicService service;
    TopicStore store;

    @BeforeEach
    void open() {
        service = newsroom.services.topicService();
        store = newsroom.services.topics();
    }

    private Story story(String headline, Topic topic, boolean publish) {
        var stories = newsroom.services.storyService();
        Story draft =
                stories.createDraft(EDITOR, newsroom.publishableDraft(headline).withTopic(topic.id()));
        return publish ? stories.publish(EDITOR, draft.id(), draft.revision()) : draft;
    }

    private Dashboard dashboard(String title, Topic topic) {
        return newsroom.services
                .dashboardService()
                .create(EDITOR, new DashboardFields("dash-" + topic.slug(), title, null, topic.id(), null, List.of()));
    }

    @Test
    void anUnusedTopicIsDeletedAndItsAddressIsGone() {
        Topic unused = newsroom.topic("astronomy", "Astronomy");
        service.delete(EDITOR, unused.id(), null);
        assertTrue(store.find(unused.id()).isEmpty());
        assertEquals(Optional.of(new TopicStore.Retired("astronomy", null)), store.retired("astronomy"));
        OutboxEvent event = newsroom.services.outbox().after(0, 10_000).getLast();
        assertEquals("topic.deleted", event.type());
        assertEquals(Set.of(PageKeys.ALL), event.pageKeys(), "topic names are in every page's navigation");
    }

    @Test
    void aTopicInUseIsDeletedOnlyByMergingAndTheRefusalNamesItsUsers() {
        Topic transit = newsroom.topic("transit", "Transit");
        story("Tram line opens", transit, true);
        story("Bus lanes planned", transit, false);
        dashboard("Commuting", transit);

        ConflictException refused =
                assertThrows(ConflictException.class, () -> service.delete(EDITOR, transit.id(), null));

        assertEquals(
                "Cannot delete the topic “Transit”: used by 1 published story: “Tram line opens”; 1 story not"
                        + " published: “Bus lanes planned”; 1 dashboard: “Commuting”. Merge it into another topic"
                        + " instead, which moves them there.",
                refused.getMessage());
        assertEquals(transit, store.find(transit.id()).orElseThrow());
        assertEquals(3, store.uses(transit.id()).size(), "nothing moved");
        assertTrue(store.retired("transit").isEmpty());
    }

    @Test
    void theRefusalOfABigTopicNamesTheFirstTenByHeadlineAndCountsTheRest() {
        Topic transit = newsroom.topic("transit", "Transit");
        for (int i = 12; i >= 1; i--) {
            story("Tram stop %02d opens".formatted(i), transit, true);
        }
        story("Bus lanes planned", transit, false);

        ConflictException refused =
                assertThrows(ConflictException.class, () -> service.delete(EDITOR, transit.id(), null));

        assertEquals(
                "Cannot delete the topic “Transit”: used by 12 published stories: “Tram stop 01 opens”, “Tram stop"
                        + " 02 opens”, “Tram stop 03 opens”, “Tram stop 04 opens”, “Tram stop 05 opens”, “Tram stop"
                        + " 06 opens”, “Tram stop 07 opens”, “Tram stop 08 opens”, “Tram stop 09 opens”, “Tram stop"
                        + " 10 opens”, and 2 more; 1 story not published: “Bus lanes planned”. Merge it into another"
                        + " topic instead, which moves them there.",
                refused.getMessage());
    }

    @Test
    void mergingMovesEveryStoryAndDashboardAndLeadsOldAddressesToTheTarget() {
        Topic transit = newsroom.topic("transit", "Transit");
        Topic trams = newsroom.topic("trams", "Trams");
        Topic city = newsroom.topic("city", "City");
        Story live = story("Tram line opens", trams, true);
        Story draft = story("Bus lanes planned", transit, false);
        Dashboard commuting = dashboard("Commuting", transit);
        service.delete(EDITOR, trams.id(), transit.id());

        service.delete(EDITOR, transit.id(), city.id());

        var stories = newsroom.services.stories();
        assertEquals(city.id(), stories.find(live.id()).orElseThrow().draft().topicId());
        assertEquals(city.id(), stories.find(draft.id()).orElseThrow().draft().topicId());
        assertEquals(
                city.id(),
                newsroom.services
                        .dashboards()
                        .find(commuting.id())
                        .orElseThrow()
                        .topicId());
        assertTrue(store.find(transit.id()).isEmpty());
        assertEquals(Optional.of(new TopicStore.Retired("transit", city.id())), store.retired("transit"));
        assertEquals(
                Optional.of(new TopicStore.Retired("trams", city.id())),
                store.retired("trams"),
                "an address merged earlier leads on to where its stories are now");
        OutboxEvent event = newsroom.services.outbox().after(0, 10_000).getLast();
        assertEquals("topic.merged", event.type());
        assertEquals("city", event.data().get("into"));
    }

    @Test
    void aMergeNeedsAnotherTopicAndAnEditor() {
        Topic transit = newsroom.topic("transit", "Transit");
        Topic city = newsroom.topic("city", "City");
        story("Tram line opens", transit, true);
        assertThrows(ValidationException.class, () -> service.delete(EDITOR, transit.id(), transit.id()));
        assertThrows(
                ValidationException.class, () -> service.delete(EDITOR, transit.id(), "01NOSUCHTOPIC0000000000000"));
        assertThrows(ForbiddenException.class, () -> service.delete(WRITER, transit.id(), city.id()));
        assertEquals(1, store.uses(transit.id()).size());
        assertTrue(store.find(transit.id()).isPresent());
    }
}
