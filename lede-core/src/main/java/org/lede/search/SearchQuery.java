package org.lede.search;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * One search. The text is what a person typed: words (each may match with one or two typos,
 * "Rohani" finds "Rouhani"), "quoted phrases" (matched exactly, in order), any other character
 * ignored. Blank text matches every document in scope (a filtered browse). Filters are ANDed; a
 * set filter matches any of its values. Adapters never throw on what a person typed.
 *
 * @param text      the query as typed; null is blank
 * @param scope     who asks: readers see live documents only
 * @param topicIds  only these topics (empty: any)
 * @param authorIds only stories with one of these authors in the byline (empty: any)
 * @param kinds     only these kinds, story kind keys or "dashboard" (empty: any)
 * @param statuses  only these story status keys (empty: any); ignored for readers
 * @param createdBy only documents this user created (null: anyone's); ignored for readers
 * @param from      only documents dated at or after this instant (null: no bound)
 * @param to        only documents dated before this instant (null: no bound)
 * @param sort      relevance (BM25 with headline and recency boosts) or newest date first
 * @param after     null for the first page, else {@link SearchResult#next()} of the previous page
 * @param limit     at most this many hits, 1 to {@link #MAX_LIMIT}
 * @param counts    whether to count matches by topic, author, kind and year
 */
public record SearchQuery(
        String text,
        Scope scope,
        Set<String> topicIds,
        Set<String> authorIds,
        Set<String> kinds,
        Set<String> statuses,
        String createdBy,
        Instant from,
        Instant to,
        Sort sort,
        String after,
        int limit,
        boolean counts) {

    public static final int MAX_LIMIT = 100;

    /** Longer text is cut here (at a word) before parsing: nobody types more, and parsing stays cheap. */
    public static final int MAX_TEXT = 200;

    public enum Scope {
        /** Live stories and dashboards. */
        READERS,
        /** Stories of every status and dashboards, for signed-in staff. */
        NEWSROOM
    }

    public enum Sort {
        RELEVANCE,
        NEWEST
    }

    public SearchQuery {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(sort, "sort");
        text = text == null ? "" : text.strip();
        topicIds = Set.copyOf(topicIds);
        authorIds = Set.copyOf(authorIds);
        kinds = Set.copyOf(kinds);
        statuses = Set.copyOf(statuses);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT + ": " + limit);
        }
    }

    /** A first page for readers with no filters, by relevance, with counts. */
    public static SearchQuery readers(String text, int limit) {
        return new SearchQuery(
                text,
                Scope.READERS,
                Set.of(),
                Set.of(),
                Set.of(),
                Set.of(),
                null,
                null,
                null,
                Sort.RELEVANCE,
                null,
                limit,
                true);
    }

    /** A first page for the newsroom (a picker or the story list) with no filters, by relevance, without counts. */
    public static SearchQuery newsroom(String text, int limit) {
        return new SearchQuery(
                text,
                Scope.NEWSROOM,
                Set.of(),
                Set.of(),
                Set.of(),
                Set.of(),
                null,
                null,
                null,
                Sort.RELEVANCE,
                null,
                limit,
                false);
    }

    public SearchQuery withSort(Sort order) {
        return new SearchQuery(
                text, scope, topicIds, authorIds, kinds, statuses, createdBy, from, to, order, after, limit, counts);
    }

    public SearchQuery withAfter(String cursor) {
        return new SearchQuery(
                text, scope, topicIds, authorIds, kinds, statuses, createdBy, from, to, sort, cursor, limit, counts);
    }
}
