package org.lede.demo;

import java.util.Iterator;
import java.util.function.IntConsumer;
import org.lede.story.Story;

/**
 * Where a generated archive is written: in bulk, bypassing the services, since nobody did
 * anything (no event, no audit line); what is derived from stories is rebuilt afterwards.
 */
public interface ArchiveStore {
    /** Every story stored, whatever its state. */
    int storyCount();

    /**
     * Writes each story with its blocks, authors, tags and its one published revision, {@code
     * batch} stories a transaction, calling {@code written} with the running total after each.
     *
     * @throws org.lede.common.ConflictException when a slug is already taken
     */
    void write(Iterator<Story> stories, int batch, IntConsumer written);
}
