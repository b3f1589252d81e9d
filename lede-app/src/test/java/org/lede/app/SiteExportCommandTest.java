package org.lede.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.lede.Services;
import org.lede.db.Database;
import org.lede.db.Dialect;
import org.lede.demo.DemoContent;
import org.lede.media.MediaService;
import org.lede.reading.SiteSettings;
import org.lede.reading.StoryView;
import org.lede.story.PublishedFilter;
import org.lede.story.Story;
import org.lede.story.UpdateKind;
import org.lede.user.Actor;
import org.lede.web.support.Json;

/** `lede export site DIR` over the demo newsroom, checked file by file against the running server. */
@ParameterizedClass(name = "{0}")
@EnumSource(Dialect.class)
class SiteExportCommandTest {
    private static final String BASE = "https://news.example";
    private static final Pattern SUMMARY = Pattern.compile("^(\\d+) written, (\\d+) unchanged, (\\d+) removed in ");
    private static final HttpClient HTTP =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Parameter
    Dialect dialect;

    @TempDir
    Path dir;

    private String[] database;
    private Path data;
    private Path site;

    @BeforeEach
    void database() {
        database = RunningServer.databaseArgs(dialect);
    }

    /** The command line with this test's database after it. */
    private Cli lede(String... args) {
        return Cli.run(RunningServer.with(args, database));
    }

    @Test
    void writesTheServersBytesThenOnlyWhatChanged() throws Exception {
        data = dir.resolve("data");
        site = dir.resolve("site");
        Files.createDirectories(data);
        withServices(services -> new DemoContent(services, data.resolve("media")).load());

        int[] first = export();
        assertEquals(0, first[1], "nothing unchanged in a new directory");
        assertEquals(0, first[2]);
        Map<String, String> files = manifest();
        assertEquals(first[0], files.size(), "every file the manifest names was written");
        for (String file : List.of(
                "index.html",
                "404.html",
                "robots.txt",
                "rss.xml",
                "atom.xml",
                "feed.json",
                "sitemap.xml",
                "sitemaps/news.xml",
                "sitemaps/topics.xml",
                "_redirects")) {
            assertTrue(files.containsKey(file), file + " in " + files.keySet());
        }
        assertTrue(files.keySet().stream().anyMatch(f -> f.matches("topics/[a-z0-9-]+/atom\\.xml")), "topic feeds");
        assertTrue(files.keySet().stream().anyMatch(f -> f.matches("authors/[a-z0-9-]+/feed\\.json")), "author feeds");
        assertTrue(files.keySet().stream().anyMatch(f -> f.matches("topics/[a-z0-9-]+\\.html")), "topic pages");
        assertTrue(
                files.keySet().stream().anyMatch(f -> f.matches("older/\\d{17}-[0-9A-Z]+\\.html")),
                "the home stream's older pages, each a path a static host serves: " + files.keySet());
        assertTrue(
                files.keySet().stream().anyMatch(f -> f.matches("\\d{4}/\\d{2}/\\d{2}/[a-z0-9-]+\\.html")), "stories");
        assertTrue(files.keySet().stream().anyMatch(f -> f.startsWith("media/")), "image renditions");
        assertTrue(files.keySet().stream().anyMatch(f -> f.matches("sitemaps/stories-\\d{4}-\\d{2}\\.xml")));
        assertFalse(
                Files.readString(site.resolve("index.html")).contains("127.0.0.1"),
                "links name the public site, not the loopback server");
        assertTrue(Files.readString(site.resolve("rss.xml")).contains(BASE + "/"));

        sameBytesAsTheServer(files.keySet());

        int[] again = export();
        assertEquals(0, again[0], "a second run over unchanged content writes nothing");
        assertEquals(files.size(), again[1]);
        assertEquals(0, again[2]);

        Map<String, Object> before = fileKeys();
        String[] changed = changeTwoStories();
        String unpublishedFile = changed[0].substring(1) + ".html";
        String editedFile = changed[1].substring(1) + ".html";
        assertTrue(Files.exists(site.resolve(unpublishedFile)));

        int[] third = export();
        Map<String, String> after = manifest();
        Set<String> gone = new TreeSet<>(files.keySet());
        gone.removeAll(after.keySet());
        assertEquals(gone.size(), third[2], "removed: " + gone);
        assertTrue(gone.contains(unpublishedFile), gone.toString());
        for (String file : gone) {
            assertFalse(Files.exists(site.resolve(file)), file);
            // Only what showed the story alone: its page and the image sizes no other page uses; and
            // an older page of a stream it led into, which now starts after another story.
            assertTrue(
                    file.equals(unpublishedFile)
                            || file.startsWith("media/")
                            || file.matches("((topics|authors)/[a-z0-9-]+/)?older/\\d{17}-[0-9A-Z]+\\.html"),
                    "removed " + file);
        }
        Set<String> differ = new TreeSet<>();
        after.forEach((file, hash) -> {
            if (!hash.equals(files.get(file))) {
                differ.add(file);
            }
        });
        Map<String, Object> now = fileKeys();
        Set<String> rewritten = new TreeSet<>();
        now.forEach((file, key) -> {
            if (!key.equals(before.get(file))) {
                rewritten.add(file);
            }
        });
        assertEquals(differ, rewritten, "exactly the files whose bytes changed were written");
        assertEquals(differ.size(), third[0]);
        for (String file : List.of(editedFile, "index.html", "rss.xml", "atom.xml", "feed.json")) {
            assertTrue(differ.contains(file), file + " changed: " + differ);
        }
        assertTrue(differ.stream().anyMatch(f -> f.matches("sitemaps/stories-.*\\.xml")), differ.toString());
        assertTrue(differ.stream().anyMatch(f -> f.matches("topics/[a-z0-9-]+\\.html")), differ.toString());
        assertTrue(differ.stream().anyMatch(f -> f.matches("authors/[a-z0-9-]+\\.html")), differ.toString());
        assertTrue(differ.size() < files.size() / 2, "most files are left alone: " + differ);
        assertTrue(Files.readString(site.resolve(editedFile)).contains("Edited for the static site"));
        sameBytesAsTheServer(after.keySet());
    }

    @Test
    void anImportedSitesOldPermalinksBecomeRedirectRules() throws Exception {
        data = dir.resolve("data");
        site = dir.resolve("site");
        Path wxr = Files.writeString(dir.resolve("export.xml"), CommandLineTest.WXR, StandardCharsets.UTF_8);
        Cli imported = lede("import", "wxr", wxr.toString(), "--data-dir", data.toString());
        assertEquals(0, imported.code(), imported.err());
        export();
        assertEquals("""
                /feed /rss.xml 301
                /2025/01/night-ferry/ /2025/01/09/night-ferry 301
                /2025/01/night-ferry /2025/01/09/night-ferry 301
                """, Files.readString(site.resolve("_redirects")));
        assertTrue(Files.exists(site.resolve("2025/01/09/night-ferry.html")));
        try (RunningServer server = RunningServer.start(data, RunningServer.with(database, "--base-url", BASE))) {
            for (String path : List.of("/feed", "/2025/01/night-ferry/", "/2025/01/night-ferry")) {
                HttpResponse<byte[]> response = HTTP.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                assertEquals(301, response.statusCode(), path);
                String rule = Files.readString(site.resolve("_redirects"))
                        .lines()
                        .filter(l -> l.startsWith(path + " "))
                        .findFirst()
                        .orElseThrow();
                assertEquals(
                        response.headers().firstValue("Location").orElseThrow(),
                        rule.split(" ")[1],
                        "the rule sends where the server sends: " + rule);
            }
        }
    }

    @Test
    void refusesADirectoryItDidNotWrite() throws Exception {
        data = dir.resolve("data");
        Path foreign = dir.resolve("foreign");
        Files.createDirectories(foreign);
        Files.writeString(foreign.resolve("keep.txt"), "someone's file");
        Cli refused = lede("export", "site", foreign.toString(), "--data-dir", data.toString(), "--base-url", BASE);
        refused.assertOneLineError("is not empty");
        assertEquals("someone's file", Files.readString(foreign.resolve("keep.txt")));
        assertEquals(1, Files.list(foreign).count());

        Cli noBase = lede("export", "site", dir.resolve("new").toString(), "--data-dir", data.toString());
        noBase.assertOneLineError("--base-url");
        Cli path = lede(
                "export",
                "site",
                dir.resolve("new").toString(),
                "--data-dir",
                data.toString(),
                "--base-url",
                "https://news.example/sub");
        path.assertOneLineError("root");
    }

    private int[] export() {
        Cli run = lede("export", "site", site.toString(), "--data-dir", data.toString(), "--base-url", BASE);
        assertEquals(0, run.code(), run.err() + run.out());
        assertEquals(1, run.out().strip().lines().count(), "a one-line summary: " + run.out());
        Matcher m = SUMMARY.matcher(run.out());
        assertTrue(m.find(), run.out());
        return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))};
    }

    @SuppressWarnings("unchecked")
    private Map<String, String> manifest() throws Exception {
        Map<String, Object> read = Json.read(Files.readString(site.resolve(".lede-site.json")), Map.class);
        assertEquals("lede-site", read.get("format"));
        return (Map<String, String>) read.get("files");
    }

    /** Each file's identity on disk: a rewrite replaces the file, so its key changes even when its time does not. */
    private Map<String, Object> fileKeys() throws Exception {
        Map<String, Object> keys = new HashMap<>();
        for (String file : manifest().keySet()) {
            BasicFileAttributes attributes = Files.readAttributes(site.resolve(file), BasicFileAttributes.class);
            keys.put(file, List.of(attributes.fileKey(), attributes.lastModifiedTime()));
        }
        return keys;
    }

    /** Starts `lede serve` on the same data and asks for each file's address as a browser would. */
    private void sameBytesAsTheServer(Set<String> files) throws Exception {
        try (RunningServer server = RunningServer.start(data, RunningServer.with(database, "--base-url", BASE))) {
            for (String file : files) {
                if (file.equals("_redirects") || file.equals(".nojekyll")) {
                    continue;
                }
                String path = file.equals("404.html")
                        ? "/no/such/page"
                        : file.equals("index.html")
                                ? "/"
                                : "/" + (file.endsWith(".html") ? file.substring(0, file.length() - 5) : file);
                HttpResponse<byte[]> response = HTTP.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                                .header("Accept", "text/html,*/*;q=0.8")
                                .header("Accept-Encoding", "identity")
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                assertEquals(file.equals("404.html") ? 404 : 200, response.statusCode(), path);
                assertArrayEquals(response.body(), Files.readAllBytes(site.resolve(file)), file);
            }
        }
    }

    /** Unpublishes one of the newest demo stories and edits the newest one's headline, so home shows both changes. */
    private String[] changeTwoStories() {
        String[] paths = new String[2];
        withServices(services -> {
            List<StoryView> live = services.readerQueries(new SiteSettings("Lede", "x", BASE, java.time.ZoneOffset.UTC))
                    .published(PublishedFilter.ALL, null, 100);
            StoryView gone = live.get(1);
            StoryView edited = live.get(0);
            paths[0] = gone.url();
            paths[1] = edited.url();
            Story a = services.storyService().get(gone.id());
            services.storyService().unpublish(Actor.SYSTEM, a.id(), a.revision());
            Story b = services.storyService().get(edited.id());
            services.storyService()
                    .update(
                            Actor.SYSTEM,
                            b.id(),
                            b.revision(),
                            b.draft().withHeadline("Edited for the static site"),
                            UpdateKind.MINOR);
            return 0;
        });
        return paths;
    }

    private interface Work {
        int run(Services services);
    }

    private void withServices(Work work) {
        try (Database db = Database.open(RunningServer.databaseUrl(database, data))) {
            Services services = Services.create(db, data.resolve("media"), Clock.systemUTC());
            try (MediaService images = services.mediaService()) {
                work.run(services);
            }
        }
    }
}
