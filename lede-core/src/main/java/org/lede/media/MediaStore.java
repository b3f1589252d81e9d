package org.lede.media;

import java.util.List;
import java.util.Optional;
import org.lede.common.Reference;

/** The records of media items; their bytes live in a {@link BlobStore}. */
public interface MediaStore {
    void insert(Media media);

    void update(Media media);

    Optional<Media> find(String id);

    void delete(String id);

    /** The stories (hero or image block), dashboards (illustration) and authors (avatar) that show the item. */
    List<Reference> uses(String id);

    Optional<Media> findBySha256(String sha256);

    List<Media> findAll(List<String> ids);

    List<Media> latest(int limit, int offset);
}
