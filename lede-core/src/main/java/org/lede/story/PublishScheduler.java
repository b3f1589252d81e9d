package org.lede.story;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Publishes scheduled stories when their time comes. The schedule lives in the database, so a
 * restart loses nothing: {@link #start} publishes at once whatever fell due while the server was
 * down, then checks again every {@code interval}.
 */
public final class PublishScheduler implements AutoCloseable {
    private final StoryService stories;
    private final Duration interval;
    private final Consumer<RuntimeException> onError;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "lede-publish-scheduler");
        t.setDaemon(true);
        return t;
    });

    public PublishScheduler(StoryService stories, Duration interval, Consumer<RuntimeException> onError) {
        this.stories = stories;
        this.interval = interval;
        this.onError = onError;
    }

    /** Publishes what is overdue before returning, then keeps checking in the background. */
    public PublishScheduler start() {
        tick();
        executor.scheduleWithFixedDelay(this::tick, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    private void tick() {
        try {
            stories.publishDue();
        } catch (RuntimeException e) {
            // One bad story or a passing database error must not stop future runs.
            onError.accept(e);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
