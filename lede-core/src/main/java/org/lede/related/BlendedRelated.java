package org.lede.related;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lede.content.Block;
import org.lede.dashboard.Dashboard;
import org.lede.dashboard.DashboardItem;
import org.lede.dashboard.DashboardStore;
import org.lede.search.ProperNames;
import org.lede.search.SearchIndex;
import org.lede.story.Story;
import org.lede.story.StoryStore;

/**
 * Go deeper v2: the editors' live pins in their order, then candidates ranked by {@link Blend}.
 * Candidates come from bounded reads only, so the cost does not grow with the archive: the
 * index's more-like-this hits, the stories of the topic and of each tag published nearest the
 * story's own date, and the dashboards of the topic.
 */
public final class BlendedRelated implements RelatedContent {
    /** More-like-this hits read as candidates. */
    static final int SIMILAR = 50;

    /** Stories of the topic and of each tag read on each side of the story's date. */
    static final int NEAR = 10;

    /** Tags that bring candidates; later ones still count in the score. */
    static final int TAGS_READ = 5;

    private final StoryStore stories;
    private final DashboardStore dashboards;
    private final Similarity index;
    private final Blend.Weights weights;
    private final int max;

    /** Go deeper asks the search index for one thing only; {@code searchIndex::similar} is one. */
    @FunctionalInterface
    public interface Similarity {
        /** See {@link SearchIndex#similar}. */
        List<SearchIndex.Similar> similar(String id, int limit);
    }

    public BlendedRelated(StoryStore stories, DashboardStore dashboards, Similarity index, Blend.Weights weights) {
        this(stories, dashboards, index, weights, MAX);
    }

    /** With a smaller bound than {@link #MAX}, so a test needs fewer stories to reach it. */
    BlendedRelated(StoryStore stories, DashboardStore dashboards, Similarity index, Blend.Weights weights, int max) {
        this.stories = stories;
        this.dashboards = dashboards;
        this.index = index;
        this.weights = weights;
        this.max = max;
    }

    @Override
    public List<Pick> ranked(Story story) {
        Instant date = dateOf(story);
        String topicId = story.draft().topicId();
        List<String> tags = story.draft().tags();
        Map<String, Double> similarity = new HashMap<>();
        for (SearchIndex.Similar hit : index.similar(story.id(), SIMILAR)) {
            similarity.merge(hit.id(), hit.score(), Math::max);
        }
        double best = similarity.values().stream()
                .mapToDouble(Double::doubleValue)
                .max()
                .orElse(0);

        Set<String> ids = new LinkedHashSet<>(story.pins());
        ids.addAll(similarity.keySet());
        ids.addAll(stories.liveNear(topicId, tags.subList(0, Math.min(TAGS_READ, tags.size())), date, NEAR));
        ids.remove(story.id());

        Map<String, Related> items = new HashMap<>();
        for (Story s : stories.findAll(List.copyOf(ids))) {
            if (s.isLive()) {
                items.put(s.id(), new RelatedStory(s));
            }
        }
        for (Dashboard d : dashboards.all()) {
            if (ids.contains(d.id()) || topicId != null && topicId.equals(d.topicId())) {
                items.put(d.id(), new RelatedDashboard(d));
            }
        }

        List<String> storyNames = ProperNames.in(text(story));
        Set<String> storyTags = new HashSet<>(tags);
        Map<String, Blend.Score> scores = new HashMap<>();
        for (Related item : items.values()) {
            scores.put(
                    item.id(),
                    Blend.score(
                            signals(
                                    item,
                                    similarity.getOrDefault(item.id(), 0.0),
                                    best,
                                    story,
                                    date,
                                    storyNames,
                                    storyTags),
                            weights));
        }

        List<Pick> picks = new ArrayList<>();
        for (String pin : story.pins()) {
            Related item = items.remove(pin);
            if (item != null) {
                picks.add(new Pick(item, scores.get(pin).asPinned()));
            }
        }
        List<Pick> rest = items.values().stream()
                .map(item -> new Pick(item, scores.get(item.id())))
                .sorted(BEST_FIRST)
                .toList();
        for (Pick pick : rest) {
            if (picks.size() == max) {
                break;
            }
            picks.add(pick);
        }
        keepTopicDashboards(picks, rest, topicId);
        return List.copyOf(picks);
    }

    private static final Comparator<Pick> BEST_FIRST = Comparator.comparingDouble(
                    (Pick p) -> p.score().total())
            .reversed()
            .thenComparing(p -> p.item().shownAt(), Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(p -> p.item().id());

    /**
     * A dashboard of the story's topic is the topic's running account, so it stays in even when
     * many closer stories outscore it: it takes the place of the lowest unpinned pick.
     */
    private static void keepTopicDashboards(List<Pick> picks, List<Pick> rest, String topicId) {
        if (topicId == null) {
            return;
        }
        for (Pick pick : rest) {
            if (pick.item() instanceof RelatedDashboard d
                    && topicId.equals(d.dashboard().topicId())
                    && !picks.contains(pick)) {
                for (int i = picks.size() - 1; i >= 0; i--) {
                    Pick last = picks.get(i);
                    boolean topicDashboard = last.item() instanceof RelatedDashboard other
                            && topicId.equals(other.dashboard().topicId());
                    if (!last.score().pinned() && !topicDashboard) {
                        picks.set(i, pick);
                        break;
                    }
                }
            }
        }
    }

    private static Blend.Signals signals(
            Related item,
            double similarity,
            double best,
            Story story,
            Instant date,
            List<String> storyNames,
            Set<String> storyTags) {
        String topicId = story.draft().topicId();
        return switch (item) {
            case RelatedStory(Story s) ->
                new Blend.Signals(
                        similarity,
                        best,
                        topicId != null && topicId.equals(s.draft().topicId()),
                        (int) s.draft().tags().stream()
                                .filter(storyTags::contains)
                                .count(),
                        storyTags.size(),
                        shared(storyNames, ProperNames.in(text(s))),
                        Duration.between(date, dateOf(s)));
            case RelatedDashboard(Dashboard d) ->
                new Blend.Signals(
                        similarity,
                        best,
                        topicId != null && topicId.equals(d.topicId()),
                        0,
                        storyTags.size(),
                        shared(storyNames, ProperNames.in(text(d))),
                        Duration.between(date, d.updatedAt()));
        };
    }

    private static List<String> shared(List<String> mine, List<String> theirs) {
        Set<String> other = new HashSet<>(theirs);
        return mine.stream().filter(other::contains).toList();
    }

    /** The date readers see on a story: its first publication, else its last save. */
    static Instant dateOf(Story story) {
        if (story.firstPublishedAt() != null) {
            return story.firstPublishedAt();
        }
        return story.publishAt() != null ? story.publishAt() : story.updatedAt();
    }

    /** A story's words as a reader meets them, one block a line, so sentences start where blocks do. */
    static String text(Story story) {
        StringBuilder out = new StringBuilder(story.headline()).append('\n');
        if (story.draft().dek() != null) {
            out.append(story.draft().dek()).append('\n');
        }
        for (Block block : story.draft().body()) {
            out.append(block.plainText()).append('\n');
        }
        return out.toString();
    }

    static String text(Dashboard dashboard) {
        StringBuilder out = new StringBuilder(dashboard.title()).append('\n');
        if (dashboard.intro() != null) {
            out.append(dashboard.intro()).append('\n');
        }
        for (DashboardItem item : dashboard.items()) {
            out.append(item.label()).append('\n');
        }
        return out.toString();
    }
}
