package org.lede.media;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Optional;
import org.lede.common.NotFoundException;

/**
 * Resized copies of media. They are made once, by the upload's image job, and only read here: a
 * reader's request never decodes an image. Only the widths the pages link to are made or
 * answered, so a crawler cannot fill the disk.
 */
public final class Renditions {
    /** Widths of the renditions Lede makes; none wider than the original. */
    public static final List<Integer> WIDTHS = List.of(320, 640, 960, 1280, 1600);

    private final MediaStore store;
    private final BlobStore blobs;

    public Renditions(MediaStore store, BlobStore blobs) {
        this.store = store;
        this.blobs = blobs;
    }

    /**
     * The bytes of the media at this width, or empty when no such rendition is offered. While a
     * rendition is still being made (or was never made, for images uploaded before renditions were
     * made at upload) the answer is the original, marked as such so it is not kept in its place.
     */
    public Optional<Rendition> get(String mediaId, int width, String extension) {
        Media media = store.find(mediaId).orElseThrow(() -> new NotFoundException("Media", mediaId));
        if (!media.type().extension().equals(extension)) {
            return Optional.empty();
        }
        if (width == media.width()) {
            return original(media);
        }
        if (!WIDTHS.contains(width) || width > media.width() || media.type() == MediaType.WEBP) {
            return Optional.empty();
        }
        Optional<byte[]> made = blobs.get(key(media.sha256(), width, media.type()));
        if (made.isPresent()) {
            return Optional.of(new Rendition(media.type(), made.get(), true));
        }
        return original(media).map(o -> new Rendition(o.type(), o.bytes(), false));
    }

    private Optional<Rendition> original(Media media) {
        return Optional.of(new Rendition(
                media.type(),
                blobs.get(MediaService.originalKey(media))
                        .orElseThrow(() -> new NotFoundException("Media file", media.id())),
                true));
    }

    /** @param lasting false for a stand-in that must not be cached as this address's answer */
    public record Rendition(MediaType type, byte[] bytes, boolean lasting) {}

    /** The blob key of one rendition; an export carries renditions under the same names. */
    public static String key(String sha, int width, MediaType type) {
        return sha + "-" + width + "." + type.extension();
    }

    /** Makes every rendition narrower than the image, widest first, each from the one before. */
    static void make(BlobStore blobs, BufferedImage image, String sha, MediaType type) {
        boolean alpha = type == MediaType.PNG && image.getColorModel().hasAlpha();
        BufferedImage source = image;
        for (int width : WIDTHS.reversed()) {
            if (width < image.getWidth()) {
                source = Images.scale(source, width, alpha);
                blobs.put(key(sha, width, type), Images.encode(source, type));
            }
        }
    }
}
