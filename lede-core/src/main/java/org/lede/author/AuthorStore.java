package org.lede.author;

import java.util.List;
import java.util.Optional;
import org.lede.common.Reference;

public interface AuthorStore {
    void insert(Author author);

    void update(Author author);

    Optional<Author> find(String id);

    Optional<Author> findBySlug(String slug);

    /** The authors with these ids, in the order given; unknown ids are left out. */
    List<Author> findAll(List<String> ids);

    List<Author> all();

    void delete(String id);

    /** The stories that carry the author in their byline. */
    List<Reference> uses(String id);
}
