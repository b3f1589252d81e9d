package org.lede.related;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lede.related.Blend.Score;
import org.lede.related.Blend.Signals;
import org.lede.related.Blend.Weights;

class BlendTest {
    /** A candidate with a little of everything, so every part can move either way. */
    static final Signals BASE = new Signals(4, 8, false, 1, 3, List.of("Tehran"), Duration.ofDays(365));

    static double total(Signals s) {
        return Blend.score(s, Weights.STANDARD).total();
    }

    @Test
    void eachPartIsBetweenZeroAndOneAndTheTotalIsTheirWeighedSum() {
        Score s = Blend.score(BASE, Weights.STANDARD);
        assertEquals(0.5, s.similarity(), 1e-9);
        assertEquals(0, s.topic(), 1e-9);
        assertEquals(1 / 3.0, s.tags(), 1e-9);
        assertEquals(1 / 3.0, s.names(), 1e-9);
        assertEquals(0.5, s.recency(), 1e-9);
        assertEquals(0.40 * 0.5 + 0.15 * (1 / 3.0) + 0.15 * (1 / 3.0) + 0.15 * 0.5, s.total(), 1e-9);
        assertEquals(List.of("Tehran"), s.sharedNames());
        assertFalse(s.pinned());
    }

    @Test
    void moreSimilarTextRanksHigher() {
        assertTrue(total(new Signals(8, 8, false, 1, 3, List.of("Tehran"), Duration.ofDays(365))) > total(BASE));
        assertTrue(total(new Signals(0, 8, false, 1, 3, List.of("Tehran"), Duration.ofDays(365))) < total(BASE));
    }

    @Test
    void similarityIsMeasuredAgainstTheBestHitSoTheIndexScaleDoesNotMatter() {
        Score small = Blend.score(new Signals(0.2, 0.4, false, 0, 0, List.of(), Duration.ZERO), Weights.STANDARD);
        Score large = Blend.score(new Signals(20, 40, false, 0, 0, List.of(), Duration.ZERO), Weights.STANDARD);
        assertEquals(small.similarity(), large.similarity(), 1e-9);
        assertEquals(
                0,
                Blend.score(new Signals(0, 0, false, 0, 0, List.of(), Duration.ZERO), Weights.STANDARD)
                        .similarity());
    }

    @Test
    void theSameTopicRanksHigher() {
        assertTrue(total(new Signals(4, 8, true, 1, 3, List.of("Tehran"), Duration.ofDays(365))) > total(BASE));
    }

    @Test
    void moreSharedTagsRankHigher() {
        assertTrue(total(new Signals(4, 8, false, 3, 3, List.of("Tehran"), Duration.ofDays(365))) > total(BASE));
        assertTrue(total(new Signals(4, 8, false, 0, 3, List.of("Tehran"), Duration.ofDays(365))) < total(BASE));
        assertEquals(
                0,
                Blend.score(new Signals(0, 0, false, 0, 0, List.of(), Duration.ZERO), Weights.STANDARD)
                        .tags());
    }

    @Test
    void morePeopleAndPlacesSharedRankHigherUpToFullyShared() {
        Signals two = new Signals(4, 8, false, 1, 3, List.of("Tehran", "Hassan Rouhani"), Duration.ofDays(365));
        assertTrue(total(two) > total(BASE));
        assertTrue(total(new Signals(4, 8, false, 1, 3, List.of(), Duration.ofDays(365))) < total(BASE));
        Signals five = new Signals(4, 8, false, 1, 3, List.of("A", "B", "C", "D", "E"), Duration.ofDays(365));
        assertEquals(1, Blend.score(five, Weights.STANDARD).names(), 1e-9);
    }

    @Test
    void closerInTimeToTheStoryRanksHigherWhicheverSideItIsOn() {
        Signals closer = new Signals(4, 8, false, 1, 3, List.of("Tehran"), Duration.ofDays(30));
        Signals earlier = new Signals(4, 8, false, 1, 3, List.of("Tehran"), Duration.ofDays(-30));
        Signals farther = new Signals(4, 8, false, 1, 3, List.of("Tehran"), Duration.ofDays(3650));
        assertTrue(total(closer) > total(BASE));
        assertEquals(total(closer), total(earlier), 1e-12);
        assertTrue(total(farther) < total(BASE));
        assertEquals(
                1,
                Blend.score(new Signals(0, 0, false, 0, 0, List.of(), Duration.ZERO), Weights.STANDARD)
                        .recency());
    }

    @Test
    void aWeightDecidesHowMuchItsPartCounts() {
        Signals similarOnly = new Signals(8, 8, false, 0, 3, List.of(), Duration.ofDays(3650));
        Signals topicOnly = new Signals(0, 8, true, 0, 3, List.of(), Duration.ofDays(3650));
        assertTrue(Blend.score(similarOnly, Weights.STANDARD).total()
                > Blend.score(topicOnly, Weights.STANDARD).total());
        Weights topicFirst = new Weights(0.1, 0.6, 0.1, 0.1, 0.1);
        assertTrue(Blend.score(similarOnly, topicFirst).total()
                < Blend.score(topicOnly, topicFirst).total());
        Weights nothing = new Weights(0, 0, 0, 0, 0);
        assertEquals(0, Blend.score(BASE, nothing).total());
    }

    @Test
    void theStandardWeightsAddUpToOneSoTheTotalIsAlsoBetweenZeroAndOne() {
        Weights w = Weights.STANDARD;
        assertEquals(1, w.similarity() + w.topic() + w.tags() + w.names() + w.recency(), 1e-9);
        Signals all = new Signals(8, 8, true, 3, 3, List.of("A", "B", "C"), Duration.ZERO);
        assertEquals(1, total(all), 1e-9);
    }

    @Test
    void negativeOrUndefinedWeightsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Weights(-0.1, 0, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new Weights(0, Double.NaN, 0, 0, 0));
    }
}
