package org.lede.reading;

import java.util.ArrayList;
import java.util.List;
import org.lede.content.ImageBlock;
import org.lede.media.Media;
import org.lede.media.MediaType;
import org.lede.media.Renditions;

/**
 * An image ready to render: its sources, intrinsic size (so the page does not shift while it
 * loads), alt text, caption and printed credit.
 *
 * @param creditText the credit without its kind, for schema.org {@code creditText}; null when uncredited
 * @param original   the full-size file's address, for feed enclosures
 * @param mimeType   the file's media type
 * @param byteSize   the full-size file's length in bytes, as feed enclosures must state it
 */
public record Figure(
        String src,
        String srcset,
        int width,
        int height,
        String alt,
        String caption,
        String credit,
        String creditText,
        String original,
        String mimeType,
        long byteSize) {
    /** Widths of the renditions Lede makes; none wider than the original. */
    public static final List<Integer> WIDTHS = Renditions.WIDTHS;

    private static final int DEFAULT_WIDTH = 960;

    /** The media's own sources, size and alt text; caption and credit come from where it is placed. */
    public static Figure of(Media media) {
        List<String> sources = new ArrayList<>();
        int src = 0;
        // The JDK cannot decode WebP, so a WebP original is served as it is.
        boolean resizable = media.type() != MediaType.WEBP;
        for (int width : WIDTHS) {
            if (resizable && width < media.width()) {
                sources.add(Urls.media(media.id(), width, media.type().extension()) + " " + width + "w");
                if (width <= DEFAULT_WIDTH) {
                    src = width;
                }
            }
        }
        sources.add(Urls.media(media.id(), media.width(), media.type().extension()) + " " + media.width() + "w");
        int shown = src == 0 ? media.width() : src;
        return new Figure(
                Urls.media(media.id(), shown, media.type().extension()),
                String.join(", ", sources),
                media.width(),
                media.height(),
                media.alt() == null ? "" : media.alt(),
                null,
                null,
                null,
                Urls.media(media.id(), media.width(), media.type().extension()),
                media.type().mime(),
                media.byteSize());
    }

    /** This figure where a story or dashboard places it: the place's caption, credit and, when it kept one, alt text. */
    public Figure placed(ImageBlock image) {
        return new Figure(
                src,
                srcset,
                width,
                height,
                image.alt() != null ? image.alt() : alt,
                image.caption(),
                image.credit() == null ? null : image.credit().render(),
                image.credit() == null ? null : image.credit().text(),
                original,
                mimeType,
                byteSize);
    }
}
