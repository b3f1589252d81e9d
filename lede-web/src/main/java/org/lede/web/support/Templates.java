package org.lede.web.support;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

/**
 * Renders the precompiled JTE templates; escaping of HTML output is on for every template. Each
 * template takes one typed model record, so a missing value fails the build, not a render.
 */
public final class Templates {
    /** What every rendered page is; the charset is said, not left for the browser to guess. */
    public static final String HTML = "text/html;charset=utf-8";

    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

    public String render(String template, Object model) {
        StringOutput out = new StringOutput(16 * 1024);
        engine.render(template, model, out);
        return out.toString();
    }
}
