package org.lede.web.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lede.story.Story;
import org.lede.story.UpdateKind;
import org.lede.user.Actor;
import org.lede.user.Role;
import org.lede.web.Eventually;
import org.lede.web.WebServer;
import org.lede.web.WebServerTest;
import org.lede.web.newsroom.NewsroomClient;
import org.lede.webhook.DeliveryStatus;
import org.lede.webhook.WebhookDelivery;
import org.lede.webhook.WebhookEndpoint;

/** Webhooks end to end: registered in the newsroom, sent by the running server to a real receiver on this machine. */
class WebhookDeliveryTest extends WebServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private Receiver receiver;
    private NewsroomClient admin;

    @Override
    protected WebServer.Options options() {
        return WebServer.Options.DEFAULTS.withWebhooksAllowPrivate(true);
    }

    @BeforeEach
    void startReceiver() {
        receiver = new Receiver();
        admin = NewsroomClient.as(web, Role.ADMIN);
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    /** Registers through the newsroom form and returns the endpoint with the secret the page showed once. */
    private WebhookEndpoint register(String... events) {
        List<String> form = new java.util.ArrayList<>(List.of("url", receiver.url(), "description", "Test receiver"));
        for (String event : events) {
            form.addAll(List.of("events", event));
        }
        HttpResponse<String> page = admin.post("/newsroom/webhooks", form.toArray(String[]::new));
        assertEquals(201, page.statusCode(), page.body());
        assertEquals("no-store", page.headers().firstValue("cache-control").orElse(null));
        String secret = Jsoup.parse(page.body()).getElementById("secret").val();
        WebhookEndpoint endpoint = web.server.webhooks().endpoints(Actor.SYSTEM).getLast();
        assertEquals(endpoint.secret(), secret);
        // Shown once: the endpoint's own page never shows it again.
        assertFalse(admin.get("/newsroom/webhooks/" + endpoint.id()).body().contains(secret));
        return endpoint;
    }

    private List<WebhookDelivery> log(WebhookEndpoint endpoint) {
        return web.newsroom.services.webhookStore().deliveries(endpoint.id(), 50);
    }

    private void assertSigned(WebhookEndpoint endpoint, Receiver.Request request) throws Exception {
        assertTrue(
                StandardWebhooks.verify(
                        endpoint.secret(),
                        request.header("webhook-id"),
                        request.header("webhook-timestamp"),
                        request.header("webhook-signature"),
                        request.body(),
                        web.newsroom.clock.instant()),
                "signature of " + request);
        assertFalse(
                StandardWebhooks.verify(
                        endpoint.secret(),
                        request.header("webhook-id"),
                        request.header("webhook-timestamp"),
                        request.header("webhook-signature"),
                        request.body() + " ",
                        web.newsroom.clock.instant()),
                "a changed body must not verify");
    }

    @Test
    void aPublishIsDeliveredSignedWithWhatAnIntegratorNeeds() throws Exception {
        WebhookEndpoint endpoint = register("story.published");
        Story story = web.newsroom.publish("Tram line \"reaches\" the <harbour> & beyond");
        Eventually.until("the delivery", () -> !receiver.requests.isEmpty());
        Receiver.Request request = receiver.requests.getFirst();
        assertSigned(endpoint, request);
        long seq = log(endpoint).getFirst().eventSeq();
        assertEquals("msg_" + seq, request.header("webhook-id"));
        assertEquals(Long.toString(web.newsroom.clock.instant().getEpochSecond()), request.header("webhook-timestamp"));
        assertEquals("application/json", request.header("content-type"));

        JsonNode body = JSON.readTree(request.body());
        assertEquals("story.published", body.get("type").asText());
        assertEquals(story.publishAt(), Instant.parse(body.get("timestamp").asText()));
        JsonNode data = body.get("data");
        assertEquals(story.id(), data.get("id").asText());
        assertEquals(story.slug(), data.get("slug").asText());
        assertEquals(
                "https://news.example/2026/11/20/" + story.slug(),
                data.get("url").asText());
        assertEquals(
                "Tram line \"reaches\" the <harbour> & beyond",
                data.get("headline").asText());
        assertEquals("published", data.get("status").asText());
        assertEquals(story.revision(), data.get("revision").asInt());

        Eventually.until(
                "the log to say delivered", () -> log(endpoint).getFirst().status() == DeliveryStatus.DELIVERED);
        WebhookDelivery delivered = log(endpoint).getFirst();
        assertEquals(200, delivered.lastResponseCode());
        assertEquals(1, delivered.attempts());
        assertNotNull(delivered.lastDurationMs());
        String page = admin.get("/newsroom/webhooks/" + endpoint.id()).body();
        assertTrue(page.contains("delivered") && page.contains("msg_" + seq), page);
        // Only what it subscribed to: an unpublish is not sent.
        web.newsroom.services.storyService().unpublish(Actor.SYSTEM, story.id(), story.revision());
        web.newsroom.publish("Second story");
        Eventually.until("the second publish", () -> receiver.requests.size() == 2);
        assertEquals(
                "story.published",
                JSON.readTree(receiver.requests.get(1).body()).get("type").asText());
    }

    @Test
    void aStorysEventsArriveInOrderWhileTheReceiverFailsAndRecovers() throws Exception {
        WebhookEndpoint endpoint = register("story.published", "story.updated");
        AtomicInteger calls = new AtomicInteger();
        receiver.answer(() -> calls.incrementAndGet() <= 2 ? 500 : 200);
        var stories = web.newsroom.services.storyService();
        Story story = web.newsroom.publish("Bridge closes for repairs");
        Eventually.until("the first, failing attempt", () -> receiver.requests.size() == 1);
        Story updated = stories.update(
                Actor.SYSTEM,
                story.id(),
                story.revision(),
                story.draft().withHeadline("Bridge closes for repairs, council says"),
                UpdateKind.SUBSTANTIVE);
        Eventually.until("the update to be queued", () -> log(endpoint).size() == 2);
        // The update waits behind the failed publish: nothing else reaches the receiver.
        assertEquals(1, receiver.requests.size());
        Eventually.until(
                "the failure to be recorded", () -> log(endpoint).getLast().attempts() == 1);
        web.newsroom.clock.advance(Duration.ofMinutes(1));
        Eventually.until("the second failure", () -> receiver.requests.size() == 2);
        Eventually.until(
                "the second failure recorded", () -> log(endpoint).getLast().attempts() == 2);
        assertEquals(1, receiver.requests.size() - 1);
        web.newsroom.clock.advance(Duration.ofMinutes(1));
        Eventually.until(
                "both delivered", () -> log(endpoint).stream().allMatch(d -> d.status() == DeliveryStatus.DELIVERED));
        List<String> order = receiver.requests.stream()
                .map(r -> type(r) + " " + r.answered())
                .toList();
        assertEquals(
                List.of("story.published 500", "story.published 500", "story.published 200", "story.updated 200"),
                order);
        // Every attempt of one message carries its id.
        assertEquals(
                receiver.requests.get(0).header("webhook-id"),
                receiver.requests.get(2).header("webhook-id"));
        for (Receiver.Request request : receiver.requests) {
            assertSigned(endpoint, request);
        }
        assertEquals(
                updated.revision(),
                JSON.readTree(receiver.requests.get(3).body())
                        .at("/data/revision")
                        .asInt());
        assertEquals(
                "substantive",
                JSON.readTree(receiver.requests.get(3).body())
                        .at("/data/update_kind")
                        .asText());
    }

    private static String type(Receiver.Request request) {
        try {
            return JSON.readTree(request.body()).get("type").asText();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void failuresAreRetriedForADayThenTheEndpointIsDisabledWithItsReason() {
        WebhookEndpoint endpoint = register("story.published");
        receiver.answer(() -> 503);
        web.newsroom.publish("Nobody is listening");
        Eventually.until("the first attempt", () -> receiver.requests.size() == 1);
        Eventually.until("it to be recorded", () -> log(endpoint).getFirst().attempts() == 1);
        WebhookDelivery first = log(endpoint).getFirst();
        assertEquals(DeliveryStatus.PENDING, first.status());
        assertEquals(503, first.lastResponseCode());
        assertTrue(first.nextAttemptAt().isAfter(web.newsroom.clock.instant()));
        // Not due yet: the clock has not moved, so nothing more is sent.
        web.newsroom.clock.advance(Duration.ofHours(12));
        Eventually.until("a retry", () -> log(endpoint).getFirst().attempts() == 2);
        assertTrue(web.server.webhooks().endpoint(Actor.SYSTEM, endpoint.id()).enabled());
        web.newsroom.clock.advance(Duration.ofHours(12).plusMinutes(1));
        Eventually.until(
                "the endpoint to be disabled",
                () -> !web.server
                        .webhooks()
                        .endpoint(Actor.SYSTEM, endpoint.id())
                        .enabled());
        WebhookEndpoint disabled = web.server.webhooks().endpoint(Actor.SYSTEM, endpoint.id());
        assertTrue(disabled.disabledReason().contains("failed for 24 hours"), disabled.disabledReason());
        assertTrue(disabled.disabledReason().contains("503"), disabled.disabledReason());
        assertEquals(DeliveryStatus.FAILED, log(endpoint).getFirst().status());
        assertEquals(3, receiver.requests.size());
        // A day later the admin's session has ended; another admin signs in and sees why.
        NewsroomClient later = NewsroomClient.as(web, Role.ADMIN);
        String list = later.get("/newsroom/webhooks").body();
        assertTrue(list.contains("disabled") && list.contains("failed for 24 hours"), list);
        assertTrue(later.get("/newsroom/audit").body().contains("disabled webhook"));

        // Disabled, it gets nothing new.
        web.newsroom.publish("Still nobody");
        web.newsroom.clock.advance(Duration.ofHours(1));
        assertEquals(3, receiver.requests.size());
    }

    @Test
    void aDeliveryIsRedeliveredWithTheSameIdOnRequest() throws Exception {
        WebhookEndpoint endpoint = register("story.published");
        web.newsroom.publish("Worth another look");
        Eventually.until(
                "the delivery",
                () -> !log(endpoint).isEmpty() && log(endpoint).getFirst().status() == DeliveryStatus.DELIVERED);
        WebhookDelivery delivery = log(endpoint).getFirst();
        HttpResponse<String> answer =
                admin.post("/newsroom/webhooks/" + endpoint.id() + "/deliveries/" + delivery.id() + "/redeliver");
        assertEquals(303, answer.statusCode());
        Eventually.until("the redelivery", () -> receiver.requests.size() == 2);
        assertEquals(
                receiver.requests.get(0).header("webhook-id"),
                receiver.requests.get(1).header("webhook-id"));
        assertEquals(receiver.requests.get(0).body(), receiver.requests.get(1).body());
        assertSigned(endpoint, receiver.requests.get(1));
    }

    @Test
    void aTestEventIsSentFromTheNewsroom() throws Exception {
        WebhookEndpoint endpoint = register("dashboard.updated");
        HttpResponse<String> answer = admin.post("/newsroom/webhooks/" + endpoint.id() + "/test");
        assertEquals(303, answer.statusCode());
        Eventually.until("the test event", () -> !receiver.requests.isEmpty());
        Receiver.Request request = receiver.requests.getFirst();
        assertSigned(endpoint, request);
        JsonNode body = JSON.readTree(request.body());
        assertEquals("webhook.test", body.get("type").asText());
        assertEquals(endpoint.id(), body.at("/data/endpoint_id").asText());
    }

    @Test
    void aRedirectIsAFailureAndIsNotFollowed() {
        WebhookEndpoint endpoint = register("story.published");
        receiver.answer(() -> 307);
        web.newsroom.publish("Moved elsewhere");
        Eventually.until(
                "the attempt recorded",
                () -> !log(endpoint).isEmpty() && log(endpoint).getFirst().attempts() == 1);
        WebhookDelivery delivery = log(endpoint).getFirst();
        assertEquals(DeliveryStatus.PENDING, delivery.status());
        assertEquals(307, delivery.lastResponseCode());
        assertTrue(delivery.lastError().contains("redirect"), delivery.lastError());
        assertEquals(1, receiver.requests.size());
    }

    @Test
    void aPublishNeverWaitsForAReceiver() throws Exception {
        WebhookEndpoint endpoint = register("story.published");
        receiver.block();
        web.newsroom.publish("First while blocked");
        assertTrue(receiver.entered.await(30, TimeUnit.SECONDS), "the receiver never got the first delivery");
        // The receiver holds the first delivery and answers nothing; publishing goes on regardless.
        Story second = web.newsroom.publish("Second while blocked");
        Story third = web.newsroom.publish("Third while blocked");
        assertEquals("published", second.status().key());
        assertEquals("published", third.status().key());
        assertTrue(receiver.requests.isEmpty(), "nothing was answered yet");
        receiver.release();
        Eventually.until(
                "all three delivered",
                () -> log(endpoint).size() == 3
                        && log(endpoint).stream().allMatch(d -> d.status() == DeliveryStatus.DELIVERED));
    }
}
