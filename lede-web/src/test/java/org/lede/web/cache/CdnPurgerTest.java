package org.lede.web.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lede.outbox.OutboxEvent;

/** One POST per key to the template, with its headers; passing failures are retried, refusals are not. */
class CdnPurgerTest {
    private HttpServer cdn;
    private final Queue<String> received = new ConcurrentLinkedQueue<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private volatile int failWith = 503;

    @BeforeEach
    void startFakeCdn() throws IOException {
        cdn = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        cdn.createContext("/", exchange -> {
            received.add(
                    exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath() + " "
                            + exchange.getRequestHeaders().getFirst("Fastly-Key"));
            int status = failuresLeft.getAndDecrement() > 0 ? failWith : 200;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        cdn.start();
    }

    @AfterEach
    void stopFakeCdn() {
        cdn.stop(0);
    }

    private CdnPurger purger(Duration giveUp) {
        return new CdnPurger(
                CdnPurger.Target.parse(
                        "http://127.0.0.1:" + cdn.getAddress().getPort() + "/service/s1/purge/{key}",
                        List.of("Fastly-Key: secret")),
                Duration.ofMillis(10),
                Duration.ofMillis(40),
                giveUp);
    }

    private static OutboxEvent event(String... keys) {
        return new OutboxEvent(1, "story.updated", "s1", Map.of(), Instant.EPOCH, Set.of(keys));
    }

    @Test
    void eachKeyOfTheEventsIsPostedOnceEncoded() {
        purger(Duration.ofSeconds(5)).accept(List.of(event("story:01AB"), event(), event("story:01AB", "home")));
        assertEquals(
                Set.of("POST /service/s1/purge/story%3A01AB secret", "POST /service/s1/purge/home secret"),
                Set.copyOf(received));
        assertEquals(2, received.size());
    }

    @Test
    void aFailingPurgeIsRetriedUntilItSucceeds() {
        failuresLeft.set(3);
        purger(Duration.ofSeconds(5)).accept(List.of(event("home")));
        assertEquals(4, received.size());
    }

    @Test
    void aRefusedPurgeIsNotRetried() {
        failuresLeft.set(1);
        failWith = 403;
        purger(Duration.ofSeconds(5)).accept(List.of(event("home")));
        assertEquals(1, received.size());
    }

    @Test
    void purgesStillFailingAtTheDeadlineAreGivenUp() {
        failuresLeft.set(Integer.MAX_VALUE);
        purger(Duration.ofMillis(200)).accept(List.of(event("home")));
        int tries = received.size();
        assertEquals(true, tries >= 2 && tries < 20, tries + " tries");
    }

    @Test
    void aTemplateMustNameWhereTheKeyGoesAndHeadersMustBeWellFormed() {
        assertThrows(
                IllegalArgumentException.class, () -> CdnPurger.Target.parse("https://cdn.example/purge", List.of()));
        assertThrows(
                IllegalArgumentException.class, () -> CdnPurger.Target.parse("ftp://cdn.example/{key}", List.of()));
        assertThrows(IllegalArgumentException.class, () -> CdnPurger.Target.parse("/purge/{key}", List.of()));
        assertThrows(
                IllegalArgumentException.class,
                () -> CdnPurger.Target.parse("https://cdn.example/{key}", List.of("no colon")));
        assertThrows(
                IllegalArgumentException.class,
                () -> CdnPurger.Target.parse("https://cdn.example/{key}", List.of("Host: elsewhere")));
        assertEquals(new CdnPurger.Header("Fastly-Key", "a:b"), CdnPurger.Header.parse("Fastly-Key:  a:b "));
    }
}
