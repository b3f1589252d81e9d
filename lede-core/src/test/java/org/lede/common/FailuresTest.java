package org.lede.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class FailuresTest {
    @Test
    void awaitGivesWhatTheTaskMade() {
        assertEquals("made", Failures.await(CompletableFuture.completedFuture("made"), "testing"));
    }

    @Test
    void anUncheckedFailureIsThrownAsItselfAndACheckedOneWrapped() {
        IllegalArgumentException bad = new IllegalArgumentException("bad");
        assertSame(
                bad,
                assertThrows(
                        IllegalArgumentException.class,
                        () -> Failures.await(CompletableFuture.failedFuture(bad), "testing")));
        IOException io = new IOException("disk");
        IllegalStateException wrapped = assertThrows(
                IllegalStateException.class, () -> Failures.await(CompletableFuture.failedFuture(io), "testing"));
        assertSame(io, wrapped.getCause());
    }

    @Test
    void anInterruptSaysWhatItStoppedAndKeepsTheFlag() {
        Thread.currentThread().interrupt();
        try {
            IllegalStateException e = assertThrows(
                    IllegalStateException.class, () -> Failures.await(new CompletableFuture<>(), "rebuilding"));
            assertEquals("Interrupted while rebuilding", e.getMessage());
            assertTrue(Thread.currentThread().isInterrupted());
        } finally {
            Thread.interrupted();
        }
    }
}
