package org.lede.web.webhook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A receiver's check of a delivery, written from the Standard Webhooks specification
 * (standardwebhooks.com) rather than from Lede's signer, so the two must agree on the text of the
 * spec, not on shared code: the signed content is {@code id.timestamp.body}; the key is the
 * base64 after {@code whsec_}; {@code webhook-signature} is a space-separated list of
 * {@code version,signature} pairs, of which one {@code v1} must match; the timestamp must be
 * within five minutes of the receiver's clock. (No maintained Java implementation resolves from
 * Maven Central here: com.svix:svix was tried and is absent.)
 */
final class StandardWebhooks {
    private static final Duration TOLERANCE = Duration.ofMinutes(5);

    private StandardWebhooks() {}

    static boolean verify(String secret, String id, String timestamp, String signatures, String body, Instant now)
            throws Exception {
        if (id == null || timestamp == null || signatures == null) {
            return false;
        }
        Instant sent = Instant.ofEpochSecond(Long.parseLong(timestamp));
        if (Duration.between(sent, now).abs().compareTo(TOLERANCE) > 0) {
            return false;
        }
        String encodedKey = secret.substring(secret.indexOf('_') + 1);
        Mac hmac = Mac.getInstance("HmacSHA256");
        hmac.init(new SecretKeySpec(Base64.getDecoder().decode(encodedKey), "HmacSHA256"));
        byte[] expected = hmac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
        for (String pair : signatures.split(" ")) {
            String[] parts = pair.split(",", 2);
            if (parts.length == 2
                    && parts[0].equals("v1")
                    && MessageDigest.isEqual(expected, Base64.getDecoder().decode(parts[1]))) {
                return true;
            }
        }
        return false;
    }
}
