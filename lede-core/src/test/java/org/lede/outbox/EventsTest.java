package org.lede.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Typed events survive the trip through the stored envelope, and keep the envelope the audit log reads. */
class EventsTest {
    static final Instant AT = Instant.parse("2026-11-20T12:00:00Z");

    @Test
    void everyKindOfEventRoundTripsThroughItsEnvelope() {
        List<Event> events = List.of(
                new Event.StoryChanged(
                        Event.StoryAction.UPDATED,
                        "S1",
                        "tram-line",
                        "published",
                        4,
                        "minor",
                        null,
                        "u1",
                        AT,
                        Set.of("story:S1", "home")),
                new Event.StoryChanged(
                        Event.StoryAction.RESTORED, "S1", "tram-line", "draft", 5, null, 2, "u1", AT, Set.of()),
                new Event.StoryBlocked("S1", "tram-line", 6, "Choose a topic before publishing.", "u1", AT),
                new Event.PreviewShared("S1", "tram-line", AT.plusSeconds(604800), "u1", AT),
                new Event.TopStoriesSet("u1", AT),
                new Event.TopicSaved("T1", "world", "u1", AT),
                new Event.AuthorSaved("A1", "ana-ruiz", "u1", AT),
                new Event.MediaAdded("M1", "u1", AT),
                new Event.MediaDescribed("M1", "u1", AT),
                new Event.DashboardSaved(true, "D1", "storm", 1, "u1", AT, Set.of("dashboard:storm", "home")),
                new Event.DashboardSaved(false, "D1", "storm", 2, "u1", AT, Set.of("dashboard:storm")),
                new Event.UserCreated("U2", "editor", "u1", AT),
                new Event.StoryChanged(
                        Event.StoryAction.DELETED, "S2", "draft", "deleted", 3, null, null, "u1", AT, Set.of()),
                new Event.StoryChanged(
                        Event.StoryAction.ARCHIVED,
                        "S1",
                        "tram-line",
                        "archived",
                        6,
                        null,
                        null,
                        "u1",
                        AT,
                        Set.of("story:S1")),
                new Event.MediaDeleted("M1", "tram.png", "u1", AT),
                new Event.DashboardDeleted("D1", "storm", "u1", AT, Set.of("dashboard:storm", "home")),
                new Event.TopicDeleted("T1", "world", null, "u1", AT),
                new Event.TopicDeleted("T2", "globe", "world", "u1", AT),
                new Event.AuthorDeleted("A1", "ana-ruiz", "u1", AT),
                new Event.PageChanged(Event.PageAction.CREATED, "P1", "about", 1, "u1", AT, Set.of()),
                new Event.PageChanged(
                        Event.PageAction.PUBLISHED, "P1", "about", 2, "u1", AT, Set.of("page:about", PageKeys.ALL)),
                new Event.PageChanged(Event.PageAction.UPDATED, "P1", "about", 3, "u1", AT, Set.of("page:about")),
                new Event.PageChanged(
                        Event.PageAction.UNPUBLISHED, "P1", "about", 4, "u1", AT, Set.of("page:about", PageKeys.ALL)));
        for (Event event : events) {
            OutboxEvent stored = Events.toOutbox(event);
            assertEquals(event.type(), stored.type());
            assertEquals(event.subject(), stored.subject());
            assertEquals("u1", stored.data().get("actor"), "the audit log reads the actor of any event");
            assertEquals(event, Events.fromOutbox(stored));
        }
    }

    @Test
    void theEnvelopeKeepsTheNamesConsumersRead() {
        OutboxEvent stored = Events.toOutbox(new Event.StoryChanged(
                Event.StoryAction.UPDATED,
                "S1",
                "tram-line",
                "published",
                4,
                "substantive",
                null,
                "u1",
                AT,
                Set.of("story:S1")));
        assertEquals("story.updated", stored.type());
        assertEquals(
                Map.of(
                        "actor",
                        "u1",
                        "slug",
                        "tram-line",
                        "status",
                        "published",
                        "revision",
                        "4",
                        "kind",
                        "substantive"),
                stored.data());
        assertEquals(Set.of("story:S1"), stored.pageKeys());
        assertEquals(
                Map.of("actor", "u1", "from", "2", "slug", "s", "status", "draft", "revision", "3"),
                Events.toOutbox(new Event.StoryChanged(
                                Event.StoryAction.RESTORED, "S1", "s", "draft", 3, null, 2, "u1", AT, Set.of()))
                        .data());
    }

    @Test
    void eachKindSaysWhichPagesItTouches() {
        assertEquals(Set.of(PageKeys.HOME), new Event.TopStoriesSet("u", AT).pageKeys());
        assertEquals(Set.of(PageKeys.ALL), new Event.TopicSaved("T", "t", "u", AT).pageKeys());
        assertEquals(Set.of(PageKeys.ALL), new Event.AuthorSaved("A", "a", "u", AT).pageKeys());
        assertEquals(Set.of(), new Event.MediaAdded("M", "u", AT).pageKeys());
        assertEquals(Set.of(PageKeys.ALL), new Event.MediaDescribed("M", "u", AT).pageKeys());
        assertEquals(Set.of(), new Event.UserCreated("U", "writer", "u", AT).pageKeys());
        assertEquals("dashboard.created", new Event.DashboardSaved(true, "D", "d", 1, "u", AT, Set.of()).type());
        assertEquals("dashboard.updated", new Event.DashboardSaved(false, "D", "d", 2, "u", AT, Set.of()).type());
    }

    @Test
    void webhookChangesComeBackAsTheyWent() {
        for (Event.WebhookAction action : Event.WebhookAction.values()) {
            Event event = new Event.WebhookChanged(action, "E1", "https://hooks.example/x", "why", "u", AT);
            assertEquals(event, Events.fromOutbox(Events.toOutbox(event)));
        }
        assertEquals("webhook.test", Event.WebhookAction.TEST.type());
    }

    @Test
    void anUnknownTypeIsNamedWithItsPosition() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> Events.fromOutbox(new OutboxEvent(42, "webhook.sent", "X", Map.of("actor", "u"), AT)));
        assertEquals("Unknown event type \"webhook.sent\" at outbox position 42", e.getMessage());
    }
}
