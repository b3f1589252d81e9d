package org.lede.media;

import java.util.Optional;

/**
 * Where media bytes live: a directory on one node, object storage when several share it.
 * Keys are chosen by Lede (content hashes, rendition names), never by users.
 */
public interface BlobStore {
    /** Stores the bytes under the key unless present; writes are atomic, so a reader never sees half a file. */
    void put(String key, byte[] bytes);

    Optional<byte[]> get(String key);

    boolean exists(String key);

    /**
     * Deletes every blob whose key starts with {@code prefix}: an original and all its renditions
     * share the content hash they start with. Missing blobs are not an error.
     */
    void deleteStartingWith(String prefix);
}
