package org.lede.media;

import java.util.List;
import java.util.Optional;

/** The records of media items; their bytes live in a {@link BlobStore}. */
public interface MediaStore {
    void insert(Media media);

    void update(Media media);

    Optional<Media> find(String id);

    Optional<Media> findBySha256(String sha256);

    List<Media> findAll(List<String> ids);

    List<Media> latest(int limit, int offset);

    /** How many published stories show this item, as their hero or in their body. */
    int publishedStoriesUsing(String mediaId);
}
