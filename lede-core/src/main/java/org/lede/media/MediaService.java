package org.lede.media;

import java.awt.image.BufferedImage;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import org.lede.common.ForbiddenException;
import org.lede.common.Ids;
import org.lede.common.Instants;
import org.lede.common.NotFoundException;
import org.lede.common.Reference;
import org.lede.common.TooLargeException;
import org.lede.common.Transactions;
import org.lede.common.ValidationException;
import org.lede.content.Credit;
import org.lede.outbox.Event;
import org.lede.outbox.Outbox;
import org.lede.user.Actor;

/**
 * Adds images. The type is read from the bytes, never trusted from a name; the same bytes
 * uploaded twice are one media item. Every upload is decoded once, on {@link ImageWorkers}, and
 * stored as we encoded it again, without metadata; its renditions are made by the same job, so
 * no reader's request ever decodes an image.
 */
public final class MediaService implements AutoCloseable {
    /** The largest file accepted; the web server's multipart limits use the same number. */
    public static final long MAX_BYTES = 20L * 1024 * 1024;

    public static final long MAX_PIXELS = 60_000_000L;
    /**
     * The memory one decoded image may take: 60 megapixels at 4 bytes, so any 8-bit photo within
     * the pixel cap fits, and a 16-bit one that would take more is refused from its header.
     */
    public static final long DECODED_BUDGET = MAX_PIXELS * 4;

    private final Transactions tx;
    private final MediaStore store;
    private final BlobStore blobs;
    private final Outbox outbox;
    private final Clock clock;
    private final Ids ids;
    private final ImageWorkers workers;
    /** The image jobs still running, by content hash: renditions are written after the original. */
    private final Map<String, CompletableFuture<Void>> jobs = new ConcurrentHashMap<>();

    public MediaService(
            Transactions tx,
            MediaStore store,
            BlobStore blobs,
            Outbox outbox,
            Clock clock,
            Ids ids,
            ImageWorkers workers) {
        this.tx = tx;
        this.store = store;
        this.blobs = blobs;
        this.outbox = outbox;
        this.clock = clock;
        this.ids = ids;
        this.workers = workers;
    }

    /** Refuses a file by its size alone, so callers can ask before they read it. */
    public static void checkSize(long size) {
        if (size > MAX_BYTES) {
            throw new TooLargeException("Images may be at most " + (MAX_BYTES >> 20) + " MB; this one is "
                    + Math.max(1, size >> 20) + " MB.");
        }
    }

    public Media add(Actor actor, byte[] bytes, String originalName, String alt, String caption, Credit credit) {
        if (bytes.length == 0) {
            throw new ValidationException("file", "The file is empty.");
        }
        checkSize(bytes.length);
        MediaType type = MediaType.sniff(bytes)
                .orElseThrow(() -> new ValidationException(
                        "file", "Only JPEG and PNG images can be uploaded; this file is neither."));
        if (type == MediaType.WEBP) {
            // The JDK has no WebP decoder, so a WebP file could be neither checked nor cleaned of metadata.
            throw new ValidationException(
                    "file", "WebP images cannot be checked here; save this one as JPEG or PNG and upload that.");
        }
        String sha = sha256(bytes);
        Optional<Media> known = store.findBySha256(sha);
        if (known.isPresent()) {
            return known.get();
        }
        Images.Header header = Images.header(bytes);
        if ((long) header.width() * header.height() > MAX_PIXELS) {
            throw new ValidationException(
                    "file",
                    "The image is " + header.width() + " × " + header.height() + " pixels; at most "
                            + MAX_PIXELS / 1_000_000 + " megapixels are accepted.");
        }
        if (header.decodedBytes() > DECODED_BUDGET) {
            throw new ValidationException(
                    "file",
                    "The image would take " + header.decodedBytes() / 1_000_000 + " MB of memory to open ("
                            + header.width() + " × " + header.height() + " pixels at " + header.bytesPerPixel()
                            + " bytes each); at most " + DECODED_BUDGET / 1_000_000
                            + " MB is allowed. Save it with 8 bits a channel, or smaller, and upload that.");
        }
        Images.checkStructure(type, bytes);
        Prepared prepared = prepare(type, sha, bytes);
        return tx.inTransaction(() -> store.findBySha256(sha).orElseGet(() -> {
            Media media = new Media(
                    ids.next(),
                    sha,
                    type,
                    prepared.byteSize(),
                    prepared.width(),
                    prepared.height(),
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

    private record Prepared(int width, int height, long byteSize) {}

    /**
     * Hands the upload to one image job and waits until its original is stored; the job goes on
     * to make the renditions from the pixels it already decoded.
     */
    private Prepared prepare(MediaType type, String sha, byte[] bytes) {
        CompletableFuture<Prepared> stored = new CompletableFuture<>();
        CompletableFuture<Void> done = new CompletableFuture<>();
        jobs.put(sha, done);
        try {
            workers.run(() -> {
                try {
                    BufferedImage image;
                    try {
                        image = Images.decode(bytes);
                        byte[] original = Images.encode(image, type);
                        blobs.put(originalKey(sha, type), original);
                        stored.complete(new Prepared(image.getWidth(), image.getHeight(), original.length));
                    } catch (RuntimeException | OutOfMemoryError e) {
                        stored.completeExceptionally(e);
                        return;
                    }
                    Renditions.make(blobs, image, sha, type);
                } finally {
                    jobs.remove(sha, done);
                    done.complete(null);
                }
            });
        } catch (RuntimeException e) {
            jobs.remove(sha, done);
            done.complete(null);
            throw e;
        }
        try {
            return stored.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while an image was processed", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("Cannot process an image", e.getCause());
        }
    }

    /**
     * Sets the alt text, default caption and default credit of an item. Anyone who may upload may
     * describe, since describing is how an upload becomes publishable; once a published story
     * shows the item, only editors may, since that story went through their review.
     */
    public Media describe(Actor actor, String id, String alt, String caption, Credit credit) {
        return tx.inTransaction(() -> {
            Media current = store.find(id).orElseThrow(() -> new NotFoundException("Media", id));
            if (!actor.role().canPublish()) {
                long stories = store.uses(id).stream()
                        .filter(use -> use.kind() == Reference.Kind.PUBLISHED_STORY)
                        .mapToLong(Reference::count)
                        .sum();
                if (stories > 0) {
                    throw new ForbiddenException("This image is used by " + stories + " published "
                            + (stories == 1 ? "story" : "stories")
                            + ", so only editors can change its description.");
                }
            }
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

    /**
     * Deletes the files of an item whose record was rolled back with the transaction that added
     * it (an import's item that failed after its images were added), once its renditions are
     * made, so none is written after. Files that a stored record still uses are kept.
     */
    public void discardUnsaved(Media media) {
        if (store.findBySha256(media.sha256()).isPresent()) {
            return;
        }
        CompletableFuture<Void> job = jobs.get(media.sha256());
        if (job != null) {
            job.join();
        }
        blobs.deleteStartingWith(media.sha256());
    }

    /** The key under which the original bytes of this item are kept. */
    public static String originalKey(Media media) {
        return originalKey(media.sha256(), media.type());
    }

    static String originalKey(String sha, MediaType type) {
        return sha + "." + type.extension();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }

    /** Waits for the images being processed, then takes no more: called before the storage closes. */
    @Override
    public void close() {
        workers.close();
    }
}
