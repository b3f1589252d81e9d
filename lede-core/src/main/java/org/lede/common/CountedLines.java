package org.lede.common;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lines of a report in order of first appearance, each once with how often it happened, so an
 * item that drops twenty scripts says so in one line rather than twenty.
 */
public final class CountedLines {
    private final Map<String, Integer> counts = new LinkedHashMap<>();

    public void add(String line) {
        counts.merge(line, 1, Integer::sum);
    }

    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        counts.forEach((line, count) -> lines.add(count == 1 ? line : line + " (" + count + " times)"));
        return lines;
    }
}
