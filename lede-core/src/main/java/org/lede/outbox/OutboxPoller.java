package org.lede.outbox;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Hands new outbox events, in order, to a consumer of derived state (page cache, search index).
 * It starts after the newest event at start-up: derived state in memory starts empty, so older
 * events have nothing to invalidate. A consumer that fails sees the same events again.
 */
public final class OutboxPoller implements AutoCloseable {
    private static final int BATCH = 200;
    private final Outbox outbox;
    private final Consumer<List<OutboxEvent>> consumer;
    private final Consumer<RuntimeException> onError;
    private final ScheduledExecutorService executor;
    private long position;

    public OutboxPoller(Outbox outbox, Consumer<List<OutboxEvent>> consumer, Consumer<RuntimeException> onError) {
        this.outbox = outbox;
        this.consumer = consumer;
        this.onError = onError;
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "lede-outbox-poller");
            t.setDaemon(true);
            return t;
        });
        this.position = outbox.lastSeq();
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
                    position = events.getLast().seq();
                }
            } while (events.size() == BATCH);
        } catch (RuntimeException e) {
            onError.accept(e);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
