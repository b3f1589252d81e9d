package org.lede.reading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lede.search.SearchQuery;

/** How a reader's search is read from a query string, before anything is looked up. */
class SearchFormTest {
    @Test
    void readsRepeatedFiltersAndTheFirstValueOfTheOthers() {
        SearchForm form = SearchForm.of(
                Map.of(
                        "q", List.of("ferry strike", "ignored"),
                        "topic", List.of("world", " ", "politics", "world"),
                        "author", List.of("nora-lindqvist"),
                        "kind", List.of("news", "dashboard"),
                        "from", List.of("2024-01-01"),
                        "to", List.of(""),
                        "sort", List.of("newest"),
                        "after", List.of("abc")),
                "after");
        assertEquals("ferry strike", form.text());
        assertEquals(List.of("world", "politics"), form.topics());
        assertEquals(List.of("nora-lindqvist"), form.authors());
        assertEquals(List.of("news", "dashboard"), form.kinds());
        assertEquals("2024-01-01", form.from());
        assertNull(form.to());
        assertEquals("newest", form.sort());
        assertEquals("abc", form.cursor());
        assertEquals("after", form.cursorName());
    }

    @Test
    void theCursorIsReadUnderTheNameTheCallerUses() {
        Map<String, List<String>> query = Map.of("cursor", List.of("abc"), "after", List.of("def"));
        assertEquals("abc", SearchForm.of(query, "cursor").cursor());
        assertEquals("def", SearchForm.of(query, "after").cursor());
    }

    @Test
    void emptyOnlyWithoutWordsAndFilters() {
        assertTrue(SearchForm.of(Map.of(), "after").isEmpty());
        assertTrue(SearchForm.of(Map.of("q", List.of("   "), "sort", List.of("newest")), "after")
                .isEmpty());
        assertFalse(SearchForm.of(Map.of("q", List.of("tram")), "after").isEmpty());
        assertFalse(SearchForm.of(Map.of("topic", List.of("world")), "after").isEmpty());
        assertFalse(
                SearchForm.of(Map.of("from", List.of("2024-01-01")), "after").isEmpty());
    }

    @Test
    void longTextIsCutAtAWordWithinTheLimit() {
        String word = "harbour ";
        String text = word.repeat(10_000 / word.length());
        String cut = ReaderSearch.cut(text);
        assertTrue(cut.length() <= SearchQuery.MAX_TEXT, cut.length() + " characters");
        assertTrue(cut.length() > SearchQuery.MAX_TEXT - word.length(), cut.length() + " characters");
        assertTrue(cut.endsWith("harbour"), cut);
        assertEquals("short words", ReaderSearch.cut("short words"));
    }

    @Test
    void textWithoutSpacesIsCutAtTheLimitWithoutSplittingACharacter() {
        String text = "😀".repeat(SearchQuery.MAX_TEXT + 50);
        String cut = ReaderSearch.cut(text);
        assertEquals(SearchQuery.MAX_TEXT, cut.codePointCount(0, cut.length()));
        assertFalse(Character.isHighSurrogate(cut.charAt(cut.length() - 1)));
    }

    @Test
    void kindsAreTheStoryKindsAndDashboards() {
        assertEquals(List.of("news", "analysis", "opinion", "explainer", "dashboard"), ReaderSearch.kindKeys());
        assertEquals("Dashboards", ReaderSearch.kindLabel("dashboard"));
        assertEquals("Explainer", ReaderSearch.kindLabel("explainer"));
    }
}
