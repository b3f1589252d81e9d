package org.lede.web.newsroom;

import java.util.ArrayList;
import java.util.List;
import org.lede.common.ValidationException;
import org.lede.story.Story;
import org.lede.story.StoryStore;

/** Editors name stories by slug in forms; services take ids. */
final class Slugs {
    private Slugs() {
    }

    static List<String> toStoryIds(StoryStore stories, List<String> slugs) {
        List<String> ids = new ArrayList<>();
        for (String slug : slugs) {
            String clean = slug.replaceAll("^.*/", "");
            ids.add(stories.findBySlug(clean).map(Story::id).orElseThrow(() ->
                    new ValidationException("pins", "There is no story with the slug \"" + clean + "\".")));
        }
        return ids;
    }
}
