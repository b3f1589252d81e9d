package org.lede.web.reader;

import org.lede.reading.PageView;

/** A site page such as About or the corrections policy. */
public record SitePageModel(Page page, PageView sitePage) implements ReaderModel {
    @Override
    public String template() {
        return "reader/site-page.jte";
    }
}
