package org.lede.web.newsroom;

/** The story finder for dashboard items, as a whole page. */
public record StoryFinderModel(NewsroomPage page, StoryMatchesModel matches) implements NewsroomView {
    @Override
    public String template() {
        return "newsroom/dashboard-stories.jte";
    }
}
