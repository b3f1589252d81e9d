package org.lede.search.lucene;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.util.BytesRef;
import org.lede.common.ValidationException;
import org.lede.search.SearchQuery;

/**
 * Where a page of hits ends, as the opaque {@code after} of the next: the sort's key of the last
 * hit (its score or date, then its id) and the moment recency was measured from, so every page of
 * one search ranks by the same clock. base64url of a version byte and those values.
 */
record Cursor(SearchQuery.Sort sort, float score, long date, long reference, String id) {
    private static final byte RELEVANCE = 'r';
    private static final byte NEWEST = 'n';
    private static final int MAX_ID = 64;

    String encode() {
        byte[] idBytes = id.getBytes(StandardCharsets.UTF_8);
        ByteBuffer out = ByteBuffer.allocate(1 + 8 + 8 + idBytes.length);
        if (sort == SearchQuery.Sort.RELEVANCE) {
            out.put(RELEVANCE).putFloat(score).putFloat(0f);
        } else {
            out.put(NEWEST).putLong(date);
        }
        out.putLong(reference).put(idBytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(out.array());
    }

    /** Where the page after this cursor starts, for a search sorted by {@code sort}. */
    FieldDoc after() {
        Object first = sort == SearchQuery.Sort.RELEVANCE ? (Object) score : (Object) date;
        // The largest doc id: on the same key and id, Lucene pages past the hit itself.
        return new FieldDoc(Integer.MAX_VALUE, score, new Object[] {first, new BytesRef(id)});
    }

    static Cursor decode(String after, SearchQuery.Sort sort) {
        try {
            ByteBuffer in = ByteBuffer.wrap(Base64.getUrlDecoder().decode(after));
            byte version = in.get();
            float score = 0f;
            long date = 0L;
            if (version == RELEVANCE && sort == SearchQuery.Sort.RELEVANCE) {
                score = in.getFloat();
                in.getFloat();
            } else if (version == NEWEST && sort == SearchQuery.Sort.NEWEST) {
                date = in.getLong();
            } else {
                throw invalid();
            }
            long reference = in.getLong();
            byte[] id = new byte[in.remaining()];
            in.get(id);
            String text = new String(id, StandardCharsets.UTF_8);
            if (id.length == 0
                    || id.length > MAX_ID
                    || Float.isNaN(score)
                    || !text.chars().allMatch(c -> c > ' ' && c < 127)) {
                throw invalid();
            }
            return new Cursor(sort, score, date, reference, text);
        } catch (IllegalArgumentException | BufferUnderflowException e) {
            throw invalid();
        }
    }

    private static ValidationException invalid() {
        return new ValidationException("after", "This is not a place in these results that the search gave out.");
    }
}
