package org.lede.search.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SurfaceWordsTest {
    @Test
    void wordsAreRunsOfLettersAndDigitsLowerCasedOnceEach() {
        assertEquals(
                Set.of("the", "council", "s", "2026", "budget", "josé", "right", "to", "repair", "3", "5"),
                words("The council's 2026 budget: José, right-to-repair, 3.5 — the BUDGET"));
    }

    @Test
    void theWordsFoundAreThoseOfTheSetWhateverTheirCase() {
        String text = "Budget: the council's BUDGET, a budgetary right-to-repair vote.";
        List<int[]> found = SurfaceWords.find(text, Set.of("budget", "repair", "s"));
        assertEquals(
                List.of("Budget", "s", "BUDGET", "repair"),
                found.stream().map(f -> text.substring(f[0], f[1])).toList());
        assertEquals(List.of(), SurfaceWords.find(text, Set.of()));
        assertEquals(List.of(), SurfaceWords.find("", Set.of("budget")));
        String accented = "Zoë and ÜNAL";
        assertEquals(
                List.of("Zoë", "ÜNAL"),
                SurfaceWords.find(accented, Set.of("zoë", "ünal")).stream()
                        .map(f -> accented.substring(f[0], f[1]))
                        .toList());
        String supplementary = "x \uD835\uDC9Cbc y";
        assertEquals(
                1,
                SurfaceWords.find(supplementary, Set.of("\uD835\uDC9Cbc")).size(),
                "a letter outside the basic plane is one character of its word");
        String tooLong = "a".repeat(SurfaceWords.LONGEST + 1);
        assertEquals(List.of(), SurfaceWords.find(tooLong, Set.of(tooLong)), "the vocabulary holds no longer word");
        String longest = "b".repeat(SurfaceWords.LONGEST);
        assertEquals(1, SurfaceWords.find(longest + " x", Set.of(longest)).size());
    }

    @Test
    void aCapitalAnywhereInAWordIsLowerCased() {
        assertEquals(Set.of("iphone", "mcdonald", "s", "ünal", "zoë"), words("iPhone McDonald's Ünal zoë"));
        // Capitals with no ASCII letter beside them, which only lower-casing the word turns.
        assertEquals(Set.of("ω", "σω", "élan"), words("Ω ΣΩ ÉLAN"));
    }

    @Test
    void aTextWithoutLettersHasNoWords() {
        assertEquals(Set.of(), words(""));
        assertEquals(Set.of(), words(" —, .\n"));
    }

    @Test
    void wordsAtTheEdgesAndBetweenAnyNonLettersCount() {
        assertEquals(Set.of("a", "b", "c"), words("a\nb\uE000c"));
    }

    @Test
    void aLetterBeyondTheBasicPlaneIsPartOfItsWord() {
        assertEquals(Set.of("x𝐀y"), words("x𝐀y"));
    }

    @Test
    void aRunLongerThanAnyWordIsLeftOut() {
        String longest = "a".repeat(SurfaceWords.LONGEST);
        assertEquals(Set.of(longest, "ok"), words(longest + " " + longest + "b ok"));
        String capital = "B" + "b".repeat(SurfaceWords.LONGEST - 1);
        assertEquals(Set.of(capital.toLowerCase(Locale.ROOT), "ok"), words(capital + " " + capital + "B ok"));
    }

    /** Every ASCII character and some beyond it, each between two letters: a word of three, or two words. */
    @Test
    void lettersAndDigitsAreCharactersAsJavaClassifiesThem() {
        IntStream extra =
                IntStream.of(0xA0, 0xDF, 0xE9, 0xC9, 0x416, 0x4E2D, 0x663, 0x2014, 0x2019, 0x1D400, 0x1D7CE, 0x1F600);
        IntStream.concat(IntStream.range(0, 0x80), extra).forEach(c -> {
            String between = "x" + Character.toString(c) + "y";
            Set<String> expected =
                    Character.isLetterOrDigit(c) ? Set.of(between.toLowerCase(Locale.ROOT)) : Set.of("x", "y");
            assertEquals(expected, words(between), () -> "U+" + Integer.toHexString(c));
        });
    }

    @Test
    void countingAddsOneADocumentWhateverTheRepeats() {
        Map<String, Integer> counts = new SurfaceWords.Counts()
                .add("budget budget vote")
                .add("budget")
                .add("vote Vote VOTE")
                .toMap();
        assertEquals(Map.of("budget", 2, "vote", 2), counts);
    }

    @Test
    void wordsOfTheSameHashAreCountedApart() {
        assertEquals("aan".hashCode(), "ac0".hashCode());
        assertEquals(
                Map.of("aan", 2, "ac0", 1),
                new SurfaceWords.Counts().add("aan ac0").add("AAN").toMap());
    }

    @Test
    void aBatchOfManyWordsKeepsEveryCount() {
        SurfaceWords.Counts counts = new SurfaceWords.Counts();
        Map<String, Integer> expected = new HashMap<>();
        for (int text = 0; text < 50; text++) {
            StringBuilder words = new StringBuilder();
            Set<String> distinct = new HashSet<>();
            for (int w = 0; w < 400; w++) {
                String word = "w" + (text * 97 + w * 31) % 5000;
                distinct.add(word);
                words.append(word).append(w % 3 == 0 ? " " : ", ").append(w % 7 == 0 ? word + " " : "");
            }
            counts.add(words.toString());
            distinct.forEach(word -> expected.merge(word, 1, Integer::sum));
        }
        Map<String, Integer> counted = counts.toMap();
        assertEquals(expected, counted);
        assertTrue(counted.size() > 1000, "the table grew past its first size many times");
    }

    private static Set<String> words(String text) {
        return new SurfaceWords.Counts().add(text).toMap().keySet();
    }
}
