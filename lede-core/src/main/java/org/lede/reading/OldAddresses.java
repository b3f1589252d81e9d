package org.lede.reading;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.lede.importing.ImportStore;
import org.lede.page.SitePage;
import org.lede.page.SitePageStore;
import org.lede.story.Story;
import org.lede.story.StoryStore;

/**
 * Where the addresses of the site a newsroom came from lead now: each imported story's or page's
 * old addresses answer with its address here, found afresh on every request (as a story's old
 * slug does), so a story whose slug changes since stays reachable and one taken off the site is
 * not pointed to.
 */
public final class OldAddresses {
    private final ImportStore imports;
    private final StoryStore stories;
    private final SitePageStore pages;
    private final ZoneId zone;

    public OldAddresses(ImportStore imports, StoryStore stories, SitePageStore pages, ZoneId zone) {
        this.imports = imports;
        this.stories = stories;
        this.pages = pages;
        this.zone = zone;
    }

    /**
     * The address of the live story or published page that had this address on the old site;
     * a path without a query is found with or without the trailing slash WordPress puts on its
     * permalinks.
     *
     * @param address the request's path as sent, percent-encoded, with its query when the old
     *     site named items by one ({@code /?p=42})
     */
    public Optional<String> addressAt(String address) {
        if (address == null || address.length() < 2) {
            return Optional.empty();
        }
        Optional<String> target = imports.redirectTarget(address);
        if (target.isEmpty() && address.indexOf('?') < 0) {
            String other = address.endsWith("/") ? address.substring(0, address.length() - 1) : address + "/";
            target = imports.redirectTarget(other);
        }
        return target.flatMap(this::addressOf);
    }

    private Optional<String> addressOf(String id) {
        return stories.find(id)
                .filter(Story::isLive)
                .map(s -> Urls.story(s, zone))
                .or(() -> pages.find(id).filter(SitePage::published).map(p -> "/" + p.slug()));
    }

    /**
     * Every old path that leads to a live story or published page now, with its address, by path:
     * what a static copy of the site writes as its redirect rules. Paths of what was taken off the
     * site are left out, as {@link #addressAt} answers none for them.
     */
    public Map<String, String> live() {
        Map<String, String> out = new LinkedHashMap<>();
        imports.redirects().forEach((path, id) -> {
            // A static host's redirect rules match paths; an old address named by its query is the server's alone.
            if (path.indexOf('?') < 0) {
                addressOf(id).ifPresent(to -> out.put(path, to));
            }
        });
        return out;
    }
}
