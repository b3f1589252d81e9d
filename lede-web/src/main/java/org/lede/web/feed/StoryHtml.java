package org.lede.web.feed;

import org.lede.reading.StoryView;
import org.lede.web.support.Templates;

/**
 * A story's body as a clean HTML fragment for use away from the site (feeds, the content API):
 * lead-in labels bold, lists, quotes, subheads, images as {@code <figure>} with caption and
 * credit, embeds as links, every address absolute, no classes or scripts that need our CSS.
 */
public final class StoryHtml {
    private final Templates templates;

    public StoryHtml(Templates templates) {
        this.templates = templates;
    }

    /** @param baseUrl the site's absolute base, without a trailing slash ({@code SiteSettings.baseUrl}) */
    public String render(StoryView story, String baseUrl) {
        return templates
                .render("feed/story-html.jte", new StoryHtmlModel(story, baseUrl))
                .strip();
    }
}
