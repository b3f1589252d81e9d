package org.lede.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LazyTest {
    @Test
    void makesTheValueOnTheFirstGetAndKeepsIt() {
        AtomicInteger made = new AtomicInteger();
        Lazy<Object> lazy = new Lazy<>(() -> {
            made.incrementAndGet();
            return new Object();
        });
        assertEquals(0, made.get(), "nothing is made before it is asked for");
        assertEquals(Optional.empty(), lazy.ifMade());
        Object first = lazy.get();
        assertSame(first, lazy.get());
        assertSame(first, lazy.ifMade().orElseThrow());
        assertEquals(1, made.get());
    }

    @Test
    void threadsThatAskAtOnceShareOneValue() throws Exception {
        AtomicInteger made = new AtomicInteger();
        CountDownLatch asked = new CountDownLatch(8);
        Lazy<Object> lazy = new Lazy<>(() -> {
            made.incrementAndGet();
            return new Object();
        });
        List<Future<Object>> got = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 8; i++) {
                got.add(threads.submit(() -> {
                    asked.countDown();
                    asked.await();
                    return lazy.get();
                }));
            }
            for (Future<Object> value : got) {
                assertSame(lazy.get(), value.get());
            }
        }
        assertEquals(1, made.get());
        assertTrue(lazy.ifMade().isPresent());
    }
}
