package org.lede.reading;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** One page of a stream and whether another follows it. */
public record StreamPage(List<StreamItem> items, int number, boolean hasMore) {
    public boolean isEmpty() {
        return items.isEmpty();
    }

    /** The keys of every card on the page, so a change to any of them evicts the page that lists it. */
    public Set<String> pageKeys() {
        return StreamPage.pageKeys(items);
    }

    /** The keys of every card in a list, in the order shown. */
    public static Set<String> pageKeys(List<? extends StreamItem> items) {
        Set<String> keys = new LinkedHashSet<>();
        items.forEach(item -> keys.addAll(item.pageKeys()));
        return keys;
    }
}
