package org.lede.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The vocabulary of the generated archive, read once from {@code archive/words.txt}: named lists
 * ("## name") of words, phrases and sentence templates, and per topic ("## topic SLUG") its
 * institutions, people's roles and subjects.
 */
final class ArchiveWords {
    record TopicWords(List<String> actors, List<String> roles, List<String> subjects) {}

    /** A public figure who recurs across stories of a topic, so related stories share names. */
    record Person(String name, String role) {
        String surname() {
            return name.substring(name.lastIndexOf(' ') + 1);
        }

        /** The first mention: "Governor Ruth Calloway", or "Ravi Chidambaram, an epidemiologist,". */
        String introduced() {
            if (Character.isUpperCase(role.charAt(0))) {
                return role + " " + name;
            }
            return name + ", " + (startsWithVowel(role) ? "an " : "a ") + role + ",";
        }

        /** As a quotation's attribution: "Ruth Calloway, Governor". */
        String attribution() {
            return name + ", " + role;
        }

        private static boolean startsWithVowel(String text) {
            return "aeiouAEIOU".indexOf(text.charAt(0)) >= 0;
        }
    }

    private static final String GENERAL = "general";
    private final Map<String, List<String>> lists;
    private final Map<String, TopicWords> topics;

    private ArchiveWords(Map<String, List<String>> lists, Map<String, TopicWords> topics) {
        this.lists = lists;
        this.topics = topics;
    }

    static ArchiveWords load() {
        Map<String, List<String>> lists = new LinkedHashMap<>();
        List<String> topicSlugs = new ArrayList<>();
        String topic = null;
        List<String> current = null;
        for (String raw :
                DemoContent.read("/org/lede/demo/archive/words.txt").lines().toList()) {
            String line = raw.strip();
            if (line.startsWith("## topic ")) {
                topic = line.substring("## topic ".length()).strip();
                topicSlugs.add(topic);
                current = null;
            } else if (line.startsWith("## ")) {
                topic = null;
                current = new ArrayList<>();
                lists.put(line.substring(3).strip(), current);
            } else if (line.startsWith("# ") && topic != null) {
                // Inside a topic, "# actors", "# roles" and "# subjects" open its three parts.
                current = new ArrayList<>();
                lists.put(topic + ":" + line.substring(2).strip(), current);
            } else if (!line.isEmpty() && !line.startsWith("#") && current != null) {
                current.add(line);
            }
        }
        Map<String, List<String>> frozen = new LinkedHashMap<>();
        lists.forEach((name, entries) -> frozen.put(name, List.copyOf(entries)));
        ArchiveWords words = new ArchiveWords(frozen, new LinkedHashMap<>());
        for (String slug : topicSlugs) {
            words.topics.put(
                    slug,
                    new TopicWords(
                            words.list(slug + ":actors"), words.list(slug + ":roles"), words.list(slug + ":subjects")));
        }
        return words;
    }

    List<String> list(String name) {
        List<String> list = lists.get(name);
        if (list == null || list.isEmpty()) {
            throw new IllegalStateException("The archive's word list has no entries named " + name);
        }
        return list;
    }

    /** A topic's words; a topic the word list does not know gets the general ones. */
    TopicWords topic(String slug) {
        return topics.getOrDefault(slug, topics.get(GENERAL));
    }
}
