package org.lede.webhook;

import java.util.Locale;

/** Where a delivery stands; stored by {@link #key()}. */
public enum DeliveryStatus {
    /** Not sent yet, or failed and waiting for its next attempt. */
    PENDING,
    /** The receiver answered 2xx. */
    DELIVERED,
    /** Every attempt failed for a day; its endpoint was disabled. An admin may redeliver it. */
    FAILED;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DeliveryStatus ofKey(String key) {
        return valueOf(key.toUpperCase(Locale.ROOT));
    }
}
