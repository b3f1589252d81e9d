package org.lede.web.newsroom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lede.Services;
import org.lede.importing.ImportJobs;
import org.lede.importing.Importer;
import org.lede.importing.WxrSource;
import org.lede.user.Role;
import org.lede.web.Eventually;
import org.lede.web.WebServer;
import org.lede.web.WebServerTest;

/**
 * The newsroom's import page: an admin uploads an export, follows the job to its end, and finds
 * the stories on the reader site; a dry run writes nothing, a malformed file says where, and a
 * second import waits for the first. The "held" format is a runner that waits for the test to
 * let it go, registered through the same seam as the real importers.
 */
class ImportPageTest extends WebServerTest {
    private static final String REFRESH = "<meta http-equiv=\"refresh\" content=\"2\">";
    private final CountDownLatch held = new CountDownLatch(1);
    private final CountDownLatch holding = new CountDownLatch(1);

    @Override
    protected WebServer.Options options(Services s) {
        ImportJobs.Runner wxrRunner = (file, options, listener) -> {
            try (WxrSource source =
                    new WxrSource(() -> open(file), file.getFileName().toString())) {
                return s.importer(null).run(source, options, listener);
            }
        };
        ImportJobs.Runner heldRunner = (file, options, listener) -> {
            holding.countDown();
            try {
                held.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new Importer.Summary(0, 0, 0, 0, 0, List.of());
        };
        return WebServer.Options.DEFAULTS.withImports(
                new ImportJobs(Map.of("wxr", wxrRunner, "held", heldRunner), dir.resolve("imports"), s.clock()));
    }

    @AfterEach
    void letGo() {
        held.countDown();
    }

    @Test
    void anAdminImportsAWordPressExportAndReadersFindTheStories() {
        NewsroomClient admin = NewsroomClient.as(web, Role.ADMIN);
        HttpResponse<String> form = admin.get("/newsroom/import");
        assertEquals(200, form.statusCode());
        assertTrue(form.body().contains("<option value=\"wxr\""), form.body());
        assertTrue(form.body().contains("href=\"/newsroom/import\""), "the admin navigation links the page");

        String job = start(admin, "gazette.xml", gazette(), "format", "wxr", "onError", "skip");
        String page = finished(admin, job);
        assertTrue(page.contains("5 created, 0 updated, 0 skipped, 0 failed; 2 comments ignored"), page);
        assertTrue(page.contains("comments ignored"), page);
        assertTrue(page.contains("Night ferry returns after two winters</a>"), page);
        assertTrue(page.contains("href=\"/newsroom/stories/"), "titles link to the stories in the newsroom");
        assertTrue(page.contains("href=\"/newsroom/pages/"), "and a WordPress page to the site page it became");

        HttpResponse<String> old = web.get("/2025/03/night-ferry-returns/");
        assertEquals(301, old.statusCode(), "the old permalink leads to the new story");
        HttpResponse<String> story =
                web.get(old.headers().firstValue("Location").orElseThrow());
        assertEquals(200, story.statusCode());
        assertTrue(story.body().contains("Night ferry returns after two winters"));

        HttpResponse<String> report = admin.get("/newsroom/import/" + job + "/report.txt");
        assertEquals(200, report.statusCode());
        assertTrue(report.headers().firstValue("Content-Type").orElseThrow().startsWith("text/plain"));
        assertTrue(report.body().startsWith("created\t"), report.body());
        assertTrue(report.body().contains("Night ferry returns after two winters"), report.body());

        String again = start(admin, "gazette.xml", gazette(), "format", "wxr", "onError", "skip");
        assertTrue(finished(admin, again).contains("0 created, 0 updated, 5 skipped"), "a re-run changes nothing");
    }

    @Test
    void aDryRunLargerThanAnImageUploadWritesNothing() {
        NewsroomClient admin = NewsroomClient.as(web, Role.ADMIN);
        String padded = new String(gazette(), StandardCharsets.UTF_8)
                .replace("<channel>", "<channel>\n<!-- " + "padding ".repeat(26 * 1024 * 1024 / 8) + "-->");
        byte[] file = padded.getBytes(StandardCharsets.UTF_8);
        assertTrue(file.length > 26 * 1024 * 1024, "over the media limit and Javalin's request limit");

        String job = start(admin, "gazette.xml", file, "format", "wxr", "dryRun", "yes", "onError", "skip");
        String page = finished(admin, job);
        assertTrue(page.contains("Dry run, nothing written: 5 created"), page);
        assertEquals(0, web.newsroom.services.stories().count(), "a dry run writes no story");
        assertEquals(404, web.get("/2025/03/night-ferry-returns/").statusCode(), "nor a redirect");
    }

    @Test
    void aMalformedFileSaysWhereOnTheJobPage() {
        NewsroomClient admin = NewsroomClient.as(web, Role.ADMIN);
        String broken = new String(gazette(), StandardCharsets.UTF_8).replace("</wp:author_login>", "");
        String job =
                start(admin, "broken.xml", broken.getBytes(StandardCharsets.UTF_8), "format", "wxr", "onError", "stop");
        String page = finished(admin, job);
        // The reader's own form: file, line and column ("broken.xml:18:448").
        assertTrue(page.matches("(?s).*The import stopped: broken\\.xml:18:\\d+: not well-formed XML.*"), page);
        assertEquals(0, web.newsroom.services.stories().count());
    }

    @Test
    void aRunningImportRefreshesItsPageAndASecondWaitsWith409() throws InterruptedException {
        NewsroomClient admin = NewsroomClient.as(web, Role.ADMIN);
        String job = start(admin, "first.xml", gazette(), "format", "held");
        assertTrue(holding.await(30, TimeUnit.SECONDS));
        String running = admin.get("/newsroom/import/" + job).body();
        assertTrue(running.contains(REFRESH), running);
        assertTrue(running.contains("<progress"), running);

        HttpResponse<String> second =
                admin.upload("/newsroom/import", "second.xml", "application/xml", gazette(), "format", "wxr");
        assertEquals(409, second.statusCode());
        assertTrue(second.body().contains("An import is already running (first.xml"), second.body());
        assertTrue(admin.get("/newsroom/import").body().contains("An import is running"));

        held.countDown();
        String done = finished(admin, job);
        assertFalse(done.contains(REFRESH), "the page stops refreshing once the import ends");
        assertFalse(done.contains("<progress"), done);
    }

    @Test
    void onlyAdminsMayImport() {
        NewsroomClient editor = NewsroomClient.as(web, Role.EDITOR);
        assertEquals(403, editor.get("/newsroom/import").statusCode());
        HttpResponse<String> upload =
                editor.upload("/newsroom/import", "gazette.xml", "application/xml", gazette(), "format", "wxr");
        assertEquals(403, upload.statusCode());
        assertEquals(0, web.newsroom.services.stories().count());
        assertFalse(editor.get("/newsroom").body().contains("href=\"/newsroom/import\""), "no link for editors");
    }

    /** Uploads a file, expects the redirect to its job's page, and returns the job's id. */
    private static String start(NewsroomClient admin, String name, byte[] file, String... fields) {
        HttpResponse<String> started = admin.upload("/newsroom/import", name, "application/xml", file, fields);
        assertEquals(303, started.statusCode(), started.body());
        String location = NewsroomClient.location(started);
        assertTrue(location.startsWith("/newsroom/import/"), location);
        return location.substring("/newsroom/import/".length(), location.indexOf('?'));
    }

    /** The job's page once it no longer refreshes itself, which is how a reader knows it ended. */
    private static String finished(NewsroomClient admin, String job) {
        String[] page = new String[1];
        Eventually.until("the import " + job + " to end", () -> {
            HttpResponse<String> answer = admin.get("/newsroom/import/" + job);
            assertEquals(200, answer.statusCode());
            page[0] = answer.body();
            return !page[0].contains(REFRESH);
        });
        return page[0];
    }

    private static byte[] gazette() {
        try (InputStream in = ImportPageTest.class.getResourceAsStream("/org/lede/importing/harbour-gazette.wxr")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream open(Path file) {
        try {
            return Files.newInputStream(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
