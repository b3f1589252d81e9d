package org.lede.page;

import java.util.List;
import java.util.Optional;

public interface SitePageStore {
    /** @throws org.lede.common.ConflictException when another page has the slug */
    void insert(SitePage page);

    /**
     * Saves when the stored revision is {@code expectedRevision}; returns false and changes nothing otherwise.
     *
     * @throws org.lede.common.ConflictException when another page has the slug
     */
    boolean update(SitePage page, int expectedRevision);

    Optional<SitePage> find(String id);

    Optional<SitePage> findBySlug(String slug);

    /** Every page, drafts too, in footer order (position, then title). */
    List<SitePage> all();

    /** The published pages in footer order (position, then title). */
    List<PublishedPage> published();
}
