package org.lede.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lede.Services;
import org.lede.db.Database;
import org.lede.db.DatabaseUrl;
import org.lede.story.Story;

/** {@code lede import rss} and {@code lede import ghost} end to end: the commands, the engine, the store. */
class FeedAndGhostImportTest {
    @TempDir
    Path dir;

    private HttpServer server;
    private final AtomicInteger imageRequests = new AtomicInteger();

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private static final String FEED = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
                xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/">
            <channel><title>Valley Ledger</title><link>https://ledger.example/</link>
            <item><title>Orchard growers share a cold store</title>
              <link>https://ledger.example/2025/03/cold-store/</link>
              <guid isPermaLink="false">ledger-101</guid>
              <dc:creator>Mara Quist</dc:creator>
              <pubDate>Tue, 04 Mar 2025 08:30:00 GMT</pubDate>
              <category>Farming</category><category>Cooperatives</category>
              <media:content url="IMAGE" medium="image" type="image/png">
                <media:description>Crates of apples in the new store.</media:description>
                <media:credit>Ana Lind</media:credit>
              </media:content>
              <content:encoded><![CDATA[<p>Twelve growers opened a shared cold store.</p>
                <p><strong>Why it matters:</strong> fruit keeps until spring.</p>
                <ul><li>Twelve growers</li><li>One building</li></ul>]]></content:encoded></item>
            <item><title>Bridge repairs start Monday</title>
              <link>https://ledger.example/2025/03/bridge/</link>
              <guid isPermaLink="false">ledger-102</guid>
              <pubDate>Wed, 05 Mar 2025 09:00:00 GMT</pubDate><category>Roads</category>
              <dc:creator>Mara Quist</dc:creator>
              <description>The east bridge closes to trucks for six weeks.</description></item>
            </channel></rss>
            """;

    private String serveFeed() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        byte[] feed = FEED.replace("IMAGE", base + "/apples.png").getBytes(StandardCharsets.UTF_8);
        byte[] png = png();
        server.createContext("/feed.xml", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/rss+xml");
            exchange.sendResponseHeaders(200, feed.length);
            exchange.getResponseBody().write(feed);
            exchange.close();
        });
        server.createContext("/apples.png", exchange -> {
            imageRequests.incrementAndGet();
            exchange.getResponseHeaders().set("Content-Type", "image/png");
            exchange.sendResponseHeaders(200, png.length);
            exchange.getResponseBody().write(png);
            exchange.close();
        });
        server.start();
        return base + "/feed.xml";
    }

    @Test
    void aFeedAtAnAddressImportsWithItsImagesOnceAndPrivateAddressesNeedLeave() throws Exception {
        String url = serveFeed();
        String data = dir.resolve("data").toString();

        Cli.run("import", "rss", url, "--data-dir", data).assertOneLineError("127.0.0.1 is a loopback address");

        Path report = dir.resolve("report.tsv");
        Cli first = Cli.run(
                "import",
                "rss",
                url,
                "--download-media",
                "--allow-private-addresses",
                "--report",
                report.toString(),
                "--data-dir",
                data);
        assertEquals(0, first.code(), first.err());
        assertTrue(first.out().startsWith("2 created, 0 updated, 0 skipped, 0 failed"), first.out());
        assertEquals(1, imageRequests.get());
        try (Database db = Database.open(DatabaseUrl.sqliteIn(dir.resolve("data")))) {
            Services services = Services.create(db, dir.resolve("data/media"), Clock.systemUTC());
            Story store = services.stories().findBySlug("cold-store").orElseThrow();
            assertEquals("published", store.status().key(), "published at the source, though its image has no alt");
            assertTrue(
                    Files.readString(report).contains("the next update asks for this: Add alt text"),
                    Files.readString(report));
            assertEquals(
                    "published",
                    services.stories()
                            .findBySlug("bridge-repairs-start-monday")
                            .orElseThrow()
                            .status()
                            .key(),
                    "a story without an image goes live as it was");
            assertNotNull(store.draft().hero().mediaId(), "the image was downloaded into the library");
            assertEquals(
                    "Crates of apples in the new store.", store.draft().hero().caption());
            assertEquals("Ana Lind", store.draft().hero().credit().text());
            assertEquals(
                    "Farming",
                    services.topics()
                            .find(store.draft().topicId())
                            .orElseThrow()
                            .name());
            assertEquals(java.util.List.of("cooperatives"), store.draft().tags());
        }

        Cli again = Cli.run("import", "rss", url, "--download-media", "--allow-private-addresses", "--data-dir", data);
        assertTrue(again.out().startsWith("0 created, 0 updated, 2 skipped, 0 failed"), again.out());
        assertEquals(1, imageRequests.get(), "a re-run downloads nothing");
    }

    private static final String GHOST = """
            {"db":[{"meta":{"exported_on":1735689600000,"version":"5.96.0"},
              "data":{
                "posts":[
                  {"id":"g1","uuid":"u1","title":"Ferry timetable changes","slug":"ferry-timetable",
                   "lexical":"{\\"root\\":{\\"children\\":[{\\"type\\":\\"paragraph\\",\\"children\\":[{\\"type\\":\\"text\\",\\"text\\":\\"The summer timetable starts in May.\\",\\"format\\":0}]}],\\"type\\":\\"root\\"}}",
                   "feature_image":"__GHOST_URL__/content/images/size/w600/2025/04/ferry.png",
                   "status":"published","visibility":"public","type":"post",
                   "published_at":"2025-04-02T07:00:00.000Z","updated_at":"2025-04-02T07:00:00.000Z",
                   "created_at":"2025-04-01T07:00:00.000Z"},
                  {"id":"g2","uuid":"u2","title":"About the Ledger","slug":"about-us",
                   "html":"<p>A valley paper since 1921.</p>","status":"published","type":"page",
                   "published_at":"2025-01-01T00:00:00.000Z","updated_at":"2025-01-01T00:00:00.000Z"}],
                "users":[{"id":"a1","name":"Pell Aurin","slug":"pell","bio":"Covers transport."}],
                "posts_authors":[{"post_id":"g1","author_id":"a1","sort_order":0}],
                "tags":[{"id":"t1","name":"Transport","slug":"transport"}],
                "posts_tags":[{"post_id":"g1","tag_id":"t1","sort_order":0}],
                "posts_meta":[{"post_id":"g1","feature_image_alt":"A white ferry at a wooden quay",
                  "feature_image_caption":"The morning boat. Photo: Ledger staff"}]
              }}]}
            """;

    @Test
    void aGhostExportImportsPostsPagesAndImagesFromItsContentFolder() throws Exception {
        Path file = Files.writeString(dir.resolve("ghost.json"), GHOST, StandardCharsets.UTF_8);
        Path images = Files.createDirectories(dir.resolve("content/images/2025/04"));
        Files.write(images.resolve("ferry.png"), png());
        String data = dir.resolve("data").toString();

        Cli first = Cli.run(
                "import",
                "ghost",
                file.toString(),
                "--media-dir",
                dir.resolve("content/images").toString(),
                "--data-dir",
                data);
        assertEquals(0, first.code(), first.err());
        assertTrue(first.out().startsWith("2 created, 0 updated, 0 skipped, 0 failed"), first.out());
        try (Database db = Database.open(DatabaseUrl.sqliteIn(dir.resolve("data")))) {
            Services services = Services.create(db, dir.resolve("data/media"), Clock.systemUTC());
            Story ferry = services.stories().findBySlug("ferry-timetable").orElseThrow();
            assertEquals("published", ferry.status().key());
            assertNotNull(ferry.draft().hero().mediaId(), "the original of a resized Ghost image was found");
            assertEquals("The morning boat.", ferry.draft().hero().caption());
            assertEquals("Ledger staff", ferry.draft().hero().credit().text());
            assertEquals(
                    "Transport",
                    services.topics()
                            .find(ferry.draft().topicId())
                            .orElseThrow()
                            .name());
            assertTrue(services.sitePages().findBySlug("about-us").orElseThrow().published());
            assertEquals(1, ferry.draft().authorIds().size());
        }
        Cli again = Cli.run("import", "ghost", file.toString(), "--data-dir", data);
        assertTrue(again.out().startsWith("0 created, 0 updated, 2 skipped, 0 failed"), again.out());

        Path broken = Files.writeString(dir.resolve("broken.json"), GHOST.replace("\"posts\":[", "\"posts\":[,"));
        Cli.run("import", "ghost", broken.toString(), "--data-dir", data).assertOneLineError("broken.json:");
    }

    private static byte[] png() throws IOException {
        BufferedImage image = new BufferedImage(80, 60, BufferedImage.TYPE_INT_RGB);
        image.setRGB(1, 1, 0x336699);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
