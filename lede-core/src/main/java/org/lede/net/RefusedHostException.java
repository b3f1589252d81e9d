package org.lede.net;

import java.net.InetAddress;
import java.util.Optional;
import org.lede.common.LedeException;

/** A host the server will not connect to: it cannot be found, or it resolves to a refused address. */
public final class RefusedHostException extends LedeException {
    private final String host;
    private final InetAddress address;
    private final String reason;
    private final String clause;

    private RefusedHostException(String host, InetAddress address, String reason, String clause) {
        // A host name starts a sentence as it is spelt; only "the host" is capitalised.
        super((clause.startsWith("the ") ? "The " + clause.substring(4) : clause) + ".", 422);
        this.host = host;
        this.address = address;
        this.reason = reason;
        this.clause = clause;
    }

    static RefusedHostException unknown(String host) {
        return new RefusedHostException(host, null, "cannot be found", "the host " + host + " cannot be found");
    }

    static RefusedHostException noAddress(String host) {
        return new RefusedHostException(host, null, "has no address", "the host " + host + " has no address");
    }

    static RefusedHostException refused(String host, InetAddress address, String reason) {
        String shown = address.getHostAddress();
        // An address written in the URL is named once; a name is named with what it resolved to.
        boolean literal = host.equals(shown) || host.indexOf(':') >= 0;
        return new RefusedHostException(
                host,
                address,
                reason,
                literal ? host + " is " + reason : host + " resolves to " + shown + ", " + reason);
    }

    /** The host as it was asked for. */
    public String host() {
        return host;
    }

    /** The refused address, or empty when the host has none. */
    public Optional<InetAddress> address() {
        return Optional.ofNullable(address);
    }

    /** Why, as {@link TargetAddresses#refusal} says it (such as "a private address"), or what the lookup found. */
    public String reason() {
        return reason;
    }

    /** The message as a clause to follow a colon: "10.0.0.5 is a private address", without the full stop. */
    public String clause() {
        return clause;
    }
}
