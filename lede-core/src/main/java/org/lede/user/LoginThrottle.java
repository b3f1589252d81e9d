package org.lede.user;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Makes guessing passwords slow without letting a guesser lock the real member out.
 *
 * <p>Per account, failed attempts buy a growing delay before the next password check, capped at
 * {@link Settings#maxDelay()}: a guesser gets a few tries a second at best, while the member who
 * knows the password still signs in, a little slowly. Per address, failed attempts are limited
 * outright within a window, since one address trying many accounts is never a person who forgot.
 *
 * <p>An attempt is counted when it starts and refunded if it succeeds, in one step under one lock,
 * so concurrent guesses cannot all pass a check before any of them is counted. Counters live in
 * memory in two maps of bounded size that drop the least recently used entry when full, so a flood
 * of made-up emails or addresses cannot grow them; a restart forgives, which is acceptable for a
 * window of minutes.
 */
public final class LoginThrottle {
    /** Sign-in addresses are IPv4 or IPv6 literals; anything else is kept as it is and never looked up. */
    private static final Pattern IP_LITERAL = Pattern.compile("[0-9A-Fa-f:.]+");

    /**
     * @param window     how long failures are remembered, counted from an account's or address's first one
     * @param freeFailures failures an account may have before its attempts are slowed
     * @param firstDelay the delay after the free failures; it doubles with each further failure
     * @param maxDelay   the longest delay, whatever the number of failures
     * @param perAddress failed attempts one address may make within the window
     * @param capacity   counters kept per map before the least recently used is dropped
     */
    public record Settings(
            Duration window, int freeFailures, Duration firstDelay, Duration maxDelay, int perAddress, int capacity) {
        public static final Settings DEFAULTS =
                new Settings(Duration.ofMinutes(15), 3, Duration.ofMillis(250), Duration.ofSeconds(3), 30, 10_000);
    }

    private final Clock clock;
    private final Settings settings;
    private final Map<String, Counter> accounts;
    private final Map<String, Counter> addresses;

    public LoginThrottle(Clock clock, Settings settings) {
        this.clock = clock;
        this.settings = settings;
        this.accounts = bounded(settings.capacity());
        this.addresses = bounded(settings.capacity());
    }

    /** An attempt in progress: counted as failed unless {@link #succeeded()} is called. */
    public final class Attempt {
        private final String account;
        private final String address;
        private final Duration delay;

        private Attempt(String account, String address, Duration delay) {
            this.account = account;
            this.address = address;
            this.delay = delay;
        }

        /** How long to wait before checking the password. */
        public Duration delay() {
            return delay;
        }

        /**
         * Refunds the attempt to the account and the address. Only this attempt: a member's sign-in
         * must not wipe out a guesser's count on their account and hand back the free failures.
         */
        public void succeeded() {
            synchronized (LoginThrottle.this) {
                refund(accounts.get(account));
                refund(addresses.get(address));
            }
        }
    }

    /**
     * Counts an attempt to sign in to {@code account} from {@code address}.
     *
     * @throws TooManyAttemptsException when the address has used up its failed attempts for now
     */
    public Attempt begin(String account, String address) {
        String addressKey = addressKey(address);
        long now = clock.millis();
        synchronized (this) {
            Counter byAddress = counter(addresses, addressKey, now);
            if (byAddress.count >= settings.perAddress()) {
                throw new TooManyAttemptsException();
            }
            byAddress.count++;
            Counter byAccount = counter(accounts, account, now);
            Duration delay = delayAfter(byAccount.count);
            byAccount.count++;
            return new Attempt(account, addressKey, delay);
        }
    }

    /** The wait before an attempt on an account that already failed {@code failures} times in the window. */
    Duration delayAfter(int failures) {
        int slowed = failures - settings.freeFailures();
        if (slowed < 0) {
            return Duration.ZERO;
        }
        // Past 2^20 doublings the cap has long been reached; stopping there keeps the shift in range.
        Duration delay = settings.firstDelay().multipliedBy(1L << Math.min(slowed, 20));
        return delay.compareTo(settings.maxDelay()) > 0 ? settings.maxDelay() : delay;
    }

    private static void refund(Counter counter) {
        if (counter != null && counter.count > 0) {
            counter.count--;
        }
    }

    /** Counters kept now, for tests that check memory stays bounded. */
    synchronized int size() {
        return accounts.size() + addresses.size();
    }

    private Counter counter(Map<String, Counter> map, String key, long now) {
        Counter counter = map.get(key);
        if (counter == null || now - counter.since >= settings.window().toMillis()) {
            counter = new Counter(now);
            map.put(key, counter);
        }
        return counter;
    }

    /**
     * IPv6 addresses are counted by their /64 prefix, the block one subscriber usually holds, so
     * moving through it buys no more attempts.
     */
    static String addressKey(String address) {
        if (address == null
                || !address.contains(":")
                || !IP_LITERAL.matcher(address).matches()) {
            return address == null ? "" : address;
        }
        try {
            InetAddress parsed = InetAddress.getByName(address);
            if (parsed instanceof Inet6Address) {
                byte[] prefix = Arrays.copyOf(parsed.getAddress(), 16);
                Arrays.fill(prefix, 8, 16, (byte) 0);
                return InetAddress.getByAddress(prefix).getHostAddress() + "/64";
            }
            return parsed.getHostAddress();
        } catch (UnknownHostException e) {
            return address;
        }
    }

    private static Map<String, Counter> bounded(int capacity) {
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Counter> eldest) {
                return size() > capacity;
            }
        };
    }

    private static final class Counter {
        final long since;
        int count;

        Counter(long since) {
            this.since = since;
        }
    }
}
