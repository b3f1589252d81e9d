package org.lede.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reader site as a crawler, the W3C checker and a screen reader's rules see it: every page reached
 * from the front page is valid HTML, every kind of page passes axe-core at desktop and phone widths,
 * and nothing scrolls sideways on a phone.
 */
class SiteValidityTest {
    private static final int MAX_PAGES = 60;
    private static final String MISSING_PATH = "/no-such-page/for-sure";

    @RegisterExtension
    static final DemoSite site = new DemoSite();

    @TempDir
    static Path pages;

    /** Every page fetched, in breadth-first order from the front page, by path (with query). */
    private static final Map<String, Fetched> crawl = new LinkedHashMap<>();
    /** Each same-site link followed, with the page it was found on, to report broken ones by origin. */
    private static final Map<String, String> linkedFrom = new LinkedHashMap<>();
    /** Links no browser could follow, with the page they are on. */
    private static final List<String> unparseable = new ArrayList<>();

    private static Chromium chromium;

    record Fetched(String path, int status, String contentType, String body, String location) {
        boolean isHtml() {
            return contentType.startsWith("text/html");
        }
    }

    enum Kind {
        HOME(Pattern.compile("/")),
        /** A stream's page after its first: the home's, a topic's or an author's. */
        OLDER(Pattern.compile("(/(topics|authors)/[^/?#]+)?/older/\\d{17}-[0-9A-Za-z]+")),
        TOPIC(Pattern.compile("/topics/[^/?#]+")),
        STORY(Pattern.compile("/\\d{4}/\\d{2}/\\d{2}/[^/?#]+")),
        AUTHOR(Pattern.compile("/authors/[^/?#]+")),
        DASHBOARD(Pattern.compile("/dashboards/[^/?#]+")),
        /** Search results: the crawl starts there too, since no page links to a search with words. */
        SEARCH(Pattern.compile("/search\\?q=.+")),
        /** A site page such as About, linked from every footer. */
        PAGE(Pattern.compile("/[a-z0-9]+(-[a-z0-9]+)*")),
        NOT_FOUND(null);

        final Pattern path;

        Kind(Pattern path) {
            this.path = path;
        }

        static Optional<Kind> of(Fetched page) {
            if (page.status() == 404) {
                return Optional.of(NOT_FOUND);
            }
            if (page.status() != 200) {
                return Optional.empty();
            }
            for (Kind kind : values()) {
                if (kind.path != null && kind.path.matcher(page.path()).matches()) {
                    return Optional.of(kind);
                }
            }
            return Optional.empty();
        }
    }

    /** A word the demo's stories hold, so the search page shows results, marks and filters. */
    static final String SEARCH_PATH = "/search?q=Veloria";

    @BeforeAll
    static void crawlFromTheFrontPage() {
        // The index follows the outbox in the background: wait until it has read the demo.
        Eventually.until(
                "the demo in the search index",
                () -> Jsoup.parse(site.get(SEARCH_PATH).body()).selectFirst("ol.results li") != null);
        Queue<String> queue = new ArrayDeque<>(List.of("/", SEARCH_PATH));
        Set<String> seen = new LinkedHashSet<>(queue);
        while (!queue.isEmpty() && crawl.size() < MAX_PAGES) {
            String path = queue.remove();
            Fetched page = fetch(path);
            crawl.put(path, page);
            List<String> next = new ArrayList<>();
            if (page.location() != null) {
                next.add(page.location());
            }
            if (page.isHtml()) {
                Document doc = Jsoup.parse(page.body(), site.url(path));
                for (Element a : doc.select("a[href]")) {
                    next.add(a.attr("abs:href"));
                }
            }
            for (String href : next) {
                if (href.isEmpty()) {
                    continue;
                }
                if (!parses(href)) {
                    unparseable.add("  " + href + " (on " + path + ")");
                    continue;
                }
                onSitePath(href)
                        .filter(p -> !p.startsWith("/media/"))
                        .filter(seen::add)
                        .ifPresent(p -> {
                            linkedFrom.put(p, path);
                            queue.add(p);
                        });
            }
        }
        // Not linked from anywhere on purpose: the error page is a page readers do see.
        crawl.put(MISSING_PATH, fetch(MISSING_PATH));
    }

    @AfterAll
    static void closeBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    private static Fetched fetch(String path) {
        HttpResponse<String> r = site.get(path);
        return new Fetched(
                path,
                r.statusCode(),
                r.headers().firstValue("Content-Type").orElse(""),
                r.body(),
                r.headers()
                        .firstValue("Location")
                        .map(l -> URI.create(site.url(path)).resolve(l).toString())
                        .orElse(null));
    }

    private static boolean parses(String href) {
        try {
            URI.create(href);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The path and query of a link into the site, without its fragment; empty for other sites. */
    private static Optional<String> onSitePath(String href) {
        URI uri = URI.create(href);
        if (!site.isOnSite(uri)) {
            return Optional.empty();
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return Optional.of(uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery());
    }

    private static Map<Kind, Fetched> onePageOfEachKind() {
        Map<Kind, Fetched> found = new EnumMap<>(Kind.class);
        for (Fetched page : crawl.values()) {
            Kind.of(page).ifPresent(kind -> found.putIfAbsent(kind, page));
        }
        return found;
    }

    private static Chromium chromium() {
        if (chromium == null) {
            chromium = Chromium.start();
        }
        return chromium;
    }

    @Test
    void crawlReachesEveryKindOfReaderPageFromTheFrontPage() {
        Set<Kind> found = onePageOfEachKind().keySet();
        Set<Kind> missing = new LinkedHashSet<>(List.of(Kind.values()));
        missing.removeAll(found);
        assertTrue(
                missing.isEmpty(),
                "no page answered 200 for " + missing + " among the " + crawl.size()
                        + " pages crawled:\n"
                        + crawl.values().stream()
                                .map(p -> "  " + p.status() + " " + p.path())
                                .collect(Collectors.joining("\n")));
    }

    @Test
    void everySameSiteLinkLeadsToAPage() {
        List<String> broken = new ArrayList<>();
        for (Fetched page : crawl.values()) {
            if (page.path().equals(MISSING_PATH)) {
                continue;
            }
            boolean redirectOnSite = page.status() / 100 == 3
                    && page.location() != null
                    && onSitePath(page.location()).isPresent();
            if (page.status() != 200 && !redirectOnSite) {
                broken.add("  " + page.status() + " " + page.path() + " (linked from " + linkedFrom.get(page.path())
                        + ")");
            }
        }
        assertTrue(unparseable.isEmpty(), "links that are not valid URLs:\n" + String.join("\n", unparseable));
        assertTrue(
                broken.isEmpty(),
                broken.size() + " of " + (crawl.size() - 1) + " linked pages do not answer 200:\n"
                        + String.join("\n", broken));
    }

    /** Readers' browsers talk to no one else: every resource a page loads comes from the site itself. */
    @Test
    void pagesLoadNothingFromAnotherSite() {
        List<String> foreign = new ArrayList<>();
        int resources = 0;
        for (Fetched page : crawl.values()) {
            if (!page.isHtml()) {
                continue;
            }
            Document doc = Jsoup.parse(page.body(), site.url(page.path()));
            for (Element e : doc.select(
                    "img[src], img[srcset], script[src], link[href], iframe[src], source[srcset], video[src], audio[src]")) {
                if (e.tagName().equals("link")
                        && !e.attr("rel").matches("(?i).*(stylesheet|icon|preload|modulepreload|manifest).*")) {
                    continue;
                }
                List<String> urls = new ArrayList<>();
                for (String attr : List.of("src", "href")) {
                    if (e.hasAttr(attr)) {
                        urls.add(e.absUrl(attr));
                    }
                }
                for (String candidate : e.attr("srcset").split(",")) {
                    if (!candidate.isBlank()) {
                        urls.add(URI.create(doc.location())
                                .resolve(candidate.strip().split("\\s+")[0])
                                .toString());
                    }
                }
                for (String url : urls) {
                    resources++;
                    if (onSitePath(url).isEmpty()) {
                        foreign.add("  " + url + " (on " + page.path() + ")");
                    }
                }
            }
        }
        assertTrue(resources > 0, "the crawl found no images at all, so this test would prove nothing");
        assertTrue(foreign.isEmpty(), "resources from other sites:\n" + String.join("\n", foreign));
    }

    @Test
    void unknownAddressGetsTheStyledNotFoundPage() {
        Fetched missing = crawl.get(MISSING_PATH);
        assertEquals(404, missing.status());
        assertTrue(missing.isHtml(), "a reader gets a page, not " + missing.contentType());
        assertTrue(
                Jsoup.parse(missing.body()).select("a[href=\"/\"]").size() > 0,
                "the 404 page links back to the front page");
    }

    @Test
    void everyCrawledPageAndTheNotFoundPageIsValidHtml() throws Exception {
        Map<String, String> pathOfFile = new LinkedHashMap<>();
        List<Path> files = new ArrayList<>();
        for (Fetched page : crawl.values()) {
            if (!page.isHtml()) {
                continue;
            }
            String name = String.format("page-%03d.html", files.size() + 1);
            Path file = pages.resolve(name);
            Files.writeString(file, page.body(), StandardCharsets.UTF_8);
            files.add(file);
            pathOfFile.put(name, page.status() == 200 ? page.path() : page.path() + " (" + page.status() + ")");
        }
        assertTrue(files.size() >= 3, "the crawl found too few pages to mean anything: " + crawl.keySet());
        List<HtmlValidator.Message> errors = HtmlValidator.errorsWithControl(pages, files, "the site");
        if (!errors.isEmpty()) {
            fail(errors.size() + " HTML errors in " + files.size() + " pages:\n"
                    + errors.stream()
                            .map(e -> "  " + pathOfFile.getOrDefault(e.file(), e.file()) + " line " + e.line() + ": "
                                    + e.text() + (e.extract().isEmpty() ? "" : "\n      " + e.extract()))
                            .collect(Collectors.joining("\n")));
        }
    }

    @Test
    void onePageOfEachKindHasNoAxeViolationsAtDesktopAndPhoneWidths() {
        TestTools.axeScript();
        Chromium browser = chromium();
        // As with the validator: axe must be seen to catch a known fault before its silence counts.
        browser.driver.get("data:text/html,<!DOCTYPE html><title>t</title><img src=x.png>");
        List<String> control =
                browser.axe().stream().map(Chromium.AxeViolation::id).toList();
        assertTrue(control.contains("image-alt"), "axe-core did not flag an img without alt: " + control);
        Map<Kind, Fetched> sample = onePageOfEachKind();
        List<String> report = new ArrayList<>();
        for (int width : List.of(Chromium.DESKTOP_WIDTH, Chromium.PHONE_WIDTH)) {
            browser.width(width);
            for (Map.Entry<Kind, Fetched> e : sample.entrySet()) {
                browser.driver.get(site.url(e.getValue().path()));
                List<Chromium.AxeViolation> violations = browser.axe();
                for (Chromium.AxeViolation v : violations) {
                    report.add("  " + e.getKey() + " " + e.getValue().path() + " at " + width + " px: " + v);
                }
            }
        }
        assertTrue(
                sample.containsKey(Kind.HOME) && sample.containsKey(Kind.STORY),
                "axe needs at least the front page and a story to check; found " + sample.keySet());
        assertTrue(
                report.isEmpty(),
                report.size() + " axe-core violations on " + sample.keySet() + ":\n" + String.join("\n", report));
    }

    @Test
    void onePageOfEachKindHasNoAxeViolationsInTheDarkColourScheme() {
        TestTools.axeScript();
        Chromium browser = chromium();
        Map<Kind, Fetched> sample = onePageOfEachKind();
        List<String> report = new ArrayList<>();
        try {
            prefersColorScheme(browser, "dark");
            // A contrast fault that exists only in a dark palette: axe must flag it, or the emulation is not
            // reaching the page and the silence below would mean nothing.
            browser.driver.get(
                    "data:text/html,<!DOCTYPE html><html lang=en><title>t</title><style>"
                            + "@media (prefers-color-scheme:dark){body{background:rgb(18,18,18);color:rgb(51,51,51)}}</style><p>Dim text</p>");
            List<String> control =
                    browser.axe().stream().map(Chromium.AxeViolation::id).toList();
            assertTrue(
                    control.contains("color-contrast"),
                    "axe-core did not flag dark grey on black in the dark scheme: " + control);
            for (int width : List.of(Chromium.DESKTOP_WIDTH, Chromium.PHONE_WIDTH)) {
                browser.width(width);
                for (Map.Entry<Kind, Fetched> e : sample.entrySet()) {
                    browser.driver.get(site.url(e.getValue().path()));
                    double luminance = ((Number) browser.script("""
                            const [r, g, b] = getComputedStyle(document.body).backgroundColor.match(/[\\d.]+/g).map(Number)
                              .map(c => c / 255).map(c => c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
                            return 0.2126 * r + 0.7152 * g + 0.0722 * b;
                            """)).doubleValue();
                    assertTrue(
                            luminance < 0.2,
                            e.getKey() + " " + e.getValue().path()
                                    + ": the page kept a light background in the dark colour scheme (relative luminance "
                                    + luminance + ")");
                    for (Chromium.AxeViolation v : browser.axe()) {
                        report.add("  " + e.getKey() + " " + e.getValue().path() + " at " + width + " px, dark: " + v);
                    }
                }
            }
        } finally {
            prefersColorScheme(browser, null);
        }
        assertTrue(
                sample.containsKey(Kind.HOME) && sample.containsKey(Kind.STORY),
                "axe needs at least the front page and a story to check; found " + sample.keySet());
        assertTrue(
                report.isEmpty(),
                report.size() + " axe-core violations in the dark colour scheme on " + sample.keySet() + ":\n"
                        + String.join("\n", report));
    }

    /** Emulates the reader's system colour scheme, or with null goes back to the browser's own. */
    private static void prefersColorScheme(Chromium browser, String scheme) {
        browser.driver.executeCdpCommand(
                "Emulation.setEmulatedMedia",
                Map.of(
                        "features",
                        scheme == null ? List.of() : List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
    }

    @Test
    void noPageScrollsSidewaysOnAPhone() {
        Chromium browser = chromium();
        browser.width(Chromium.PHONE_WIDTH);
        List<String> overflowing = new ArrayList<>();
        int checked = 0;
        for (Fetched page : crawl.values()) {
            if (!page.isHtml()) {
                continue;
            }
            browser.driver.get(site.url(page.path()));
            checked++;
            @SuppressWarnings("unchecked")
            List<Object> widths = (List<Object>) browser.script("""
                    const wide = [...document.body.querySelectorAll('*')]
                      .filter(e => e.getBoundingClientRect().right > window.innerWidth + 0.5)
                      .filter(e => !e.parentElement || e.parentElement.getBoundingClientRect().right <= window.innerWidth + 0.5)
                      .slice(0, 3)
                      .map(e => e.tagName.toLowerCase() + (e.className ? '.' + String(e.className).trim().split(/\\s+/).join('.') : '')
                        + ' ' + Math.round(e.getBoundingClientRect().right) + 'px');
                    return [document.documentElement.scrollWidth, window.innerWidth, wide.join(', ')];
                    """);
            long scrollWidth = ((Number) widths.get(0)).longValue();
            long innerWidth = ((Number) widths.get(1)).longValue();
            if (scrollWidth > innerWidth) {
                overflowing.add("  " + page.path() + ": " + scrollWidth + " px wide in a " + innerWidth
                        + " px viewport; sticking out: " + widths.get(2));
            }
        }
        assertTrue(checked >= 3, "too few pages crawled to mean anything: " + crawl.keySet());
        assertTrue(
                overflowing.isEmpty(),
                overflowing.size() + " of " + checked + " pages scroll sideways at " + Chromium.PHONE_WIDTH + " px:\n"
                        + String.join("\n", overflowing));
    }
}
