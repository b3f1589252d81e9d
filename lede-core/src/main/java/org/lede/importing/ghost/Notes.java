package org.lede.importing.ghost;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What one item lost or had simplified on the way in: each line once, in order, with how often. */
final class Notes {
    private final Map<String, Integer> counts = new LinkedHashMap<>();

    void add(String line) {
        counts.merge(line, 1, Integer::sum);
    }

    List<String> lines() {
        List<String> lines = new ArrayList<>();
        counts.forEach((line, count) -> lines.add(count == 1 ? line : line + " (" + count + " times)"));
        return lines;
    }
}
