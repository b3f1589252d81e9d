package org.lede.web.support;

import io.javalin.http.Context;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The address a request comes from, the one place that decides it, for sign-in throttling and
 * sessions. Only a peer named as a trusted proxy ({@code --trusted-proxy}) may say, in
 * {@code X-Forwarded-For}, whom it forwards for; anyone else's header is ignored, since a client
 * can write any header it likes. Behind a chain of proxies the client is the rightmost address
 * that is not itself a trusted proxy: everything left of it was written by the client.
 */
public final class ClientAddress {
    public static final ClientAddress DIRECT = new ClientAddress(List.of());
    private static final Pattern LITERAL = Pattern.compile("[0-9A-Fa-f:.]+");
    private final List<Block> trusted;

    private ClientAddress(List<Block> trusted) {
        this.trusted = trusted;
    }

    /**
     * Trusts the proxies given as addresses or CIDR blocks, IPv4 or IPv6 ({@code 10.0.0.0/8},
     * {@code 192.0.2.7}, {@code fd00::/8}).
     *
     * @throws IllegalArgumentException for an entry that is neither, with a message naming it
     */
    public static ClientAddress trusting(List<String> proxies) {
        List<Block> blocks = new ArrayList<>();
        for (String proxy : proxies) {
            for (String entry : proxy.split(",")) {
                if (!entry.isBlank()) {
                    blocks.add(Block.parse(entry.strip()));
                }
            }
        }
        return new ClientAddress(List.copyOf(blocks));
    }

    /** The client's address for this request. */
    public String of(Context ctx) {
        return resolve(ctx.req().getRemoteAddr(), Collections.list(ctx.req().getHeaders("X-Forwarded-For")));
    }

    String resolve(String peer, List<String> forwardedFor) {
        InetAddress current = parse(peer);
        if (current == null) {
            return peer;
        }
        if (!isTrusted(current)) {
            return current.getHostAddress();
        }
        List<String> hops = new ArrayList<>();
        for (String header : forwardedFor) {
            for (String hop : header.split(",")) {
                hops.add(hop.strip());
            }
        }
        for (int i = hops.size() - 1; i >= 0; i--) {
            InetAddress hop = parse(hops.get(i));
            if (hop == null) {
                // A trusted proxy never writes this; stop at the last address it vouched for.
                break;
            }
            current = hop;
            if (!isTrusted(hop)) {
                break;
            }
        }
        return current.getHostAddress();
    }

    private boolean isTrusted(InetAddress address) {
        return trusted.stream().anyMatch(b -> b.contains(address));
    }

    /** An IP literal, bracketed or with a port as some proxies write them; null for anything else. */
    static InetAddress parse(String text) {
        if (text == null) {
            return null;
        }
        String value = text.strip();
        if (value.startsWith("[") && value.contains("]")) {
            value = value.substring(1, value.indexOf(']'));
        } else if (value.indexOf(':') > 0 && value.indexOf(':') == value.lastIndexOf(':') && value.contains(".")) {
            value = value.substring(0, value.indexOf(':'));
        }
        // Only literals: InetAddress would look a name up in DNS, and a header must never cause that.
        if (value.isEmpty() || !LITERAL.matcher(value).matches()) {
            return null;
        }
        try {
            return InetAddress.getByName(value);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private record Block(byte[] network, int bits) {
        static Block parse(String entry) {
            int slash = entry.indexOf('/');
            InetAddress address = ClientAddress.parse(slash < 0 ? entry : entry.substring(0, slash));
            if (address == null) {
                throw new IllegalArgumentException(
                        "a trusted proxy is an IP address or a CIDR block such as 10.0.0.0/8, not \"" + entry + "\"");
            }
            int max = address.getAddress().length * 8;
            int bits;
            try {
                bits = slash < 0 ? max : Integer.parseInt(entry.substring(slash + 1));
            } catch (NumberFormatException e) {
                bits = -1;
            }
            if (bits < 0 || bits > max) {
                throw new IllegalArgumentException("the prefix length in \"" + entry + "\" must be from 0 to " + max);
            }
            return new Block(address.getAddress(), bits);
        }

        boolean contains(InetAddress address) {
            byte[] candidate = address.getAddress();
            if (candidate.length != network.length) {
                return false;
            }
            for (int i = 0; i < bits; i++) {
                int mask = 0x80 >>> (i % 8);
                if ((candidate[i / 8] & mask) != (network[i / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
