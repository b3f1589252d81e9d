package org.lede.web.reader;

import org.lede.reading.AuthorView;
import org.lede.reading.StreamPage;

/** An author page and their stories. */
public record AuthorPageModel(Page page, AuthorView author, StreamPage stream) implements ReaderModel {
    @Override
    public String template() {
        return "reader/author.jte";
    }
}
