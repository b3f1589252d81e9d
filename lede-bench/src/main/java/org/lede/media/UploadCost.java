package org.lede.media;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.lede.Services;
import org.lede.db.Database;
import org.lede.db.DatabaseUrl;
import org.lede.user.Actor;

/**
 * What a 60-megapixel upload costs (time until the upload is answered, time until its renditions
 * are stored, and the most heap in use meanwhile, sampled every 2 ms) and what reading one of its
 * renditions costs afterwards, as {@code MediaRoutes} does: the media record from SQLite and the
 * file from disk. A plain program rather than JMH: an upload is seconds long and its peak heap is
 * the number wanted, which JMH does not report. Run by {@code bench/upload-cost.sh}.
 */
public final class UploadCost {
    private static final int WIDTH = 9000;
    private static final int HEIGHT = 6666;

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        byte[] jpeg = photo();
        System.out.printf(
                "image: %d x %d JPEG (%.1f MP), %.1f MB; heap max %d MB; %d cores%n",
                WIDTH,
                HEIGHT,
                WIDTH * (double) HEIGHT / 1e6,
                jpeg.length / 1e6,
                Runtime.getRuntime().maxMemory() >> 20,
                Runtime.getRuntime().availableProcessors());
        System.out.printf("%-5s %12s %16s %14s%n", "run", "answered ms", "renditions ms", "peak heap MB");
        for (int run = 1; run <= runs; run++) {
            Path dir = Files.createTempDirectory("lede-upload-cost-");
            try (Database db = Database.open(DatabaseUrl.sqliteIn(dir))) {
                Services services = Services.create(db, dir.resolve("media"), Clock.systemUTC());
                System.gc();
                MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
                long baseline = memory.getHeapMemoryUsage().getUsed();
                AtomicLong peak = new AtomicLong(baseline);
                AtomicBoolean sampling = new AtomicBoolean(true);
                Thread sampler = Thread.ofPlatform().daemon().start(() -> {
                    while (sampling.get()) {
                        peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                        try {
                            Thread.sleep(2);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                });
                long start = System.nanoTime();
                Media media = services.mediaService().add(Actor.SYSTEM, jpeg, "big.jpg", "A test", null, null);
                long answered = System.nanoTime();
                while (!Renditions.WIDTHS.stream()
                        .allMatch(w -> services.blobs().exists(Renditions.key(media.sha256(), w, media.type())))) {
                    Thread.sleep(5);
                }
                long made = System.nanoTime();
                sampling.set(false);
                sampler.join();
                System.out.printf(
                        "%-5d %12d %16d %14d%n",
                        run, (answered - start) / 1_000_000, (made - start) / 1_000_000, (peak.get() - baseline) >> 20);
                if (run == runs) {
                    renditionReads(services, media);
                }
            } finally {
                try (Stream<Path> files = Files.walk(dir)) {
                    files.sorted(Comparator.reverseOrder())
                            .forEach(p -> p.toFile().delete());
                }
            }
        }
    }

    private static void renditionReads(Services services, Media media) {
        Renditions renditions = new Renditions(services.media(), services.blobs());
        long bytes = 0;
        for (int i = 0; i < 2_000; i++) {
            bytes += renditions.get(media.id(), 960, "jpg").orElseThrow().bytes().length;
        }
        int reads = 20_000;
        long start = System.nanoTime();
        for (int i = 0; i < reads; i++) {
            bytes += renditions.get(media.id(), 960, "jpg").orElseThrow().bytes().length;
        }
        long took = System.nanoTime() - start;
        System.out.printf(
                "rendition read (960 px, %d bytes): %.1f µs mean over %d reads after 2000 warm-up (%d)%n",
                renditions.get(media.id(), 960, "jpg").orElseThrow().bytes().length,
                took / 1_000.0 / reads,
                reads,
                bytes % 7);
    }

    /** A photo-like JPEG: smooth gradients and shapes, so it compresses as photos do rather than as noise. */
    private static byte[] photo() throws IOException {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_3BYTE_BGR);
        var g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(30, 60, 120), WIDTH, HEIGHT, new Color(230, 190, 120)));
        g.fillRect(0, 0, WIDTH, HEIGHT);
        for (int i = 0; i < 400; i++) {
            g.setColor(new Color((i * 37) % 256, (i * 91) % 256, (i * 53) % 256, 160));
            g.fillOval((i * 7919) % WIDTH, (i * 104729) % HEIGHT, 200 + i % 500, 150 + i % 300);
        }
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpeg", out);
        return out.toByteArray();
    }
}
