package org.lede.story;

/**
 * How much an update to a published story matters to readers. Only a substantive update moves
 * "Updated 3 hours ago" and schema.org {@code dateModified}; a typo fix does not.
 */
public enum UpdateKind {
    SUBSTANTIVE,
    MINOR
}
