package org.lede.web.newsroom;

import java.util.List;
import org.lede.story.Story;

/** The top-stories page. */
public record TopStoriesModel(NewsroomPage page, String slugs, List<Story> latest) implements NewsroomView {
    @Override
    public String template() {
        return "newsroom/top.jte";
    }
}
