package org.lede.bench;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A search query set ({@code bench/archive-queries.txt}), as ArchiveProbe and SearchProfile read
 * it. Its lines are query strings ({@code q=budget&topic=politics}); lines starting "warmup " are
 * asked first, several times, and not timed, and share no query with the timed ones; a line "# name"
 * names the kind of the timed queries that follow it ("query" before the first).
 */
record QuerySet(List<String> warmups, List<Query> timed) {
    /** A timed query string and the kind it is counted under. */
    record Query(String kind, String text) {}

    static QuerySet read(Path file) throws IOException {
        List<String> warmups = new ArrayList<>();
        List<Query> timed = new ArrayList<>();
        String kind = "query";
        for (String line : Files.readAllLines(file)) {
            String query = line.strip();
            if (query.isEmpty()) {
                continue;
            }
            if (query.startsWith("warmup ")) {
                warmups.add(query.substring("warmup ".length()));
            } else if (query.startsWith("# ")) {
                kind = query.substring(2).strip();
            } else {
                timed.add(new Query(kind, query));
            }
        }
        return new QuerySet(List.copyOf(warmups), List.copyOf(timed));
    }

    /** A query string's parameters, decoded, each name with its values in order; a name without "=" has "". */
    static Map<String, List<String>> parameters(String query) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        for (String pair : query.strip().split("&")) {
            String[] kv = pair.split("=", 2);
            String value = URLDecoder.decode(kv.length > 1 ? kv[1] : "", StandardCharsets.UTF_8);
            parameters.computeIfAbsent(kv[0], k -> new ArrayList<>()).add(value);
        }
        return parameters;
    }
}
