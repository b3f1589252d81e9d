package org.lede.web.reader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lede.reading.SearchPage;
import org.lede.reading.SiteSettings;
import org.lede.search.SearchQuery;
import org.lede.topic.Topic;

/** The search page's links carry the whole search, so each step works without script. */
class SearchPageModelTest {
    private static final Topic WORLD = new Topic("t1", "world", "World", null, 1);

    private static SearchPageModel model(
            String text,
            List<Topic> topics,
            LocalDate from,
            LocalDate to,
            SearchQuery.Sort sort,
            long total,
            boolean exact) {
        SearchPage search = new SearchPage(
                text,
                false,
                topics,
                List.of(),
                List.of(),
                from,
                to,
                sort,
                true,
                List.of(),
                true,
                List.of(),
                total,
                exact,
                "CURSOR+/=",
                SearchPage.Facets.NONE);
        Page page = new Page(
                new SiteSettings("Test", null, "https://news.example", ZoneId.of("UTC")),
                List.of(WORLD),
                List.of(),
                "Search",
                null,
                null,
                "/search");
        return new SearchPageModel(page, search, false);
    }

    @Test
    void linksKeepTheWordsAndFiltersAndTheCursorIsEncoded() {
        SearchPageModel model = model("ferry & tram", List.of(WORLD), null, null, SearchQuery.Sort.RELEVANCE, 3, true);
        assertEquals("/search?q=ferry+%26+tram&topic=world&after=CURSOR%2B%2F%3D", model.nextHref());
        assertEquals("/search?q=ferry+%26+tram&topic=world", model.firstHref());
        assertEquals("/search?q=ferry+%26+tram", model.withoutFiltersHref());
        assertEquals("/search?q=ferry+%26+tram", model.topicHref("world"), "a chosen topic's link removes it");
        assertEquals("/search?q=ferry+%26+tram&topic=world&topic=science", model.topicHref("science"));
        assertEquals("/search?q=ferry+%26+tram&topic=world&sort=newest", model.sortHref("newest"));
    }

    @Test
    void aYearLinkChoosesTheYearOrClearsIt() {
        SearchPageModel none = model("tram", List.of(), null, null, SearchQuery.Sort.RELEVANCE, 1, true);
        assertEquals("/search?q=tram&from=2024-01-01&to=2024-12-31", none.yearHref("2024"));
        assertFalse(none.yearSelected("2024"));
        SearchPageModel chosen = model(
                "tram",
                List.of(),
                LocalDate.of(2024, 1, 1),
                LocalDate.of(2024, 12, 31),
                SearchQuery.Sort.RELEVANCE,
                1,
                true);
        assertTrue(chosen.yearSelected("2024"));
        assertFalse(chosen.yearSelected("2023"));
        assertEquals("/search?q=tram", chosen.yearHref("2024"));
    }

    @Test
    void theDefaultOrderIsLeftOutOfLinks() {
        assertEquals(
                "/search?q=tram",
                model("tram", List.of(), null, null, SearchQuery.Sort.RELEVANCE, 1, true)
                        .firstHref());
        assertEquals(
                "/search?q=tram&sort=newest",
                model("tram", List.of(), null, null, SearchQuery.Sort.NEWEST, 1, true)
                        .firstHref());
        assertEquals(
                "/search?topic=world",
                model("", List.of(WORLD), null, null, SearchQuery.Sort.NEWEST, 1, true)
                        .firstHref(),
                "without words, newest first is the default");
    }

    @Test
    void countsSayAboutWhenTheIndexStoppedCounting() {
        assertEquals(
                "1 result",
                model("x", List.of(), null, null, SearchQuery.Sort.RELEVANCE, 1, true)
                        .countText());
        assertEquals(
                "1,234 results",
                model("x", List.of(), null, null, SearchQuery.Sort.RELEVANCE, 1234, true)
                        .countText());
        assertEquals(
                "About 10,000+ results",
                model("x", List.of(), null, null, SearchQuery.Sort.RELEVANCE, 10_000, false)
                        .countText());
    }
}
