package org.lede.search.store;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.lede.search.SearchDocument;
import org.lede.search.SearchQuery;

/** The documents and queries that PostgresSearchIndexDetailsTest and PostgresSearchBench build. */
final class PostgresSearchFixture {
    private PostgresSearchFixture() {}

    /** A story by {@code authors} ("Author a1" for a1), created by writer-1, published when live. */
    static SearchDocument doc(
            String id,
            String headline,
            String dek,
            String body,
            String topic,
            List<String> authors,
            String kind,
            boolean live,
            Instant date) {
        return new SearchDocument(
                id,
                SearchDocument.Type.STORY,
                headline,
                dek,
                List.of(),
                body,
                topic,
                topic == null ? null : topic.toUpperCase(),
                List.of(),
                authors,
                authors.stream().map(a -> "Author " + a).toList(),
                List.of(),
                kind,
                live ? "published" : "draft",
                live,
                "writer-1",
                date);
    }

    /** A readers' first page of ten, with counts, in these topics and kinds (empty: any). */
    static SearchQuery readers(String text, SearchQuery.Sort sort, Set<String> topics, Set<String> kinds) {
        return new SearchQuery(
                text,
                SearchQuery.Scope.READERS,
                topics,
                Set.of(),
                kinds,
                Set.of(),
                null,
                null,
                null,
                sort,
                null,
                10,
                true);
    }
}
