package org.lede.web.newsroom;

import io.javalin.http.Context;
import org.lede.newsroom.NewsroomQueries;
import org.lede.reading.SiteSettings;
import org.lede.user.Session;
import org.lede.web.support.Templates;

/** Renders newsroom pages inside their frame; shared by every newsroom route class. */
public final class NewsroomViews {
    private final Templates templates;
    private final SiteSettings site;
    private final NewsroomQueries queries;

    public NewsroomViews(Templates templates, SiteSettings site, NewsroomQueries queries) {
        this.templates = templates;
        this.site = site;
        this.queries = queries;
    }

    public SiteSettings site() {
        return site;
    }

    /** The frame of a page for the signed-in user. */
    public NewsroomPage page(Context ctx, String title, Section section, String notice) {
        Session session = NewsroomAuth.session(ctx);
        return new NewsroomPage(
                site,
                session.user(),
                session.csrf(),
                title,
                section,
                notice,
                queries.waitingForEditors(session.user().actor()));
    }

    public void render(Context ctx, int status, NewsroomView view) {
        ctx.status(status).contentType(Templates.HTML).result(templates.render(view.template(), view));
    }

    /** A part of a page, for the editor's scripts to put in place. */
    public String fragment(String template, Object model) {
        return templates.render(template, model);
    }
}
