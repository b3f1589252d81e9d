package org.lede.webhook;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import org.lede.common.ValidationException;
import org.lede.net.Destinations;
import org.lede.net.RefusedHostException;

/**
 * Whether a URL may receive webhooks: http or https, a host, no credentials, and every address
 * the host resolves to allowed by
 * {@link org.lede.net.TargetAddresses} (all of them, since the connection may
 * use any). Asked at registration and again before each delivery, because what a name resolves
 * to can change after it was registered.
 */
public final class WebhookTargets {
    public static final int MAX_URL_LENGTH = 2000;

    private final Destinations destinations;

    public WebhookTargets(Destinations destinations) {
        this.destinations = destinations;
    }

    /**
     * @param allowPrivate lets webhooks reach any address, for a receiver on the same machine or
     *     network (tests, a newsroom's own tools); the URL's form is still checked
     */
    public static WebhookTargets system(boolean allowPrivate) {
        return new WebhookTargets(Destinations.system(allowPrivate));
    }

    /**
     * The URL, parsed, if its form is right.
     *
     * @throws ValidationException on the field {@code url}
     */
    public static URI parse(String url) {
        if (url == null || url.isBlank()) {
            throw new ValidationException("url", "Url must not be empty.");
        }
        if (url.length() > MAX_URL_LENGTH) {
            throw new ValidationException("url", "The URL is longer than " + MAX_URL_LENGTH + " characters.");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new ValidationException("url", "That is not a URL: " + e.getReason() + ".");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new ValidationException("url", "A webhook URL starts with https:// (or http://).");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new ValidationException("url", "A webhook URL names a host, such as https://example.com/hooks.");
        }
        if (uri.getRawUserInfo() != null) {
            // The HTTP client would drop them silently; better to say so than to fail every delivery.
            throw new ValidationException("url", "A webhook URL cannot carry a user name or password.");
        }
        if (uri.getRawFragment() != null) {
            throw new ValidationException("url", "A webhook URL has no #fragment: it is never sent.");
        }
        return uri;
    }

    /**
     * Resolves the URL's host and checks every address.
     *
     * @throws ValidationException on the field {@code url}, saying which address was refused and why
     */
    public void check(URI uri) {
        String host = uri.getHost();
        try {
            destinations.addresses(host);
        } catch (RefusedHostException e) {
            throw new ValidationException(
                    "url",
                    e.address()
                            .map(address -> "Webhooks cannot be sent to " + host + ": it resolves to "
                                    + address.getHostAddress() + ", " + e.reason() + ".")
                            .orElse(e.getMessage()));
        }
    }

    /** {@link #parse} then {@link #check}. */
    public URI checked(String url) {
        URI uri = parse(url);
        check(uri);
        return uri;
    }
}
