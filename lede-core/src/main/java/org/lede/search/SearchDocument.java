package org.lede.search;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the index knows of one story or dashboard: its text by field, and what searches filter,
 * count and sort by. Built from stored state by {@code SearchDocuments}, never by hand in callers.
 *
 * @param id          the story's or dashboard's id
 * @param type        story or dashboard
 * @param headline    the headline (a dashboard's title)
 * @param dek         the dek (a dashboard's description), or null
 * @param leadIns     the body's lead-in labels ("Why it matters:"), each as written
 * @param body        the text of every block but the labels, one block a line (a dashboard's item labels)
 * @param topicId     the topic, or null
 * @param topicName   the topic's name, or null
 * @param tags        tags as written
 * @param authorIds   the byline's authors, in order
 * @param authorNames the byline's names, in the same order
 * @param names       people and places named in the text (see {@link ProperNames}), for Go deeper
 * @param kind        a story's kind key (news, analysis, opinion, explainer), or "dashboard"
 * @param status      a story's status key (draft, review, scheduled, published, ...); "published" for a dashboard
 * @param live        true when readers may see it: a live story or a dashboard
 * @param createdBy   the user who created a story, or null
 * @param date        what searches sort and filter by: the first publication, or the last save when never published
 */
public record SearchDocument(
        String id,
        Type type,
        String headline,
        String dek,
        List<String> leadIns,
        String body,
        String topicId,
        String topicName,
        List<String> tags,
        List<String> authorIds,
        List<String> authorNames,
        List<String> names,
        String kind,
        String status,
        boolean live,
        String createdBy,
        Instant date) {

    public enum Type {
        STORY,
        DASHBOARD;

        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public SearchDocument {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(headline, "headline");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(date, "date");
        leadIns = List.copyOf(leadIns);
        body = body == null ? "" : body;
        tags = List.copyOf(tags);
        authorIds = List.copyOf(authorIds);
        authorNames = List.copyOf(authorNames);
        names = List.copyOf(names);
    }
}
