package org.lede.db;

/** The two databases Lede runs on. Only SQL that truly differs is split by dialect. */
public enum Dialect {
    SQLITE("sqlite"),
    POSTGRESQL("postgresql");

    private final String folder;

    Dialect(String folder) {
        this.folder = folder;
    }

    /** The folder of this dialect's own migrations under {@code db/migration}. */
    public String folder() {
        return folder;
    }
}
