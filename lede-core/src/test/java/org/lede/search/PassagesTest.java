package org.lede.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.lede.search.SearchResult.Fragment;

class PassagesTest {
    /** The offsets of every whole-word occurrence of {@code word}, as an index's matcher answers them. */
    private static List<int[]> find(String text, String word) {
        List<int[]> out = new ArrayList<>();
        for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
            out.add(new int[] {at, at + word.length()});
        }
        return out;
    }

    private static String joined(List<Fragment> fragments) {
        return fragments.stream().map(Fragment::text).collect(Collectors.joining());
    }

    private static List<String> marks(List<Fragment> fragments) {
        return fragments.stream().filter(Fragment::match).map(Fragment::text).toList();
    }

    @Test
    void proseIsTheDekThenTheBodyOnItsOwnLine() {
        assertEquals("Dek\nBody", Passages.prose("Dek", "Body"));
        assertEquals("Body", Passages.prose(null, "Body"));
        assertEquals("Dek", Passages.prose("Dek", null));
        assertEquals("", Passages.prose(null, null));
    }

    @Test
    void theWholeTextIsMarkedAtItsMatches() {
        String text = "Tram line extended to the tram depot";
        assertEquals(
                List.of(
                        new Fragment("Tram", true),
                        new Fragment(" line extended to the ", false),
                        new Fragment("tram", true),
                        new Fragment(" depot", false)),
                Passages.marked(text, List.of(new int[] {0, 4}, new int[] {26, 30})));
        assertEquals(List.of(new Fragment(text, false)), Passages.marked(text, List.of()));
        assertEquals(List.of(), Passages.marked("", List.of()));
    }

    @Test
    void aPassageWithoutMatchesIsTheTextsStartOnOneLine() {
        assertEquals(
                List.of(new Fragment("Dek line. Body line.", false)),
                Passages.passage("Dek line.\nBody line.", t -> List.of()));
        assertEquals(List.of(), Passages.passage("", t -> List.of(new int[] {0, 1})));
        String longText = "word ".repeat(100);
        String opening = joined(Passages.passage(longText, t -> List.of()));
        assertTrue(opening.endsWith("…"), "a cut text ends in an ellipsis");
        String shown = opening.substring(0, opening.length() - 1);
        assertTrue(shown.length() <= Passages.LENGTH && shown.length() > Passages.LENGTH / 2, shown);
        assertTrue(shown.endsWith("word"), "cut at a space, not inside a word: " + shown);
    }

    @Test
    void thePassageHoldsTheMostDistinctMatchedWords() {
        String text = "Budget talk opens the day. " + "Filler words go on and on here. ".repeat(10)
                + "Later the budget vote came, and the budget vote passed. " + "More filler follows. ".repeat(10);
        List<int[]> matches = new ArrayList<>(find(text, "budget"));
        matches.addAll(find(text, "Budget"));
        matches.addAll(find(text, "vote"));
        matches.sort((a, b) -> Integer.compare(a[0], b[0]));
        List<Fragment> passage = Passages.passage(text, t -> matches);
        assertEquals(List.of("budget", "vote", "budget", "vote"), marks(passage));
        String shown = joined(passage);
        assertTrue(shown.startsWith("…Filler words go on and on here. Later the budget vote"), shown);
        assertTrue(shown.endsWith("…"), shown);
    }

    @Test
    void aPassageStartsAtAWordAfterALineBreak() {
        String text = "First block ends here.\n" + "x".repeat(20) + " second block mentions the harbor plan today.";
        int at = text.indexOf("harbor");
        List<Fragment> passage = Passages.passage(text, t -> List.of(new int[] {at, at + 6}));
        assertEquals("…" + "x".repeat(20) + " second block mentions the harbor plan today.", joined(passage));
        assertEquals(List.of("harbor"), marks(passage));
    }

    @Test
    void onlyTheOpeningIsSearchedForAPassage() {
        String text = "a".repeat(Passages.READ - 1) + "😀" + " tail words";
        String opening = Passages.opening(text);
        assertEquals(Passages.READ - 1, opening.length(), "a surrogate pair is never cut in half");
        List<String> seen = new ArrayList<>();
        Passages.passage(text, t -> {
            seen.add(t);
            return List.of();
        });
        assertEquals(List.of(opening), seen);
        assertEquals("short", Passages.opening("short"));
        assertEquals(
                Passages.READ, Passages.opening("b".repeat(Passages.READ + 5)).length());
    }
}
