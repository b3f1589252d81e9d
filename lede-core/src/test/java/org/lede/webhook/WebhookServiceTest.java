package org.lede.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lede.common.ConflictException;
import org.lede.common.ForbiddenException;
import org.lede.common.ValidationException;
import org.lede.outbox.OutboxEvent;
import org.lede.reading.SiteSettings;
import org.lede.story.Story;
import org.lede.testing.NewsroomTest;
import org.lede.user.Actor;
import org.lede.user.Role;

class WebhookServiceTest extends NewsroomTest {
    private static final Actor ADMIN = new Actor("admin-1", Role.ADMIN);
    private static final String PUBLIC_URL = "https://93.184.216.34/hooks";
    private Webhooks webhooks;
    private WebhookService service;
    private WebhookStore store;

    @BeforeEach
    void setUp() {
        webhooks = newsroom.services.webhooks(
                new SiteSettings("Test Ledger", null, "https://news.example", ZoneId.of("UTC")), false, e -> {
                    throw e;
                });
        service = webhooks.service();
        store = newsroom.services.webhookStore();
    }

    @AfterEach
    void tearDown() {
        webhooks.dispatcher().close();
    }

    /** Hands every event so far to the fan-out, as the durable poller does. */
    private List<OutboxEvent> fanOutAll() {
        List<OutboxEvent> events = newsroom.services.outbox().after(0, 1000);
        webhooks.fanOut().accept(events);
        return events;
    }

    private Story publish(String headline) {
        var stories = newsroom.services.storyService();
        Story draft = stories.createDraft(EDITOR, newsroom.publishableDraft(headline));
        return stories.publish(EDITOR, draft.id(), draft.revision());
    }

    @Test
    void registersWithASecretAndRecordsOneEvent() {
        long before = newsroom.services.outbox().lastSeq();
        WebhookEndpoint endpoint =
                service.register(ADMIN, PUBLIC_URL, "The app", Set.of("story.published", "story.updated"));
        assertTrue(endpoint.secret().startsWith("whsec_"));
        assertTrue(endpoint.enabled());
        assertEquals(endpoint, store.find(endpoint.id()).orElseThrow());
        List<OutboxEvent> events = newsroom.services.outbox().after(before, 10);
        assertEquals(
                List.of("webhook.registered"),
                events.stream().map(OutboxEvent::type).toList());
        assertEquals(PUBLIC_URL, events.getFirst().data().get("name"));
    }

    @Test
    void onlyAdminsManageWebhooks() {
        assertThrows(
                ForbiddenException.class, () -> service.register(EDITOR, PUBLIC_URL, null, Set.of("story.published")));
        WebhookEndpoint endpoint = service.register(ADMIN, PUBLIC_URL, null, Set.of("story.published"));
        assertThrows(ForbiddenException.class, () -> service.endpoints(EDITOR));
        assertThrows(ForbiddenException.class, () -> service.setEnabled(WRITER, endpoint.id(), false));
        assertThrows(ForbiddenException.class, () -> service.delete(EDITOR, endpoint.id()));
        assertThrows(ForbiddenException.class, () -> service.sendTest(EDITOR, endpoint.id()));
    }

    @Test
    void refusesPrivateTargetsAndBadUrlsAtRegistration() {
        for (String url : List.of(
                "http://127.0.0.1:8080/hook",
                "http://localhost/hook",
                "http://10.1.2.3/hook",
                "http://169.254.169.254/latest/meta-data",
                "http://[::1]/hook",
                "http://[fd00:ec2::254]/",
                "ftp://93.184.216.34/hook",
                "https://user:pw@93.184.216.34/hook",
                "not a url",
                "")) {
            ValidationException e = assertThrows(
                    ValidationException.class,
                    () -> service.register(ADMIN, url, null, Set.of("story.published")),
                    url);
            assertEquals("url", e.field(), url);
        }
        assertEquals(List.of(), store.endpoints());
    }

    @Test
    void refusesUnknownOrNoEventTypes() {
        assertEquals(
                "events",
                assertThrows(ValidationException.class, () -> service.register(ADMIN, PUBLIC_URL, null, Set.of()))
                        .field());
        assertEquals(
                "events",
                assertThrows(
                                ValidationException.class,
                                () -> service.register(ADMIN, PUBLIC_URL, null, Set.of("user.created")))
                        .field());
    }

    @Test
    void fansEventsOutToSubscribedEnabledEndpointsOnce() {
        WebhookEndpoint published = service.register(ADMIN, PUBLIC_URL, null, Set.of("story.published"));
        WebhookEndpoint updated = service.register(ADMIN, PUBLIC_URL, null, Set.of("story.updated"));
        Story story = publish("Council extends the tram line");
        List<OutboxEvent> events = fanOutAll();
        // The same batch again, as after a crash before the position was saved: nothing doubles.
        webhooks.fanOut().accept(events);

        List<WebhookDelivery> deliveries = store.deliveries(published.id(), 10);
        assertEquals(1, deliveries.size());
        WebhookDelivery delivery = deliveries.getFirst();
        assertEquals("story.published", delivery.type());
        assertEquals(story.id(), delivery.subject());
        assertEquals(DeliveryStatus.PENDING, delivery.status());
        assertTrue(
                delivery.payload().startsWith("{\"type\":\"story.published\",\"timestamp\":\"2026-11-20T12:00:00Z\""));
        assertTrue(delivery.payload()
                .contains("\"url\":\"https://news.example/2026/11/20/council-extends-the-tram-line\""));
        assertTrue(delivery.payload().contains("\"headline\":\"Council extends the tram line\""));
        assertEquals(List.of(), store.deliveries(updated.id(), 10));
        assertEquals(
                events.getLast().seq(),
                newsroom.services.outbox().position(WebhookFanOut.CONSUMER).orElseThrow());
    }

    @Test
    void aLaterDeliveryForTheSameStoryWaitsForTheEarlierOne() {
        WebhookEndpoint endpoint =
                service.register(ADMIN, PUBLIC_URL, null, Set.of("story.published", "story.unpublished"));
        Story story = publish("First");
        Story other = publish("Second");
        newsroom.services.storyService().unpublish(EDITOR, story.id(), story.revision());
        fanOutAll();
        List<WebhookDelivery> due = store.due(newsroom.clock.instant(), 10);
        assertEquals(
                List.of(story.id(), other.id()),
                due.stream().map(WebhookDelivery::subject).toList());
        assertEquals("story.published", due.getFirst().type());

        WebhookDelivery first = due.getFirst();
        store.update(first.attempted(
                DeliveryStatus.PENDING,
                newsroom.clock.instant(),
                newsroom.clock.instant().plusSeconds(60),
                500,
                3,
                "The receiver answered 500."));
        // Waiting for its retry, it still holds the story's next event back.
        assertEquals(
                List.of(other.id()),
                store.due(newsroom.clock.instant(), 10).stream()
                        .map(WebhookDelivery::subject)
                        .toList());
        store.update(first.attempted(
                DeliveryStatus.DELIVERED, newsroom.clock.instant(), newsroom.clock.instant(), 200, 3, null));
        List<WebhookDelivery> next = store.due(newsroom.clock.instant(), 10);
        assertTrue(next.stream().anyMatch(d -> d.type().equals("story.unpublished")), next.toString());
        assertEquals(endpoint.id(), next.getFirst().endpointId());
    }

    @Test
    void aDisabledEndpointGetsNothingNewAndResumesWithAFreshWindow() {
        WebhookEndpoint endpoint = service.register(ADMIN, PUBLIC_URL, null, Set.of("story.published"));
        publish("Before");
        fanOutAll();
        WebhookEndpoint disabled = service.setEnabled(ADMIN, endpoint.id(), false);
        assertFalse(disabled.enabled());
        assertEquals("Disabled by an admin.", disabled.disabledReason());
        assertEquals(List.of(), store.due(newsroom.clock.instant(), 10));
        publish("While disabled");
        fanOutAll();
        assertEquals(1, store.deliveries(endpoint.id(), 10).size());
        assertThrows(ConflictException.class, () -> service.sendTest(ADMIN, endpoint.id()));

        newsroom.clock.advance(Duration.ofDays(3));
        service.setEnabled(ADMIN, endpoint.id(), true);
        List<WebhookDelivery> due = store.due(newsroom.clock.instant(), 10);
        assertEquals(1, due.size());
        assertEquals(newsroom.clock.instant(), due.getFirst().retrySince());
    }

    @Test
    void aTestEventGoesToItsEndpointOnly() {
        WebhookEndpoint one = service.register(ADMIN, PUBLIC_URL, null, Set.of("story.published"));
        WebhookEndpoint two = service.register(ADMIN, PUBLIC_URL, null, Set.of("story.published"));
        service.sendTest(ADMIN, one.id());
        fanOutAll();
        List<WebhookDelivery> log = service.deliveries(ADMIN, one.id());
        assertEquals(1, log.size());
        assertEquals("webhook.test", log.getFirst().type());
        assertTrue(log.getFirst().payload().contains("\"endpoint_id\":\"" + one.id() + "\""));
        assertEquals(List.of(), service.deliveries(ADMIN, two.id()));
    }

    @Test
    void redeliversADeliveredEventWithTheSameMessageId() {
        WebhookEndpoint endpoint = service.register(ADMIN, PUBLIC_URL, null, Set.of("story.published"));
        publish("Once more");
        fanOutAll();
        WebhookDelivery delivery = store.deliveries(endpoint.id(), 1).getFirst();
        assertThrows(ConflictException.class, () -> service.redeliver(ADMIN, endpoint.id(), delivery.id()));
        store.update(delivery.attempted(
                DeliveryStatus.DELIVERED, newsroom.clock.instant(), newsroom.clock.instant(), 204, 1, null));
        newsroom.clock.advance(Duration.ofHours(2));
        WebhookDelivery again = service.redeliver(ADMIN, endpoint.id(), delivery.id());
        assertEquals(DeliveryStatus.PENDING, again.status());
        assertEquals(delivery.messageId(), again.messageId());
        assertEquals(
                List.of(again.id()),
                store.due(newsroom.clock.instant(), 10).stream()
                        .map(WebhookDelivery::id)
                        .toList());
        assertEquals(
                "webhook.redelivered",
                newsroom.services.outbox().after(0, 1000).getLast().type());
    }

    @Test
    void deletingAnEndpointDropsItsLog() {
        WebhookEndpoint endpoint = service.register(ADMIN, PUBLIC_URL, null, Set.of("story.published"));
        publish("Gone soon");
        fanOutAll();
        service.delete(ADMIN, endpoint.id());
        assertEquals(List.of(), store.endpoints());
        assertEquals(List.of(), store.deliveries(endpoint.id(), 10));
        assertEquals(List.of(), store.due(newsroom.clock.instant(), 10));
    }
}
