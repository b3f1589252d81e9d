package org.lede.web.reader;

import org.lede.reading.StreamSlice;
import org.lede.topic.Topic;

/** A topic page and its stream. */
public record TopicPageModel(Page page, Topic topic, StreamSlice stream) implements ReaderModel {
    @Override
    public String template() {
        return "reader/topic.jte";
    }
}
