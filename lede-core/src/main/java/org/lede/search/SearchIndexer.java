package org.lede.search;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.lede.common.CorruptDataException;
import org.lede.common.Failures;
import org.lede.outbox.Event;
import org.lede.outbox.Events;
import org.lede.outbox.Outbox;
import org.lede.outbox.OutboxEvent;
import org.lede.topic.TopicStore;

/**
 * Keeps the index in step with the outbox. It reads on from the index's own position
 * ({@link SearchIndex#appliedThrough()}), never from one kept elsewhere, so the contents and the
 * position cannot disagree: after a crash it re-reads what the index had not committed, and
 * after a rebuild it re-reads what happened while the rebuild ran. Each event names what it
 * changed; the indexer loads those stories and dashboards as they stand now, so replaying an
 * event is harmless.
 */
public final class SearchIndexer implements AutoCloseable {
    /** Outbox events read at once. */
    static final int EVENTS = 500;
    /** Documents loaded and applied at once, so a topic renamed on 50,000 stories never holds them all. */
    static final int DOCUMENTS = 500;

    private final SearchIndex index;
    private final SearchDocuments documents;
    private final SearchSourceStore sources;
    private final TopicStore topics;
    private final Outbox outbox;
    private final Consumer<RuntimeException> onError;
    private final ScheduledExecutorService executor;
    private final Object polling = new Object();
    private volatile boolean closed;

    public SearchIndexer(
            SearchIndex index,
            SearchDocuments documents,
            SearchSourceStore sources,
            TopicStore topics,
            Outbox outbox,
            Consumer<RuntimeException> onError) {
        this.index = index;
        this.documents = documents;
        this.sources = sources;
        this.topics = topics;
        this.outbox = outbox;
        this.onError = onError;
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "lede-search-indexer");
            t.setDaemon(true);
            return t;
        });
    }

    /** Polls every {@code interval}: a change is searchable within about that long after it commits. */
    public SearchIndexer start(Duration interval) {
        executor.scheduleWithFixedDelay(this::pollQuietly, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    private void pollQuietly() {
        try {
            poll();
        } catch (RuntimeException e) {
            onError.accept(e);
        }
    }

    /** Applies every event committed so far; the scheduled runs call this too. */
    public void poll() {
        synchronized (polling) {
            List<OutboxEvent> events;
            do {
                events = outbox.after(index.appliedThrough(), EVENTS);
                if (!events.isEmpty()) {
                    apply(events);
                }
            } while (events.size() == EVENTS);
        }
    }

    private void apply(List<OutboxEvent> events) {
        Changes changes = new Changes();
        for (OutboxEvent e : events) {
            changes.add(e);
        }
        long from = index.appliedThrough();
        long through = events.getLast().seq();
        List<Work> work = new ArrayList<>();
        chunks(List.copyOf(changes.stories)).forEach(ids -> work.add(new Work(ids, true)));
        chunks(List.copyOf(changes.dashboards)).forEach(ids -> work.add(new Work(ids, false)));
        if (work.isEmpty()) {
            index.apply(List.of(), changes.removals, through);
            return;
        }
        for (int i = 0; i < work.size(); i++) {
            Work w = work.get(i);
            List<SearchDocument> docs = load(w);
            Set<String> gone = new LinkedHashSet<>(w.ids());
            docs.forEach(d -> gone.remove(d.id()));
            boolean last = i == work.size() - 1;
            if (last) {
                gone.addAll(changes.removals);
            }
            // Until the last chunk the position stays put: a crash in between re-reads these events,
            // and loading current state again is harmless.
            index.apply(docs, gone, last ? through : from);
        }
    }

    /**
     * The documents of one chunk. A stored thing that cannot be read (a block type this version
     * does not know) is left out of the index and reported, rather than failing the chunk: one bad
     * row must not hold every later change back from search for as long as it stays bad.
     */
    private List<SearchDocument> load(Work w) {
        try {
            return read(w.stories(), w.ids());
        } catch (CorruptDataException whole) {
            List<SearchDocument> out = new ArrayList<>();
            for (String id : w.ids()) {
                try {
                    out.addAll(read(w.stories(), List.of(id)));
                } catch (CorruptDataException e) {
                    onError.accept(e);
                }
            }
            return out;
        }
    }

    private List<SearchDocument> read(boolean stories, List<String> ids) {
        return stories ? documents.stories(ids, index.readsNames()) : documents.dashboards(ids, index.readsNames());
    }

    private record Work(List<String> ids, boolean stories) {}

    private static List<List<String>> chunks(List<String> ids) {
        List<List<String>> out = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += DOCUMENTS) {
            out.add(ids.subList(i, Math.min(ids.size(), i + DOCUMENTS)));
        }
        return out;
    }

    /** What a batch of events changed in the index: stories and dashboards to load again, ids to remove. */
    private final class Changes {
        final Set<String> stories = new LinkedHashSet<>();
        final Set<String> dashboards = new LinkedHashSet<>();
        final Set<String> removals = new HashSet<>();

        void add(OutboxEvent stored) {
            Event event;
            try {
                event = Events.fromOutbox(stored);
            } catch (IllegalArgumentException e) {
                // A type this version does not know (written by a newer one) changes nothing it indexes.
                return;
            }
            switch (event) {
                case Event.StoryChanged s -> {
                    if (s.action() == Event.StoryAction.DELETED) {
                        stories.remove(s.storyId());
                        removals.add(s.storyId());
                    } else {
                        removals.remove(s.storyId());
                        stories.add(s.storyId());
                    }
                }
                case Event.DashboardSaved d -> {
                    removals.remove(d.dashboardId());
                    dashboards.add(d.dashboardId());
                }
                case Event.DashboardDeleted d -> {
                    dashboards.remove(d.dashboardId());
                    removals.add(d.dashboardId());
                }
                // Every story and dashboard of the topic carries its name.
                case Event.TopicSaved t -> inTopic(t.topicId());
                // A merge moved them all into the other topic, under its name; an unused topic took nothing along.
                case Event.TopicDeleted t -> {
                    if (t.mergedInto() != null) {
                        topics.findBySlug(t.mergedInto()).ifPresent(into -> inTopic(into.id()));
                    }
                }
                // Every story in the author's byline carries the name.
                case Event.AuthorSaved a -> stories.addAll(sources.storyIdsByAuthor(a.authorId()));
                // What the index holds of these does not change: a blocked story stays scheduled, an
                // author deleted was on no byline, media keep their own captions in each story, and
                // site pages, accounts, tokens and webhooks are not searched.
                case Event.StoryBlocked ignored -> {}
                case Event.PreviewShared ignored -> {}
                case Event.TopStoriesSet ignored -> {}
                case Event.AuthorDeleted ignored -> {}
                case Event.MediaAdded ignored -> {}
                case Event.MediaDescribed ignored -> {}
                case Event.MediaDeleted ignored -> {}
                case Event.PageChanged ignored -> {}
                case Event.UserCreated ignored -> {}
                case Event.UserChanged ignored -> {}
                case Event.ApiTokenCreated ignored -> {}
                case Event.ApiTokenRevoked ignored -> {}
                case Event.WebhookChanged ignored -> {}
            }
        }

        private void inTopic(String topicId) {
            stories.addAll(sources.storyIdsInTopic(topicId));
            dashboards.addAll(sources.dashboardIdsInTopic(topicId));
        }
    }

    /** What a rebuild has done so far, for a progress bar. */
    public interface Progress {
        /** @param done documents indexed so far, of about {@code total} */
        void update(long done, long total);
    }

    /**
     * Whether the index is empty while the database has stories (a new index, or one deleted):
     * then only a rebuild fills it, since the outbox need not reach back to the first story.
     * Costs one indexed lookup, whatever the archive's size.
     */
    public boolean needsRebuild() {
        return index.appliedThrough() == 0
                && index.stats().documents() == 0
                && !sources.storyIdsAfter(null, 1).isEmpty();
    }

    /**
     * Rebuilds the index from the database: the outbox's head first, then every story and
     * dashboard in id order in batches (memory stays bounded at any size), then the swap at that
     * head. Changes made meanwhile are in the rebuilt contents or after the head, and the next
     * poll applies them again.
     *
     * @return how many documents the index holds now, or -1 when the indexer was closed first
     */
    public long rebuild(Progress progress) {
        long head = outbox.lastSeq();
        long total = sources.count();
        long done = 0;
        progress.update(0, total);
        int loaders = Math.max(1, Runtime.getRuntime().availableProcessors());
        ExecutorService pool = Executors.newFixedThreadPool(loaders, r -> {
            Thread t = new Thread(r, "lede-search-rebuild-load");
            t.setDaemon(true);
            return t;
        });
        try (SearchIndex.Rebuild rebuild = index.rebuild()) {
            // Batches load on several threads (reading and parsing stories is half the work) and go
            // into the index in order from this one; a few in flight keep memory bounded.
            Deque<Future<List<SearchDocument>>> loading = new ArrayDeque<>();
            for (boolean stories : new boolean[] {true, false}) {
                String after = null;
                while (true) {
                    if (closed) {
                        // Closed unfinished: the old contents stay, and the next start rebuilds again.
                        return -1;
                    }
                    List<String> ids = stories
                            ? sources.storyIdsAfter(after, REBUILD_BATCH)
                            : sources.dashboardIdsAfter(after, REBUILD_BATCH);
                    if (ids.isEmpty()) {
                        break;
                    }
                    boolean storyBatch = stories;
                    boolean names = index.readsNames();
                    loading.add(pool.submit(
                            () -> storyBatch ? documents.stories(ids, names) : documents.dashboards(ids, names)));
                    after = ids.getLast();
                    while (loading.size() > loaders) {
                        done += add(rebuild, loading.removeFirst());
                        progress.update(done, Math.max(total, done));
                    }
                }
            }
            while (!loading.isEmpty()) {
                done += add(rebuild, loading.removeFirst());
                progress.update(done, Math.max(total, done));
            }
            // Not while a poll applies to the old contents: its position would land on the new ones.
            synchronized (polling) {
                rebuild.finish(head);
            }
        } finally {
            pool.shutdown();
        }
        return done;
    }

    private static int add(SearchIndex.Rebuild rebuild, Future<List<SearchDocument>> batch) {
        List<SearchDocument> docs = Failures.await(batch, "rebuilding the search index");
        rebuild.add(docs);
        return docs.size();
    }

    static final int REBUILD_BATCH = 1000;

    @Override
    public void close() {
        closed = true;
        // Never interrupt a poll: an interrupt during Lucene's I/O closes the index's channels,
        // its write lock among them, and the index cannot be closed cleanly after that.
        executor.shutdown();
        try {
            executor.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
