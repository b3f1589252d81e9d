package org.lede.search.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SurfaceWordsTest {
    @Test
    void wordsAreRunsOfLettersAndDigitsLowerCasedOnceEach() {
        assertEquals(
                Set.of("the", "council", "s", "2026", "budget", "josé", "right", "to", "repair", "3", "5"),
                SurfaceWords.of("The council's 2026 budget: José, right-to-repair, 3.5 — the BUDGET"));
    }

    @Test
    void aCapitalAnywhereInAWordIsLowerCased() {
        assertEquals(Set.of("iphone", "mcdonald", "s", "ünal", "zoë"), SurfaceWords.of("iPhone McDonald's Ünal zoë"));
    }

    @Test
    void aTextWithoutLettersHasNoWords() {
        assertEquals(Set.of(), SurfaceWords.of(""));
        assertEquals(Set.of(), SurfaceWords.of(" —, .\n"));
    }

    @Test
    void wordsAtTheEdgesAndBetweenAnyNonLettersCount() {
        assertEquals(Set.of("a", "b", "c"), SurfaceWords.of("a\nb\uE000c"));
    }

    @Test
    void aLetterBeyondTheBasicPlaneIsPartOfItsWord() {
        assertEquals(Set.of("x𝐀y"), SurfaceWords.of("x𝐀y"));
    }

    @Test
    void aRunLongerThanAnyWordIsLeftOut() {
        String longest = "a".repeat(SurfaceWords.LONGEST);
        assertEquals(Set.of(longest, "ok"), SurfaceWords.of(longest + " " + longest + "b ok"));
    }

    @Test
    void countingAddsOneADocumentWhateverTheRepeats() {
        Map<String, Integer> counts = new HashMap<>();
        SurfaceWords.count("budget budget vote", counts);
        SurfaceWords.count("budget", counts);
        assertEquals(Map.of("budget", 2, "vote", 1), counts);
    }
}
