package org.lede.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.lede.testing.TestClock;

class LoginThrottleTest {
    private final TestClock clock = new TestClock(Instant.parse("2026-11-20T12:00:00Z"));
    private final LoginThrottle throttle = new LoginThrottle(clock, LoginThrottle.Settings.DEFAULTS);

    @Test
    void theDelayGrowsWithFailuresUpToItsCap() {
        List<Long> delays = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            delays.add(throttle.begin("ed@example.org", "10.0.0." + i).delay().toMillis());
        }
        assertEquals(List.of(0L, 0L, 0L, 250L, 500L, 1000L, 2000L, 3000L), delays);
        assertEquals(Duration.ofSeconds(3), throttle.delayAfter(Integer.MAX_VALUE));
        assertEquals(0, throttle.begin("ann@example.org", "10.0.0.1").delay().toMillis(), "per account");
        clock.advance(LoginThrottle.Settings.DEFAULTS.window());
        assertEquals(0, throttle.begin("ed@example.org", "10.0.0.1").delay().toMillis(), "forgotten after the window");
    }

    @Test
    void aSuccessRefundsOnlyItsOwnAttempt() {
        for (int i = 0; i < 5; i++) {
            throttle.begin("ed@example.org", "10.0.0.1");
        }
        throttle.begin("ed@example.org", "10.0.0.2").succeeded();
        assertEquals(
                Duration.ofMillis(1000),
                throttle.begin("ed@example.org", "10.0.0.3").delay(),
                "the member's sign-in does not hand a guesser back the free failures");
    }

    @Test
    void anAddressIsRefusedPastItsLimitAndIPv6CountsByItsSlash64() {
        int limit = LoginThrottle.Settings.DEFAULTS.perAddress();
        for (int i = 0; i < limit; i++) {
            throttle.begin("user" + i + "@example.org", "2001:db8:1:2::" + Integer.toHexString(i + 1));
        }
        assertThrows(TooManyAttemptsException.class, () -> throttle.begin("x@example.org", "2001:db8:1:2:ffff::9"));
        throttle.begin("x@example.org", "2001:db8:1:3::1");
        clock.advance(LoginThrottle.Settings.DEFAULTS.window());
        throttle.begin("x@example.org", "2001:db8:1:2::1");
    }

    @Test
    void concurrentGuessesAreEachCountedSoNoMoreThanTheLimitPass() throws InterruptedException {
        int limit = LoginThrottle.Settings.DEFAULTS.perAddress();
        AtomicInteger passed = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < limit * 3; i++) {
            int n = i;
            threads.add(Thread.ofVirtual().start(() -> {
                try {
                    start.await();
                    throttle.begin("ed" + n + "@example.org", "10.0.0.1");
                    passed.incrementAndGet();
                } catch (TooManyAttemptsException | InterruptedException refused) {
                    // expected for all past the limit
                }
            }));
        }
        start.countDown();
        for (Thread t : threads) {
            t.join();
        }
        assertEquals(limit, passed.get());
    }

    @Test
    void memoryStaysBoundedWhateverIsTried() {
        LoginThrottle small = new LoginThrottle(
                clock,
                new LoginThrottle.Settings(
                        Duration.ofMinutes(15), 3, Duration.ofMillis(250), Duration.ofSeconds(3), 30, 100));
        for (int i = 0; i < 10_000; i++) {
            small.begin("user" + i + "@example.org", "10." + (i / 65536) + "." + (i / 256 % 256) + "." + (i % 256));
        }
        assertTrue(small.size() <= 200, "two maps of at most 100: " + small.size());
    }
}
