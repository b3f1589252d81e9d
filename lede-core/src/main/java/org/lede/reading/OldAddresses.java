package org.lede.reading;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.lede.importing.ImportStore;
import org.lede.story.Story;
import org.lede.story.StoryStore;

/**
 * Where the addresses of the site a newsroom came from lead now: each imported story's old
 * permalink path answers with the story's address, found afresh on every request (as a story's
 * old slug does), so a story whose slug changes since stays reachable and one taken off the site
 * is not pointed to.
 */
public final class OldAddresses {
    private final ImportStore imports;
    private final StoryStore stories;
    private final ZoneId zone;

    public OldAddresses(ImportStore imports, StoryStore stories, ZoneId zone) {
        this.imports = imports;
        this.stories = stories;
        this.zone = zone;
    }

    /**
     * The address of the live story that had this path on the old site, with or without the
     * trailing slash WordPress puts on its permalinks.
     *
     * @param path the request's path as sent, percent-encoded
     */
    public Optional<String> storyAt(String path) {
        if (path == null || path.length() < 2) {
            return Optional.empty();
        }
        String other = path.endsWith("/") ? path.substring(0, path.length() - 1) : path + "/";
        return imports.redirectTarget(path)
                .or(() -> imports.redirectTarget(other))
                .flatMap(stories::find)
                .filter(Story::isLive)
                .map(s -> Urls.story(s, zone));
    }

    /**
     * Every old path that leads to a live story now, with that story's address, by path: what a
     * static copy of the site writes as its redirect rules. Paths of stories taken off the site
     * are left out, as {@link #storyAt} answers none for them.
     */
    public Map<String, String> live() {
        Map<String, String> out = new LinkedHashMap<>();
        imports.redirects()
                .forEach((path, storyId) ->
                        stories.find(storyId).filter(Story::isLive).ifPresent(s -> out.put(path, Urls.story(s, zone))));
        return out;
    }
}
