package org.lede.web.newsroom;

import java.time.ZoneId;
import java.util.List;
import org.lede.story.Story;

/** The story list. */
public record StoriesModel(NewsroomPage page, List<Story> stories, String status, String query, ZoneId zone)
        implements NewsroomView {
    @Override
    public String template() {
        return "newsroom/stories.jte";
    }
}
