package org.lede.web.reader;

/** The styled error page. */
public record ErrorModel(Page page, int status, String message) implements ReaderModel {
    @Override
    public String template() {
        return "reader/error.jte";
    }
}
