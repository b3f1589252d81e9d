package org.lede.search.lucene;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CounterTest {
    private static final long WINDOWS = 1_000;

    /** The sum of the squares of each window's matches when every window holds {@code each}. */
    private static double even(long each) {
        return WINDOWS * (double) each * each;
    }

    @Test
    void matchesSpreadEvenlyArePastWhenTheirEstimateIs() {
        assertTrue(Counter.surelyPast(6_000, even(6), WINDOWS, 2), "12,000 with no spread between windows");
        assertFalse(Counter.surelyPast(4_000, even(4), WINDOWS, 2), "8,000 is within exact counting");
        assertFalse(Counter.surelyPast(6_000, even(6), WINDOWS, 1), "6,000 when the sample is the whole");
    }

    @Test
    void exactCountingReachesItsLimitInclusively() {
        // One match in each window: no spread.
        assertFalse(Counter.surelyPast(5_000, 5_000, 5_000, 2), "10,000 is still counted exactly");
        assertTrue(Counter.surelyPast(5_001, 5_001, 5_001, 2), "10,002 is past");
    }

    @Test
    void theSameMatchesBunchedInAFewWindowsAreNotSureEnough() {
        // 94 full windows of 64 matches, the other 906 empty: the same total as six in each.
        long matches = 94 * 64;
        double squares = 94.0 * 64 * 64;
        assertTrue(Counter.surelyPast(matches, matches * 6.016, WINDOWS, 2), "spread evenly, 12,032 is past");
        assertFalse(
                Counter.surelyPast(matches, squares, WINDOWS, 2),
                "bunched, three standard errors take it to about 8,500");
        assertTrue(
                Counter.surelyPast(matches, squares, WINDOWS, 3),
                "and a larger estimate of the same sample is past even so (about 12,700)");
    }

    @Test
    void aSampleOfOneWindowSaysNothingOfItsError() {
        assertFalse(Counter.surelyPast(64, 64.0 * 64, 1, 10_000));
    }
}
