package org.lede.importing;

import java.util.List;

/**
 * Streams the items of one export, in file order, holding no more than one item at a time (plus
 * whatever small site-wide tables the format keeps apart from its posts).
 */
public interface SourceReader extends AutoCloseable {
    /**
     * The next post or page, or null at the end. Records that are neither (attachments, settings)
     * are left out and counted in {@link #notes}; a post the reader cannot represent is still
     * returned, with notes.
     *
     * @throws ImportFormatException when the file is not well-formed, with line and column
     */
    SourceItem next();

    /**
     * What the reader left out that is neither a post nor a page (menus, settings, blocks ...), one
     * line a kind with its count, so nothing is dropped unsaid; complete once {@link #next} has
     * returned null.
     */
    default List<String> notes() {
        return List.of();
    }

    /** How many bytes of the file have been read, for a progress bar. */
    long position();

    @Override
    void close();
}
