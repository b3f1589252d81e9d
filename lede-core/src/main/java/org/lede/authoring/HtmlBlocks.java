package org.lede.authoring;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.lede.common.Check;
import org.lede.content.Block;
import org.lede.content.Credit;

/**
 * Turns HTML, a fragment or a whole document, into story blocks: the one converter behind the
 * importers and the editor's paste. The HTML is parsed as a browser parses it (jsoup's WHATWG
 * tree builder), then read element by element:
 *
 * <ul>
 *   <li>{@code p} a paragraph, or a lead-in when it opens with a bold label ending in a colon;
 *       loose text between blocks is split into paragraphs at blank lines, as WordPress does;</li>
 *   <li>{@code ul}/{@code ol} a list (nested lists join their parent's items); {@code blockquote}
 *       a quote, its {@code cite} or {@code footer} the attribution; {@code h2}–{@code h4} a
 *       subhead; an {@code h1} before anything else the title, elsewhere a subhead;</li>
 *   <li>{@code figure}/{@code img}/{@code figcaption} an image: a trailing "Photo: …" in the
 *       caption is split into its credit. The image itself is named by an {@link ImageRef} that
 *       the caller turns into a media id (an importer downloads it); when it cannot, the caption
 *       and credit stay as a paragraph of text;</li>
 *   <li>iframes, the embed markup of X, Instagram and TikTok, and a paragraph that is only the
 *       address of a known embed (YouTube, Vimeo, SoundCloud, Spotify, Datawrapper, Flourish ...)
 *       an embed;</li>
 *   <li>WordPress shortcodes: {@code [caption]} a figure, {@code [embed]}, {@code [video]} and
 *       {@code [audio]} an embed, {@code [gallery]} reported (its images are the post's
 *       attachments); block-editor comments ({@code <!-- wp:... -->}) are markers only;</li>
 *   <li>bold, italic and links are kept; links pass {@link org.lede.content.Links}, so a
 *       {@code javascript:} link keeps its text and loses its address.</li>
 * </ul>
 *
 * Nothing is dropped silently: scripts, styles, forms and comments are left out with a line in
 * the report, and what cannot be mapped becomes a paragraph of its text and a report line. The
 * reading is iterative past {@link #MAX_DEPTH} levels of nesting, so hostile input cannot
 * overflow the stack, and linear in the size of the input.
 */
public final class HtmlBlocks {
    /** Nesting deeper than this is read as the plain text of the element that reaches it. */
    public static final int MAX_DEPTH = 64;

    /**
     * An image found in the HTML, for the caller to resolve to a media item.
     *
     * @param src the address as written (absolute, site-relative or relative to the source)
     */
    public record ImageRef(String src, String alt, String caption, Credit credit) {
        public ImageRef {
            Objects.requireNonNull(src, "src");
            alt = Check.optional(alt);
            caption = Check.optional(caption);
        }
    }

    /**
     * What the HTML became.
     *
     * @param title  the text of an {@code h1} that opened the content, else null
     * @param images every image found, in order, resolved or not
     * @param report one line per kind of thing simplified or left out, with how often
     */
    public record Result(String title, List<Block> blocks, List<ImageRef> images, List<String> report) {
        public Result {
            blocks = List.copyOf(blocks);
            images = List.copyOf(images);
            report = List.copyOf(report);
        }
    }

    private HtmlBlocks() {}

    /** Converts without media: every image stays as its caption and credit, and is reported. */
    public static Result convert(String html) {
        return convert(html, image -> null);
    }

    /**
     * @param mediaIds the media id for an image, or null when it cannot be had; an image block is
     *     made only for the images it resolves
     */
    public static Result convert(String html, Function<ImageRef, String> mediaIds) {
        return new HtmlReader(Objects.requireNonNull(mediaIds, "mediaIds")).read(Objects.requireNonNull(html, "html"));
    }
}
