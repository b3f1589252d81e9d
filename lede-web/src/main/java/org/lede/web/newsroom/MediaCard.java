package org.lede.web.newsroom;

import org.lede.media.Media;
import org.lede.media.MediaType;
import org.lede.reading.Figure;
import org.lede.reading.Urls;

/**
 * A library image as the newsroom shows it: a small rendition for the grid, a larger one for the
 * detail page, and the words that go with it.
 */
public record MediaCard(Media media, String thumbnail, String preview, String srcset, String credit) {
    private static final int THUMBNAIL = 320;
    private static final int PREVIEW = 640;

    public static MediaCard of(Media media) {
        return new MediaCard(
                media,
                url(media, THUMBNAIL),
                url(media, PREVIEW),
                Figure.of(media).srcset(),
                media.defaultCredit() == null ? null : media.defaultCredit().render());
    }

    /** Renditions exist only for the widths the reader site uses and never upscale; WebP is served as uploaded. */
    private static String url(Media media, int width) {
        boolean rendition = media.type() != MediaType.WEBP && media.width() > width && Figure.WIDTHS.contains(width);
        return Urls.media(
                media.id(), rendition ? width : media.width(), media.type().extension());
    }

    /** What to call the image in a link: its file name, else its id. */
    public String name() {
        return media.originalName() != null ? media.originalName() : media.id();
    }

    public String alt() {
        return media.alt() == null ? "" : media.alt();
    }

    public String caption() {
        return media.defaultCaption() == null ? "" : media.defaultCaption();
    }

    public String creditText() {
        return credit == null ? "" : credit;
    }
}
