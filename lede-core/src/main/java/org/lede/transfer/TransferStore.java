package org.lede.transfer;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;

/** The newsroom's tables as one {@code lede-export} JSON document, streamed both ways. */
public interface TransferStore {
    /** The versions of the document {@link #read} accepts. */
    List<Integer> READABLE_VERSIONS = List.of(1);

    /** Called once per media row, so the service can carry its original beside the document. */
    interface MediaVisitor {
        void original(String sha256, String contentType);
    }

    /** The exported tables that hold rows; an import goes only into a database where this is empty. */
    List<String> occupiedTables();

    /**
     * Writes the document from one read-only snapshot of its own (PostgreSQL: REPEATABLE READ;
     * SQLite: a deferred read in WAL mode), so writers go on meanwhile. Call it outside a transaction.
     */
    void write(OutputStream out, MediaVisitor media);

    /**
     * Inserts every row of the document in the caller's transaction, ids, revisions and times as
     * written.
     *
     * @throws org.lede.common.ValidationException naming line and column for malformed JSON, and
     *     the versions read for an unknown one
     */
    void read(InputStream in, MediaVisitor media);

    /** SQLite only: a consistent copy of the open database in a new file, while writers go on. */
    void copyDatabaseTo(Path file);
}
