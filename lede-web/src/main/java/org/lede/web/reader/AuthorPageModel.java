package org.lede.web.reader;

import java.util.List;
import org.lede.reading.AuthorView;
import org.lede.reading.StreamSlice;

/** An author page and their stories, with its structured data. */
public record AuthorPageModel(Page page, AuthorView author, StreamSlice stream, List<String> jsonLd)
        implements ReaderModel {
    @Override
    public String template() {
        return "reader/author.jte";
    }
}
