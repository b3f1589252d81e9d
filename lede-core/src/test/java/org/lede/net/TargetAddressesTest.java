package org.lede.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TargetAddressesTest {
    /** Every refused range at its edges, and the public addresses just outside them. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        // IPv4: loopback, unspecified, private, shared, link-local, metadata, multicast, reserved, broadcast
        "127.0.0.1, a loopback address",
        "127.255.255.254, a loopback address",
        "0.0.0.0, an unspecified address",
        "0.255.255.255, an unspecified address",
        "10.0.0.0, a private address",
        "10.255.255.255, a private address",
        "172.16.0.1, a private address",
        "172.31.255.255, a private address",
        "192.168.0.1, a private address",
        "192.168.255.255, a private address",
        "100.64.0.1, a shared (carrier-grade NAT) address",
        "100.127.255.255, a shared (carrier-grade NAT) address",
        "169.254.0.1, a link-local address",
        "169.254.255.255, a link-local address",
        "169.254.169.254, a cloud metadata address",
        "100.100.100.200, a cloud metadata address",
        "224.0.0.1, a multicast address",
        "239.255.255.255, a multicast address",
        "240.0.0.1, a reserved address",
        "255.255.255.254, a reserved address",
        "255.255.255.255, the broadcast address",
        // public IPv4 next to the refused ranges
        "1.1.1.1, ",
        "9.255.255.255, ",
        "11.0.0.0, ",
        "126.255.255.255, ",
        "128.0.0.0, ",
        "172.15.255.255, ",
        "172.32.0.0, ",
        "192.167.255.255, ",
        "192.169.0.0, ",
        "100.63.255.255, ",
        "100.128.0.0, ",
        "169.253.255.255, ",
        "169.255.0.0, ",
        "223.255.255.255, ",
        "93.184.216.34, ",
        // IPv6
        "::1, a loopback address",
        "::, an unspecified address",
        "fe80::1, a link-local address",
        "febf:ffff::1, a link-local address",
        "fec0::1, a site-local address",
        "fc00::1, a unique local (private) address",
        "fdff:ffff::1, a unique local (private) address",
        "fd00:ec2::254, a cloud metadata address",
        "ff02::1, a multicast address",
        "::127.0.0.1, a loopback address (inside an IPv6 address)",
        "::10.1.2.3, a private address (inside an IPv6 address)",
        "::ffff:169.254.169.254, a cloud metadata address",
        "64:ff9b::a9fe:a9fe, a cloud metadata address (inside an IPv6 address)",
        "64:ff9b::c0a8:1, a private address (inside an IPv6 address)",
        "2002:7f00:1::, a loopback address (inside an IPv6 address)",
        "2002:a00:1::, a private address (inside an IPv6 address)",
        // public IPv6, and embedded forms carrying public addresses
        "2606:4700:4700::1111, ",
        "2001:db8::1, ",
        "fbff:ffff::1, ",
        "fe00::1, ",
        "fd00:ec2::253, a unique local (private) address",
        "::2, an unspecified address (inside an IPv6 address)",
        "::8.8.8.8, ",
        "64:ff9b::808:808, ",
        "2002:808:808::, ",
        "2003::1, "
    })
    void judgesEachAddress(String literal, String reason) throws UnknownHostException {
        InetAddress address = InetAddress.getByName(literal);
        assertEquals(reason, TargetAddresses.refusal(address).orElse(null));
        assertEquals(reason == null, TargetAddresses.allowed(address));
    }

    /** Built from raw bytes, an IPv4-mapped address stays IPv6 in some code paths; it is judged by its IPv4 part. */
    @ParameterizedTest
    @CsvSource({"127, 0, 0, 1, false", "10, 0, 0, 1, false", "8, 8, 4, 4, true"})
    void judgesMappedAddressesGivenAsSixteenBytes(int a, int b, int c, int d, boolean allowed) throws Exception {
        byte[] bytes = new byte[16];
        bytes[10] = (byte) 0xff;
        bytes[11] = (byte) 0xff;
        bytes[12] = (byte) a;
        bytes[13] = (byte) b;
        bytes[14] = (byte) c;
        bytes[15] = (byte) d;
        assertEquals(allowed, TargetAddresses.allowed(java.net.Inet6Address.getByAddress(null, bytes, -1)));
    }
}
