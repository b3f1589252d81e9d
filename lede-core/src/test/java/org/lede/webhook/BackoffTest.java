package org.lede.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BackoffTest {
    @ParameterizedTest(name = "attempt {0}: {1} to {2} ms")
    @CsvSource({
        "1, 2500, 5000",
        "2, 5000, 10000",
        "3, 10000, 20000",
        "10, 1280000, 2560000",
        "11, 1800000, 3600000",
        "30, 1800000, 3600000",
        "64, 1800000, 3600000"
    })
    void doublesFromFiveSecondsUpToAnHourWithJitter(int attempts, long least, long most) {
        assertEquals(Duration.ofMillis(least), Backoff.delay(attempts, 0));
        long top = Backoff.delay(attempts, 0.999999).toMillis();
        assertEquals(true, top < most && top >= most - 5, "at most the whole step: " + top);
        long middle = Backoff.delay(attempts, 0.5).toMillis();
        assertEquals(least + least / 2, middle);
    }

    @Test
    void refusesNonsense() {
        assertThrows(IllegalArgumentException.class, () -> Backoff.delay(0, 0));
        assertThrows(IllegalArgumentException.class, () -> Backoff.delay(1, 1));
        assertThrows(IllegalArgumentException.class, () -> Backoff.delay(1, -0.1));
    }

    @Test
    void retriesForADayThenStops() {
        Instant start = Instant.parse("2026-11-20T12:00:00Z");
        assertEquals(start.plusMillis(2500), Backoff.next(start, start, 1, 0));
        // The last wait is cut short so the final attempt lands at the end of the window.
        Instant late = start.plus(Duration.ofHours(23).plusMinutes(50));
        assertEquals(start.plus(Backoff.WINDOW), Backoff.next(late, start, 20, 0));
        Instant justBefore = start.plus(Backoff.WINDOW).minusMillis(1);
        assertEquals(start.plus(Backoff.WINDOW), Backoff.next(justBefore, start, 20, 0));
        assertNull(Backoff.next(start.plus(Backoff.WINDOW), start, 21, 0));
        assertNull(Backoff.next(start.plus(Duration.ofDays(2)), start, 21, 0));
    }
}
