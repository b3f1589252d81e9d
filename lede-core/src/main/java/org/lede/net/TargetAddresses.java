package org.lede.net;

import java.net.InetAddress;
import java.util.Optional;

/**
 * Which addresses the server may connect to when someone else chose the URL (a webhook endpoint,
 * an image or feed to import): only public unicast ones. An address inside the network it runs in
 * (loopback, private ranges, link-local, cloud metadata services) would let them reach what only
 * the server should. IPv6 forms that carry an IPv4 address are judged by that address.
 */
public final class TargetAddresses {
    private TargetAddresses() {}

    /** Why {@code address} is refused, or empty when the server may connect to it. */
    public static Optional<String> refusal(InetAddress address) {
        byte[] b = address.getAddress();
        return Optional.ofNullable(b.length == 4 ? ipv4(b, 0) : ipv6(b));
    }

    public static boolean allowed(InetAddress address) {
        return refusal(address).isEmpty();
    }

    private static String ipv4(byte[] b, int at) {
        int a0 = b[at] & 0xff;
        int a1 = b[at + 1] & 0xff;
        int a2 = b[at + 2] & 0xff;
        int a3 = b[at + 3] & 0xff;
        if ((a0 == 169 && a1 == 254 && a2 == 169 && a3 == 254) || (a0 == 100 && a1 == 100 && a2 == 100 && a3 == 200)) {
            return "a cloud metadata address";
        }
        if (a0 == 0) {
            return "an unspecified address";
        }
        if (a0 == 127) {
            return "a loopback address";
        }
        if (a0 == 10 || (a0 == 172 && (a1 & 0xf0) == 16) || (a0 == 192 && a1 == 168)) {
            return "a private address";
        }
        if (a0 == 100 && (a1 & 0xc0) == 64) {
            return "a shared (carrier-grade NAT) address";
        }
        if (a0 == 169 && a1 == 254) {
            return "a link-local address";
        }
        if ((a0 & 0xf0) == 224) {
            return "a multicast address";
        }
        if ((a0 & 0xf0) == 240) {
            return a0 == 255 && a1 == 255 && a2 == 255 && a3 == 255 ? "the broadcast address" : "a reserved address";
        }
        return null;
    }

    private static String ipv6(byte[] b) {
        if (isMetadataV6(b)) {
            return "a cloud metadata address";
        }
        boolean firstTenZero = true;
        for (int i = 0; i < 10; i++) {
            firstTenZero &= b[i] == 0;
        }
        if (firstTenZero && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
            return embedded(b, 12);
        }
        if (firstTenZero && b[10] == 0 && b[11] == 0) {
            boolean zeroUpTo15 = b[12] == 0 && b[13] == 0 && b[14] == 0;
            if (zeroUpTo15 && b[15] == 0) {
                return "an unspecified address";
            }
            if (zeroUpTo15 && b[15] == 1) {
                return "a loopback address";
            }
            // IPv4-compatible (::a.b.c.d), deprecated but still routed by some stacks.
            return embedded(b, 12);
        }
        int b0 = b[0] & 0xff;
        int b1 = b[1] & 0xff;
        if (b0 == 0xff) {
            return "a multicast address";
        }
        if (b0 == 0xfe && (b1 & 0xc0) == 0x80) {
            return "a link-local address";
        }
        if (b0 == 0xfe && (b1 & 0xc0) == 0xc0) {
            return "a site-local address";
        }
        if ((b0 & 0xfe) == 0xfc) {
            return "a unique local (private) address";
        }
        // NAT64 (64:ff9b::/96) and 6to4 (2002::/16) reach the IPv4 address they carry.
        if (b0 == 0x00 && b1 == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b && zero(b, 4, 12)) {
            return embedded(b, 12);
        }
        if (b0 == 0x20 && b1 == 0x02) {
            return embedded(b, 2);
        }
        return null;
    }

    private static String embedded(byte[] b, int at) {
        String reason = ipv4(b, at);
        return reason == null ? null : reason + " (inside an IPv6 address)";
    }

    private static boolean zero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    /** fd00:ec2::254, the AWS instance metadata service over IPv6. */
    private static boolean isMetadataV6(byte[] b) {
        return (b[0] & 0xff) == 0xfd
                && b[1] == 0
                && (b[2] & 0xff) == 0x0e
                && (b[3] & 0xff) == 0xc2
                && zero(b, 4, 14)
                && b[14] == 0x02
                && (b[15] & 0xff) == 0x54;
    }
}
