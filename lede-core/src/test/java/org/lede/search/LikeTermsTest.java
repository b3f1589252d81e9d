package org.lede.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LikeTermsTest {
    /** How many of 100 documents hold each word. */
    private static final Map<String, Long> DOC_FREQS =
            Map.of("common", 10L, "middling", 4L, "rare", 2L, "single", 1L, "everywhere", 11L, "none", 0L);

    private static List<LikeTerms.Term> choose(Map<String, Integer> counts, long postings) {
        return LikeTerms.choose(counts, DOC_FREQS::get, 100, postings);
    }

    private static Map<String, Double> boosts(List<LikeTerms.Term> terms) {
        Map<String, Double> out = new LinkedHashMap<>();
        terms.forEach(t -> out.put(t.word(), t.boost()));
        return out;
    }

    @Test
    void wordsAreWeighedByTheirCountTimesTheirRarityBestFirstAndBoostedAgainstTheBest() {
        List<LikeTerms.Term> terms = choose(Map.of("common", 3, "middling", 1, "rare", 1), 1_000);
        double common = 3 * LikeTerms.idf(10, 100);
        double middling = LikeTerms.idf(4, 100);
        double rare = LikeTerms.idf(2, 100);
        assertEquals(
                List.of("common", "rare", "middling"), List.copyOf(boosts(terms).keySet()));
        assertEquals(1.0, terms.get(0).boost());
        assertEquals(rare / common, terms.get(1).boost(), 1e-12);
        assertEquals(middling / common, terms.get(2).boost(), 1e-12);
        assertEquals(10, terms.get(0).docFreq());
    }

    @Test
    void theClassicIdfFallsAsMoreDocumentsHoldTheWord() {
        assertEquals(Math.log(101.0 / 3) + 1, LikeTerms.idf(2, 100), 1e-12);
        assertEquals(1.0, LikeTerms.idf(100, 100), 1e-12);
    }

    @Test
    void wordsOfOneDocumentOrOfMoreThanATenthAreLeftOutAndATenthIsAtLeastTen() {
        assertEquals(
                List.of("common", "rare"),
                choose(Map.of("common", 1, "rare", 1, "single", 5, "everywhere", 5, "none", 5), 1_000).stream()
                        .map(LikeTerms.Term::word)
                        .sorted()
                        .toList());
        // Of 20 documents a tenth is 2, but words in up to ten still count.
        assertEquals(
                List.of("common"),
                LikeTerms.choose(Map.of("common", 1, "everywhere", 1), DOC_FREQS::get, 20, 1_000).stream()
                        .map(LikeTerms.Term::word)
                        .toList());
    }

    @Test
    void theBestWordsComeFirstAndARarerOneStillFitsWhereACommonOneDoesNot() {
        Map<String, Integer> counts = Map.of("common", 4, "middling", 2, "rare", 1);
        assertEquals(List.of("common"), List.copyOf(boosts(choose(counts, 10)).keySet()));
        assertEquals(List.of("common"), List.copyOf(boosts(choose(counts, 11)).keySet()));
        assertEquals(
                List.of("middling", "rare"),
                List.copyOf(boosts(choose(counts, 9)).keySet()));
        assertEquals(
                List.of("common", "middling"),
                List.copyOf(boosts(choose(counts, 14)).keySet()));
        assertEquals(
                List.of("common", "middling", "rare"),
                List.copyOf(boosts(choose(counts, 16)).keySet()));
        assertEquals(
                2 * LikeTerms.idf(4, 100) / (4 * LikeTerms.idf(10, 100)),
                choose(counts, 9).get(0).boost(),
                1e-12,
                "boosted against the best word, though it did not fit");
    }

    @Test
    void atMostTwentyFiveWordsAreChosen() {
        Map<String, Integer> counts = new HashMap<>();
        Map<String, Long> docFreqs = new HashMap<>();
        for (int i = 0; i < 30; i++) {
            counts.put("w" + i, 30 - i);
            docFreqs.put("w" + i, 2L);
        }
        List<LikeTerms.Term> terms = LikeTerms.choose(counts, docFreqs::get, 100, 1_000);
        assertEquals(25, terms.size());
        assertEquals("w0", terms.getFirst().word());
        assertEquals("w24", terms.getLast().word());
    }

    @Test
    void noWordWorthSearchingChoosesNone() {
        assertEquals(List.of(), choose(Map.of("single", 3, "none", 1), 1_000));
        assertEquals(List.of(), choose(Map.of(), 1_000));
    }
}
