package org.lede.db;

/** The database cannot be reached or migrated; the message is one line fit for a start-up error. */
public class DatabaseUnavailableException extends RuntimeException {
    public DatabaseUnavailableException(String message) {
        super(message, null, false, false);
    }
}
