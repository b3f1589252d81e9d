package org.lede.web.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClientAddressTest {
    private final ClientAddress proxies = ClientAddress.trusting(List.of("10.0.0.0/8", "2001:db8:ff::/48, 192.0.2.7"));

    @Test
    void anUntrustedPeersHeaderIsIgnored() {
        assertEquals("198.51.100.9", proxies.resolve("198.51.100.9", List.of("203.0.113.1")));
        assertEquals("198.51.100.9", ClientAddress.DIRECT.resolve("198.51.100.9", List.of("203.0.113.1")));
    }

    @Test
    void theClientIsTheRightmostAddressThatIsNotATrustedProxy() {
        assertEquals("203.0.113.1", proxies.resolve("10.1.2.3", List.of("203.0.113.1")));
        assertEquals("203.0.113.1", proxies.resolve("10.1.2.3", List.of("6.6.6.6, 203.0.113.1, 10.9.9.9")));
        assertEquals("203.0.113.1", proxies.resolve("10.1.2.3", List.of("6.6.6.6", "203.0.113.1, 192.0.2.7")));
        assertEquals("2001:db8:1:0:0:0:0:5", proxies.resolve("2001:db8:ff:1::1", List.of("[2001:db8:1::5]:4711")));
        assertEquals("203.0.113.1", proxies.resolve("::ffff:10.0.0.1", List.of("203.0.113.1:5555")));
    }

    @Test
    void withoutAUsableHeaderTheLastAddressVouchedForCounts() {
        assertEquals("10.1.2.3", proxies.resolve("10.1.2.3", List.of()));
        assertEquals("10.9.9.9", proxies.resolve("10.1.2.3", List.of("10.9.9.9")), "all proxies: the first hop");
        assertEquals("10.1.2.3", proxies.resolve("10.1.2.3", List.of("unknown")));
        assertEquals("10.1.2.3", proxies.resolve("10.1.2.3", List.of("evil.example.org")), "never looked up");
    }

    @Test
    void badEntriesAreRefusedWithTheirName() {
        assertThrows(IllegalArgumentException.class, () -> ClientAddress.trusting(List.of("proxy.internal")));
        assertThrows(IllegalArgumentException.class, () -> ClientAddress.trusting(List.of("10.0.0.0/33")));
        assertThrows(IllegalArgumentException.class, () -> ClientAddress.trusting(List.of("::1/129")));
        assertThrows(IllegalArgumentException.class, () -> ClientAddress.trusting(List.of("10.0.0.0/x")));
    }
}
