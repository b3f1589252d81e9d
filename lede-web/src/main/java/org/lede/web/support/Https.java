package org.lede.web.support;

/**
 * Whether a request reached us over HTTPS. The one place that decides it, for the session cookie's
 * {@code Secure} flag and for HSTS, so a stricter rule (believe {@code X-Forwarded-Proto} only from
 * a trusted proxy) changes both at once.
 */
public final class Https {
    private Https() {}

    /**
     * @param scheme the scheme of the request as it arrived
     * @param forwardedProto the {@code X-Forwarded-Proto} header, or null
     */
    public static boolean requested(String scheme, String forwardedProto) {
        return "https".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(forwardedProto);
    }
}
