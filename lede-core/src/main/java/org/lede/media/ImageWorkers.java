package org.lede.media;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.lede.common.BusyException;

/**
 * The few threads that decode images, one job an upload. Decoding is what costs memory (up to
 * {@link MediaService#DECODED_BUDGET} a job), so the number of threads bounds it, and a short
 * queue bounds the uploads waiting their turn; beyond that an upload is refused, not queued.
 * Idle threads end, so a server that stops leaves none behind.
 */
public final class ImageWorkers implements AutoCloseable {
    private final ThreadPoolExecutor pool;

    public ImageWorkers(int threads, int queue) {
        AtomicInteger n = new AtomicInteger();
        pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queue), job -> {
            Thread t = new Thread(job, "lede-image-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        pool.allowCoreThreadTimeOut(true);
    }

    /** Two threads, four waiting: the demo machine's two cores stay free for readers. */
    public static ImageWorkers standard() {
        return new ImageWorkers(2, 4);
    }

    /**
     * Takes no more jobs and waits for those accepted to finish, so their files are written before
     * whoever owns the media directory lets it go.
     */
    @Override
    public void close() {
        pool.shutdown();
        try {
            if (!pool.awaitTermination(2, TimeUnit.MINUTES)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    void run(Runnable job) {
        try {
            pool.execute(job);
        } catch (RejectedExecutionException e) {
            throw new BusyException("Many images are being processed right now; upload this one again in a minute.");
        }
    }
}
