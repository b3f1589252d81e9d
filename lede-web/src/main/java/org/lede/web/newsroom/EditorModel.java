package org.lede.web.newsroom;

import java.util.List;
import org.lede.author.Author;
import org.lede.common.LineDiff;
import org.lede.media.Media;
import org.lede.story.Story;
import org.lede.topic.Topic;

/**
 * The story editor.
 *
 * @param previewUrl     a signed preview link just made for this story, shown once; else null
 * @param previewExpires when that link stops working, in the site's zone
 */
public record EditorModel(
        NewsroomPage page,
        Story story,
        StoryForm form,
        List<Topic> topics,
        List<Author> authors,
        List<Media> media,
        List<LineDiff.Line> conflict,
        String liveUrl,
        String defaultTime,
        String pins,
        String previewUrl,
        String previewExpires)
        implements NewsroomView {
    @Override
    public String template() {
        return "newsroom/editor.jte";
    }
}
