package org.lede.related;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.lede.common.Workers;
import org.lede.dashboard.DashboardStore;
import org.lede.outbox.Event.StoryAction;
import org.lede.outbox.Outbox;
import org.lede.outbox.OutboxEvent;
import org.lede.outbox.OutboxPoller;
import org.lede.search.SearchDocument.Type;
import org.lede.search.SearchIndexer;
import org.lede.story.Story;
import org.lede.story.StoryStore;

/**
 * Go deeper as readers get it: each story's ranking kept in the database, so a story page reads
 * its picks by key instead of ranking them. Ranking (a more-like-this search and a hundred
 * candidates' outlines) was most of an uncached story page at a million stories.
 *
 * <p>A ranking is kept when a reader first needs it, or by {@link #fill} for an archive that
 * arrived in bulk. The outbox makes rankings stale ({@link #consume}): a story's own when it is
 * published, updated, pinned or taken down, and those of the stories published nearest it in
 * its topic and tags, whose rankings it would now join or leave. Stale ones are ranked again on
 * the next read. A ranking begun before the event that made it stale is refused when it comes
 * to be kept ({@link KeptPicks#keep}), so a slow reader never puts back what an event undid.
 *
 * <p>The topic's dashboards are added as each page is read, since a new dashboard would otherwise
 * wait for every story of its topic to be ranked again. Picks that stopped being live are left
 * out by the page that shows them.
 */
public final class GoDeeper implements AutoCloseable {
    /**
     * The outbox consumer that marks rankings stale ({@link #staling}). Every process that keeps
     * rankings must have read the outbox through it first, or it keeps on top of events not yet
     * applied: the server polls it, an export catches it up, and {@link #fill} does too.
     */
    static final String CONSUMER = "go-deeper";

    /** Stories handed to the fill at once. */
    static final int FILL_BATCH = 64;

    /** Rankings waiting to be kept at most; past it a reader's ranking is simply not kept this time. */
    static final int WAITING = 256;

    private final RelatedContent ranking;
    private final StoryStore stories;
    private final DashboardStore dashboards;
    private final KeptPicks kept;
    private final Outbox outbox;
    private final LongSupplier indexedThrough;
    private final Executor writeBack;
    private final Consumer<RuntimeException> onError;

    /** One pick as a page needs it: what it is, not why. */
    public record Ref(String id, Type type) {
        public Ref {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(type, "type");
        }
    }

    /**
     * @param indexedThrough the outbox position the search index has applied, which the ranking's
     *     similarity reads
     * @param writeBack runs the keeping of a ranking a reader waited for, off the reader's request
     * @param onError told when a ranking could not be kept
     */
    GoDeeper(
            RelatedContent ranking,
            StoryStore stories,
            DashboardStore dashboards,
            KeptPicks kept,
            Outbox outbox,
            LongSupplier indexedThrough,
            Executor writeBack,
            Consumer<RuntimeException> onError) {
        this.ranking = ranking;
        this.stories = stories;
        this.dashboards = dashboards;
        this.kept = kept;
        this.outbox = outbox;
        this.indexedThrough = indexedThrough;
        this.writeBack = writeBack;
        this.onError = onError;
    }

    /**
     * Keeps rankings on one thread of its own, dropping them while {@link #WAITING} already wait
     * and once closed. A ranking that cannot be kept is logged through the JDK's logger (the core
     * has no logging library of its own), and the next reader ranks the story again.
     */
    public static GoDeeper create(
            RelatedContent ranking,
            StoryStore stories,
            DashboardStore dashboards,
            KeptPicks kept,
            Outbox outbox,
            LongSupplier indexedThrough) {
        ThreadPoolExecutor writer = new ThreadPoolExecutor(
                1,
                1,
                0,
                TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(WAITING),
                r -> {
                    Thread t = new Thread(r, "lede-go-deeper");
                    t.setDaemon(true);
                    return t;
                },
                new ThreadPoolExecutor.DiscardPolicy());
        System.Logger log = System.getLogger(GoDeeper.class.getName());
        return new GoDeeper(
                ranking,
                stories,
                dashboards,
                kept,
                outbox,
                indexedThrough,
                writer,
                e -> log.log(System.Logger.Level.WARNING, "Could not keep a Go deeper ranking", e));
    }

    /** The picks under {@code story}, best first: its kept ranking, or a new one, kept for the next reader. */
    public List<Ref> picks(Story story) {
        Optional<List<Ref>> known = kept.find(story.id());
        List<Ref> refs;
        if (known.isPresent()) {
            refs = withTopicDashboards(story, known.get());
        } else {
            long asOf = indexedThrough.getAsLong();
            refs = refs(ranking.ranked(story));
            writeBack.execute(() -> keepQuietly(story.id(), refs, asOf));
        }
        return refs;
    }

    private void keepQuietly(String storyId, List<Ref> refs, long asOf) {
        try {
            kept.keep(storyId, refs, asOf);
        } catch (RuntimeException e) {
            onError.accept(e);
        }
    }

    private static List<Ref> refs(List<RelatedContent.Pick> picks) {
        return picks.stream().map(p -> new Ref(p.id(), p.type())).toList();
    }

    /**
     * Every dashboard of the story's topic, added where the ranking would have put it had it
     * existed when the ranking was made: after the picks while there is room, else in the place
     * of the last pick that is neither pinned nor one of them. See {@code BlendedRelated}.
     */
    List<Ref> withTopicDashboards(Story story, List<Ref> refs) {
        String topicId = story.draft().topicId();
        if (topicId == null) {
            return refs;
        }
        List<Ref> out = new ArrayList<>(refs);
        Set<String> topical = new LinkedHashSet<>(dashboards.idsInTopic(topicId));
        for (String id : topical) {
            Ref ref = new Ref(id, Type.DASHBOARD);
            if (out.contains(ref)) {
                continue;
            }
            if (out.size() < story.pins().size() + RelatedContent.MAX) {
                out.add(ref);
                continue;
            }
            for (int i = out.size() - 1; i >= 0; i--) {
                Ref last = out.get(i);
                if (!story.pins().contains(last.id()) && !topical.contains(last.id())) {
                    out.set(i, ref);
                    break;
                }
            }
        }
        return List.copyOf(out);
    }

    /**
     * The outbox consumer that marks rankings stale, durable: events that happen while no process
     * reads it are applied when one next does. Poll it once, or start it.
     *
     * @param onError told when the outbox cannot be read or a ranking cannot be marked
     */
    public OutboxPoller staling(Consumer<RuntimeException> onError) {
        return OutboxPoller.durable(CONSUMER, outbox, this::consume, onError);
    }

    /**
     * Marks stale the rankings the events change. Replaying an event marks them again, which is
     * harmless, so the consumer may see a batch twice.
     */
    public void consume(List<OutboxEvent> events) {
        for (OutboxEvent event : events) {
            StoryAction action = actionOf(event.type());
            if (action == null) {
                continue;
            }
            String id = event.subject();
            switch (action) {
                case PUBLISHED, UPDATED, UNPUBLISHED, ARCHIVED, RESTORED -> {
                    Optional<Story> story = stories.find(id);
                    if (story.isEmpty()) {
                        kept.forget(List.of(id));
                    } else {
                        kept.markStale(affected(story.get()), event.seq());
                    }
                }
                case PINNED -> kept.markStale(List.of(id), event.seq());
                case DELETED -> kept.forget(List.of(id));
                // Drafts and reviews change nothing readers see; a correction changes no ranking.
                case CREATED, EDITED, SUBMITTED, SCHEDULED, CORRECTED -> {}
            }
        }
    }

    private static StoryAction actionOf(String type) {
        for (StoryAction action : StoryAction.values()) {
            if (action.type().equals(type)) {
                return action;
            }
        }
        return null;
    }

    /**
     * The story and those whose rankings it most likely joins or leaves: the ones its own reads
     * of the topic and tags find (ranked by closeness in time, the relation is nearly mutual),
     * and its own kept picks.
     */
    private Set<String> affected(Story story) {
        Set<String> ids = new LinkedHashSet<>();
        ids.add(story.id());
        List<String> tags = story.draft().tags();
        ids.addAll(stories.liveNear(
                story.draft().topicId(),
                tags.subList(0, Math.min(BlendedRelated.TAGS_READ, tags.size())),
                BlendedRelated.dateOf(story),
                BlendedRelated.NEAR));
        kept.find(story.id())
                .ifPresent(picks ->
                        picks.stream().filter(p -> p.type() == Type.STORY).forEach(p -> ids.add(p.id())));
        return ids;
    }

    /**
     * Ranks and keeps every live story that has no kept ranking, on a thread per core: for an
     * archive that arrived in bulk (the demo's generator, an import), whose stories no reader has
     * opened yet. The rankings that changes made while no server ran have made stale are marked
     * first, so that they are ranked again too.
     *
     * @return how many stories were ranked
     */
    public long fill(SearchIndexer.Progress progress) {
        try (OutboxPoller catchUp = staling(e -> {
            throw e;
        })) {
            catchUp.poll();
        }
        long total = kept.unrankedCount();
        long done = 0;
        String after = "";
        try (Workers workers = Workers.perCore("lede-go-deeper-fill")) {
            List<String> ids;
            while (!(ids = kept.unranked(after, FILL_BATCH)).isEmpty()) {
                after = ids.getLast();
                List<String> batch = ids;
                workers.submit(() -> {
                    long asOf = indexedThrough.getAsLong();
                    Map<String, List<Ref>> ranked = new LinkedHashMap<>();
                    for (Story story : stories.findAll(batch)) {
                        if (story.isLive()) {
                            ranked.put(story.id(), refs(ranking.ranked(story)));
                        }
                    }
                    kept.keepAll(ranked, asOf);
                });
                done += ids.size();
                progress.update(done, Math.max(done, total));
            }
            workers.awaitAll();
        }
        return done;
    }

    /** Waits a moment for rankings still waiting to be kept, then stops keeping them. */
    @Override
    public void close() {
        if (writeBack instanceof ExecutorService service) {
            service.shutdown();
            try {
                service.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
