package org.lede.web.feed;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.lede.author.Author;
import org.lede.outbox.PageKeys;
import org.lede.reading.SiteSettings;
import org.lede.reading.StoryView;
import org.lede.reading.Urls;

/**
 * One feed, whatever its format: the site's, a topic's or an author's newest stories.
 *
 * @param title    the feed's title, as its page's title reads
 * @param pagePath the page the feed mirrors, such as {@code /topics/transit}
 * @param basePath where its files live: {@code ""} for the site, else the page's path
 * @param ownKey   the surrogate key of the page it mirrors, so the purges that evict the page evict it too
 * @param now      when it was made, the last resort for the feed's own update time
 */
record Feed(
        SiteSettings site,
        String title,
        String description,
        String pagePath,
        String basePath,
        String ownKey,
        List<StoryView> stories,
        Instant now) {
    static final String GENERATOR = "Lede";
    /** Feeds say the language the pages say ({@code <html lang="en">}). */
    static final String LANGUAGE = "en";

    String absolute(String path) {
        return site.baseUrl() + path;
    }

    String url(FeedFormat format) {
        return absolute(basePath + "/" + format.file());
    }

    /** The page's own key, then every story's, since each item shows its whole story. */
    Set<String> keys() {
        Set<String> keys = new LinkedHashSet<>();
        keys.add(ownKey);
        stories.forEach(s -> keys.addAll(s.pageKeys()));
        return keys;
    }

    /** The feed changed when its newest-shown story did; an empty feed is as new as its answer. */
    Instant updated() {
        return stories.stream().map(StoryView::shownAt).max(Instant::compareTo).orElse(now);
    }

    /**
     * A story's id for feed readers: a tag URI (RFC 4151) on the site's host, dated by the first
     * publication and naming the story's id, so it survives a slug change that moves its address.
     */
    String id(StoryView story) {
        String host = URI.create(site.baseUrl()).getHost();
        return "tag:" + host + ","
                + story.publishedAt().atOffset(ZoneOffset.UTC).toLocalDate() + ":story/" + story.id();
    }

    String authorUrl(Author author) {
        return absolute(Urls.author(author.slug()));
    }

    /** The topic's name, then each tag: the categories every format lists. */
    static List<String> categories(StoryView story) {
        List<String> out = new ArrayList<>();
        if (story.topic() != null) {
            out.add(story.topic().name());
        }
        for (String tag : story.tags()) {
            if (!out.contains(tag)) {
                out.add(tag);
            }
        }
        return out;
    }

    static Feed site(SiteSettings site, List<StoryView> stories, Instant now) {
        return new Feed(
                site,
                site.name(),
                site.tagline() == null ? site.name() : site.tagline(),
                "/",
                "",
                PageKeys.HOME,
                stories,
                now);
    }
}
