package org.lede.web.newsroom;

import org.lede.page.SitePage;
import org.lede.web.newsroom.SitePageRoutes.SitePageForm;

/**
 * One site page's form.
 *
 * @param sitePage the page as stored, or null for a new one
 */
public record SitePageModel(NewsroomPage page, SitePage sitePage, SitePageForm form) implements NewsroomView {
    @Override
    public String template() {
        return "newsroom/site-page.jte";
    }
}
