package org.lede.story;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.lede.common.ForbiddenException;
import org.lede.common.Instants;
import org.lede.common.NotFoundException;
import org.lede.common.Transactions;
import org.lede.outbox.Event;
import org.lede.outbox.Outbox;
import org.lede.user.Actor;

/**
 * Signed links that show a story as it stands now, drafts included, to someone without a
 * newsroom account (a source checking a quote, a lawyer). The link carries the story id and its
 * expiry under an HMAC with a server secret, so nothing is stored per link and none can be
 * forged or extended; it opens the story as saved when it is opened, not when it was made.
 */
public final class StoryPreviews {
    public static final Duration LIFETIME = Duration.ofDays(7);
    private static final String ALGORITHM = "HmacSHA256";
    private final Transactions tx;
    private final StoryStore stories;
    private final Outbox outbox;
    private final SecretKeySpec key;
    private final Clock clock;

    public StoryPreviews(Transactions tx, StoryStore stories, Outbox outbox, byte[] secret, Clock clock) {
        this.tx = tx;
        this.stories = stories;
        this.outbox = outbox;
        this.key = new SecretKeySpec(secret.clone(), ALGORITHM);
        this.clock = clock;
    }

    /** A link's token and when it stops working. */
    public record Link(String token, Instant expiresAt) {}

    /** Makes a link to this story; editors share any story, writers and contributors those they created. */
    public Link share(Actor actor, String storyId) {
        return tx.inTransaction(() -> {
            Story story = stories.find(storyId).orElseThrow(() -> new NotFoundException("Story", storyId));
            if (!actor.role().canPublish() && !actor.userId().equals(story.createdBy())) {
                throw new ForbiddenException("You can share a preview only of the stories you created.");
            }
            Instant now = Instants.now(clock);
            Instant expires = now.plus(LIFETIME);
            String payload = story.id() + "." + expires.getEpochSecond();
            outbox.append(new Event.PreviewShared(story.id(), story.slug(), expires, actor.userId(), now));
            return new Link(payload + "." + sign(payload), expires);
        });
    }

    /**
     * The story a token names, as stored now.
     *
     * @throws NotFoundException           for a token this server did not sign, or a story that is gone
     * @throws PreviewLinkExpiredException for a genuine token past its expiry
     */
    public Story open(String token) {
        int cut = token.lastIndexOf('.');
        int mid = cut < 0 ? -1 : token.lastIndexOf('.', cut - 1);
        if (mid <= 0) {
            throw notFound();
        }
        String payload = token.substring(0, cut);
        byte[] expected = sign(payload).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, token.substring(cut + 1).getBytes(StandardCharsets.US_ASCII))) {
            throw notFound();
        }
        long expires;
        try {
            expires = Long.parseLong(payload.substring(mid + 1));
        } catch (NumberFormatException e) {
            throw notFound();
        }
        if (!Instant.ofEpochSecond(expires).isAfter(clock.instant())) {
            throw new PreviewLinkExpiredException();
        }
        String id = payload.substring(0, mid);
        return stories.find(id).orElseThrow(StoryPreviews::notFound);
    }

    private static NotFoundException notFound() {
        return new NotFoundException("Preview", "this link is not one the newsroom made");
    }

    private String sign(String payload) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            byte[] digest = mac.doFinal(("story-preview\n" + payload).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
