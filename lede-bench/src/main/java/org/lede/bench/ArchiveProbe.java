package org.lede.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The measuring half of {@code bench/archive.sh}, against a running server over an archive:
 * uncached render times of the story, home, topic (page 1 and page 500) and search pages, the
 * search query set's percentiles, then a crawl of distinct pages and the server's resident
 * memory after it. Prints one {@code name value} line per figure, for the script's table.
 *
 * <p>Every timed request is a page-cache miss by construction: stories are distinct ones sampled
 * from the database, home and topic page 1 are asked for with distinct spellings of {@code
 * page=1} (the cache keys by the parameter's text, the route by its number), deep topic pages
 * are reached by following the stream's {@code rel="next"} links, so the ones timed are fetched
 * for the first time whatever their addresses look like (numbers or keyset cursors), and each
 * search query is timed the first time it is asked (then once more, reported apart, with the
 * slowest first asks by name).
 *
 * <pre>
 * ArchiveProbe BASE_URL JDBC_URL PID QUERIES_FILE [TOPIC_SLUG] [CRAWL_PAGES]
 * </pre>
 */
public final class ArchiveProbe {
    private static final char[] ULID = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final Pattern NEXT =
            Pattern.compile("<a\\b[^>]*?(?:href=\"([^\"]+)\"[^>]*?rel=\"next\"|rel=\"next\"[^>]*?href=\"([^\"]+)\")");
    private static final Pattern HREF = Pattern.compile("<a\\b[^>]*?href=\"(/[^\"#]*)");
    /**
     * Untimed distinct story pages first, as a server that has been up a while has answered. After
     * 300 the JIT still ran a page's code in its profiling tier: the story page's median at
     * 100,000 stories was 7.98 ms after 300, 5.71 ms after 3,000 and 5.68 ms after 10,000.
     */
    private static final int WARM = 3_000;
    /** Untimed first pages of home and topic at addresses the cache has not seen, for the same reason. */
    private static final int WARM_VARIANTS = 300;
    /**
     * Rounds of the query set's warm-up queries before any is timed. Search pages bypass the page
     * cache, so each round runs every search again. With one round the JIT was still compiling the
     * scoring of each kind of query while it was timed: p95 46 ms on the million-story archive,
     * against 33 ms after ten rounds, the 650 searches a live site answers in minutes.
     */
    private static final int SEARCH_WARM_ROUNDS = 10;

    /** First asks of the query set listed by name, slowest first. */
    private static final int SLOWEST = 5;

    private static final int STORIES = 500;
    private static final int VARIANTS = 200;
    private static final int DEEP = 500;
    private static final int DEEP_SAMPLES = 30;

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final String base;
    private Boolean numbered;

    private ArchiveProbe(String base) {
        this.base = base;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("usage: ArchiveProbe BASE_URL JDBC_URL PID QUERIES_FILE [TOPIC_SLUG] [CRAWL_PAGES]");
            System.exit(2);
        }
        ArchiveProbe probe = new ArchiveProbe(args[0]);
        String topic = args.length > 4 ? args[4] : "politics";
        int crawl = args.length > 5 ? Integer.parseInt(args[5]) : 10_000;
        List<String> stories = sampleStories(args[1], WARM + STORIES);
        QuerySet queries = QuerySet.read(Path.of(args[3]));
        probe.run(stories, queries, topic, crawl, args[2]);
    }

    private void run(List<String> stories, QuerySet queries, String topic, int crawl, String pid) throws Exception {
        // Warm the server's code paths on pages that are not timed, as a server that has been up a while is.
        // An archive too small for both warms on what the timed sample leaves.
        int warm = Math.min(WARM, Math.max(0, stories.size() - STORIES));
        for (String path : stories.subList(0, warm)) {
            get(path);
        }
        String home = "/";
        String topicPage = "/topics/" + topic;
        for (int i = 0; i < WARM_VARIANTS; i++) {
            get(variants(home, VARIANTS + 1 + i));
            get(variants(topicPage, VARIANTS + 1 + i));
        }
        report("story", timeAll(stories.subList(warm, stories.size())));
        report("home", timeAll(variants(home)));
        report("topic1", timeAll(variants(topicPage)));
        report("topic500", deepPages("/topics/" + topic));
        search(queries);
        crawl(crawl);
        // VmRSS is the budget; its parts say whose it is: RssAnon is the JVM's own (heap, direct
        // buffers, code, metaspace, SQLite's page cache), RssFile the mapped files the kernel may drop
        // (the search index, the JDK's modules and class-data archive, the jar).
        print("rss_mib", String.format(Locale.ROOT, "%.1f", statusKib(pid, "VmRSS") / 1024.0));
        print("rss_anon_mib", String.format(Locale.ROOT, "%.1f", statusKib(pid, "RssAnon") / 1024.0));
        print("rss_file_mib", String.format(Locale.ROOT, "%.1f", statusKib(pid, "RssFile") / 1024.0));
    }

    /** The same first page under {@link #VARIANTS} distinct cache keys. */
    private List<String> variants(String path) throws IOException, InterruptedException {
        List<String> out = new ArrayList<>();
        for (int i = 1; i <= VARIANTS; i++) {
            out.add(variants(path, i));
        }
        return out;
    }

    /**
     * The {@code i}th address of a stream's first page that the page cache has not seen: {@code
     * ?page=0..01} where streams are numbered, else, where they page by place, the page after a
     * cursor newer than anything stored ({@code /older/99991231235959999-Z...}), which lists
     * the same newest items.
     */
    private String variants(String path, int i) throws IOException, InterruptedException {
        if (numbered == null) {
            numbered = get(path + "?page=01").status == 200;
            print("first_page_variants", numbered ? "page-number" : "future-cursor");
        }
        if (numbered) {
            return path + "?page=" + "0".repeat(i) + "1";
        }
        return (path.equals("/") ? "" : path) + "/older/99991231235959999-Z" + Integer.toString(i, 36);
    }

    private List<Double> timeAll(List<String> paths) throws IOException, InterruptedException {
        List<Double> ms = new ArrayList<>();
        for (String path : paths) {
            Timed t = get(path);
            if (t.status != 200) {
                System.err.println("probe: " + path + " answered " + t.status + "; not measured");
                return List.of();
            }
            ms.add(t.ms);
        }
        return ms;
    }

    /** Follows "older" links from page 1, and times pages DEEP to DEEP + DEEP_SAMPLES - 1, each fetched once. */
    private List<Double> deepPages(String first) throws IOException, InterruptedException {
        String path = first;
        List<Double> ms = new ArrayList<>();
        for (int page = 1; page < DEEP + DEEP_SAMPLES; page++) {
            Timed t = get(path);
            if (t.status != 200) {
                System.err.println("probe: page " + page + " of " + first + " (" + path + ") answered " + t.status);
                break;
            }
            if (page >= DEEP) {
                ms.add(t.ms);
            }
            Matcher m = NEXT.matcher(t.body);
            if (!m.find()) {
                System.err.println("probe: page " + page + " of " + first + " links to no older page");
                break;
            }
            path = unescape(m.group(1) != null ? m.group(1) : m.group(2));
        }
        return page500(ms);
    }

    private static List<Double> page500(List<Double> ms) {
        return ms.size() < DEEP_SAMPLES / 2 ? List.of() : ms;
    }

    /**
     * The query set's warm-up queries are asked first, {@link #SEARCH_WARM_ROUNDS} times, and not
     * timed; then each timed query once.
     */
    private void search(QuerySet queries) throws IOException, InterruptedException {
        for (int round = 0; round < SEARCH_WARM_ROUNDS; round++) {
            for (String query : queries.warmups()) {
                get("/search?" + query);
            }
        }
        List<Double> ms = new ArrayList<>();
        Map<String, List<Double>> byKind = new HashMap<>();
        Map<String, Double> byQuery = new LinkedHashMap<>();
        for (QuerySet.Query timed : queries.timed()) {
            String query = timed.text();
            Timed t = get("/search?" + query);
            if (t.status != 200) {
                System.err.println("probe: /search?" + query + " answered " + t.status + "; search not measured");
                report("search", List.of());
                return;
            }
            ms.add(t.ms);
            byKind.computeIfAbsent(timed.kind(), k -> new ArrayList<>()).add(t.ms);
            byQuery.put(query, t.ms);
        }
        report("search", ms);
        byKind.forEach((k, v) -> report("search_" + k.replace(' ', '_'), v));
        // The budget is on first asks, which read what the operating system has not cached yet; the
        // same queries asked again, and the slowest first asks by name, tell reading from computing.
        List<Double> again = new ArrayList<>();
        for (String query : byQuery.keySet()) {
            again.add(get("/search?" + query).ms);
        }
        report("search_again", again);
        byQuery.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .limit(SLOWEST)
                .forEach(e -> print("search_slowest", format(e.getValue()) + " " + e.getKey()));
    }

    /** Breadth first from the home page over same-site reader pages, two requests at a time. */
    private void crawl(int pages) throws Exception {
        Set<String> seen = Collections.synchronizedSet(new LinkedHashSet<>());
        Queue<String> queue = new ArrayDeque<>();
        queue.add("/");
        seen.add("/");
        AtomicInteger fetched = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            while (fetched.get() < pages && !queue.isEmpty()) {
                List<String> round = new ArrayList<>();
                while (!queue.isEmpty() && round.size() < Math.min(64, pages - fetched.get())) {
                    round.add(queue.poll());
                }
                List<Future<Timed>> answers = new ArrayList<>();
                for (String path : round) {
                    answers.add(pool.submit(() -> get(path)));
                }
                for (Future<Timed> answer : answers) {
                    Timed t = answer.get();
                    fetched.incrementAndGet();
                    if (t.status != 200) {
                        failed.incrementAndGet();
                        continue;
                    }
                    Matcher m = HREF.matcher(t.body);
                    while (m.find()) {
                        String link = unescape(m.group(1));
                        if (crawlable(link) && seen.add(link)) {
                            queue.add(link);
                        }
                    }
                }
            }
        }
        print("crawl_pages", Integer.toString(fetched.get()));
        print("crawl_failed", Integer.toString(failed.get()));
        print("crawl_seconds", String.format(Locale.ROOT, "%.1f", (System.nanoTime() - start) / 1e9));
    }

    private static boolean crawlable(String link) {
        return !link.startsWith("//")
                && !link.startsWith("/newsroom")
                && !link.startsWith("/media/")
                && !link.startsWith("/api/")
                && !link.startsWith("/assets/")
                && !link.endsWith(".xml")
                && !link.endsWith(".json");
    }

    private record Timed(int status, double ms, String body) {}

    private Timed get(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(60))
                .build();
        long start = System.nanoTime();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        double ms = (System.nanoTime() - start) / 1e6;
        return new Timed(response.statusCode(), ms, response.body());
    }

    private static String unescape(String href) {
        return href.replace("&amp;", "&");
    }

    private static void report(String name, List<Double> ms) {
        if (ms.isEmpty()) {
            print(name + "_n", "0");
            return;
        }
        List<Double> sorted = new ArrayList<>(ms);
        Collections.sort(sorted);
        print(name + "_n", Integer.toString(sorted.size()));
        print(name + "_p50", format(percentile(sorted, 50)));
        print(name + "_p95", format(percentile(sorted, 95)));
        print(name + "_p99", format(percentile(sorted, 99)));
    }

    /** p50, p95, p99 and the slowest of {@code sorted} times, one line, as the search tools print them. */
    static String summary(List<Double> sorted, String over) {
        return String.format(
                Locale.ROOT,
                "p50 %.2f  p95 %.2f  p99 %.2f  max %.2f ms over %d " + over,
                percentile(sorted, 50),
                percentile(sorted, 95),
                percentile(sorted, 99),
                sorted.getLast(),
                sorted.size());
    }

    /** Nearest rank. */
    static double percentile(List<Double> sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    private static String format(double ms) {
        return String.format(Locale.ROOT, "%.2f", ms);
    }

    private static void print(String name, String value) {
        System.out.println(name + " " + value);
        System.out.flush();
    }

    private static long statusKib(String pid, String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", pid, "status"))) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        throw new IOException("No " + field + " in /proc/" + pid + "/status");
    }

    /**
     * Published stories' addresses at random places in the archive: ids begin with their
     * creation time, so a random time's prefix finds the next story by the primary key.
     */
    static List<String> sampleStories(String jdbcUrl, int count) throws SQLException {
        Set<String> paths = new LinkedHashSet<>();
        Random random = new Random(7);
        try (Connection c = DriverManager.getConnection(jdbcUrl)) {
            long low;
            long high;
            try (PreparedStatement s = c.prepareStatement("SELECT MIN(id), MAX(id) FROM stories");
                    ResultSet rs = s.executeQuery()) {
                rs.next();
                low = time(rs.getString(1));
                high = time(rs.getString(2));
            }
            // The status is checked here, not in SQL: with it there, SQLite walks the status index of
            // every published story and sorts (minutes at a million) instead of the primary key.
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT slug, first_published_at, status FROM stories" + " WHERE id >= ? ORDER BY id LIMIT 10")) {
                for (int tries = 0; paths.size() < count && tries < count * 20; tries++) {
                    s.setString(1, prefix(low + (long) (random.nextDouble() * (high - low))));
                    try (ResultSet rs = s.executeQuery()) {
                        boolean found = false;
                        while (!found && rs.next()) {
                            found = rs.getString(3).equals("published");
                        }
                        if (found) {
                            ZonedDateTime day = Instant.parse(rs.getString(2)).atZone(ZoneOffset.UTC);
                            paths.add(String.format(
                                    Locale.ROOT,
                                    "/%04d/%02d/%02d/%s",
                                    day.getYear(),
                                    day.getMonthValue(),
                                    day.getDayOfMonth(),
                                    rs.getString(1)));
                        }
                    }
                }
            }
        }
        List<String> out = new ArrayList<>(paths);
        Collections.shuffle(out, random);
        return out;
    }

    private static long time(String ulid) {
        long t = 0;
        for (int i = 0; i < 10; i++) {
            t = t * 32 + new String(ULID).indexOf(ulid.charAt(i));
        }
        return t;
    }

    private static String prefix(long time) {
        char[] out = new char[10];
        for (int i = 9; i >= 0; i--) {
            out[i] = ULID[(int) (time & 31)];
            time >>>= 5;
        }
        return new String(out);
    }
}
