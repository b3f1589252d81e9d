package org.lede.web.reader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lede.demo.DemoContent;
import org.lede.reading.Urls;
import org.lede.story.Story;
import org.lede.story.StoryKind;
import org.lede.topic.Topic;
import org.lede.user.Actor;
import org.lede.web.Eventually;
import org.lede.web.SearchStories;
import org.lede.web.WebServerTest;

/** The reader site's /search page, through the real index, on both databases. */
class SearchPageTest extends WebServerTest {
    SearchStories stories;

    @BeforeEach
    void setUp() {
        stories = new SearchStories(web);
    }

    private static String url(Story story) {
        return Urls.story(story, ZoneId.of("UTC"));
    }

    private static String q(String text) {
        return "/search?q=" + URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private Document page(String path) {
        HttpResponse<String> response = web.get(path);
        assertEquals(200, response.statusCode(), path + ": " + response.body());
        return Jsoup.parse(response.body());
    }

    /** The addresses of the results a search page lists, in order. */
    private static List<String> results(Document page) {
        List<String> urls = new ArrayList<>();
        page.select("ol.results li.card h2 a").forEach(a -> urls.add(a.attr("href")));
        return urls;
    }

    private void awaitFound(String path, String url) {
        Eventually.until(path + " to list " + url, () -> results(page(path)).contains(url));
    }

    @Test
    void wordsInTheDemoAreFoundAndSoAreTheirMisspellings() {
        new DemoContent(web.newsroom.services, dir.resolve("media")).load();
        String runoff = "/veloria-presidential-runoff";
        Eventually.until(
                "the demo in the index",
                () -> results(page(q("Veloria runoff"))).stream().anyMatch(u -> u.endsWith(runoff)));

        Document found = page(q("Veloria runoff"));
        assertTrue(results(found).getFirst().endsWith(runoff), results(found).toString());
        Element first = found.selectFirst("ol.results li.card");
        assertFalse(first.select("mark").isEmpty(), "the matched words are marked: " + first);
        assertTrue(first.select("mark").stream().anyMatch(m -> m.text().equalsIgnoreCase("runoff")), first.toString());
        assertNotNull(found.selectFirst("meta[name=robots][content=noindex]"), "results are not for search engines");

        // One letter left out of "Tidewell", and one swapped in "Veloria".
        assertTrue(
                results(page(q("Tidwell"))).stream().anyMatch(u -> u.contains("tidewell")),
                "a misspelling finds the word");
        assertTrue(
                results(page(q("Velorai presidential"))).stream().anyMatch(u -> u.endsWith(runoff)),
                "a transposition finds the word");
        assertTrue(
                results(page(q("\"presidential runoff\""))).stream().anyMatch(u -> u.endsWith(runoff)),
                "a phrase in quotes");
    }

    @Test
    void highlightedTextIsEscapedNeverMarkup() {
        Story story = stories.publish("Harbour <b>tunnel</b> plan", "The zanzibarite <script>alert(1)</script> vote.");
        awaitFound(q("zanzibarite"), url(story));
        String body = web.get(q("zanzibarite")).body();
        assertFalse(body.contains("<script>alert(1)"), "stored text is escaped");
        assertFalse(body.contains("<b>tunnel</b>"), "stored text is escaped");
        assertTrue(body.contains("<mark>zanzibarite</mark>"), body);
    }

    @Test
    void anEmptySearchIsAHelpfulPage() {
        Topic topic = web.newsroom.topic("harbour", "Harbour");
        HttpResponse<String> response = web.get("/search");
        assertEquals(200, response.statusCode());
        Document page = Jsoup.parse(response.body());
        Element form = page.selectFirst("form[role=search][method=get][action=/search]");
        assertNotNull(form, "a form that works without script");
        Element input = form.selectFirst("input[type=search][name=q]");
        assertNotNull(page.selectFirst("label[for=" + input.id() + "]"), "the box is labelled");
        assertTrue(page.text().contains("Search tips"), page.text());
        assertNotNull(page.selectFirst("a[href=/topics/" + topic.slug() + "]"), "the topics are offered");
        assertTrue(results(page).isEmpty());
        assertTrue(page.select("meta[name=robots]").isEmpty(), "the bare page may be listed by search engines");
        assertTrue(response.headers().firstValue("X-Robots-Tag").isEmpty());
        assertEquals(
                "https://news.example/search",
                page.selectFirst("link[rel=canonical]").attr("href"));
        HttpResponse<String> blank = web.get("/search?q=%20%20");
        assertEquals(200, blank.statusCode());
        assertNotNull(
                Jsoup.parse(blank.body()).selectFirst("meta[name=robots][content=noindex]"),
                "any query is kept from search engines");
    }

    @Test
    void everyReaderPageLinksToSearchAndItsOpenSearchDescription() {
        Document home = page("/");
        assertNotNull(home.selectFirst("header a[href=/search]"), "readers find the search");
        Element link = home.selectFirst("link[rel=search]");
        assertEquals("application/opensearchdescription+xml", link.attr("type"));
        HttpResponse<String> description = web.get(link.attr("href"));
        assertEquals(200, description.statusCode());
        assertTrue(description
                .headers()
                .firstValue("Content-Type")
                .orElse("")
                .startsWith("application/opensearchdescription+xml"));
        Document xml = Jsoup.parse(description.body(), "", org.jsoup.parser.Parser.xmlParser());
        assertEquals(
                "http://a9.com/-/spec/opensearch/1.1/",
                xml.selectFirst("OpenSearchDescription").attr("xmlns"));
        assertTrue(xml.selectFirst("ShortName").text().length() <= 16);
        assertEquals(
                "https://news.example/search?q={searchTerms}",
                xml.selectFirst("Url[type=text/html]").attr("template"));
    }

    @Test
    void noResultsSaysSoAndSuggestsWhatToTry() {
        Topic topic = web.newsroom.topic("harbour", "Harbour");
        Story story = stories.publish("Quay rebuilt", "The quokkaberg quay reopened.");
        awaitFound(q("quokkaberg"), url(story));

        Document none = page(q("xylophonic zebrawood"));
        assertTrue(results(none).isEmpty());
        assertTrue(none.text().contains("No results"), none.text());
        assertTrue(none.text().contains("spelling"), none.text());

        Document filtered = page(q("quokkaberg") + "&topic=" + topic.slug());
        assertTrue(results(filtered).isEmpty(), "the story is in another topic");
        Element without = filtered.selectFirst("a:contains(Search without filters)");
        assertNotNull(without, filtered.toString());
        assertTrue(results(page(without.attr("href"))).contains(url(story)), "removing the filter finds it");
    }

    @Test
    void filtersNarrowAndCountWhatEachWouldLeave() {
        Topic harbour = web.newsroom.topic("harbour", "Harbour");
        Topic weather = web.newsroom.topic("weather", "Weather");
        Story a = stories.publish(stories.draft("Gale closes the quay", "The marrowind gale shut the quay.")
                .withTopic(harbour.id()));
        Story b = stories.publish(stories.draft("Gale warning", "The marrowind gale reaches the hills.")
                .withTopic(weather.id()));
        Story c = stories.publish(stories.draft("Gale analysis", "Why the marrowind gale lingered.")
                .withTopic(weather.id()));
        awaitFound(q("marrowind"), url(c));
        Eventually.until("all three", () -> results(page(q("marrowind"))).size() == 3);

        Document all = page(q("marrowind"));
        assertTrue(all.text().contains("3 results"), all.text());
        Element harbourLink = all.selectFirst("nav.facets a[href*=topic=harbour]");
        assertNotNull(harbourLink, all.toString());
        assertEquals("1", harbourLink.parent().selectFirst(".count").text());
        Element weatherLink = all.selectFirst("nav.facets a[href*=topic=weather]");
        assertEquals("2", weatherLink.parent().selectFirst(".count").text());

        Document onlyWeather = page(weatherLink.attr("href"));
        assertEquals(Set.of(url(b), url(c)), Set.copyOf(results(onlyWeather)));
        Element chosen = onlyWeather.selectFirst("nav.facets a.on");
        assertTrue(chosen.text().startsWith("Weather"), chosen.toString());
        assertEquals(q("marrowind").replace("%20", "+"), chosen.attr("href"), "the chosen topic's link removes it");

        Document newest = page(q("marrowind") + "&sort=newest");
        assertEquals(List.of(url(c), url(b), url(a)), results(newest), "newest first");

        Document year = page(q("marrowind") + "&from=2026-01-01&to=2026-12-31");
        assertEquals(3, results(year).size());
        Document before = page(q("marrowind") + "&to=2025-12-31");
        assertTrue(results(before).isEmpty(), "nothing was published before 2026");

        Document kinds = page(q("marrowind") + "&kind=opinion");
        assertTrue(results(kinds).isEmpty(), "all three are news");
        assertEquals(3, results(page(q("marrowind") + "&kind=news")).size());
        assertEquals(StoryKind.NEWS, a.draft().kind());
    }

    @Test
    void moreResultsWalksEveryResultOnceByCursor() {
        List<String> published = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            published.add(url(stories.publish("Harbour notes " + i, "The pelagorn survey, part " + i + ".")));
        }
        awaitFound(q("pelagorn") + "&sort=newest", published.getLast());
        Eventually.until("every story", () -> page(q("pelagorn")).text().contains("23 results"));

        List<String> seen = new ArrayList<>();
        String path = q("pelagorn");
        int pages = 0;
        while (path != null) {
            Document page = page(path);
            seen.addAll(results(page));
            Element more = page.selectFirst("nav.pager a[rel=next]");
            path = more == null ? null : more.attr("href");
            if (path != null) {
                assertTrue(path.contains("after="), path);
                assertFalse(path.contains("page="), "no page numbers: " + path);
            }
            pages++;
            assertTrue(pages < 10, "the walk ends");
        }
        assertEquals(3, pages);
        assertEquals(23, seen.size(), seen.toString());
        assertEquals(Set.copyOf(published), new HashSet<>(seen), "each once");
    }

    @Test
    void aDraftNeverShowsAndAPublishedOneDoes() {
        Story draft = stories.saveDraft(Actor.SYSTEM, stories.draft("Secret plan", "The glimmerquark plan."));
        // Published after the draft was saved: once it shows, the index has read past the draft.
        Story later = stories.publish("Other news", "The glimmerquark rumour.");
        awaitFound(q("glimmerquark"), url(later));
        assertEquals(List.of(url(later)), results(page(q("glimmerquark"))), "the draft stays out");
        assertTrue(results(page(q("secret plan"))).isEmpty(), "not by its own words either");

        Story live = stories.publishDraft(draft);
        awaitFound(q("glimmerquark"), url(live));
    }

    @Test
    void anUnpublishedStoryLeavesTheResultsWithinASecond() {
        Story story = stories.publish("Bridge reopens", "The vorthelm bridge reopened.");
        awaitFound(q("vorthelm"), url(story));
        stories.unpublish(story);
        long start = System.nanoTime();
        Eventually.until(
                "the story gone from results",
                () -> results(page(q("vorthelm"))).isEmpty());
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < 1000, "gone after " + millis + " ms");
    }

    @Test
    void absurdInputGetsTheFormAndAMessageNeverAnError() {
        String[] queries = {
            "q=" + "tram+".repeat(2_000),
            "q=" + "x".repeat(10_000),
            "q=%00%01%02%1B%7F",
            "q=%22",
            "q=%22%22%22",
            "q=title%3A(a+OR",
            "q=*%3F~%5E%5B%5D%7B%7D%5C%2F%26%26%7C%7C%21-%2B",
            "q=%F0%9F%98%80%E2%80%AE",
            "q=tram&from=2024-13-45",
            "q=tram&to=yesterday",
            "q=tram&from=2025-06-01&to=2024-01-01",
            "q=tram&topic=no-such-topic",
            "q=tram&author=nobody-at-all",
            "q=tram&kind=rumour",
            "q=tram&sort=sideways",
            "q=tram&after=not-a-cursor",
            "q=tram&after=%00%00",
            "after=garbage",
            "q=tram&limit=5000",
            "topic=&author=&kind=&from=&to=",
        };
        Story story = stories.publish("Tram extension", "The tram line grows.");
        awaitFound(q("tram"), url(story));
        for (String query : queries) {
            HttpResponse<String> response = web.get("/search?" + query);
            int status = response.statusCode();
            assertTrue(
                    status == 200 || status == 400, query.substring(0, Math.min(60, query.length())) + ": " + status);
            Document page = Jsoup.parse(response.body());
            assertNotNull(
                    page.selectFirst("form[role=search] input[name=q]"),
                    "the form comes back: " + query.substring(0, Math.min(60, query.length())));
            if (status == 400) {
                assertNotNull(page.selectFirst("[role=alert]"), "and says what is wrong: " + query);
            }
        }
        assertEquals(400, web.get("/search?q=tram&topic=no-such-topic").statusCode());
        assertEquals(400, web.get("/search?q=tram&after=not-a-cursor").statusCode());
        assertEquals(400, web.get("/search?q=tram&from=2024-13-45").statusCode());
        assertEquals(200, web.get("/search?q=title%3A(a+OR").statusCode());
        Document longOne = page("/search?q=" + "tram+".repeat(2_000));
        assertTrue(results(longOne).contains(url(story)), "a long search is cut, not refused");
        assertTrue(longOne.selectFirst("input[name=q]").val().length() <= 200, "the words searched for are shown");
    }

    @Test
    void answersAreNeverServedFromThePageCacheAndExpireSoon() {
        Story ferry = stories.publish("Ferry fares", "The ferrimondo fare.");
        Story tram = stories.publish("Tram fares", "The trammelgo fare.");
        awaitFound(q("ferrimondo"), url(ferry));
        awaitFound(q("trammelgo"), url(tram));
        // The page cache keys reader pages by path and page number alone: were a search kept
        // there, every later search would be answered with the first one's results.
        assertEquals(List.of(url(ferry)), results(page(q("ferrimondo"))));
        assertEquals(List.of(url(tram)), results(page(q("trammelgo"))));
        assertEquals(List.of(url(ferry)), results(page(q("ferrimondo"))));

        HttpResponse<String> response = web.get(q("ferrimondo"));
        String cacheControl = response.headers().firstValue("Cache-Control").orElse("");
        assertTrue(cacheControl.contains("max-age=10"), cacheControl);
        assertTrue(
                response.headers().firstValue("Surrogate-Key").orElse("").contains("story:" + ferry.id()),
                "a CDN can purge it with the story");
        assertEquals("noindex", response.headers().firstValue("X-Robots-Tag").orElse(""));
    }
}
