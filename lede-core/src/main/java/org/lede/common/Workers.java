package org.lede.common;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Tasks run on a few threads of their own, one caller handing them over: it goes on with the next
 * while they run, but never more than twice the threads ahead, so what the tasks hold stays
 * bounded. The first failure of a task is thrown to the caller at its next call.
 */
public final class Workers implements AutoCloseable {
    private static final String WAITING = "waiting for work handed over";

    private final ExecutorService pool;
    private final Semaphore inFlight;
    private final List<Future<?>> pending = new ArrayList<>();

    public Workers(String name, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads " + threads);
        }
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        this.inFlight = new Semaphore(threads * 2);
    }

    /** As many threads as the machine has cores. */
    public static Workers perCore(String name) {
        return new Workers(name, Math.max(1, Runtime.getRuntime().availableProcessors()));
    }

    /** Hands {@code task} over, waiting while twice the threads are queued or running. */
    public void submit(Runnable task) {
        rethrowFinished();
        try {
            inFlight.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while handing work over", e);
        }
        pending.add(pool.submit(() -> {
            try {
                task.run();
            } finally {
                inFlight.release();
            }
        }));
    }

    /** Waits for every task handed over so far. */
    public void awaitAll() {
        for (Future<?> f : pending) {
            Failures.await(f, WAITING);
        }
        pending.clear();
    }

    private void rethrowFinished() {
        for (Iterator<Future<?>> it = pending.iterator(); it.hasNext(); ) {
            Future<?> f = it.next();
            if (f.isDone()) {
                Failures.await(f, WAITING);
                it.remove();
            }
        }
    }

    /**
     * Lets the tasks handed over finish, waiting a minute at most, without interrupting them: an
     * interrupt that lands in a write to a file closes its channel under the writer.
     */
    @Override
    public void close() {
        pool.shutdown();
        try {
            pool.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
