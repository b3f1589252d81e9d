package org.lede.related;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.lede.dashboard.Dashboard;
import org.lede.dashboard.DashboardStore;
import org.lede.related.RelatedContent.Related.Kind;
import org.lede.story.Story;
import org.lede.story.StoryStore;

/**
 * The first ranking: the editors' pins in their order, then stories sharing the story's topic
 * or a tag and dashboards of its topic, newest first.
 */
public final class PinsTopicTagsRelated implements RelatedContent {
    private final StoryStore stories;
    private final DashboardStore dashboards;

    public PinsTopicTagsRelated(StoryStore stories, DashboardStore dashboards) {
        this.stories = stories;
        this.dashboards = dashboards;
    }

    private record Dated(Related item, Instant at) {
    }

    @Override
    public List<Related> related(Story story, int limit, int offset) {
        List<Related> ranked = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        seen.add(story.id());
        for (String pin : story.pins()) {
            Related item = resolvePin(pin);
            if (item != null && seen.add(pin)) {
                ranked.add(item);
            }
        }
        // Any item of the wanted page is among the first offset + limit of each source.
        int window = offset + limit + seen.size();
        List<Dated> rest = new ArrayList<>();
        if (story.draft().topicId() != null || !story.draft().tags().isEmpty()) {
            for (Story s : stories.publishedRelated(story.id(), story.draft().topicId(), story.draft().tags(), window, 0)) {
                rest.add(new Dated(new Related(Kind.STORY, s.id()), s.publishAt()));
            }
        }
        if (story.draft().topicId() != null) {
            for (Dashboard d : dashboards.all()) {
                if (story.draft().topicId().equals(d.topicId())) {
                    rest.add(new Dated(new Related(Kind.DASHBOARD, d.id()), d.updatedAt()));
                }
            }
        }
        rest.sort(Comparator.comparing(Dated::at).reversed());
        for (Dated d : rest) {
            if (seen.add(d.item().id())) {
                ranked.add(d.item());
            }
        }
        return ranked.subList(Math.min(offset, ranked.size()), Math.min(offset + limit, ranked.size()));
    }

    private Related resolvePin(String id) {
        if (stories.find(id).filter(Story::isLive).isPresent()) {
            return new Related(Kind.STORY, id);
        }
        return dashboards.find(id).map(d -> new Related(Kind.DASHBOARD, id)).orElse(null);
    }
}
