package org.lede.web.reader;

import java.util.List;
import org.lede.reading.StoryCard;
import org.lede.reading.StreamSlice;

/** The home page: top stories and the stream of everything live, with the site's structured data. */
public record HomeModel(Page page, List<StoryCard> top, StreamSlice latest, List<String> jsonLd)
        implements ReaderModel {
    @Override
    public String template() {
        return "reader/home.jte";
    }
}
