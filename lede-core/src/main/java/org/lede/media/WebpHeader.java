package org.lede.media;

import java.nio.charset.StandardCharsets;
import org.lede.common.ValidationException;

/** Reads a WebP image's size from its header; the JDK has no WebP reader. */
final class WebpHeader {
    private WebpHeader() {}

    static int[] dimensions(byte[] b) {
        if (b.length >= 30) {
            String chunk = new String(b, 12, 4, StandardCharsets.US_ASCII);
            switch (chunk) {
                case "VP8 " -> {
                    if ((b[23] & 0xFF) == 0x9D && (b[24] & 0xFF) == 0x01 && (b[25] & 0xFF) == 0x2A) {
                        return new int[] {u16(b, 26) & 0x3FFF, u16(b, 28) & 0x3FFF};
                    }
                }
                case "VP8L" -> {
                    if ((b[20] & 0xFF) == 0x2F) {
                        int bits = (b[21] & 0xFF) | (b[22] & 0xFF) << 8 | (b[23] & 0xFF) << 16 | (b[24] & 0xFF) << 24;
                        return new int[] {(bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1};
                    }
                }
                case "VP8X" -> {
                    return new int[] {u24(b, 24) + 1, u24(b, 27) + 1};
                }
                default -> {}
            }
        }
        throw new ValidationException("file", "The WebP image could not be read; it may be damaged.");
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
    }

    private static int u24(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8 | (b[at + 2] & 0xFF) << 16;
    }
}
