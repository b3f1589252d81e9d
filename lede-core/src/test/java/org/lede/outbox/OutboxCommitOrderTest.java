package org.lede.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lede.db.Database;
import org.lede.db.Dialect;
import org.lede.outbox.store.JdbiOutbox;
import org.lede.testing.TestDatabases;

/**
 * PostgreSQL only: there, concurrent transactions can commit in another order than they reach
 * the outbox. SQLite has a single writer, so the case cannot arise.
 */
class OutboxCommitOrderTest {
    static final long TIMEOUT_SECONDS = 30;

    @TempDir
    Path dir;

    Database db;
    Outbox outbox;
    ExecutorService writers;

    @BeforeEach
    void open() {
        db = TestDatabases.open(Dialect.POSTGRESQL, dir);
        outbox = new JdbiOutbox(db);
        writers = Executors.newFixedThreadPool(2);
    }

    @AfterEach
    void close() {
        writers.shutdownNow();
        db.close();
    }

    private static OutboxEvent event(String subject) {
        return Events.toOutbox(
                new Event.TopicSaved(subject, "city", "editor-1", Instant.parse("2026-11-20T12:00:00Z")));
    }

    @Test
    void anEventAppendedFirstButCommittedLastIsStillDeliveredInCommitOrder() throws Exception {
        List<OutboxEvent> seen = new ArrayList<>();
        CountDownLatch firstAppended = new CountDownLatch(1);
        CountDownLatch commitFirst = new CountDownLatch(1);
        try (OutboxPoller consumer = OutboxPoller.durable("search", outbox, seen::addAll, e -> {
            throw e;
        })) {
            CompletableFuture<Void> first = CompletableFuture.runAsync(
                    () -> db.run(() -> {
                        outbox.append(event("first"));
                        firstAppended.countDown();
                        try {
                            if (!commitFirst.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                                throw new IllegalStateException("The test never let the first transaction commit");
                            }
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            throw new IllegalStateException(e);
                        }
                    }),
                    writers);
            try {
                assertTrue(firstAppended.await(TIMEOUT_SECONDS, TimeUnit.SECONDS), "the first transaction appended");
                CompletableFuture<Void> second =
                        CompletableFuture.runAsync(() -> db.run(() -> outbox.append(event("second"))), writers);
                // The second transaction either commits at once or waits for the first: only then is
                // the out-of-order moment there for the consumer to see.
                awaitTrue(() -> second.isDone() || waitsForTheOutbox(), "the second transaction committed or waits");

                consumer.poll();

                commitFirst.countDown();
                first.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                second.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } finally {
                commitFirst.countDown();
            }
            consumer.poll();
            consumer.poll();
        }
        assertEquals(
                List.of("first", "second"),
                seen.stream().map(OutboxEvent::subject).toList(),
                "both, once each, in commit order");
        assertTrue(seen.get(0).seq() < seen.get(1).seq());
    }

    private boolean waitsForTheOutbox() {
        return db.handle(h -> h.createQuery("SELECT EXISTS (SELECT 1 FROM pg_locks"
                        + " WHERE relation = 'outbox'::regclass AND NOT granted)")
                .mapTo(Boolean.class)
                .one());
    }

    private static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("Timed out waiting until " + what);
            }
            Thread.sleep(10);
        }
    }
}
