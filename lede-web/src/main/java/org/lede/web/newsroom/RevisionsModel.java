package org.lede.web.newsroom;

import java.time.ZoneId;
import java.util.List;
import org.lede.story.Story;
import org.lede.story.StoryRevision;

/** A story's revisions. */
public record RevisionsModel(NewsroomPage page, Story story, List<StoryRevision> revisions, ZoneId zone)
        implements NewsroomView {
    @Override
    public String template() {
        return "newsroom/revisions.jte";
    }
}
