package org.lede.reading;

import java.util.Set;
import org.lede.author.Author;
import org.lede.outbox.PageKeys;

/**
 * An author page's head: who they are; their stories come as a stream.
 *
 * @param avatar the author's portrait, or null when they have none
 */
public record AuthorView(Author author, String url, Figure avatar) {
    /** The author page's own key; its stories' keys come from its stream. */
    public Set<String> pageKeys() {
        return Set.of(PageKeys.author(author.slug()));
    }
}
