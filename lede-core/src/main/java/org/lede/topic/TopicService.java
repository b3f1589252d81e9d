package org.lede.topic;

import java.time.Clock;
import org.lede.common.ConflictException;
import org.lede.common.Ids;
import org.lede.common.Instants;
import org.lede.common.NotFoundException;
import org.lede.common.Transactions;
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

    private void event(Actor actor, Topic topic) {
        outbox.append(new Event.TopicSaved(topic.id(), topic.slug(), actor.userId(), Instants.now(clock)));
    }
}
