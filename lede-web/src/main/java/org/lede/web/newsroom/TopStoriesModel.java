package org.lede.web.newsroom;

import java.util.List;
import org.lede.story.Story;

/**
 * The top-stories page.
 *
 * @param query  the words searched for among published stories, or empty
 * @param latest the stories that match them, or the latest published when there are none
 */
public record TopStoriesModel(NewsroomPage page, String slugs, String query, List<Story> latest)
        implements NewsroomView {
    @Override
    public String template() {
        return "newsroom/top.jte";
    }
}
