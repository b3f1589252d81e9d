package org.lede.web.feed;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.lede.content.Block;
import org.lede.content.Inline;
import org.lede.content.LeadIn;
import org.lede.content.ListBlock;
import org.lede.content.ListItem;
import org.lede.content.Paragraph;
import org.lede.content.Quote;
import org.lede.content.Span;
import org.lede.reading.Figure;
import org.lede.reading.StoryView;
import org.lede.web.support.Templates;

/**
 * A story's body as a clean HTML fragment for readers elsewhere (feed readers, API clients):
 * the same blocks template as the story page, so lead-ins, lists, quotes and figures look as they
 * do on the site, with every address made absolute, since the fragment is read away from it.
 */
public final class StoryHtml {
    private final Templates templates;

    public StoryHtml(Templates templates) {
        this.templates = templates;
    }

    /**
     * @param baseUrl the site's address without a trailing slash, put before site-relative links and image sources
     */
    public String render(StoryView story, String baseUrl) {
        return templates
                .render("feed/story-html.jte", new StoryHtmlModel(absolute(story, baseUrl)))
                .strip();
    }

    private static StoryView absolute(StoryView story, String base) {
        Map<String, Figure> figures = new HashMap<>();
        story.figures().forEach((id, figure) -> figures.put(id, absolute(figure, base)));
        return new StoryView(
                story.id(),
                story.url() == null ? null : base + story.url(),
                story.headline(),
                story.dek(),
                story.topic(),
                story.authors(),
                story.hero() == null ? null : absolute(story.hero(), base),
                story.body().stream().map(b -> absolute(b, base)).toList(),
                figures,
                story.bioLine(),
                story.publishedAt(),
                story.modifiedAt(),
                story.shownAt(),
                story.updated(),
                story.corrections(),
                story.tags(),
                story.kind(),
                story.savedAt());
    }

    private static Block absolute(Block block, String base) {
        return switch (block) {
            case Paragraph p -> new Paragraph(absolute(p.text(), base));
            case LeadIn l -> new LeadIn(l.label(), absolute(l.text(), base));
            case ListBlock l ->
                new ListBlock(
                        l.ordered(),
                        l.items().stream()
                                .map(i -> new ListItem(i.label(), absolute(i.text(), base)))
                                .toList());
            case Quote q -> new Quote(absolute(q.text(), base), q.attribution());
            // Images are placed through the story's figures; subheads carry no link; embeds are absolute already.
            default -> block;
        };
    }

    private static Inline absolute(Inline text, String base) {
        List<Span> spans = text.spans().stream()
                .map(s -> s.href() == null ? s : new Span(s.text(), s.bold(), s.italic(), absolute(s.href(), base)))
                .toList();
        return new Inline(spans);
    }

    private static Figure absolute(Figure figure, String base) {
        String srcset = figure.srcset() == null
                ? null
                : String.join(
                        ", ",
                        Arrays.stream(figure.srcset().split(",\\s*"))
                                .map(candidate -> absolute(candidate, base))
                                .toList());
        return new Figure(
                absolute(figure.src(), base),
                srcset,
                figure.width(),
                figure.height(),
                figure.alt(),
                figure.caption(),
                figure.credit(),
                figure.creditText());
    }

    /** A site-relative address (one slash, not two) made absolute; any other left as it is. */
    static String absolute(String address, String base) {
        return address.startsWith("/") && !address.startsWith("//") ? base + address : address;
    }
}
