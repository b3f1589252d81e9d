package org.lede.demo;

import java.util.function.IntConsumer;
import java.util.function.IntFunction;
import org.lede.story.Story;

/**
 * Where a generated archive is written: in bulk, bypassing the services, since nobody did
 * anything (no event, no audit line); what is derived from stories is rebuilt afterwards.
 */
public interface ArchiveStore {
    /** Every story stored, whatever its state. */
    int storyCount();

    /**
     * Writes stories {@code 0} to {@code count - 1}, each with its blocks, authors, tags and its
     * one published revision, {@code batch} stories a transaction, calling {@code written} with
     * the running total after each. {@code story} may be called from several threads at once and
     * in any order: each story depends on its number alone.
     *
     * @throws org.lede.common.ConflictException when a slug is already taken
     */
    void write(IntFunction<Story> story, int count, int batch, IntConsumer written);
}
