package org.lede.web.newsroom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.lede.common.ValidationException;
import org.lede.dashboard.DashboardEntry;
import org.lede.dashboard.DashboardItem;

class DashboardItemsTextTest {
    private static final String TRAM = "01JB0000000000000000000001";
    private static final String FERRY = "01JB0000000000000000000002";
    private static final Map<String, String> SLUGS = Map.of("tram-vote", TRAM, "night-ferry", FERRY);

    private static final DashboardItemsText.StoryLookup STORIES = new DashboardItemsText.StoryLookup() {
        @Override
        public Optional<String> idOfSlug(String slug) {
            return Optional.ofNullable(SLUGS.get(slug));
        }

        @Override
        public Optional<String> slugOfId(String id) {
            return SLUGS.entrySet().stream()
                    .filter(e -> e.getValue().equals(id))
                    .map(Map.Entry::getKey)
                    .findFirst();
        }
    };

    private static List<DashboardItem> parse(String text) {
        return DashboardItemsText.parse(text, STORIES);
    }

    private static String error(String text) {
        return assertThrows(ValidationException.class, () -> parse(text)).getMessage();
    }

    @Test
    void readsLabelsStoriesAndOutsideLinksInOrder() {
        List<DashboardItem> items = parse("""
                Transit: tram-vote | https://example.org/report.pdf The full report
                Harbor:night-ferry
                """);
        assertEquals(
                List.of(
                        new DashboardItem(
                                "Transit",
                                List.of(
                                        DashboardEntry.story(TRAM),
                                        DashboardEntry.link("https://example.org/report.pdf", "The full report"))),
                        new DashboardItem("Harbor", List.of(DashboardEntry.story(FERRY)))),
                items);
    }

    @Test
    void blankLinesAreSkippedAndNothingAtAllIsNoItems() {
        assertEquals(1, parse("\n\n  Harbor: night-ferry  \n\n").size());
        assertEquals(List.of(), parse(""));
        assertEquals(List.of(), parse(null));
    }

    @Test
    void writingItemsOutAndReadingThemBackGivesTheSameItems() {
        List<DashboardItem> items = List.of(
                new DashboardItem(
                        "Q&A: the vote",
                        List.of(
                                DashboardEntry.story(TRAM),
                                DashboardEntry.link(
                                        "https://example.org/a?b=1&c=2", "Pros | cons: a guide \\ explained"))),
                new DashboardItem("Harbor", List.of(DashboardEntry.story(FERRY), DashboardEntry.story(TRAM))));
        String text = DashboardItemsText.format(items, STORIES);
        assertEquals("""
                Q&A\\: the vote: tram-vote | https://example.org/a?b=1&c=2 Pros \\| cons: a guide \\\\ explained
                Harbor: night-ferry | tram-vote
                """, text);
        assertEquals(items, parse(text));
    }

    @Test
    void reorderingAndRemovingIsEditingLines() {
        String text = DashboardItemsText.format(parse("A: tram-vote\nB: night-ferry\nC: tram-vote\n"), STORIES);
        List<String> lines = text.lines().toList();
        List<DashboardItem> edited = parse(lines.get(2) + "\n" + lines.get(0) + "\n");
        assertEquals(
                List.of("C", "A"), edited.stream().map(DashboardItem::label).toList());
    }

    @Test
    void eachBadLineIsNamedWithWhatToFix() {
        assertEquals(
                "Line 3: there is no story with the slug “no-such-story”.",
                error("Transit: tram-vote\n\nHarbor: night-ferry | no-such-story"));
        assertTrue(error("Transit: tram-vote\nJust some words").startsWith("Line 2 has no label"));
        assertTrue(error("https://example.org/x The report").startsWith("Line 1 starts with an address"));
        assertEquals("Line 1 has nothing before the colon; write the item's label there.", error(": tram-vote"));
        assertEquals(
                "Line 1: “Transit” needs at least one story slug or address after the colon.", error("Transit:   "));
        assertEquals("Line 1 has an empty entry: remove the extra “|”.", error("Transit: tram-vote || night-ferry"));
        assertTrue(error("Transit: https://example.org/x")
                .startsWith("Line 1: the link https://example.org/x needs a title"));
        assertTrue(error("Transit: tram vote").startsWith("Line 1: “tram vote” is not a story slug"));
        assertTrue(error("Transit: https:// Title").startsWith("Line 1: The link"));
        assertTrue(error("A label far too long for the numbered rows of a dashboard, which keep them short: tram-vote")
                .startsWith("Line 1: Label is longer than 60 characters"));
    }

    @Test
    void errorsNameTheItemsField() {
        assertEquals(
                "items",
                assertThrows(ValidationException.class, () -> parse("nonsense")).field());
    }
}
