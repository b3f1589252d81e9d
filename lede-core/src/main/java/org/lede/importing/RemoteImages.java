package org.lede.importing;

import java.util.List;
import java.util.Optional;

/** Fetches an image an export names by an http(s) address, for the import engine. */
public interface RemoteImages {
    /**
     * The file at {@code url}, within the upload limits; empty when it cannot be had, with a line
     * in {@code notes} saying why (refused address, too large, not found ...).
     */
    Optional<Fetched> fetch(String url, List<String> notes);

    /**
     * @param bytes the file as served
     * @param name  a file name for the media library, such as the last segment of the address
     */
    record Fetched(byte[] bytes, String name) {}
}
