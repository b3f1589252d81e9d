package org.lede.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WorkersTest {
    @Test
    void everyTaskHandedOverHasRunWhenAwaitAllReturns() {
        AtomicInteger ran = new AtomicInteger();
        try (Workers workers = new Workers("test-worker", 2)) {
            for (int i = 0; i < 50; i++) {
                workers.submit(ran::incrementAndGet);
            }
            workers.awaitAll();
            assertEquals(50, ran.get());
        }
    }

    @Test
    void aTaskFailureIsThrownToTheCaller() {
        try (Workers workers = new Workers("test-worker", 1)) {
            workers.submit(() -> {
                throw new IllegalArgumentException("bad batch");
            });
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, workers::awaitAll);
            assertEquals("bad batch", e.getMessage());
        }
    }

    @Test
    void theCallerWaitsOnceTwiceTheThreadsAreQueuedOrRunning() throws InterruptedException {
        CountDownLatch open = new CountDownLatch(1);
        ConcurrentLinkedQueue<String> ran = new ConcurrentLinkedQueue<>();
        try (Workers workers = new Workers("test-worker", 1)) {
            workers.submit(() -> {
                await(open);
                ran.add("first");
            });
            workers.submit(() -> ran.add("second"));
            Thread third = Thread.ofPlatform().start(() -> workers.submit(() -> ran.add("third")));
            // Either it waits for room, or it has handed the task over and ended.
            while (third.getState() != Thread.State.WAITING && third.getState() != Thread.State.TERMINATED) {
                Thread.onSpinWait();
            }
            assertEquals(Thread.State.WAITING, third.getState(), "two in flight on one thread: the third waits");
            assertTrue(ran.isEmpty());
            open.countDown();
            third.join();
            workers.awaitAll();
            assertEquals(List.of("first", "second", "third"), List.copyOf(ran));
        }
    }

    @Test
    void aWorkerNeedsAThread() {
        assertThrows(IllegalArgumentException.class, () -> new Workers("test-worker", 0));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
