package org.lede.media;

import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.lede.common.NotFoundException;

/**
 * Resized copies of media, made on first request and kept in the blob store, so each is made
 * once. Only the widths the pages link to are made, so a crawler cannot fill the disk.
 */
public final class Renditions {
    private final MediaStore store;
    private final BlobStore blobs;
    private final List<Integer> widths;

    public Renditions(MediaStore store, BlobStore blobs, List<Integer> widths) {
        this.store = store;
        this.blobs = blobs;
        this.widths = widths;
    }

    /** The bytes of the media at this width, or empty when no such rendition is offered. */
    public Optional<Rendition> get(String mediaId, int width, String extension) {
        Media media = store.find(mediaId).orElseThrow(() -> new NotFoundException("Media", mediaId));
        if (!media.type().extension().equals(extension)) {
            return Optional.empty();
        }
        if (width == media.width()) {
            return blobs.get(MediaService.originalKey(media)).map(b -> new Rendition(media.type(), b));
        }
        if (!widths.contains(width) || width > media.width() || media.type() == MediaType.WEBP) {
            return Optional.empty();
        }
        String key = media.sha256() + "-" + width + "." + extension;
        Optional<byte[]> cached = blobs.get(key);
        if (cached.isPresent()) {
            return Optional.of(new Rendition(media.type(), cached.get()));
        }
        byte[] original = blobs.get(MediaService.originalKey(media))
                .orElseThrow(() -> new NotFoundException("Media file", mediaId));
        byte[] resized = resize(original, media.type(), width);
        blobs.put(key, resized);
        return Optional.of(new Rendition(media.type(), resized));
    }

    public record Rendition(MediaType type, byte[] bytes) {}

    static byte[] resize(byte[] original, MediaType type, int width) {
        try {
            BufferedImage source = ImageIO.read(new ByteArrayInputStream(original));
            int height = Math.max(1, Math.round(source.getHeight() * (width / (float) source.getWidth())));
            boolean alpha = type == MediaType.PNG && source.getColorModel().hasAlpha();
            BufferedImage target =
                    new BufferedImage(width, height, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
            var g = target.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(source, 0, 0, width, height, null);
            g.dispose();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (type == MediaType.JPEG) {
                ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
                ImageWriteParam param = writer.getDefaultWriteParam();
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(0.82f);
                try (var stream = new MemoryCacheImageOutputStream(out)) {
                    writer.setOutput(stream);
                    writer.write(null, new IIOImage(target, null, null), param);
                } finally {
                    writer.dispose();
                }
            } else {
                ImageIO.write(target, "png", out);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot resize an image", e);
        }
    }
}
