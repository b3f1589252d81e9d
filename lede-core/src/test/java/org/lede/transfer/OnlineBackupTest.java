package org.lede.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.lede.Services;
import org.lede.db.Database;
import org.lede.db.DatabaseUrl;
import org.lede.db.Dialect;
import org.lede.media.Media;
import org.lede.media.MediaService;
import org.lede.testing.Newsroom;
import org.lede.testing.NewsroomTest;
import org.lede.topic.Topic;
import org.lede.user.Actor;

/** A backup taken while another thread keeps writing holds every write acknowledged before it began. */
class OnlineBackupTest extends NewsroomTest {

    @Test
    void backupDuringAStreamOfWritesKeepsEveryAcknowledgedWrite() throws Exception {
        Media image = newsroom.image("A tram at dusk");
        List<String> acknowledged = new CopyOnWriteArrayList<>();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread writer = new Thread(() -> {
            try {
                for (int i = 0; !stop.get(); i++) {
                    Topic t = newsroom.services.topicService().create(Actor.SYSTEM, "t-" + i, "Topic " + i, null, i);
                    acknowledged.add(t.id());
                }
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        writer.start();
        Path backup = dir.resolve("backups/newsroom.backup");
        Files.createDirectories(backup.getParent());
        List<String> before;
        int atStart;
        try {
            waitFor(() -> acknowledged.size() >= 20 || failure.get() != null);
            before = new ArrayList<>(acknowledged);
            newsroom.services.transfer().backup(backup, dir.resolve("media"));
            atStart = before.size();
            // The writer was never stopped by the backup: it goes on being acknowledged.
            waitFor(() -> acknowledged.size() >= atStart + 20 || failure.get() != null);
        } finally {
            stop.set(true);
            writer.join();
        }
        assertNull(failure.get(), () -> "the writer failed: " + failure.get());

        Path restored = dir.resolve("restored");
        Files.createDirectories(restored);
        try (Restored after = restore(backup, restored)) {
            Set<String> ids =
                    after.services.topics().all().stream().map(Topic::id).collect(Collectors.toSet());
            assertTrue(ids.containsAll(before), "every write acknowledged before the backup is in it");
            assertTrue(ids.size() < acknowledged.size() + 1, "and nothing that was never written");
            assertEquals(
                    image.sha256(),
                    after.services.media().find(image.id()).orElseThrow().sha256());
            assertTrue(
                    after.services.blobs().exists(MediaService.originalKey(image)),
                    "the original came with the backup");
        }
    }

    private record Restored(Services services, Runnable closer) implements AutoCloseable {
        @Override
        public void close() {
            closer.run();
        }
    }

    @Test
    void aBackupNeitherWaitsForAnOpenWriteNorHoldsIt() throws Exception {
        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch backedUp = new CountDownLatch(1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread writer = new Thread(() -> {
            try {
                newsroom.services.db().inTransaction(() -> {
                    newsroom.services.topicService().create(Actor.SYSTEM, "in-flight", "In flight", null, 1);
                    written.countDown();
                    try {
                        backedUp.await();
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                    return null;
                });
            } catch (Throwable e) {
                failure.set(e);
                written.countDown();
            }
        });
        writer.start();
        Path backup = dir.resolve("backups/open-write.backup");
        Path export = dir.resolve("backups/open-write.json");
        Files.createDirectories(backup.getParent());
        try {
            written.await();
            // Were the backup to wait for the writer's commit, it would wait here for ever.
            assertTimeoutPreemptively(
                    Duration.ofSeconds(30), () -> newsroom.services.transfer().backup(backup, dir.resolve("media")));
            assertTimeoutPreemptively(
                    Duration.ofSeconds(30), () -> newsroom.services.transfer().exportTo(export));
        } finally {
            backedUp.countDown();
            writer.join();
        }
        assertNull(failure.get(), () -> "the writer failed: " + failure.get());
        assertTrue(newsroom.services.topics().findBySlug("in-flight").isPresent(), "the write committed after");
        assertFalse(Files.readString(export).contains("in-flight"), "nor is it in an export made meanwhile");
        Path restored = dir.resolve("restored-open");
        Files.createDirectories(restored);
        try (Restored after = restore(backup, restored)) {
            assertTrue(
                    after.services.topics().findBySlug("in-flight").isEmpty(),
                    "a write not yet committed is not in it");
        }
    }

    private Restored restore(Path backup, Path into) {
        if (dialect == Dialect.SQLITE) {
            assertTrue(NewsroomTransfer.isSqliteFile(backup));
            NewsroomTransfer.restoreSqlite(backup, into.resolve("lede.db"), into.resolve("media"));
            Database db = Database.open(DatabaseUrl.sqliteIn(into));
            return new Restored(Services.create(db, into.resolve("media"), newsroom.clock), db::close);
        }
        Newsroom fresh = new Newsroom(dialect, into);
        fresh.services.transfer().importFrom(backup);
        return new Restored(fresh.services, fresh::close);
    }

    private static void waitFor(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting");
            Thread.onSpinWait();
        }
    }
}
