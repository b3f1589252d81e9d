package org.lede.search.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TopHitsTest {
    @Test
    void keepsTheBestByScoreThenLowerOrdinal() {
        TopHits top = new TopHits(3);
        top.offer(1.0, 10);
        top.offer(5.0, 11);
        top.offer(3.0, 12);
        top.offer(2.0, 13);
        top.offer(3.0, 4);
        top.offer(3.0, 20);

        assertEquals(
                List.of(new TopHits.Scored(5.0, 11), new TopHits.Scored(3.0, 4), new TopHits.Scored(3.0, 12)),
                top.best());
    }

    @Test
    void agreesWithSortingEverythingWhateverTheOrderOffered() {
        Random random = new Random(3);
        for (int round = 0; round < 50; round++) {
            TopHits top = new TopHits(10);
            List<TopHits.Scored> all = new ArrayList<>();
            for (int ordinal = 0; ordinal < 200; ordinal++) {
                // Few distinct scores, so ties are common.
                TopHits.Scored scored = new TopHits.Scored(random.nextInt(8), random.nextInt(1_000));
                all.add(scored);
                top.offer(scored.score(), scored.ordinal());
            }
            all.sort(Comparator.comparingDouble(TopHits.Scored::score)
                    .reversed()
                    .thenComparingInt(TopHits.Scored::ordinal));

            assertEquals(all.subList(0, 10), top.best());
        }
    }

    @Test
    void holdsFewerWhenFewerAreOffered() {
        TopHits top = new TopHits(5);
        top.offer(2.0, 1);
        top.offer(4.0, 2);

        assertEquals(List.of(new TopHits.Scored(4.0, 2), new TopHits.Scored(2.0, 1)), top.best());
        assertTrue(top.admits(0.0), "room left");
        assertEquals(List.of(), new TopHits(1).best());
    }

    @Test
    void admitsOnlyWhatCouldEnterOnceFull() {
        TopHits top = new TopHits(2);
        top.offer(3.0, 1);
        assertTrue(top.admits(0.5), "room left");
        top.offer(2.0, 2);

        assertFalse(top.admits(1.9));
        assertTrue(top.admits(2.0), "a tie may enter by a lower ordinal");
        assertTrue(top.admits(2.5));
        top.offer(2.5, 3);
        assertFalse(top.admits(2.4));
    }

    @Test
    void keepsAtLeastOne() {
        assertThrows(IllegalArgumentException.class, () -> new TopHits(0));
        TopHits one = new TopHits(1);
        one.offer(1.0, 5);
        one.offer(1.0, 3);
        one.offer(0.5, 1);
        assertEquals(List.of(new TopHits.Scored(1.0, 3)), one.best());
    }
}
