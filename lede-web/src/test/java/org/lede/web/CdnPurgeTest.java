package org.lede.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.lede.db.Dialect;
import org.lede.story.Story;
import org.lede.story.StoryDraft;
import org.lede.user.Actor;
import org.lede.web.cache.CdnPurger;

/** With --cdn-purge-url, the running server posts each key of each outbox event to a CDN. */
@ParameterizedClass(name = "{0}")
@EnumSource(Dialect.class)
class CdnPurgeTest {
    @Parameter
    Dialect dialect;

    @TempDir
    Path dir;

    HttpServer cdn;
    WebTestServer web;
    final Queue<String> received = new ConcurrentLinkedQueue<>();

    @BeforeEach
    void start() throws IOException {
        cdn = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        cdn.createContext("/", exchange -> {
            received.add(
                    exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath() + " "
                            + exchange.getRequestHeaders().getFirst("Fastly-Key"));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        cdn.start();
        String template = "http://127.0.0.1:" + cdn.getAddress().getPort() + "/service/s1/purge/{key}";
        web = new WebTestServer(
                dialect, dir, new WebServer.Options(CdnPurger.Target.parse(template, List.of("Fastly-Key: t0k"))));
    }

    @AfterEach
    void stop() {
        web.close();
        cdn.stop(0);
    }

    @Test
    void theCdnIsAskedToPurgeExactlyTheKeysOfEachEvent() throws InterruptedException {
        web.append("media.added", "m1");
        web.append("story.published", "01JX", "story:01JX", "topic:city", "home");
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (received.size() < 3 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        // Events reach the purger in order, so the keyless one was handled before these arrived.
        assertEquals(
                List.of(
                        "POST /service/s1/purge/home t0k",
                        "POST /service/s1/purge/story%3A01JX t0k",
                        "POST /service/s1/purge/topic%3Acity t0k"),
                received.stream().sorted().toList());
    }

    @Test
    void aPublishPurgesExactlyItsPagesAtTheCdnAndADraftSaveNothing() throws InterruptedException {
        var services = web.newsroom.services;
        StoryDraft fields = web.newsroom.publishableDraft("Ferry fares frozen");
        // Making the topic and author purges every page; wait for that, then watch the story alone.
        awaitReceived(1);
        received.clear();
        Story draft = services.storyService().createDraft(Actor.SYSTEM, fields);
        draft = services.storyService()
                .edit(Actor.SYSTEM, draft.id(), draft.revision(), fields.withHeadline("Ferry fares frozen for a year"));
        Story live = services.storyService().publish(Actor.SYSTEM, draft.id(), draft.revision());
        awaitReceived(4);
        String topic =
                services.topics().find(live.draft().topicId()).orElseThrow().slug();
        String author = services.authors()
                .find(live.draft().authorIds().getFirst())
                .orElseThrow()
                .slug();
        assertEquals(
                List.of(
                        "POST /service/s1/purge/author%3A" + author + " t0k",
                        "POST /service/s1/purge/home t0k",
                        "POST /service/s1/purge/story%3A" + live.id() + " t0k",
                        "POST /service/s1/purge/topic%3A" + topic + " t0k"),
                received.stream().sorted().toList(),
                "the draft's creation and save purged nothing");
    }

    private void awaitReceived(int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (received.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }
}
