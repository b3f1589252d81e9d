package org.lede.media;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.lede.common.Ids;
import org.lede.common.Instants;
import org.lede.common.NotFoundException;
import org.lede.common.Reference;
import org.lede.common.Transactions;
import org.lede.common.ValidationException;
import org.lede.content.Credit;
import org.lede.outbox.Event;
import org.lede.outbox.Outbox;
import org.lede.user.Actor;

/**
 * Adds images. The type is read from the bytes, never trusted from a name; the same bytes
 * uploaded twice are one media item.
 */
public final class MediaService {
    public static final long MAX_BYTES = 20L * 1024 * 1024;
    public static final long MAX_PIXELS = 60_000_000L;
    private final Transactions tx;
    private final MediaStore store;
    private final BlobStore blobs;
    private final Outbox outbox;
    private final Clock clock;
    private final Ids ids;

    public MediaService(Transactions tx, MediaStore store, BlobStore blobs, Outbox outbox, Clock clock, Ids ids) {
        this.tx = tx;
        this.store = store;
        this.blobs = blobs;
        this.outbox = outbox;
        this.clock = clock;
        this.ids = ids;
    }

    public Media add(Actor actor, byte[] bytes, String originalName, String alt, String caption, Credit credit) {
        if (bytes.length == 0) {
            throw new ValidationException("file", "The file is empty.");
        }
        if (bytes.length > MAX_BYTES) {
            throw new ValidationException(
                    "file",
                    "Images may be at most " + (MAX_BYTES >> 20) + " MB; this one is " + (bytes.length >> 20) + " MB.");
        }
        MediaType type = MediaType.sniff(bytes)
                .orElseThrow(() -> new ValidationException(
                        "file", "Only JPEG, PNG and WebP images can be uploaded; this file is none of them."));
        int[] size = dimensions(type, bytes);
        if ((long) size[0] * size[1] > MAX_PIXELS) {
            throw new ValidationException(
                    "file",
                    "The image is " + size[0] + " × " + size[1] + " pixels; at most " + MAX_PIXELS / 1_000_000
                            + " megapixels are accepted.");
        }
        String sha = sha256(bytes);
        return tx.inTransaction(() -> store.findBySha256(sha).orElseGet(() -> {
            blobs.put(sha + "." + type.extension(), bytes);
            Media media = new Media(
                    ids.next(),
                    sha,
                    type,
                    bytes.length,
                    size[0],
                    size[1],
                    alt,
                    caption,
                    credit,
                    originalName,
                    Instants.now(clock));
            store.insert(media);
            outbox.append(new Event.MediaAdded(media.id(), actor.userId(), media.createdAt()));
            return media;
        }));
    }

    /**
     * Sets the alt text, default caption and default credit of an item. Anyone who may upload may
     * describe, since describing is how an upload becomes publishable.
     */
    public Media describe(Actor actor, String id, String alt, String caption, Credit credit) {
        return tx.inTransaction(() -> {
            Media current = store.find(id).orElseThrow(() -> new NotFoundException("Media", id));
            Media next = new Media(
                    current.id(),
                    current.sha256(),
                    current.type(),
                    current.byteSize(),
                    current.width(),
                    current.height(),
                    alt,
                    caption,
                    credit,
                    current.originalName(),
                    current.createdAt());
            store.update(next);
            outbox.append(new Event.MediaDescribed(next.id(), actor.userId(), Instants.now(clock)));
            return next;
        });
    }

    /**
     * Deletes an image that nothing uses, then its original and renditions once the deletion has
     * committed, so a refused or failed deletion never leaves a record whose files are gone.
     *
     * @throws ConflictException naming every story, dashboard and author that uses it
     */
    public void delete(Actor actor, String id) {
        actor.requireEditor("Only editors and admins delete images.");
        Media deleted = tx.inTransaction(() -> {
            Media media = store.find(id).orElseThrow(() -> new NotFoundException("Media", id));
            Reference.refuseWhileUsed("this image", store.uses(id), "Take it out of them first.");
            store.delete(id);
            outbox.append(new Event.MediaDeleted(id, media.originalName(), actor.userId(), Instants.now(clock)));
            return media;
        });
        blobs.deleteStartingWith(deleted.sha256());
    }

    /** The key under which the original bytes of this item are kept. */
    public static String originalKey(Media media) {
        return media.sha256() + "." + media.type().extension();
    }

    static int[] dimensions(MediaType type, byte[] bytes) {
        if (type == MediaType.WEBP) {
            return WebpHeader.dimensions(bytes);
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (readers.hasNext()) {
                ImageReader reader = readers.next();
                try {
                    reader.setInput(in);
                    return new int[] {reader.getWidth(0), reader.getHeight(0)};
                } finally {
                    reader.dispose();
                }
            }
        } catch (IOException | RuntimeException e) {
            // falls through to the message below: a damaged file is the uploader's to fix
        }
        throw new ValidationException("file", "The image could not be read; it may be damaged.");
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }
}
