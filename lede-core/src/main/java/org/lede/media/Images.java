package org.lede.media;

import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.SampleModel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.zip.CRC32;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.lede.common.ValidationException;

/**
 * The checks and conversions an upload goes through: its size in memory from the header alone,
 * its structure (one whole image, nothing after it), one full decode, and encoding without any
 * metadata, so what readers get is pixels we decoded and nothing the uploader's camera or an
 * attacker put around them.
 */
final class Images {
    private static final String DAMAGED = "The image could not be read; it may be damaged or only partly uploaded.";

    private Images() {}

    /** What the header says: enough to refuse an image before any pixel is decoded. */
    record Header(int width, int height, int bytesPerPixel) {
        long decodedBytes() {
            return (long) width * height * bytesPerPixel;
        }
    }

    static Header header(byte[] bytes) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            ImageReader reader = reader(in);
            try {
                reader.setInput(in, true, true);
                ImageTypeSpecifier type = reader.getRawImageType(0);
                if (type == null) {
                    Iterator<ImageTypeSpecifier> types = reader.getImageTypes(0);
                    if (!types.hasNext()) {
                        throw damaged();
                    }
                    type = types.next();
                }
                SampleModel model = type.getSampleModel();
                int bytesPerPixel =
                        Math.max(1, model.getNumDataElements() * DataBuffer.getDataTypeSize(model.getDataType()) / 8);
                return new Header(reader.getWidth(0), reader.getHeight(0), bytesPerPixel);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ValidationException v) {
                throw v;
            }
            throw damaged();
        }
    }

    /**
     * Refuses a file that is not exactly one image: truncated, or with something after the image's
     * end (HTML, a script, an archive) that a browser or another tool might take for the file's
     * real content. A JPEG may be followed by further JPEGs (cameras append previews and depth
     * maps that way) or zero padding; nothing else.
     */
    static void checkStructure(MediaType type, byte[] bytes) {
        int end = switch (type) {
            case PNG -> pngEnd(bytes);
            case JPEG -> jpegEnd(bytes);
            case WEBP -> throw new IllegalArgumentException("WebP is not decoded here");
        };
        if (end < 0) {
            throw damaged();
        }
        if (end == bytes.length) {
            return;
        }
        boolean appendedJpeg = type == MediaType.JPEG
                && bytes.length - end >= 3
                && (bytes[end] & 0xFF) == 0xFF
                && (bytes[end + 1] & 0xFF) == 0xD8
                && (bytes[end + 2] & 0xFF) == 0xFF;
        boolean padding = true;
        for (int i = end; i < bytes.length && padding; i++) {
            padding = bytes[i] == 0;
        }
        if (!appendedJpeg && !padding) {
            throw new ValidationException(
                    "file",
                    "The file has " + (bytes.length - end)
                            + " bytes of something else after the end of the image, so it is not accepted."
                            + " Export the image again from an image editor.");
        }
    }

    /** The offset just after IEND, or -1 when a chunk is cut short, fails its checksum or IEND is missing. */
    private static int pngEnd(byte[] b) {
        int at = 8;
        CRC32 crc = new CRC32();
        while (at + 12 <= b.length) {
            long length = u32(b, at);
            if (length > b.length - at - 12) {
                return -1;
            }
            int len = (int) length;
            crc.reset();
            crc.update(b, at + 4, 4 + len);
            if (crc.getValue() != u32(b, at + 8 + len)) {
                return -1;
            }
            boolean iend = b[at + 4] == 'I' && b[at + 5] == 'E' && b[at + 6] == 'N' && b[at + 7] == 'D';
            at += 12 + len;
            if (iend) {
                return at;
            }
        }
        return -1;
    }

    /**
     * The offset just after the EOI marker, walking the segments and the entropy-coded data
     * between them; -1 when the file ends first.
     */
    private static int jpegEnd(byte[] b) {
        int at = 2;
        while (at + 1 < b.length) {
            if ((b[at] & 0xFF) != 0xFF) {
                return -1;
            }
            int marker = b[at + 1] & 0xFF;
            if (marker == 0xFF) {
                at++;
                continue;
            }
            at += 2;
            if (marker == 0xD9) {
                return at;
            }
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                continue;
            }
            if (at + 2 > b.length) {
                return -1;
            }
            int length = (b[at] & 0xFF) << 8 | (b[at + 1] & 0xFF);
            if (length < 2 || at + length > b.length) {
                return -1;
            }
            at += length;
            if (marker == 0xDA) {
                at = nextMarker(b, at);
                if (at < 0) {
                    return -1;
                }
            }
        }
        return -1;
    }

    /** After a scan's header: the next marker that is not a stuffed byte or a restart. */
    private static int nextMarker(byte[] b, int at) {
        for (int i = at; i + 1 < b.length; i++) {
            if ((b[i] & 0xFF) == 0xFF) {
                int next = b[i + 1] & 0xFF;
                if (next != 0x00 && next != 0xFF && (next < 0xD0 || next > 0xD7)) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** Decodes every pixel, ignoring metadata; a decoder's complaint becomes the uploader's message. */
    static BufferedImage decode(byte[] bytes) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            ImageReader reader = reader(in);
            try {
                reader.setInput(in, true, true);
                BufferedImage image = reader.read(0);
                if (image == null) {
                    throw damaged();
                }
                return image;
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ValidationException v) {
                throw v;
            }
            throw damaged();
        }
    }

    /** The image alone: no EXIF, no text chunks, no comments; only what the encoder writes by default. */
    static byte[] encode(BufferedImage image, MediaType type) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (type == MediaType.JPEG) {
                ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
                ImageWriteParam param = writer.getDefaultWriteParam();
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(0.88f);
                try (var stream = new MemoryCacheImageOutputStream(out)) {
                    writer.setOutput(stream);
                    writer.write(null, new IIOImage(image, null, null), param);
                } finally {
                    writer.dispose();
                }
            } else if (!ImageIO.write(image, "png", out)) {
                throw new IllegalStateException("No PNG writer for " + image);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot encode an image", e);
        }
        return out.toByteArray();
    }

    /**
     * A copy {@code width} pixels wide, in 8 bits a channel whatever the source's depth. Large
     * reductions go by halves first, since one bicubic step from a photo many times wider samples
     * too few of its pixels and shimmers.
     */
    static BufferedImage scale(BufferedImage source, int width, boolean alpha) {
        BufferedImage current = source;
        while (current.getWidth() / 2 >= width * 2) {
            current = draw(current, current.getWidth() / 2, alpha, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        }
        return draw(current, width, alpha, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
    }

    private static BufferedImage draw(BufferedImage source, int width, boolean alpha, Object interpolation) {
        int height = Math.max(1, Math.round(source.getHeight() * (width / (float) source.getWidth())));
        BufferedImage target =
                new BufferedImage(width, height, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        var g = target.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, interpolation);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.drawImage(source, 0, 0, width, height, null);
        g.dispose();
        return target;
    }

    private static ImageReader reader(ImageInputStream in) {
        if (in == null) {
            throw damaged();
        }
        Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
        if (!readers.hasNext()) {
            throw damaged();
        }
        return readers.next();
    }

    private static long u32(byte[] b, int at) {
        return (long) (b[at] & 0xFF) << 24 | (b[at + 1] & 0xFF) << 16 | (b[at + 2] & 0xFF) << 8 | (b[at + 3] & 0xFF);
    }

    private static ValidationException damaged() {
        return new ValidationException("file", DAMAGED);
    }
}
