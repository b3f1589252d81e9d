package org.lede.search;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.lede.author.Author;
import org.lede.author.AuthorStore;
import org.lede.content.Block;
import org.lede.content.Embed;
import org.lede.content.LeadIn;
import org.lede.dashboard.Dashboard;
import org.lede.dashboard.DashboardItem;
import org.lede.dashboard.DashboardStore;
import org.lede.story.Story;
import org.lede.story.StoryDraft;
import org.lede.story.StoryKind;
import org.lede.story.StoryStatus;
import org.lede.topic.Topic;
import org.lede.topic.TopicStore;

/**
 * Builds what the index holds from stored state. A batch of ids costs one query per kind of thing
 * (stories with their blocks, authors, topics), not one per story, so a rebuild reads the archive
 * at the rate it can index it.
 */
public final class SearchDocuments {
    private final SearchSourceStore sources;
    private final TopicStore topics;
    private final AuthorStore authors;
    private final DashboardStore dashboards;

    public SearchDocuments(
            SearchSourceStore sources, TopicStore topics, AuthorStore authors, DashboardStore dashboards) {
        this.sources = sources;
        this.topics = topics;
        this.authors = authors;
        this.dashboards = dashboards;
    }

    /**
     * The documents of the stories with these ids, in the order given; ids of no story are left out.
     *
     * @param names whether to find the people and places they name (see {@link SearchIndex#readsNames})
     */
    public List<SearchDocument> stories(List<String> ids, boolean names) {
        Map<String, SearchSourceStore.StoryText> found = new HashMap<>();
        for (SearchSourceStore.StoryText story : sources.storyTexts(new LinkedHashSet<>(ids))) {
            found.put(story.id(), story);
        }
        if (found.isEmpty()) {
            return List.of();
        }
        Map<String, String> topicNames = topicNames(found.values().stream()
                .map(SearchSourceStore.StoryText::topicId)
                .collect(Collectors.toSet()));
        Map<String, String> authorNames = authors
                .findAll(List.copyOf(found.values().stream()
                        .flatMap(s -> s.authorIds().stream())
                        .collect(Collectors.toCollection(LinkedHashSet::new))))
                .stream()
                .collect(Collectors.toMap(Author::id, Author::name));
        List<SearchDocument> out = new ArrayList<>(found.size());
        for (String id : new LinkedHashSet<>(ids)) {
            SearchSourceStore.StoryText story = found.get(id);
            if (story != null) {
                out.add(of(story, topicNames, authorNames, names));
            }
        }
        return out;
    }

    /**
     * The documents of the dashboards with these ids, in the order given; ids of no dashboard are left out.
     *
     * @param names whether to find the people and places they name (see {@link SearchIndex#readsNames})
     */
    public List<SearchDocument> dashboards(List<String> ids, boolean names) {
        List<Dashboard> found = new ArrayList<>(ids.size());
        for (String id : new LinkedHashSet<>(ids)) {
            dashboards.find(id).ifPresent(found::add);
        }
        if (found.isEmpty()) {
            return List.of();
        }
        Map<String, String> topicNames =
                topicNames(found.stream().map(Dashboard::topicId).collect(Collectors.toSet()));
        return found.stream().map(d -> of(d, topicNames, names)).toList();
    }

    /** Topics are few and every page's navigation lists them, so one read of them all serves any batch. */
    private Map<String, String> topicNames(Set<String> ids) {
        if (ids.stream().allMatch(id -> id == null)) {
            return Map.of();
        }
        Map<String, String> names = new HashMap<>();
        for (Topic topic : topics.all()) {
            names.put(topic.id(), topic.name());
        }
        return names;
    }

    static SearchDocument of(
            SearchSourceStore.StoryText story,
            Map<String, String> topicNames,
            Map<String, String> authorNames,
            boolean names) {
        List<String> lines = new ArrayList<>();
        if (story.heroCaption() != null) {
            lines.add(story.heroCaption());
        }
        for (String text : story.blocks()) {
            if (!text.isBlank()) {
                lines.add(text);
            }
        }
        String body = String.join("\n", lines);
        List<String> ids = story.authorIds();
        List<String> bylines = new ArrayList<>(ids.size());
        for (String id : ids) {
            String name = authorNames.get(id);
            if (name != null) {
                bylines.add(name);
            }
        }
        StoryStatus status = StoryStatus.parse(story.status());
        Instant date = story.firstPublishedAt() != null ? story.firstPublishedAt() : story.updatedAt();
        return new SearchDocument(
                story.id(),
                SearchDocument.Type.STORY,
                story.headline(),
                story.dek(),
                story.leadIns(),
                body,
                story.topicId(),
                story.topicId() == null ? null : topicNames.get(story.topicId()),
                story.tags(),
                ids,
                bylines,
                names ? ProperNames.in(joined(story.headline(), story.dek(), body)) : List.of(),
                StoryKind.parse(story.kind()).key(),
                status.key(),
                status == StoryStatus.PUBLISHED,
                story.createdBy(),
                date);
    }

    static SearchDocument of(Dashboard dashboard, Map<String, String> topicNames, boolean names) {
        String body = dashboard.items().stream().map(DashboardItem::label).collect(Collectors.joining("\n"));
        return new SearchDocument(
                dashboard.id(),
                SearchDocument.Type.DASHBOARD,
                dashboard.title(),
                dashboard.intro(),
                List.of(),
                body,
                dashboard.topicId(),
                dashboard.topicId() == null ? null : topicNames.get(dashboard.topicId()),
                List.of(),
                List.of(),
                List.of(),
                names ? ProperNames.in(joined(dashboard.title(), dashboard.intro(), body)) : List.of(),
                "dashboard",
                "published",
                true,
                null,
                dashboard.updatedAt());
    }

    /**
     * A story's words as its document holds them, built from the story itself: the same text the
     * rows give {@link #stories} (SearchDocumentsTest holds the two equal), without reading them again.
     */
    public static SearchIndex.Words words(Story story) {
        StoryDraft draft = story.draft();
        List<String> lines = new ArrayList<>();
        if (draft.hero() != null && draft.hero().caption() != null) {
            lines.add(draft.hero().caption());
        }
        for (Block block : draft.body()) {
            // A lead-in's label is a field of its own, and an embed's address is not its words.
            String text = switch (block) {
                case LeadIn leadIn -> leadIn.text().text();
                case Embed embed -> "";
                default -> block.plainText();
            };
            if (!text.isBlank()) {
                lines.add(text);
            }
        }
        return new SearchIndex.Words(draft.headline(), draft.dek(), String.join("\n", lines));
    }

    private static String joined(String headline, String dek, String body) {
        // Line breaks end sentences for ProperNames, so a headline's last word never joins the dek's first.
        return headline + "\n" + (dek == null ? "" : dek + "\n") + body;
    }
}
