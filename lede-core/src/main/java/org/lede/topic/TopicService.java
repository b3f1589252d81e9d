package org.lede.topic;

import java.time.Clock;
import org.lede.common.ConflictException;
import org.lede.common.Ids;
import org.lede.common.Instants;
import org.lede.common.NotFoundException;
import org.lede.common.Reference;
import org.lede.common.Transactions;
import org.lede.common.ValidationException;
import org.lede.outbox.Event;
import org.lede.outbox.Outbox;
import org.lede.user.Actor;

public final class TopicService {
    private final Transactions tx;
    private final TopicStore topics;
    private final Outbox outbox;
    private final Clock clock;
    private final Ids ids;

    public TopicService(Transactions tx, TopicStore topics, Outbox outbox, Clock clock, Ids ids) {
        this.tx = tx;
        this.topics = topics;
        this.outbox = outbox;
        this.clock = clock;
        this.ids = ids;
    }

    public Topic create(Actor actor, String slug, String name, String description, int position) {
        actor.requireEditor("Only editors and admins manage topics.");
        return tx.inTransaction(() -> {
            Topic topic = new Topic(ids.next(), slug, name, description, position);
            if (topics.findBySlug(topic.slug()).isPresent()) {
                throw new ConflictException("The topic slug \"" + slug + "\" is already used.");
            }
            topics.insert(topic);
            event(actor, topic);
            return topic;
        });
    }

    public Topic update(Actor actor, Topic topic) {
        actor.requireEditor("Only editors and admins manage topics.");
        return tx.inTransaction(() -> {
            topics.find(topic.id()).orElseThrow(() -> new NotFoundException("Topic", topic.id()));
            topics.update(topic);
            event(actor, topic);
            return topic;
        });
    }

    /**
     * Deletes a topic. One that stories or dashboards use must be merged into another: they move
     * to {@code mergeIntoId} and the old address leads there; one nothing uses may simply go, and
     * its address answers 410 Gone.
     *
     * @param mergeIntoId the topic to move its stories and dashboards to, or null to delete an unused topic
     * @throws ConflictException without a topic to merge into, naming what uses this one
     */
    public void delete(Actor actor, String id, String mergeIntoId) {
        actor.requireEditor("Only editors and admins manage topics.");
        tx.run(() -> {
            Topic topic = topics.find(id).orElseThrow(() -> new NotFoundException("Topic", id));
            Topic into = null;
            if (mergeIntoId == null) {
                Reference.refuseWhileUsed(
                        "the topic “" + topic.name() + "”",
                        topics.uses(id),
                        "Merge it into another topic instead, which moves them there.");
            } else {
                into = topics.find(mergeIntoId)
                        .orElseThrow(() -> new ValidationException(
                                "into", "There is no topic with the id \"" + mergeIntoId + "\" to merge into."));
                if (into.id().equals(topic.id())) {
                    throw new ValidationException("into", "A topic cannot be merged into itself; choose another.");
                }
            }
            topics.delete(topic, into == null ? null : into.id(), Instants.now(clock));
            outbox.append(new Event.TopicDeleted(
                    topic.id(), topic.slug(), into == null ? null : into.slug(), actor.userId(), Instants.now(clock)));
        });
    }

    private void event(Actor actor, Topic topic) {
        outbox.append(new Event.TopicSaved(topic.id(), topic.slug(), actor.userId(), Instants.now(clock)));
    }
}
