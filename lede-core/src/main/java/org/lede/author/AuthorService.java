package org.lede.author;

import java.time.Clock;
import org.lede.common.ConflictException;
import org.lede.common.Ids;
import org.lede.common.Instants;
import org.lede.common.NotFoundException;
import org.lede.common.Reference;
import org.lede.common.Transactions;
import org.lede.outbox.Event;
import org.lede.outbox.Outbox;
import org.lede.user.Actor;

public final class AuthorService {
    private final Transactions tx;
    private final AuthorStore authors;
    private final Outbox outbox;
    private final Clock clock;
    private final Ids ids;

    public AuthorService(Transactions tx, AuthorStore authors, Outbox outbox, Clock clock, Ids ids) {
        this.tx = tx;
        this.authors = authors;
        this.outbox = outbox;
        this.clock = clock;
        this.ids = ids;
    }

    /** The author's fields; the service adds the id. */
    public record AuthorFields(
            String slug, String name, String title, String bio, String avatarMediaId, boolean contributor) {}

    public Author create(Actor actor, AuthorFields form) {
        actor.requireEditor("Only editors and admins manage authors.");
        return tx.inTransaction(() -> {
            Author author = new Author(
                    ids.next(),
                    form.slug(),
                    form.name(),
                    form.title(),
                    form.bio(),
                    form.avatarMediaId(),
                    form.contributor(),
                    null);
            if (authors.findBySlug(author.slug()).isPresent()) {
                throw new ConflictException("The author slug \"" + author.slug() + "\" is already used.");
            }
            authors.insert(author);
            event(actor, author);
            return author;
        });
    }

    public Author update(Actor actor, Author author) {
        actor.requireEditor("Only editors and admins manage authors.");
        return tx.inTransaction(() -> {
            authors.find(author.id()).orElseThrow(() -> new NotFoundException("Author", author.id()));
            authors.update(author);
            event(actor, author);
            return author;
        });
    }

    /**
     * Deletes an author who is on no byline.
     *
     * @throws ConflictException naming the stories that carry their byline
     */
    public void delete(Actor actor, String id) {
        actor.requireEditor("Only editors and admins manage authors.");
        tx.run(() -> {
            Author author = authors.find(id).orElseThrow(() -> new NotFoundException("Author", id));
            Reference.refuseWhileUsed(author.name(), authors.uses(id), "Take them off those bylines first.");
            authors.delete(id);
            outbox.append(new Event.AuthorDeleted(id, author.slug(), actor.userId(), Instants.now(clock)));
        });
    }

    private void event(Actor actor, Author author) {
        outbox.append(new Event.AuthorSaved(author.id(), author.slug(), actor.userId(), Instants.now(clock)));
    }
}
