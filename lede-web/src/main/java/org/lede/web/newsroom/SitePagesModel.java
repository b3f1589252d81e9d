package org.lede.web.newsroom;

import java.time.ZoneId;
import java.util.List;
import org.lede.page.SitePage;

/** The site's pages in footer order, drafts too. */
public record SitePagesModel(NewsroomPage page, List<SitePage> pages, ZoneId zone) implements NewsroomView {
    @Override
    public String template() {
        return "newsroom/site-pages.jte";
    }
}
