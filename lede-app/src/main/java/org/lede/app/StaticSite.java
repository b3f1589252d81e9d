package org.lede.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.lede.common.Failures;
import org.lede.web.support.Json;

/**
 * The reader site as files a static host serves: every address is asked of the real server, as a
 * browser asks it, and its body written byte for byte. The addresses come from the data (given
 * by the caller) and from what the answers name: links, images, sitemaps.
 *
 * <p>An extensionless page {@code /a/b} is written as {@code a/b.html}: GitHub Pages, Netlify,
 * Cloudflare Pages and nginx's {@code try_files $uri $uri.html} all answer {@code /a/b} from it
 * as it is, while {@code a/b/index.html} is answered only after a redirect to {@code /a/b/}.
 */
final class StaticSite {
    static final String MANIFEST = ".lede-site.json";
    static final String FORMAT = "lede-site";
    static final String NOT_FOUND_FILE = "404.html";
    static final String REDIRECTS_FILE = "_redirects";
    /** Tells GitHub Pages to serve the files as they are rather than through Jekyll. */
    static final String NO_JEKYLL = ".nojekyll";

    /** What the server answers that is not the reader's site; links into them are not followed. */
    private static final List<String> NOT_READER = List.of("/newsroom", "/api/", "/preview/");

    /** Requests in flight at once: enough to keep two to four cores rendering. */
    private static final int PARALLEL = 4;

    private static final String NOT_FOUND_PROBE = "/.lede-static-site-404";

    /** The files this tool wrote, each with its SHA-256, so a later run removes only its own. */
    record Manifest(String format, int version, Map<String, String> files) {}

    /**
     * @param skippedPagedLinks links to a list's second page ({@code ?page=2}), one per list that
     *     goes on: a static host answers every query string with the first page's file, so later
     *     pages are not written
     * @param provisional media answered with the original while its rendition is being made
     */
    record Summary(
            int written,
            int unchanged,
            int removed,
            Set<String> skippedPagedLinks,
            Set<String> provisional,
            List<String> missing) {}

    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final String origin;
    private final String baseUrl;
    private final Map<String, byte[]> files = new TreeMap<>();
    private final Set<String> queued = new HashSet<>();
    private final Deque<Wanted> queue = new ArrayDeque<>();
    private final Set<String> skippedPagedLinks = new TreeSet<>();
    private final Set<String> provisional = new TreeSet<>();
    private final List<String> missing = new ArrayList<>();

    private record Wanted(String path, boolean required) {}

    /**
     * @param origin where the server listens, e.g. {@code http://127.0.0.1:41234}
     * @param baseUrl the site's public address, which absolute links in the answers name
     */
    StaticSite(String origin, String baseUrl) {
        this.origin = origin;
        this.baseUrl = baseUrl;
    }

    /**
     * The public address as the site is served from: http or https, a host, no path (the pages
     * link from the root), no trailing slash.
     */
    static String publicAddress(String raw) {
        String value = raw.strip();
        while (value.endsWith("/")) {
            value = value.substring(0, value.length() - 1);
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw new StartupException("--base-url is not an address: " + raw + ".");
        }
        if (!("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                || uri.getHost() == null
                || !(uri.getRawPath() == null || uri.getRawPath().isEmpty())
                || uri.getRawQuery() != null
                || uri.getRawFragment() != null) {
            throw new StartupException("--base-url must be an http or https address of a site's root, such as "
                    + "https://news.example, not " + raw + ".");
        }
        return value;
    }

    /**
     * Refuses a directory that holds files this tool did not write, so a run never removes or
     * overwrites someone else's; returns the manifest of the last run, or null for a new directory.
     */
    static Manifest claim(Path dir) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new StartupException(dir + " is a file; give a directory for the site.");
        }
        Path manifest = dir.resolve(MANIFEST);
        if (Files.isRegularFile(manifest)) {
            try {
                Manifest read = Json.read(Files.readString(manifest), Manifest.class);
                if (!FORMAT.equals(read.format()) || read.version() != 1 || read.files() == null) {
                    throw new StartupException(manifest + " is not a lede-site manifest of version 1.");
                }
                return read;
            } catch (IOException | IllegalArgumentException e) {
                throw new StartupException("cannot read " + manifest + ": " + e.getMessage() + ".");
            }
        }
        if (Files.isDirectory(dir)) {
            try (Stream<Path> entries = Files.list(dir)) {
                if (entries.findAny().isPresent()) {
                    throw new StartupException(dir + " is not empty and holds no " + MANIFEST
                            + ", so it was not written by `lede export site`; give an empty or new directory.");
                }
            } catch (IOException e) {
                throw new StartupException("cannot read " + dir + ": " + e.getMessage() + ".");
            }
        }
        return null;
    }

    /**
     * Asks for every page, feed and sitemap, and everything they name, and keeps the answers.
     *
     * @param pages the addresses the data names (home, topics, authors, stories ...)
     * @param redirects old paths and the address each leads to now, for {@code _redirects}
     */
    void crawl(List<String> pages, Map<String, String> redirects) {
        pages.forEach(p -> want(p, true));
        // In waves: each wave's answers are asked for side by side (most of the time is the server
        // rendering, on every core), then read here in order, so what they name joins the next wave.
        try (ExecutorService workers =
                Executors.newFixedThreadPool(PARALLEL, Thread.ofVirtual().factory())) {
            while (!queue.isEmpty()) {
                List<Wanted> wave = new ArrayList<>(queue);
                queue.clear();
                List<Future<HttpResponse<byte[]>>> answers = new ArrayList<>();
                for (Wanted wanted : wave) {
                    answers.add(workers.submit(() -> get(wanted.path())));
                }
                for (int i = 0; i < wave.size(); i++) {
                    keep(wave.get(i), answer(answers.get(i)));
                }
            }
        }
        files.put(NOT_FOUND_FILE, notFoundPage());
        files.put(REDIRECTS_FILE, redirectRules(redirects).getBytes(StandardCharsets.UTF_8));
        files.put(NO_JEKYLL, new byte[0]);
    }

    private void want(String path, boolean required) {
        if (queued.add(path)) {
            queue.add(new Wanted(path, required));
        }
    }

    private static HttpResponse<byte[]> answer(Future<HttpResponse<byte[]>> future) {
        return Failures.await(future, "asking the server");
    }

    private void keep(Wanted wanted, HttpResponse<byte[]> response) {
        String path = wanted.path();
        boolean required = wanted.required();
        int status = response.statusCode();
        if (status >= 500) {
            throw new IllegalStateException("the server answered " + status + " for " + path);
        }
        if (status != 200) {
            if (required) {
                missing.add(path + " (" + status + ")");
            }
            return;
        }
        byte[] body = response.body();
        files.put(fileOf(path), body);
        String type = response.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        if (path.startsWith("/media/")
                && response.headers().firstValue("Cache-Control").orElse("").contains("no-cache")) {
            provisional.add(path);
        }
        if (type.startsWith("text/html")) {
            follow(Jsoup.parse(new String(body, StandardCharsets.UTF_8), baseUrl + path));
        } else if (type.startsWith("application/xml")
                && (path.equals("/sitemap.xml") || path.startsWith("/sitemaps/"))) {
            Document xml = Jsoup.parse(new String(body, StandardCharsets.UTF_8), "", Parser.xmlParser());
            for (Element e : xml.getAllElements()) {
                // <loc> of the index and the parts, and <image:loc> of the news sitemap's heroes.
                if (e.tagName().equals("loc") || e.tagName().endsWith(":loc")) {
                    link(e.text(), false);
                }
            }
        }
    }

    /** Same-site links are pages to write; images, icons and styles are files to write. */
    private void follow(Document page) {
        for (Element a : page.select("a[href], link[rel~=(?i)\\b(alternate|canonical)\\b][href]")) {
            link(a.attr("href"), true);
        }
        for (Element e : page.select("img[src], script[src], audio[src], video[src], source[src]")) {
            link(e.attr("src"), false);
        }
        for (Element e : page.select("img[srcset], source[srcset]")) {
            for (String candidate : e.attr("srcset").split(",")) {
                String url = candidate.strip().split("\\s+")[0];
                if (!url.isEmpty()) {
                    link(url, false);
                }
            }
        }
        for (Element e :
                page.select("link[rel~=(?i)\\b(stylesheet|icon|apple-touch-icon|preload|manifest)\\b][href]")) {
            link(e.attr("href"), false);
        }
        for (Element e : page.select("meta[property=og:image][content], meta[name=twitter:image][content]")) {
            link(e.attr("content"), false);
        }
    }

    /** Queues a reference when it points into the reader site; a query string a static host cannot answer. */
    private void link(String reference, boolean page) {
        String ref = reference.strip();
        String path;
        if (ref.startsWith(baseUrl + "/")) {
            path = ref.substring(baseUrl.length());
        } else if (ref.equals(baseUrl)) {
            path = "/";
        } else if (ref.startsWith("/") && !ref.startsWith("//")) {
            path = ref;
        } else {
            return;
        }
        int hash = path.indexOf('#');
        if (hash >= 0) {
            path = path.substring(0, hash);
        }
        int query = path.indexOf('?');
        if (query >= 0) {
            if (page && !path.startsWith("/newsroom")) {
                skippedPagedLinks.add(path);
            }
            return;
        }
        String p = path;
        if (p.isEmpty()
                || (p.endsWith("/") && !p.equals("/"))
                || NOT_READER.stream().anyMatch(p::startsWith)) {
            return;
        }
        try {
            fileOf(p);
        } catch (IllegalArgumentException e) {
            // A link a writer typed that no file can answer (a ".." segment, a space): the server answers
            // it as it may, and a static host has nothing to serve for it either way.
            return;
        }
        want(p, false);
    }

    private byte[] notFoundPage() {
        HttpResponse<byte[]> response = get(NOT_FOUND_PROBE);
        if (response.statusCode() != 404) {
            throw new IllegalStateException("the server answered " + response.statusCode() + " for " + NOT_FOUND_PROBE);
        }
        return response.body();
    }

    /**
     * Netlify's and Cloudflare Pages' {@code _redirects}: each old path, with and without the
     * trailing slash the server also accepts, moved for good to the story's address now.
     */
    static String redirectRules(Map<String, String> redirects) {
        Map<String, String> rules = new LinkedHashMap<>();
        rules.put("/feed", "/rss.xml");
        redirects.forEach((path, to) -> {
            rules.putIfAbsent(path, to);
            if (path.length() > 1) {
                rules.putIfAbsent(path.endsWith("/") ? path.substring(0, path.length() - 1) : path + "/", to);
            }
        });
        StringBuilder out = new StringBuilder();
        rules.forEach((from, to) -> {
            // A path with a space or a control character cannot be written as one rule; the server still answers it.
            if (from.chars().noneMatch(c -> c <= ' ' || c == 0x7f)) {
                out.append(from).append(' ').append(to).append(" 301\n");
            }
        });
        return out.toString();
    }

    private HttpResponse<byte[]> get(String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(origin + path))
                .timeout(Duration.ofSeconds(60))
                // As a browser asks; identity, because the static host compresses by itself.
                .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
                .header("Accept-Encoding", "identity")
                .GET()
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + path + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking for " + path, e);
        }
    }

    /** The file that answers a path: {@code /} is index.html, {@code /a/b} is a/b.html, a name with an extension is itself. */
    static String fileOf(String path) {
        String decoded = URI.create("http://site" + path).getPath();
        if (decoded.equals("/")) {
            return "index.html";
        }
        String relative = decoded.substring(1);
        for (String segment : relative.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..") || segment.indexOf('\\') >= 0) {
                throw new IllegalArgumentException("no file can answer " + path);
            }
        }
        String last = relative.substring(relative.lastIndexOf('/') + 1);
        return last.indexOf('.') > 0 ? relative : relative + ".html";
    }

    /** Writes what changed, removes what this tool wrote before and no longer has, then the manifest. */
    Summary write(Path dir, Manifest previous) {
        int written = 0;
        int unchanged = 0;
        int removed = 0;
        Map<String, String> hashes = new TreeMap<>();
        try {
            Files.createDirectories(dir);
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                Path target = dir.resolve(file.getKey()).normalize();
                if (!target.startsWith(dir)) {
                    throw new IllegalStateException("refusing to write outside " + dir + ": " + file.getKey());
                }
                hashes.put(file.getKey(), sha256(file.getValue()));
                if (Files.isRegularFile(target) && Arrays.equals(Files.readAllBytes(target), file.getValue())) {
                    unchanged++;
                } else {
                    writeAtomically(target, file.getValue());
                    written++;
                }
            }
            if (previous != null) {
                for (String old : previous.files().keySet()) {
                    if (!files.containsKey(old) && removeOwn(dir, old)) {
                        removed++;
                    }
                }
            }
            writeAtomically(
                    dir.resolve(MANIFEST),
                    Json.write(new Manifest(FORMAT, 1, hashes)).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the site to " + dir + ": " + e.getMessage(), e);
        }
        return new Summary(written, unchanged, removed, skippedPagedLinks, provisional, missing);
    }

    /** Deletes a file a past run wrote, then the folders it leaves empty; never anything outside the site. */
    private static boolean removeOwn(Path dir, String file) throws IOException {
        Path target = dir.resolve(file).normalize();
        if (!target.startsWith(dir) || target.equals(dir.resolve(MANIFEST))) {
            return false;
        }
        boolean deleted = Files.deleteIfExists(target);
        for (Path parent = target.getParent(); parent != null && !parent.equals(dir); parent = parent.getParent()) {
            try (Stream<Path> entries = Files.list(parent)) {
                if (entries.findAny().isPresent()) {
                    break;
                }
            }
            Files.delete(parent);
        }
        return deleted;
    }

    /** A reader of the site meets the old file or the new one, never half of one. */
    private static void writeAtomically(Path target, byte[] bytes) throws IOException {
        Files.createDirectories(target.getParent());
        Path temp = Files.createTempFile(target.getParent(), ".lede-", ".tmp");
        try {
            Files.write(temp, bytes);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
