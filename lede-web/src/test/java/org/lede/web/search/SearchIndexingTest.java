package org.lede.web.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.lede.reading.SiteSettings;
import org.lede.search.SearchIndex;
import org.lede.search.SearchQuery;
import org.lede.search.SearchResult;
import org.lede.story.Story;
import org.lede.testing.Newsroom;
import org.lede.user.Actor;
import org.lede.user.Role;
import org.lede.web.Eventually;
import org.lede.web.WebServer;
import org.lede.web.WebServerTest;

/** The running server keeps the search index in step with the newsroom, and fills an empty one without waiting. */
class SearchIndexingTest extends WebServerTest {
    static final Actor EDITOR = new Actor("editor-1", Role.EDITOR);

    private static Set<String> readers(SearchIndex index, String text) {
        return index.search(SearchQuery.readers(text, 20)).hits().stream()
                .map(SearchResult.Hit::id)
                .collect(Collectors.toSet());
    }

    @Test
    void aPublishedStoryBecomesSearchableAndAnUnpublishedOneGoesAway() {
        var services = web.newsroom.services;
        SearchIndex index = services.search().index();
        Story draft = services.storyService().createDraft(EDITOR, web.newsroom.publishableDraft("Zeppelin returns"));
        Story live = services.storyService().publish(EDITOR, draft.id(), draft.revision());
        Eventually.until(
                "the published story to be searchable",
                () -> readers(index, "zeppelin").equals(Set.of(live.id())));

        services.storyService().unpublish(EDITOR, live.id(), live.revision());
        Eventually.until(
                "the unpublished story to leave reader search",
                () -> readers(index, "zeppelin").isEmpty());
        assertEquals(1, index.search(SearchQuery.newsroom("zeppelin", 20)).total(), "the newsroom still finds it");
    }

    @Test
    void anEmptyIndexOverExistingStoriesIsRebuiltWhileTheServerAlreadyServes() throws IOException {
        try (Newsroom other = new Newsroom(dialect, Files.createDirectories(dir.resolve("other")))) {
            var services = other.services;
            List<String> ids = new java.util.ArrayList<>();
            for (int i = 0; i < 3; i++) {
                Story draft = services.storyService().createDraft(EDITOR, other.publishableDraft("Archive piece " + i));
                ids.add(services.storyService()
                        .publish(EDITOR, draft.id(), draft.revision())
                        .id());
            }
            WebServer server = new WebServer(
                            services,
                            services.readerQueries(new SiteSettings(
                                    "Test Ledger", "News in brief.", "https://news.example", ZoneId.of("UTC"))),
                            other.clock)
                    .start("127.0.0.1", 0);
            try {
                assertTrue(server.port() > 0, "serving at once");
                SearchIndex index = services.search().index();
                Eventually.until(
                        "the rebuild to index the archive",
                        () -> readers(index, "archive").size() == 3);
                assertEquals(Set.copyOf(ids), readers(index, "archive"));
                assertEquals(services.outbox().lastSeq(), index.appliedThrough());

                Story draft = services.storyService().createDraft(EDITOR, other.publishableDraft("Archive addendum"));
                String added = services.storyService()
                        .publish(EDITOR, draft.id(), draft.revision())
                        .id();
                Eventually.until(
                        "the indexer to follow after the rebuild",
                        () -> readers(index, "addendum").equals(Set.of(added)));
            } finally {
                server.stop();
            }
        }
    }
}
