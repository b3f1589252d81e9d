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
        assertEquals(
                List.of(new Fragment("Tram line extended to the tram ", false), new Fragment("depot", true)),
                Passages.marked(text, List.of(new int[] {31, 36})),
                "a match that ends the text is marked");
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
        assertEquals(
                List.of(
                        new Fragment("…" + "x".repeat(20) + " second block mentions the ", false),
                        new Fragment("harbor", true),
                        new Fragment(" plan today.", false)),
                passage);
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

    @Test
    void aPassageIsCutAtALateSpaceOrElseAtItsLength() {
        String exact = "word ".repeat(39) + "final";
        assertEquals(Passages.LENGTH, exact.length());
        assertEquals(
                List.of(new Fragment(exact, false)),
                Passages.passage(exact, t -> List.of()),
                "a text that fits is whole");
        String earlySpace = "ab " + "c".repeat(300);
        assertEquals(
                "ab " + "c".repeat(Passages.LENGTH - 3) + "…",
                joined(Passages.passage(earlySpace, t -> List.of())),
                "a space in the passage's first half is not where it is cut");
        String half = "a".repeat(Passages.LENGTH / 2) + " " + "b".repeat(150);
        assertEquals(
                half.substring(0, Passages.LENGTH) + "…",
                joined(Passages.passage(half, t -> List.of())),
                "nor one exactly halfway");
    }

    @Test
    void moreMatchesWinBetweenPassagesOfAsManyDistinctWordsAndTheFirstWinsATie() {
        String filler = " filler".repeat(60);
        String text = "vote once" + filler + " then vote, vote and vote again" + filler + " vote last";
        List<int[]> votes = find(text, "vote");
        List<Fragment> passage = Passages.passage(text, t -> votes);
        assertEquals(List.of("vote", "vote", "vote"), marks(passage));
        String mixed = "alpha alpha alpha" + filler + " alpha beta" + filler;
        List<int[]> both = new ArrayList<>(find(mixed, "alpha"));
        both.addAll(find(mixed, "beta"));
        both.sort((a, b) -> Integer.compare(a[0], b[0]));
        assertEquals(
                List.of("alpha", "beta"),
                marks(Passages.passage(mixed, t -> both)),
                "two distinct words beat one word three times");
        String tie = "vote early" + filler + " vote late" + filler;
        List<Fragment> first = Passages.passage(tie, t -> find(tie, "vote"));
        assertTrue(joined(first).startsWith("vote early"), joined(first));
    }

    @Test
    void aMatchEndingAtTheWindowsEdgeCountsInIt() {
        // Two windows: one holding "alpha" and, ending exactly at its edge, "beta"; a later one
        // holding "alpha" alone, twice. Counting "beta" in the first makes it the better one.
        String first = "alpha" + " ".repeat(Passages.LENGTH - 9) + "beta";
        String text = first + " x".repeat(100) + " alpha alpha" + " y".repeat(100);
        List<int[]> matches = new ArrayList<>(find(text, "alpha"));
        matches.addAll(find(text, "beta"));
        matches.sort((a, b) -> Integer.compare(a[0], b[0]));
        assertEquals(Passages.LENGTH, matches.get(1)[1], "beta ends where the first window does");
        List<Fragment> passage = Passages.passage(text, t -> matches);
        assertEquals(List.of("alpha", "beta"), marks(passage));
    }
}
