package org.lede.web.reader;

import java.util.List;
import org.lede.reading.StoryView;
import org.lede.reading.StreamPage;

/** A story page with Go deeper and its structured data. */
public record StoryPageModel(Page page, StoryView story, StreamPage deeper, List<String> jsonLd)
        implements ReaderModel {
    @Override
    public String template() {
        return "reader/story.jte";
    }
}
