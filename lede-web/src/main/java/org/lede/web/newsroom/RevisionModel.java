package org.lede.web.newsroom;

import java.time.ZoneId;
import java.util.List;
import org.lede.common.LineDiff;
import org.lede.story.Story;
import org.lede.story.StoryRevision;

/** One revision of a story, compared with the current text. */
public record RevisionModel(
        NewsroomPage page, Story story, StoryRevision revision, String text, List<LineDiff.Line> diff, ZoneId zone)
        implements NewsroomView {
    @Override
    public String template() {
        return "newsroom/revision.jte";
    }
}
