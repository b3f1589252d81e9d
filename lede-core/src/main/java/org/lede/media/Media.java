package org.lede.media;

import java.time.Instant;
import java.util.Objects;
import org.lede.common.Check;
import org.lede.content.Credit;

/**
 * An uploaded image. The original is stored once under its content hash; {@code alt} is
 * required before a story using it can be published.
 */
public record Media(
        String id,
        String sha256,
        MediaType type,
        long byteSize,
        int width,
        int height,
        String alt,
        String defaultCaption,
        Credit defaultCredit,
        String originalName,
        Instant createdAt) {
    public Media {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(type, "type");
        alt = Check.maxLength("alt", Check.optional(alt), 500);
        defaultCaption = Check.maxLength("caption", Check.optional(defaultCaption), 500);
        originalName = Check.optional(originalName);
        Objects.requireNonNull(createdAt, "createdAt");
    }

    public boolean hasAlt() {
        return alt != null;
    }
}
