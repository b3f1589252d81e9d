package org.lede.importing;

import org.lede.common.LedeException;

/** An export that cannot be read: not well-formed, hostile, or of a version this importer does not know. */
public final class ImportFormatException extends LedeException {
    public ImportFormatException(String message) {
        super(message, 422);
    }
}
