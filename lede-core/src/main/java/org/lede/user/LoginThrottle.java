package org.lede.user;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Limits failed logins per account and per address within a sliding window, so guessing a
 * password is slow whether one address tries many accounts or many addresses try one.
 * Kept in memory: a restart forgives, which is acceptable for a window of minutes.
 */
public final class LoginThrottle {
    private final Clock clock;
    private final Duration window;
    private final int perAccount;
    private final int perAddress;
    private final ConcurrentHashMap<String, Deque<Long>> failures = new ConcurrentHashMap<>();

    public LoginThrottle(Clock clock, Duration window, int perAccount, int perAddress) {
        this.clock = clock;
        this.window = window;
        this.perAccount = perAccount;
        this.perAddress = perAddress;
    }

    public boolean allowed(String email, String address) {
        return count("account:" + email) < perAccount && count("address:" + address) < perAddress;
    }

    public void failed(String email, String address) {
        add("account:" + email);
        add("address:" + address);
    }

    public void succeeded(String email) {
        failures.remove("account:" + email);
    }

    private int count(String key) {
        Deque<Long> times = failures.get(key);
        if (times == null) {
            return 0;
        }
        synchronized (times) {
            long cutoff = clock.millis() - window.toMillis();
            while (!times.isEmpty() && times.peekFirst() < cutoff) {
                times.pollFirst();
            }
            return times.size();
        }
    }

    private void add(String key) {
        Deque<Long> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            times.addLast(clock.millis());
        }
    }
}
