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
import java.util.Objects;
import java.util.Set;
import org.lede.content.Block;
import org.lede.dashboard.Dashboard;
import org.lede.dashboard.DashboardItem;
import org.lede.dashboard.DashboardStore;
import org.lede.search.ProperNames;
import org.lede.search.SearchDocument.Type;
import org.lede.search.SearchDocuments;
import org.lede.search.SearchIndex;
import org.lede.story.Story;
import org.lede.story.StoryOutline;
import org.lede.story.StoryStore;

/**
 * Go deeper v2: the editors' live pins in their order, then candidates ranked by {@link Blend}.
 * Candidates come from bounded reads only, so the cost does not grow with the archive: the
 * index's more-like-this hits, the stories of the topic and of each tag published nearest the
 * story's own date, and the dashboards of the topic. Candidates are weighed by their outlines
 * (no blocks): the people and places shared are those the story's whole text names that a
 * candidate's headline or dek names too, which is where a story names whom it is about, and
 * reading a hundred bodies per page would cost more than the rest of the page.
 */
public final class BlendedRelated implements RelatedContent {
    /**
     * More-like-this hits read as candidates. Thirty, not more: the list shows at most {@link
     * #MAX}, the nearest stories of the topic and tags join them, and hits below the thirtieth
     * score too little similarity to outrank those.
     */
    static final int SIMILAR = 30;

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
        List<SearchIndex.Similar> similar(String id, SearchIndex.Words words, int limit);
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
        for (SearchIndex.Similar hit : index.similar(story.id(), SearchDocuments.words(story), SIMILAR)) {
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

        List<String> storyNames = ProperNames.in(text(story));
        Set<String> storyTags = new HashSet<>(tags);
        Map<String, Pick> candidates = new HashMap<>();
        for (StoryOutline s : stories.liveOutlines(List.copyOf(ids))) {
            Blend.Signals signals = new Blend.Signals(
                    similarity.getOrDefault(s.id(), 0.0),
                    best,
                    topicId != null && topicId.equals(s.topicId()),
                    (int) s.tags().stream().filter(storyTags::contains).count(),
                    storyTags.size(),
                    shared(storyNames, s.headline() + "\n" + Objects.requireNonNullElse(s.dek(), "")),
                    Duration.between(date, s.date()));
            candidates.put(s.id(), new Pick(s.id(), Type.STORY, s.date(), Blend.score(signals, weights)));
        }
        Set<String> topicDashboards = new HashSet<>();
        for (Dashboard d : dashboards.all()) {
            if (topicId != null && topicId.equals(d.topicId())) {
                topicDashboards.add(d.id());
            }
            if (ids.contains(d.id()) || topicDashboards.contains(d.id())) {
                Blend.Signals signals = new Blend.Signals(
                        similarity.getOrDefault(d.id(), 0.0),
                        best,
                        topicId != null && topicId.equals(d.topicId()),
                        0,
                        storyTags.size(),
                        shared(storyNames, text(d)),
                        Duration.between(date, d.updatedAt()));
                candidates.put(d.id(), new Pick(d.id(), Type.DASHBOARD, d.updatedAt(), Blend.score(signals, weights)));
            }
        }

        List<Pick> picks = new ArrayList<>();
        for (String pin : story.pins()) {
            Pick pick = candidates.remove(pin);
            if (pick != null) {
                picks.add(new Pick(
                        pick.id(), pick.type(), pick.date(), pick.score().asPinned()));
            }
        }
        int bound = picks.size() + max;
        List<Pick> rest = candidates.values().stream().sorted(BEST_FIRST).toList();
        for (Pick pick : rest) {
            if (picks.size() == bound) {
                break;
            }
            picks.add(pick);
        }
        keepTopicDashboards(picks, rest, topicDashboards);
        return List.copyOf(picks);
    }

    private static final Comparator<Pick> BEST_FIRST = Comparator.comparingDouble(
                    (Pick p) -> p.score().total())
            .reversed()
            .thenComparing(Pick::date, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(Pick::id);

    /**
     * A dashboard of the story's topic is the topic's running account, so it stays in even when
     * many closer stories outscore it: it takes the place of the lowest unpinned pick.
     */
    private static void keepTopicDashboards(List<Pick> picks, List<Pick> rest, Set<String> topicDashboards) {
        for (Pick pick : rest) {
            if (topicDashboards.contains(pick.id()) && !picks.contains(pick)) {
                for (int i = picks.size() - 1; i >= 0; i--) {
                    Pick last = picks.get(i);
                    if (!last.score().pinned() && !topicDashboards.contains(last.id())) {
                        picks.set(i, pick);
                        break;
                    }
                }
            }
        }
    }

    /**
     * The story's names that the other text names too. Finding names costs more than the rest of
     * weighing a candidate, and most candidates share none, so a text that does not even contain
     * the first word of one of the story's names is not searched for names at all: every name
     * found in a text contains its words, so the answer is the same.
     */
    static List<String> shared(List<String> mine, String text) {
        boolean any = false;
        for (String name : mine) {
            int space = name.indexOf(' ');
            if (text.contains(space < 0 ? name : name.substring(0, space))) {
                any = true;
                break;
            }
        }
        if (!any) {
            return List.of();
        }
        Set<String> other = new HashSet<>(ProperNames.in(text));
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
