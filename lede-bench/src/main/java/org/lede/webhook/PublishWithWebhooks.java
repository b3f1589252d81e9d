package org.lede.webhook;

import com.sun.net.httpserver.HttpServer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import org.lede.Services;
import org.lede.author.AuthorService.AuthorFields;
import org.lede.content.Credit;
import org.lede.content.ImageBlock;
import org.lede.content.Paragraph;
import org.lede.db.Database;
import org.lede.db.DatabaseUrl;
import org.lede.reading.ReaderQueries;
import org.lede.reading.SiteSettings;
import org.lede.story.Story;
import org.lede.story.StoryDraft;
import org.lede.story.StoryKind;
import org.lede.user.Actor;
import org.lede.web.WebServer;

/**
 * What registered webhooks cost a publish: N publishes (the newsroom's command, on a running
 * server with its outbox consumers and dispatcher) with no endpoint, then on a fresh newsroom with
 * 10 endpoints subscribed to story.published, whose receiver takes {@code RECEIVER_MS} to answer.
 * Prints per-publish times for both, and how long the deliveries took to drain. Arguments: N
 * (default 200), receiver delay in ms (default 50).
 */
public final class PublishWithWebhooks {
    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int delay = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        AtomicInteger received = new AtomicInteger();
        receiver.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        receiver.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            received.incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
        try {
            // A warm-up round, so the JIT and the pool are not what the first mode measures.
            run(Math.min(n, 50), 0, url, received);
            long[] none = run(n, 0, url, received);
            long[] ten = run(n, 10, url, received);
            report("0 webhooks", none);
            report("10 webhooks", ten);
        } finally {
            receiver.stop(0);
        }
    }

    private static long[] run(int n, int endpoints, String url, AtomicInteger received) throws Exception {
        Path dir = Files.createTempDirectory("lede-webhook-bench");
        Clock clock = Clock.systemUTC();
        try (Database db = Database.open(DatabaseUrl.sqliteIn(dir))) {
            Services s = Services.create(db, dir.resolve("media"), clock);
            SiteSettings site = new SiteSettings("Bench", null, "https://news.example", ZoneId.of("UTC"));
            ReaderQueries reader = s.readerQueries(site);
            WebServer server = new WebServer(
                            s, reader, clock, WebServer.Options.DEFAULTS.withWebhooksAllowPrivate(true))
                    .start("127.0.0.1", 0);
            try {
                for (int i = 0; i < endpoints; i++) {
                    server.webhooks().register(Actor.SYSTEM, url, "bench " + i, Set.of("story.published"));
                }
                List<Story> drafts = drafts(s, n);
                int before = received.get();
                long[] nanos = new long[n];
                long all = System.nanoTime();
                for (int i = 0; i < n; i++) {
                    Story d = drafts.get(i);
                    long t = System.nanoTime();
                    s.storyService().publish(Actor.SYSTEM, d.id(), d.revision());
                    nanos[i] = System.nanoTime() - t;
                }
                long publishing = System.nanoTime() - all;
                if (endpoints > 0) {
                    int expected = before + n * endpoints;
                    while (received.get() < expected) {
                        Thread.sleep(10);
                    }
                    System.out.printf(
                            "%d webhooks: %d deliveries received %.0f ms after the first publish (publishing took %.0f ms)%n",
                            endpoints, n * endpoints, (System.nanoTime() - all) / 1e6, publishing / 1e6);
                }
                return nanos;
            } finally {
                server.stop();
            }
        }
    }

    private static List<Story> drafts(Services s, int n) throws IOException {
        var topic = s.topicService().create(Actor.SYSTEM, "city", "City", null, 1);
        var author = s.authorService()
                .create(
                        Actor.SYSTEM,
                        new AuthorFields("ana-ruiz", "Ana Ruiz", "Reporter", "Covers the city.", null, false));
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        var hero = s.mediaService().add(Actor.SYSTEM, png.toByteArray(), "hero.png", "A tram at dusk", null, null);
        List<Story> drafts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            drafts.add(s.storyService()
                    .createDraft(
                            Actor.SYSTEM,
                            new StoryDraft(
                                    "Bench story " + i,
                                    "A dek.",
                                    null,
                                    topic.id(),
                                    List.of("bench"),
                                    StoryKind.NEWS,
                                    List.of(author.id()),
                                    null,
                                    new ImageBlock(hero.id(), "A tram.", Credit.photo("Ana Ruiz", "Lede")),
                                    List.of(Paragraph.of("The council voted on Tuesday.")))));
        }
        return drafts;
    }

    private static void report(String label, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        double mean = Arrays.stream(sorted).average().orElse(0) / 1e6;
        System.out.printf(
                "%-12s publish: mean %.2f ms, p50 %.2f ms, p95 %.2f ms, max %.2f ms (n=%d)%n",
                label,
                mean,
                sorted[sorted.length / 2] / 1e6,
                sorted[(int) (sorted.length * 0.95)] / 1e6,
                sorted[sorted.length - 1] / 1e6,
                sorted.length);
    }
}
