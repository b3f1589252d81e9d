package org.lede.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

/**
 * Resolves the host of a URL someone else chose and checks every address it resolves to, all of
 * them, since the connection may use any. Webhooks ask at registration and before each delivery,
 * importers before each request and each redirect, because what a name resolves to can change.
 *
 * <p>The JDK's HTTP client resolves the name again when it connects, so a name whose answer
 * changes between the two lookups (DNS rebinding) can still lead it elsewhere: the client has no
 * hook to connect to an address we checked (its resolver is the JVM-wide one, and it refuses a
 * {@code Host} header that would let us connect to the address itself).
 */
public final class Destinations {
    /** Looks a host name up; {@link InetAddress#getAllByName} outside tests. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** Why an address is refused, or empty when it is allowed; {@link TargetAddresses#refusal} outside tests. */
    @FunctionalInterface
    public interface Policy {
        Optional<String> refusal(InetAddress address);
    }

    private final Resolver resolver;
    private final Policy policy;

    public Destinations(Resolver resolver, Policy policy) {
        this.resolver = resolver;
        this.policy = policy;
    }

    /**
     * @param allowPrivate lets the server reach any address, for a receiver or a file on the same
     *     machine or network (tests, a newsroom's own tools); names must still resolve
     */
    public static Destinations system(boolean allowPrivate) {
        return new Destinations(
                InetAddress::getAllByName, allowPrivate ? address -> Optional.empty() : TargetAddresses::refusal);
    }

    /**
     * Every address of {@code host}, each one allowed.
     *
     * @param host a name or an address, an IPv6 one in brackets as a URI keeps it
     * @throws RefusedHostException when the host cannot be found or any of its addresses is refused
     */
    public List<InetAddress> addresses(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(bare);
        } catch (UnknownHostException e) {
            throw RefusedHostException.unknown(host);
        }
        if (addresses == null || addresses.length == 0) {
            throw RefusedHostException.noAddress(host);
        }
        for (InetAddress address : addresses) {
            Optional<String> reason = policy.refusal(address);
            if (reason.isPresent()) {
                throw RefusedHostException.refused(bare, address, reason.get());
            }
        }
        return List.of(addresses);
    }
}
