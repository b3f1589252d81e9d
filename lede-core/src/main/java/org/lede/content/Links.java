package org.lede.content;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;
import org.lede.common.ValidationException;

/** The link targets a story may contain: absolute http(s) and mailto URLs, and site-relative paths. */
public final class Links {
    private static final Set<String> SCHEMES = Set.of("http", "https", "mailto");

    private Links() {}

    public static String check(String href) {
        String value = href.strip();
        if (value.startsWith("/") && !value.startsWith("//")) {
            parse(value);
            return value;
        }
        URI uri = parse(value);
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!SCHEMES.contains(scheme)) {
            throw new ValidationException(
                    "href", "Links must start with http://, https://, mailto: or /, not \"" + value + "\".");
        }
        if (!scheme.equals("mailto") && (uri.getHost() == null || uri.getHost().isEmpty())) {
            throw new ValidationException("href", "The link \"" + value + "\" has no host.");
        }
        return value;
    }

    /** Only absolute web addresses: what an embed may point at. */
    public static String checkWeb(String url) {
        String value = check(url);
        if (!value.startsWith("http://") && !value.startsWith("https://")) {
            throw new ValidationException(
                    "url", "An embed needs an http:// or https:// address, not \"" + value + "\".");
        }
        return value;
    }

    private static URI parse(String value) {
        if (value.isEmpty() || value.chars().anyMatch(c -> c <= ' ')) {
            throw new ValidationException("href", "The link \"" + value + "\" is not a valid address.");
        }
        try {
            return new URI(value);
        } catch (URISyntaxException e) {
            throw new ValidationException("href", "The link \"" + value + "\" is not a valid address.");
        }
    }
}
