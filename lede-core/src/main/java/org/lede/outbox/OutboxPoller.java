package org.lede.outbox;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Hands new outbox events, in order, to one named consumer. A consumer that fails sees the same
 * events again. Where it starts depends on where its state lives: see {@link #inMemory} and
 * {@link #durable}.
 */
public final class OutboxPoller implements AutoCloseable {
    private static final int BATCH = 200;
    private final String name;
    private final boolean durable;
    private final Outbox outbox;
    private final Consumer<List<OutboxEvent>> consumer;
    private final Consumer<RuntimeException> onError;
    private final ScheduledExecutorService executor;
    private long position;

    private OutboxPoller(
            String name,
            boolean durable,
            long position,
            Outbox outbox,
            Consumer<List<OutboxEvent>> consumer,
            Consumer<RuntimeException> onError) {
        this.name = name;
        this.durable = durable;
        this.position = position;
        this.outbox = outbox;
        this.consumer = consumer;
        this.onError = onError;
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "lede-outbox-" + name);
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * For derived state kept in memory (the page cache): it starts empty at start-up, so older
     * events have nothing to act on, and it starts after the newest event.
     */
    public static OutboxPoller inMemory(
            String name, Outbox outbox, Consumer<List<OutboxEvent>> consumer, Consumer<RuntimeException> onError) {
        return new OutboxPoller(name, false, outbox.lastSeq(), outbox, consumer, onError);
    }

    /**
     * For state that outlives the process (a search index, webhooks): it resumes after the last
     * batch it handled before a restart, so nothing is missed while it was down and nothing
     * handled is sent again. A consumer seen for the first time starts after the newest event,
     * saved at once so that events arriving before its first batch survive a restart too.
     */
    public static OutboxPoller durable(
            String name, Outbox outbox, Consumer<List<OutboxEvent>> consumer, Consumer<RuntimeException> onError) {
        long start = outbox.position(name).orElseGet(() -> {
            long head = outbox.lastSeq();
            outbox.savePosition(name, head);
            return head;
        });
        return new OutboxPoller(name, true, start, outbox, consumer, onError);
    }

    public OutboxPoller start(Duration interval) {
        executor.scheduleWithFixedDelay(this::poll, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** Delivers everything new now; the scheduled runs call this too. */
    public synchronized void poll() {
        try {
            List<OutboxEvent> events;
            do {
                events = outbox.after(position, BATCH);
                if (!events.isEmpty()) {
                    consumer.accept(events);
                    // Moved on before saving: when the save fails, this process need not deliver the
                    // batch again, and the next batch's save covers it.
                    position = events.getLast().seq();
                    if (durable) {
                        outbox.savePosition(name, position);
                    }
                }
            } while (events.size() == BATCH);
        } catch (RuntimeException e) {
            onError.accept(e);
        }
    }

    /**
     * Stops polling and waits for a poll in progress to end, so whoever closes the database next
     * does not pull it from under a consumer halfway through a batch.
     */
    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
