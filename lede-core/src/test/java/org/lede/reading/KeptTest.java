package org.lede.reading;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class KeptTest {
    @Test
    void readsOnceUntilForgotten() {
        AtomicInteger reads = new AtomicInteger();
        Kept<Integer> kept = new Kept<>(reads::incrementAndGet);
        assertEquals(1, kept.get());
        assertEquals(1, kept.get());
        assertEquals(1, reads.get());
        kept.forget();
        assertEquals(2, kept.get());
        assertEquals(2, kept.get());
        assertEquals(2, reads.get());
    }

    @Test
    void aReadAForgetOvertookIsReturnedButNotKept() {
        AtomicInteger reads = new AtomicInteger();
        Kept<Integer>[] self = new Kept[1];
        self[0] = new Kept<>(() -> {
            int n = reads.incrementAndGet();
            if (n == 1) {
                // The event the forget is for lands while the first read is still on its way.
                self[0].forget();
            }
            return n;
        });
        assertEquals(1, self[0].get(), "its caller still gets what it read");
        assertEquals(2, self[0].get(), "read again: the first read may hold what the forget was for");
        assertEquals(2, self[0].get());
        assertEquals(2, reads.get());
    }
}
