package org.lede.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class WebhookSignerTest {
    /** The example the Standard Webhooks reference libraries test against. */
    @Test
    void signsTheSpecificationsExample() {
        assertEquals(
                "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
                WebhookSigner.sign(
                        "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
                        "msg_p5jXN8AQM9LWM0D4loKWxJek",
                        1614265330,
                        "{\"test\": 2432232314}"));
    }

    @Test
    void signsIdTimestampAndBodyEach() {
        String secret = WebhookSigner.newSecret(new SecureRandom());
        String base = WebhookSigner.sign(secret, "msg_1", 100, "{}");
        assertNotEquals(base, WebhookSigner.sign(secret, "msg_2", 100, "{}"));
        assertNotEquals(base, WebhookSigner.sign(secret, "msg_1", 101, "{}"));
        assertNotEquals(base, WebhookSigner.sign(secret, "msg_1", 100, "{ }"));
        assertNotEquals(base, WebhookSigner.sign(WebhookSigner.newSecret(new SecureRandom()), "msg_1", 100, "{}"));
    }

    @Test
    void secretsCarryTheirPrefixAndThirtyTwoRandomBytes() {
        String one = WebhookSigner.newSecret(new SecureRandom());
        assertTrue(one.startsWith("whsec_"));
        assertEquals(32, Base64.getDecoder().decode(one.substring(6)).length);
        assertNotEquals(one, WebhookSigner.newSecret(new SecureRandom()));
    }
}
