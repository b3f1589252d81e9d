package org.lede.common;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Instants as Lede keeps them. */
public final class Instants {
    private Instants() {}

    /**
     * Now, to the millisecond: the precision the stores keep, so a record read back equals the one
     * written.
     */
    public static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
