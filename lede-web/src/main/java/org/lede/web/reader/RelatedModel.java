package org.lede.web.reader;

import org.lede.reading.StoryView;
import org.lede.reading.StreamPage;

/** Further pages of Go deeper under a story. */
public record RelatedModel(Page page, StoryView story, StreamPage stream) implements ReaderModel {
    @Override
    public String template() {
        return "reader/related.jte";
    }
}
