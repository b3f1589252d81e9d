package org.lede.authoring;

import java.net.URI;
import java.util.Locale;
import java.util.Set;
import org.lede.common.ValidationException;
import org.lede.content.Links;

/** The addresses {@link HtmlBlocks} turns into embeds, and the checks they pass first. */
final class EmbedUrls {
    /** Hosts whose bare links WordPress and Ghost show as embeds; subdomains count too. */
    private static final Set<String> KNOWN = Set.of(
            "youtube.com",
            "youtu.be",
            "youtube-nocookie.com",
            "vimeo.com",
            "twitter.com",
            "x.com",
            "instagram.com",
            "tiktok.com",
            "soundcloud.com",
            "spotify.com",
            "datawrapper.de",
            "dwcdn.net",
            "flourish.studio",
            "flo.uri.sh",
            "facebook.com",
            "threads.net",
            "bsky.app",
            "mastodon.social",
            "podcasts.apple.com",
            "tumblr.com",
            "giphy.com",
            "reddit.com",
            "dailymotion.com",
            "twitch.tv");

    private EmbedUrls() {}

    /** The address an embed may use, or null when it is not an http(s) address Links allows. */
    static String web(String raw) {
        if (raw == null) {
            return null;
        }
        String url = raw.strip();
        // Embed snippets often leave out the scheme ("//www.youtube.com/embed/..."); pages are served over https.
        if (url.startsWith("//")) {
            url = "https:" + url;
        }
        try {
            return Links.checkWeb(url);
        } catch (ValidationException e) {
            return null;
        }
    }

    /** Whether the address is an http(s) one on a host known for embeds. */
    static boolean isKnown(String url) {
        String checked = web(url);
        if (checked == null) {
            return false;
        }
        // Links.checkWeb has parsed it and found a host.
        String host = URI.create(checked).getHost().toLowerCase(Locale.ROOT);
        return KNOWN.stream().anyMatch(known -> host.equals(known) || host.endsWith("." + known));
    }
}
