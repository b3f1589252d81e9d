package org.lede.related;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.lede.dashboard.Dashboard;
import org.lede.dashboard.DashboardStore;
import org.lede.related.RelatedContent.Related;
import org.lede.related.RelatedContent.RelatedDashboard;
import org.lede.related.RelatedContent.RelatedStory;
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
        List<Related> rest = new ArrayList<>();
        if (story.draft().topicId() != null || !story.draft().tags().isEmpty()) {
            for (Story s : stories.publishedRelated(
                    story.id(), story.draft().topicId(), story.draft().tags(), window, 0)) {
                rest.add(new RelatedStory(s));
            }
        }
        if (story.draft().topicId() != null) {
            for (Dashboard d : dashboards.all()) {
                if (story.draft().topicId().equals(d.topicId())) {
                    rest.add(new RelatedDashboard(d));
                }
            }
        }
        rest.sort(Comparator.comparing(Related::shownAt).reversed());
        for (Related item : rest) {
            if (seen.add(item.id())) {
                ranked.add(item);
            }
        }
        return ranked.subList(Math.min(offset, ranked.size()), Math.min(offset + limit, ranked.size()));
    }

    private Related resolvePin(String id) {
        Story pinned = stories.find(id).filter(Story::isLive).orElse(null);
        if (pinned != null) {
            return new RelatedStory(pinned);
        }
        return dashboards.find(id).<Related>map(RelatedDashboard::new).orElse(null);
    }
}
