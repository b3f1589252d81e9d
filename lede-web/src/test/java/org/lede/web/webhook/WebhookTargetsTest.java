package org.lede.web.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Set;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lede.story.Story;
import org.lede.user.Actor;
import org.lede.user.Role;
import org.lede.web.Eventually;
import org.lede.web.WebServerTest;
import org.lede.web.newsroom.NewsroomClient;
import org.lede.webhook.DeliveryStatus;
import org.lede.webhook.WebhookDelivery;
import org.lede.webhook.WebhookEndpoint;

/** Without --webhooks-allow-private, addresses inside the server's network are refused, at registration and at delivery. */
class WebhookTargetsTest extends WebServerTest {
    private Receiver receiver;

    @BeforeEach
    void startReceiver() {
        receiver = new Receiver();
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void privateTargetsAreRefusedAtRegistration() {
        NewsroomClient admin = NewsroomClient.as(web, Role.ADMIN);
        String port = receiver.url().replaceAll("^http://127\\.0\\.0\\.1:(\\d+)/.*$", "$1");
        for (String url : new String[] {
            receiver.url(),
            "http://localhost:" + port + "/hooks",
            "http://10.0.0.8/hooks",
            "http://169.254.169.254/latest/meta-data/",
            "http://[::1]:" + port + "/hooks",
            "http://[::ffff:127.0.0.1]:" + port + "/hooks"
        }) {
            HttpResponse<String> page = admin.post("/newsroom/webhooks", "url", url, "events", "story.published");
            assertEquals(422, page.statusCode(), url);
            String notice = Jsoup.parse(page.body()).select(".notice").text();
            assertTrue(notice.contains("Webhooks cannot be sent to"), url + ": " + notice);
        }
        assertEquals(0, web.server.webhooks().endpoints(Actor.SYSTEM).size());
    }

    /**
     * An endpoint whose address became private after registration (its name now resolves inside
     * the network): each delivery checks again and sends nothing.
     */
    @Test
    void aTargetThatTurnedPrivateIsRefusedAtDelivery() {
        Instant now = web.newsroom.clock.instant();
        WebhookEndpoint endpoint = new WebhookEndpoint(
                "01JWEBHOOKTURNEDPRIVATE000",
                receiver.url(),
                null,
                Set.of("story.published"),
                "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
                true,
                null,
                "system",
                now);
        web.newsroom.services.webhookStore().insert(endpoint);
        var stories = web.newsroom.services.storyService();
        Story draft = stories.createDraft(Actor.SYSTEM, web.newsroom.publishableDraft("Not for inside"));
        stories.publish(Actor.SYSTEM, draft.id(), draft.revision());
        var store = web.newsroom.services.webhookStore();
        Eventually.until(
                "the refused attempt",
                () -> !store.deliveries(endpoint.id(), 1).isEmpty()
                        && store.deliveries(endpoint.id(), 1).getFirst().attempts() == 1);
        WebhookDelivery delivery = store.deliveries(endpoint.id(), 1).getFirst();
        assertEquals(DeliveryStatus.PENDING, delivery.status());
        assertTrue(delivery.lastError().contains("resolves to 127.0.0.1, a loopback address"), delivery.lastError());
        assertEquals(null, delivery.lastResponseCode());
        assertTrue(receiver.requests.isEmpty());
    }
}
