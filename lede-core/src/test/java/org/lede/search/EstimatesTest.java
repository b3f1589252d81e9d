package org.lede.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lede.search.SearchResult.Count;
import org.lede.search.SearchResult.Counts;

class EstimatesTest {
    @Test
    void roughEstimatesKeepTwoFiguresRoundedDown() {
        assertEquals(780_000, Estimates.rough(783_412.9));
        assertEquals(99, Estimates.rough(99.9));
        assertEquals(100, Estimates.rough(100));
        assertEquals(10_000, Estimates.rough(10_999));
        assertEquals(0, Estimates.rough(0.4));
    }

    @Test
    void scaledCountsAreRoughAtLeastOneAndMostFirstAgain() {
        Counts sample = new Counts(
                List.of(new Count("world", 40), new Count("health", 3)),
                List.of(new Count("a1", 1)),
                List.of(new Count("news", 41), new Count("analysis", 2)),
                // Scaled alike, two counts tie and go by value.
                List.of(new Count("2026", 7), new Count("2025", 7)));
        Counts whole = Estimates.scaled(sample, 256);
        assertEquals(List.of(new Count("world", 10_000), new Count("health", 760)), whole.topics());
        assertEquals(List.of(new Count("a1", 250)), whole.authors());
        assertEquals(List.of(new Count("news", 10_000), new Count("analysis", 510)), whole.kinds());
        assertEquals(List.of(new Count("2025", 1_700), new Count("2026", 1_700)), whole.years());
        assertEquals(
                List.of(new Count("b", 1)),
                Estimates.scaled(new Counts(List.of(new Count("b", 1)), List.of(), List.of(), List.of()), 0.1)
                        .topics(),
                "a value counted in the sample is never estimated at none");
    }

    @Test
    void valuesThatRoundingTiesGoByValue() {
        Counts sample = new Counts(List.of(new Count("b", 101), new Count("a", 100)), List.of(), List.of(), List.of());
        assertEquals(
                List.of(new Count("a", 10), new Count("b", 10)),
                Estimates.scaled(sample, 0.1).topics());
    }
}
