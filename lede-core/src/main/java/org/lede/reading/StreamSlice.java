package org.lede.reading;

import java.util.List;
import java.util.Set;
import org.lede.story.StreamCursor;

/**
 * One page of a reader stream (home, topic, author), read after a cursor rather than past an
 * offset.
 *
 * @param after where the page starts (exclusive); null for the first page
 * @param older where the next, older page starts: the last item shown; null when none follows
 */
public record StreamSlice(List<StreamItem> items, StreamCursor after, StreamCursor older) {
    public StreamSlice {
        items = List.copyOf(items);
    }

    public boolean isFirst() {
        return after == null;
    }

    public boolean hasMore() {
        return older != null;
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }

    /** The keys of every card on the page, so a change to any of them evicts the page that lists it. */
    public Set<String> pageKeys() {
        return StreamPage.pageKeys(items);
    }
}
