package org.lede.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DestinationsTest {
    private static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    private static final Map<String, InetAddress[]> NAMES = Map.of(
            "news.example", new InetAddress[] {ip("93.184.216.34"), ip("2606:2800:220:1:248:1893:25c8:1946")},
            "mixed.example", new InetAddress[] {ip("93.184.216.34"), ip("10.0.0.5")},
            "empty.example", new InetAddress[0]);

    private static InetAddress[] lookUp(String host) throws UnknownHostException {
        InetAddress[] found = NAMES.get(host);
        if (found != null) {
            return found;
        }
        if (Character.isDigit(host.charAt(0)) || host.indexOf(':') >= 0) {
            return InetAddress.getAllByName(host);
        }
        throw new UnknownHostException(host);
    }

    private final Destinations publicOnly = new Destinations(DestinationsTest::lookUp, TargetAddresses::refusal);

    @Test
    void aPublicNameGivesAllItsAddresses() {
        assertEquals(List.of(NAMES.get("news.example")), publicOnly.addresses("news.example"));
    }

    @Test
    void oneRefusedAddressAmongPublicOnesRefusesTheName() {
        RefusedHostException e = assertThrows(RefusedHostException.class, () -> publicOnly.addresses("mixed.example"));
        assertEquals("mixed.example resolves to 10.0.0.5, a private address.", e.getMessage());
        assertEquals("mixed.example resolves to 10.0.0.5, a private address", e.clause());
        assertEquals("mixed.example", e.host());
        assertEquals(ip("10.0.0.5"), e.address().orElseThrow());
        assertEquals("a private address", e.reason());
    }

    @Test
    void anAddressInTheUrlIsNamedOnce() {
        assertEquals(
                "10.0.0.5 is a private address",
                assertThrows(RefusedHostException.class, () -> publicOnly.addresses("10.0.0.5"))
                        .clause());
        assertEquals(
                "::1 is a loopback address",
                assertThrows(RefusedHostException.class, () -> publicOnly.addresses("[::1]"))
                        .clause());
    }

    @Test
    void unknownAndEmptyNamesAreRefusedWithoutAnAddress() {
        RefusedHostException unknown =
                assertThrows(RefusedHostException.class, () -> publicOnly.addresses("nowhere.example"));
        assertEquals("The host nowhere.example cannot be found.", unknown.getMessage());
        assertTrue(unknown.address().isEmpty());
        assertEquals(
                "The host empty.example has no address.",
                assertThrows(RefusedHostException.class, () -> publicOnly.addresses("empty.example"))
                        .getMessage());
    }

    @Test
    void allowingPrivateAddressesStillNeedsTheNameToResolve() {
        Destinations any = Destinations.system(true);
        assertEquals(List.of(ip("127.0.0.1")), any.addresses("127.0.0.1"));
        assertEquals(List.of(ip("::1")), any.addresses("[::1]"));
        assertThrows(RefusedHostException.class, () -> any.addresses("no-such-host.invalid"));
        assertThrows(
                RefusedHostException.class, () -> Destinations.system(false).addresses("127.0.0.1"));
    }
}
