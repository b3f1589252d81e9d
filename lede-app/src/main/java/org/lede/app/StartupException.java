package org.lede.app;

/** A start-up problem the operator must fix, such as a data directory Lede cannot write. */
final class StartupException extends RuntimeException {
    StartupException(String message) {
        super(message, null, false, false);
    }
}
