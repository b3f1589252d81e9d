package org.lede.reading;

import java.util.List;

/** One page of a stream and whether another follows it. */
public record StreamPage(List<StreamItem> items, int number, boolean hasMore) {
    public boolean isEmpty() {
        return items.isEmpty();
    }
}
