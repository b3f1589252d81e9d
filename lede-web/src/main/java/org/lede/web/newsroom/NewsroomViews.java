package org.lede.web.newsroom;

import io.javalin.http.Context;
import java.util.HashMap;
import java.util.Map;
import org.lede.reading.SiteSettings;
import org.lede.user.Session;
import org.lede.web.support.Templates;

/** Renders newsroom pages inside their frame; shared by every newsroom route class. */
public final class NewsroomViews {
    private final Templates templates;
    private final SiteSettings site;

    public NewsroomViews(Templates templates, SiteSettings site) {
        this.templates = templates;
        this.site = site;
    }

    public SiteSettings site() {
        return site;
    }

    public NewsroomPage page(Context ctx, String title, String section, String notice) {
        Session session = NewsroomAuth.session(ctx);
        return new NewsroomPage(site, session.user(), session.csrf(), title, section, notice);
    }

    /**
     * Renders {@code template} with a {@code page} parameter built from the request plus the
     * given name/value pairs.
     */
    public void render(Context ctx, int status, String template, String title, String section, String notice,
                       Object... params) {
        Map<String, Object> model = new HashMap<>();
        model.put("page", page(ctx, title, section, notice));
        for (int i = 0; i < params.length; i += 2) {
            model.put((String) params[i], params[i + 1]);
        }
        ctx.status(status).html(templates.render(template, model));
    }

    public String fragment(String template, Map<String, Object> model) {
        return templates.render(template, model);
    }
}
