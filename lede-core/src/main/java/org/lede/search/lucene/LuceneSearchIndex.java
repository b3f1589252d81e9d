package org.lede.search.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexFileNames;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PointValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.IndexSearcher.LeafSlice;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.store.MMapDirectory;
import org.apache.lucene.store.ReadAdvice;
import org.apache.lucene.util.BytesRef;
import org.lede.common.ConflictException;
import org.lede.common.DurableFiles;
import org.lede.common.Workers;
import org.lede.search.LikeTerms;
import org.lede.search.Passages;
import org.lede.search.SearchDocument;
import org.lede.search.SearchIndex;
import org.lede.search.SearchQuery;
import org.lede.search.SearchResult;
import org.lede.search.SearchText;

/**
 * The search index in Lucene, under one directory ({@code <data-dir>/index}). Its contents live
 * in a generation directory ({@code index-N}) named by the file {@code current}; a rebuild writes
 * the next generation beside it and swaps the pointer with an atomic rename, so a crash at any
 * moment leaves one whole index. The outbox position is the commit's user data, written by the
 * same commit as the documents.
 *
 * <p>Writes are serialized; searches run concurrently on near-real-time searchers, refreshed
 * before {@link #apply} returns.
 */
public final class LuceneSearchIndex implements SearchIndex {
    private static final String POINTER = "current";
    private static final String GENERATION = "index-";
    private static final String SEQ = "seq";
    /**
     * Which fields the documents have, in every commit's user data. Contents written with other
     * fields (by an earlier Lede) are set aside for an empty generation, which the indexer then
     * rebuilds from the database, as it does a new index.
     */
    private static final String SCHEMA = "schema";

    private static final String SCHEMA_VERSION = "2";
    /**
     * Enough for a rebuild to flush rarely, little enough for a 512 MiB process. A rebuild with
     * 256 MiB was 8 % faster at a million stories (4,961 against 4,595 documents/s), but left five
     * large segments, on which the search for the commonest word ("vote", in 70 % of stories)
     * took 20 ms against 11 to 16: a reader's search comes before a rare rebuild.
     */
    private static final double RAM_BUFFER_MB = 64;

    /** Words of each text (headline, dek, body) that more-like-this reads: about a story's first four paragraphs. */
    private static final int SIMILAR_TOKENS_PER_TEXT = 300;

    private static final Sort BY_RELEVANCE =
            new Sort(SortField.FIELD_SCORE, new SortField(Fields.ID, SortField.Type.STRING));
    private static final Sort BY_DATE = new Sort(
            new SortField(Fields.DATE, SortField.Type.LONG, true), new SortField(Fields.ID, SortField.Type.STRING));

    private final Path root;
    private final Clock clock;
    private final Analyzer stemmed = Analyzers.stemmed();
    private final Analyzer exact = Analyzers.exact();
    private final Analyzer perField = Analyzers.perField(stemmed, exact);
    private final Snippets snippets = new Snippets();
    private final SimilarTerms similarTerms = new SimilarTerms(
            perField,
            Fields.WORDS,
            SIMILAR_TOKENS_PER_TEXT,
            LikeTerms.POSTINGS,
            SimilarTerms.KEPT_FROM,
            SimilarTerms.KEPT_AT_MOST);
    private final RecencyBoost recency = new RecencyBoost();
    private final Object writes = new Object();
    /**
     * Searches a large index's segments side by side where each must be read whole (more-like-
     * this for Go deeper), so one search takes the machine's cores rather than one; null on a
     * single core, where there is nothing to gain. A ranked search reads them {@link
     * #newestFirst} instead.
     */
    private final ExecutorService segments = Runtime.getRuntime().availableProcessors() > 1
            ? Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), r -> {
                Thread t = new Thread(r, "lede-search");
                t.setDaemon(true);
                return t;
            })
            : null;

    private final SearcherFactory searchers = new SearcherFactory() {
        @Override
        public IndexSearcher newSearcher(IndexReader reader, IndexReader previousReader) {
            return new IndexSearcher(reader, segments);
        }
    };
    private volatile Generation current;
    private volatile long appliedThrough;

    /** The open contents: one generation's directory, its writer and its searchers. */
    private record Generation(Path path, Directory directory, IndexWriter writer, SearcherManager searchers) {
        void close() throws IOException {
            searchers.close();
            writer.close();
            directory.close();
        }
    }

    private LuceneSearchIndex(Path root, Clock clock) {
        this.root = root;
        this.clock = clock;
    }

    /** Opens the index under {@code root}, creating an empty one when there is none. */
    public static LuceneSearchIndex open(Path root, Clock clock) {
        LuceneSearchIndex index = new LuceneSearchIndex(root, clock);
        try {
            Files.createDirectories(root);
            String name = index.pointer();
            if (name == null) {
                name = GENERATION + 1;
                Files.createDirectories(root.resolve(name));
                index.point(name);
            }
            index.current = index.openGeneration(root.resolve(name), IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
            if (!SCHEMA_VERSION.equals(userData(index.current.writer(), SCHEMA))) {
                Generation old = index.current;
                name = GENERATION + index.nextGeneration();
                Files.createDirectories(root.resolve(name));
                index.current = index.openGeneration(root.resolve(name), IndexWriterConfig.OpenMode.CREATE);
                index.point(name);
                old.close();
            }
            index.appliedThrough = seq(index.current.writer());
            // Only once this process holds the current generation's lock: another's rebuild is not ours to remove.
            index.deleteOthers(name);
        } catch (LockObtainFailedException e) {
            throw new ConflictException("The search index in " + root
                    + " is in use by another Lede process (a running server keeps it up to date itself).");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the search index in " + root, e);
        }
        return index;
    }

    /**
     * The files a search reads forward through, term by term: the terms' blocks, their postings
     * and their positions. Lucene's postings reader advises the kernel that it reads them at
     * random, which turns off read-ahead, so a search whose postings are not in the page cache
     * reads them a page at a time. On this project's 2-core machine the host pages out what has
     * been idle for a minute: at a million stories the first asks of phrases ("nurse staffing
     * ratio"), reading their words' positions, took 50 to 180 ms that way and 12 to 20 ms with
     * read-ahead. Stored fields and doc values, read a document here and there, keep Lucene's
     * advice.
     */
    private static final Set<String> READ_FORWARD = Set.of("tim", "doc", "pos");

    private static Directory directory(Path path) throws IOException {
        Directory directory = FSDirectory.open(path);
        if (directory instanceof MMapDirectory mapped) {
            mapped.setReadAdvice(LuceneSearchIndex::readAdvice);
        }
        return directory;
    }

    /** Lucene's advice for the file, but read-ahead where it would read {@link #READ_FORWARD} files at random. */
    static Optional<ReadAdvice> readAdvice(String file, IOContext context) {
        Optional<ReadAdvice> advised = MMapDirectory.ADVISE_BY_CONTEXT.apply(file, context);
        // No advice is Lucene's default, which is to read at random.
        boolean random = advised.map(a -> a == ReadAdvice.RANDOM).orElse(true);
        String extension = IndexFileNames.getExtension(file);
        return random && extension != null && READ_FORWARD.contains(extension)
                ? Optional.of(ReadAdvice.NORMAL)
                : advised;
    }

    private Generation openGeneration(Path path, IndexWriterConfig.OpenMode mode) throws IOException {
        Directory directory = directory(path);
        try {
            IndexWriterConfig config = new IndexWriterConfig(perField)
                    .setOpenMode(mode)
                    .setRAMBufferSizeMB(RAM_BUFFER_MB)
                    .setCommitOnClose(false);
            boolean fresh = mode == IndexWriterConfig.OpenMode.CREATE || !DirectoryReader.indexExists(directory);
            IndexWriter writer = new IndexWriter(directory, config);
            if (fresh) {
                // A first commit, so the generation opens again after a crash even when nothing was applied.
                writer.setLiveCommitData(commitData(0));
                writer.commit();
            }
            return new Generation(path, directory, writer, new SearcherManager(writer, true, false, searchers));
        } catch (IOException | RuntimeException e) {
            directory.close();
            throw e;
        }
    }

    private static long seq(IndexWriter writer) {
        String seq = userData(writer, SEQ);
        return seq == null ? 0 : Long.parseLong(seq);
    }

    private static String userData(IndexWriter writer, String key) {
        Iterable<Map.Entry<String, String>> data = writer.getLiveCommitData();
        if (data != null) {
            for (Map.Entry<String, String> e : data) {
                if (e.getKey().equals(key)) {
                    return e.getValue();
                }
            }
        }
        return null;
    }

    /** A commit's user data: the outbox position it holds, and its fields' version. */
    private static Iterable<Map.Entry<String, String>> commitData(long throughSeq) {
        return Map.of(SEQ, Long.toString(throughSeq), SCHEMA, SCHEMA_VERSION).entrySet();
    }

    private String pointer() throws IOException {
        Path file = root.resolve(POINTER);
        if (!Files.exists(file)) {
            return null;
        }
        String name = Files.readString(file, StandardCharsets.UTF_8).strip();
        return name.startsWith(GENERATION) && Files.isDirectory(root.resolve(name)) ? name : null;
    }

    /** Names the current generation: written beside, then renamed over the old pointer in one step. */
    private void point(String name) throws IOException {
        try {
            DurableFiles.write(root.resolve(POINTER), name.getBytes(StandardCharsets.UTF_8));
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("The index directory's file system cannot rename atomically: " + root, e);
        }
    }

    /** Removes generations other than {@code keep}: a swapped-out one, or a rebuild a crash cut short. */
    private void deleteOthers(String keep) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(root, GENERATION + "*")) {
            for (Path entry : entries) {
                if (!entry.getFileName().toString().equals(keep)) {
                    deleteTree(entry);
                }
            }
        }
    }

    private static void deleteTree(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private int nextGeneration() throws IOException {
        int max = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(root, GENERATION + "*")) {
            for (Path entry : entries) {
                try {
                    max = Math.max(
                            max, Integer.parseInt(entry.getFileName().toString().substring(GENERATION.length())));
                } catch (NumberFormatException ignored) {
                    // Not one of ours: never reused, never deleted by number.
                }
            }
        }
        return max + 1;
    }

    @Override
    public long appliedThrough() {
        return appliedThrough;
    }

    @Override
    public void apply(List<SearchDocument> upserts, Collection<String> removals, long throughSeq) {
        synchronized (writes) {
            Generation g = current;
            try {
                for (SearchDocument d : upserts) {
                    g.writer().updateDocument(new Term(Fields.ID, d.id()), Fields.document(d, exact));
                }
                for (String id : removals) {
                    g.writer().deleteDocuments(new Term(Fields.ID, id));
                }
                g.writer().setLiveCommitData(commitData(throughSeq));
                g.writer().commit();
                appliedThrough = throughSeq;
                g.searchers().maybeRefreshBlocking();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot write the search index", e);
            }
        }
    }

    @Override
    public Rebuild rebuild() {
        try {
            Path path = root.resolve(GENERATION + nextGeneration());
            Files.createDirectories(path);
            Generation next = openGeneration(path, IndexWriterConfig.OpenMode.CREATE);
            // Segments a rebuild flushes are merged soon after: packing each into a compound file
            // first is a copy of every byte for nothing.
            next.writer().getConfig().setUseCompoundFile(false);
            return new LuceneRebuild(next);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start rebuilding the search index", e);
        }
    }

    /**
     * Documents are turned into Lucene's and indexed on several threads (IndexWriter takes them
     * concurrently, each thread filling its own segment), while the caller reads the next batch.
     */
    private final class LuceneRebuild implements Rebuild {
        private final Generation next;
        private final Workers workers = Workers.perCore("lede-search-rebuild-index");
        private boolean done;

        LuceneRebuild(Generation next) {
            this.next = next;
        }

        @Override
        public void add(List<SearchDocument> documents) {
            List<SearchDocument> batch = List.copyOf(documents);
            workers.submit(() -> {
                try {
                    List<Document> docs = new ArrayList<>(batch.size());
                    for (SearchDocument d : batch) {
                        docs.add(Fields.document(d, exact));
                    }
                    next.writer().addDocuments(docs);
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot write the rebuilt search index", e);
                }
            });
        }

        @Override
        public void finish(long throughSeq) {
            workers.awaitAll();
            workers.close();
            Generation old;
            synchronized (writes) {
                try {
                    next.writer().getConfig().setUseCompoundFile(true);
                    next.writer().setLiveCommitData(commitData(throughSeq));
                    next.writer().commit();
                    next.searchers().maybeRefreshBlocking();
                    point(next.path().getFileName().toString());
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot finish rebuilding the search index", e);
                }
                old = current;
                current = next;
                appliedThrough = throughSeq;
                done = true;
            }
            try {
                old.close();
                deleteTree(old.path());
            } catch (IOException e) {
                // The new contents are in place; the old directory goes at the next start.
            }
        }

        @Override
        public void close() {
            if (done) {
                return;
            }
            done = true;
            workers.close();
            try {
                next.searchers().close();
                next.writer().rollback();
                next.directory().close();
                deleteTree(next.path());
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot abandon the rebuilt search index", e);
            }
        }
    }

    @Override
    public SearchResult search(SearchQuery q) {
        SearchText words = SearchText.parse(q.text());
        Cursor after = q.after() == null || q.after().isEmpty() ? null : Cursor.decode(q.after(), q.sort());
        long reference = after != null ? after.reference() : clock.millis();
        Sort sort = q.sort() == SearchQuery.Sort.RELEVANCE ? BY_RELEVANCE : BY_DATE;
        return withSearcher(searcher -> {
            TextQuery text = TextQuery.of(words, stemmed, exact, searcher.getIndexReader())
                    .rewrittenBy(searcher);
            Query matching = query(q, text, null);
            Query ranked = q.sort() == SearchQuery.Sort.RELEVANCE
                    ? query(q, text, recency.clause(reference, text.clauses()))
                    : matching;
            FieldDoc afterDoc = after == null ? null : after.after();
            IndexSearcher newestFirst = newestFirst(searcher.getIndexReader());
            // The page's hits stop counting at once, so Lucene skips what cannot reach them; the
            // counts are a pass of their own that never scores (Counter bounds its work). Asked
            // for the total alone, the same pass without the values: a collector counting up to
            // EXACT_UP_TO instead scored every match of a common or misspelled word up to there
            // (64 ms at a million).
            TopFieldDocs docs = q.sort() == SearchQuery.Sort.RELEVANCE
                    ? newestFirst.search(
                            ranked, new TopFieldCollectorManager(sort, q.limit() + 1, afterDoc, q.limit() + 1))
                    : byDate(newestFirst, matching, q.limit() + 1, afterDoc);
            // Counting reads the index in order: how far it read tells how common the matches are.
            Counter.Result counted = Counter.count(new IndexSearcher(searcher.getIndexReader()), matching, q.counts());
            ScoreDoc[] found = docs.scoreDocs;
            int shown = Math.min(found.length, q.limit());
            StoredFields stored = searcher.storedFields();
            List<SearchResult.Hit> hits = new ArrayList<>(shown);
            for (int i = 0; i < shown; i++) {
                hits.add(hit(stored, (FieldDoc) found[i], q.sort(), text));
            }
            String next = null;
            if (found.length > q.limit()) {
                FieldDoc last = (FieldDoc) found[shown - 1];
                String id = ((BytesRef) last.fields[1]).utf8ToString();
                next = q.sort() == SearchQuery.Sort.RELEVANCE
                        ? new Cursor(q.sort(), (Float) last.fields[0], 0, reference, id).encode()
                        : new Cursor(q.sort(), 0f, (Long) last.fields[0], reference, id).encode();
            }
            return new SearchResult(
                    Math.max(counted.total(), hits.size()), counted.exact(), hits, next, counted.counts());
        });
    }

    /**
     * Spans of time back from the newest match that may hold a page sorted by date, tried in turn
     * before the whole index. Sorting by date, Lucene skips what cannot reach the page by its
     * date, but a segment holds its stories oldest first, so each match it reads is newer than
     * the page's oldest and is taken, with its id looked up: at a million stories, a common word
     * was 30 ms. Within a span the matches are few; a word too rare to fill the page in a span
     * is also too rare to cost much over the whole index.
     */
    private static final List<Duration> DATE_SPANS = List.of(Duration.ofDays(30), Duration.ofDays(365));

    /**
     * The first {@code n} matches by date, newest first, after {@code after}. A span that holds
     * {@code n} of them holds the answer: everything outside it is older than all it holds.
     */
    private static TopFieldDocs byDate(IndexSearcher searcher, Query matching, int n, FieldDoc after)
            throws IOException {
        long newest = after != null ? (Long) after.fields[0] : newest(searcher.getIndexReader());
        for (Duration span : newest == Long.MIN_VALUE ? List.<Duration>of() : DATE_SPANS) {
            Query within = new BooleanQuery.Builder()
                    .add(matching, Occur.MUST)
                    .add(LongPoint.newRangeQuery(Fields.DATE, newest - span.toMillis(), Long.MAX_VALUE), Occur.FILTER)
                    .build();
            TopFieldDocs docs = searcher.search(within, new TopFieldCollectorManager(BY_DATE, n, after, n));
            if (docs.scoreDocs.length == n) {
                return docs;
            }
        }
        return searcher.search(matching, new TopFieldCollectorManager(BY_DATE, n, after, n));
    }

    /** The newest date in the index, from the segments' point bounds. */
    private static long newest(IndexReader reader) throws IOException {
        long newest = Long.MIN_VALUE;
        for (LeafReaderContext leaf : reader.leaves()) {
            newest = Math.max(newest, newest(leaf));
        }
        return newest;
    }

    private static long newest(LeafReaderContext leaf) throws IOException {
        PointValues dates = leaf.reader().getPointValues(Fields.DATE);
        return dates == null ? Long.MIN_VALUE : LongPoint.decodeDimension(dates.getMaxPackedValue(), 0);
    }

    /**
     * A searcher that reads the segments newest first, one after another. Recent stories hold
     * the best matches of most searches (recency counts toward relevance), so the page's worst
     * score is known high after the first segments, and the older
     * ones are then passed over in runs ({@link RecencyBoost}). Read side by side, each segment
     * would start from nothing and read much of itself before learning what the others found.
     */
    static IndexSearcher newestFirst(IndexReader reader) throws IOException {
        List<LeafReaderContext> leaves = new ArrayList<>(reader.leaves());
        Map<LeafReaderContext, Long> newest = new HashMap<>();
        for (LeafReaderContext leaf : leaves) {
            newest.put(leaf, newest(leaf));
        }
        leaves.sort(Comparator.comparing(newest::get, Comparator.reverseOrder()));
        LeafSlice[] slices = leaves.stream()
                .map(leaf ->
                        new LeafSlice(List.of(IndexSearcher.LeafReaderContextPartition.createForEntireSegment(leaf))))
                .toArray(LeafSlice[]::new);
        // A slice a segment, in this order (a slice sorts its own segments by their place in the
        // index), run one after another in the caller: each learns the worst score of the page so
        // far from those before it.
        return new IndexSearcher(reader, Runnable::run) {
            @Override
            protected LeafSlice[] slices(List<LeafReaderContext> ignored) {
                return slices;
            }
        };
    }

    private SearchResult.Hit hit(StoredFields stored, FieldDoc doc, SearchQuery.Sort sort, TextQuery text)
            throws IOException {
        Document d = stored.document(doc.doc, Set.of(Fields.ID, Fields.TYPE, Fields.HEADLINE, Fields.DEK, Fields.BODY));
        String headline = d.get(Fields.HEADLINE);
        String dek = d.get(Fields.DEK);
        String body = d.get(Fields.BODY);
        String prose = Passages.prose(dek, body);
        double score = sort == SearchQuery.Sort.RELEVANCE ? (Float) doc.fields[0] : 0;
        return new SearchResult.Hit(
                d.get(Fields.ID),
                SearchDocument.Type.valueOf(d.get(Fields.TYPE).toUpperCase(java.util.Locale.ROOT)),
                score,
                snippets.marked(headline, text.isEmpty() ? null : text),
                snippets.passage(prose, text.isEmpty() ? null : text));
    }

    /** What matches the search, scored by its text and, when {@code recency} is given, that clause. */
    private static Query query(SearchQuery q, TextQuery text, Query recency) {
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        if (text.isEmpty()) {
            all.add(new MatchAllDocsQuery(), Occur.MUST);
            if (recency != null) {
                all.add(recency, Occur.SHOULD);
            }
        } else if (recency == null) {
            all.add(text.query(), Occur.MUST);
        } else {
            text.addRanked(all);
            all.add(recency, Occur.SHOULD);
            all.setMinimumNumberShouldMatch(1);
        }
        if (q.scope() == SearchQuery.Scope.READERS) {
            all.add(new TermQuery(new Term(Fields.LIVE, Fields.YES)), Occur.FILTER);
        } else {
            anyOf(all, Fields.STATUS, q.statuses());
            if (q.createdBy() != null) {
                all.add(new TermQuery(new Term(Fields.CREATED_BY, q.createdBy())), Occur.FILTER);
            }
        }
        anyOf(all, Fields.TOPIC, q.topicIds());
        anyOf(all, Fields.AUTHOR, q.authorIds());
        anyOf(all, Fields.KIND, q.kinds());
        if (q.from() != null || q.to() != null) {
            long from = q.from() == null ? Long.MIN_VALUE : q.from().toEpochMilli();
            long to = q.to() == null ? Long.MAX_VALUE : q.to().toEpochMilli() - 1;
            all.add(LongPoint.newRangeQuery(Fields.DATE, from, to), Occur.FILTER);
        }
        return all.build();
    }

    private static void anyOf(BooleanQuery.Builder all, String field, Set<String> values) {
        if (!values.isEmpty()) {
            all.add(new TermInSetQuery(field, values.stream().map(BytesRef::new).toList()), Occur.FILTER);
        }
    }

    @Override
    public List<Similar> similar(String id, Words words, int limit) {
        if (limit < 1) {
            return List.of();
        }
        return withSearcher(searcher -> {
            Query self = new TermQuery(new Term(Fields.ID, id));
            Query live = new TermQuery(new Term(Fields.LIVE, Fields.YES));
            TopDocs found = searcher.search(
                    new BooleanQuery.Builder()
                            .add(self, Occur.FILTER)
                            .add(live, Occur.FILTER)
                            .build(),
                    1);
            if (found.scoreDocs.length == 0) {
                return List.of();
            }
            // The words come from the caller, not from the stored fields: a stored text sits in a
            // compressed block with its neighbours' bodies, and reading one block per story page
            // kept 370 MB more of the index resident after a crawl of a million-story archive.
            Query like = similarTerms.like(
                    searcher.getIndexReader(),
                    Stream.of(words.headline(), words.dek(), words.body())
                            .filter(Objects::nonNull)
                            .toList());
            Query query = new BooleanQuery.Builder()
                    .add(like, Occur.MUST)
                    .add(live, Occur.FILTER)
                    .add(self, Occur.MUST_NOT)
                    .build();
            int n = Math.min(limit, SearchQuery.MAX_LIMIT);
            // No total is needed, so the collector may skip blocks that cannot reach the top n
            // from the first hit on, rather than after counting a thousand.
            TopDocs top = searcher.search(query, new TopScoreDocCollectorManager(n, null, n));
            // Ids come from doc values: a stored id sits in a compressed block with whole bodies,
            // and decompressing one block per hit was a fifth of a story page's time.
            List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
            List<Similar> out = new ArrayList<>(top.scoreDocs.length);
            for (ScoreDoc sd : top.scoreDocs) {
                LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(sd.doc, leaves));
                SortedDocValues ids = DocValues.getSorted(leaf.reader(), Fields.ID);
                if (!ids.advanceExact(sd.doc - leaf.docBase)) {
                    throw new IllegalStateException("A document without an id: " + sd.doc);
                }
                out.add(new Similar(ids.lookupOrd(ids.ordValue()).utf8ToString(), sd.score));
            }
            return out;
        });
    }

    @Override
    public Stats stats() {
        return withSearcher(searcher -> {
            long bytes = 0;
            Directory directory = current.directory();
            for (String file : directory.listAll()) {
                try {
                    bytes += directory.fileLength(file);
                } catch (IOException | RuntimeException e) {
                    // A file merged away between listing and measuring takes no room.
                }
            }
            return new Stats(searcher.getIndexReader().numDocs(), bytes);
        });
    }

    /** No field holds names: Go deeper finds the names two stories share from the stories themselves. */
    @Override
    public boolean readsNames() {
        return false;
    }

    private interface Work<T> {
        T on(IndexSearcher searcher) throws IOException;
    }

    /** Runs on the current generation's searcher, retrying once when a rebuild swapped it out meanwhile. */
    private <T> T withSearcher(Work<T> work) {
        for (int attempt = 0; ; attempt++) {
            Generation g = current;
            IndexSearcher searcher;
            try {
                searcher = g.searchers().acquire();
            } catch (AlreadyClosedException e) {
                if (attempt > 0) {
                    throw e;
                }
                continue;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            try {
                return work.on(searcher);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the search index", e);
            } finally {
                try {
                    g.searchers().release(searcher);
                } catch (IOException e) {
                    // Releasing only lowers a count; the searcher is closed with its generation.
                }
            }
        }
    }

    @Override
    public void close() {
        synchronized (writes) {
            if (segments != null) {
                segments.shutdown();
            }
            try {
                current.close();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot close the search index", e);
            }
        }
    }
}
