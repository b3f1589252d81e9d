package org.lede.importing;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One post or page of any export, in the terms the import engine works in. Each format's reader
 * (WordPress, RSS and Atom, Ghost) turns its own records into these, so what happens to an item
 * (matching an earlier import, the transaction, authors, topics, images, redirects, the report) is
 * written once for every format.
 *
 * @param sourceId the source's own id or GUID: what a re-run matches on; never null
 * @param type a story or a site page
 * @param title the title as the source has it, HTML entities allowed; may be null
 * @param excerpt the summary, HTML allowed; becomes the dek; may be null
 * @param html the body as HTML, converted by {@link org.lede.authoring.HtmlBlocks}; may be null
 * @param slug the source's slug, percent-encoding allowed; may be null
 * @param status what the source says of the item's state
 * @param published when the source published (or will publish) it, in UTC; may be null
 * @param modified when the source last changed it; a re-run updates the item when this moved on
 * @param authors its authors in order, first the lead byline
 * @param categories section-like terms: the first becomes the topic, the rest tags
 * @param tags the source's tags
 * @param featured the featured image, or null
 * @param link the item's old permalink (absolute or a path), which gets a 301; may be null
 * @param aliases further old addresses of the item (e.g. {@code /?p=42}); each gets a 301
 * @param comments how many comments the source held for it, which are not imported
 * @param notes what the reader already simplified or dropped, for the report
 * @param line the line in the file where the item starts, for messages; 0 when unknown
 */
public record SourceItem(
        String sourceId,
        Type type,
        String title,
        String excerpt,
        String html,
        String slug,
        Status status,
        Instant published,
        Instant modified,
        List<Person> authors,
        List<String> categories,
        List<String> tags,
        Image featured,
        String link,
        List<String> aliases,
        int comments,
        List<String> notes,
        long line) {

    public SourceItem {
        Objects.requireNonNull(sourceId, "sourceId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(status, "status");
        authors = List.copyOf(authors);
        categories = List.copyOf(categories);
        tags = List.copyOf(tags);
        aliases = List.copyOf(aliases);
        notes = List.copyOf(notes);
    }

    public enum Type {
        STORY,
        PAGE
    }

    public enum Status {
        PUBLISHED,
        SCHEDULED,
        /** Waiting for an editor (WordPress "pending"). */
        SUBMITTED,
        DRAFT,
        /** Readable only by the source's staff: imported as a draft. */
        PRIVATE
    }

    /**
     * A person named as an author.
     *
     * @param key the source's id or login for the person: what a re-run matches on
     * @param name the display name; falls back to the key
     * @param bio a short biography, HTML allowed; may be null
     * @param slug the source's slug for the person; may be null
     */
    public record Person(String key, String name, String bio, String slug) {
        public Person {
            Objects.requireNonNull(key, "key");
        }
    }

    /**
     * An image the item names.
     *
     * @param url where the file is: an absolute http(s) address, or one under the export's uploads
     * @param alt its alternative text; may be null
     * @param caption its caption, HTML allowed, possibly ending in a "Photo: ..." credit; may be null
     */
    public record Image(String url, String alt, String caption) {
        public Image {
            Objects.requireNonNull(url, "url");
        }
    }
}
