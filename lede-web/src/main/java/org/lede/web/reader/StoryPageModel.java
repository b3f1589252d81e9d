package org.lede.web.reader;

import org.lede.reading.StoryView;
import org.lede.reading.StreamPage;

/** A story page with Go deeper and its structured data. */
public record StoryPageModel(Page page, StoryView story, StreamPage deeper, String jsonLd) implements ReaderModel {
    @Override
    public String template() {
        return "reader/story.jte";
    }
}
