package org.lede.web.cache;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.eclipse.jetty.http.HttpField;
import org.lede.web.support.SecurityHeaders;

/**
 * A cached page's header blocks as {@link CachedPageConnection} writes them, after the status
 * and Date lines: one per kind of answer (200 or 304, plain or gzip, each set of security
 * headers), encoded when first sent and then only copied by reference. A block is about 1 kB
 * (the Content-Security-Policy and Surrogate-Key make most of it), and a page sends two kinds in
 * practice, plain and gzip, so they are not counted against the cache's byte budget.
 */
public final class EncodedHeads {
    private final AtomicReferenceArray<ByteBuffer> heads =
            new AtomicReferenceArray<>(4 * SecurityHeaders.VARIANTS.size());

    ByteBuffer get(CachedAnswer answer, List<HttpField> security) {
        int set = 0;
        // By identity: the lists are constants, and comparing their fields would cost more than the lookup saves.
        while (SecurityHeaders.VARIANTS.get(set) != security) {
            set++;
        }
        int variant = set * 4 + (answer.notModified() ? 2 : 0) + (answer.compressed() != null ? 1 : 0);
        ByteBuffer head = heads.get(variant);
        if (head == null) {
            // Two requests may both encode it; the blocks are equal, and either may stay.
            head = encode(answer, security);
            heads.set(variant, head);
        }
        return head.duplicate();
    }

    private static ByteBuffer encode(CachedAnswer answer, List<HttpField> security) {
        StringBuilder text = new StringBuilder(1024);
        security.forEach(field -> line(text, field));
        answer.fields(field -> line(text, field));
        text.append("\r\n");
        return PageCache.Wire.direct(text.toString().getBytes(StandardCharsets.ISO_8859_1));
    }

    private static void line(StringBuilder text, HttpField field) {
        text.append(field.getName()).append(": ").append(field.getValue()).append("\r\n");
    }
}
