package org.lede.search.store;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import org.lede.search.Estimates;
import org.lede.search.SearchQuery;
import org.lede.search.SearchResult;
import org.lede.search.SearchResult.Count;
import org.lede.search.SearchResult.Counts;
import org.lede.search.store.BlockDictionary.Dimension;

/**
 * A search over blocks of postings and columns held in memory: which documents match (every word
 * through any of its spellings, in scope, within the filters), how many, by value, and the best
 * ranked. No row is read per match, which is what makes a common word's search fast (see {@link
 * PostingBlock}).
 *
 * <p>Relevance is the sum over words of the best spelling's weight (its rarity, doubled when typed
 * as it is) times its weight class's (a headline match counts most), times the recency boost of
 * {@link #decay}.
 */
final class BlockSearch {
    private BlockSearch() {}

    /** Weights of names (D), body (C), dek and lead-ins (B), headline (A), as ts_rank's defaults were. */
    static final double[] CLASS_WEIGHTS = {0.1, 0.2, 0.4, 1.0};

    /** How far the recency boost reaches: a match two years old counts about two thirds. */
    static final double DECAY_SECONDS = 730 * 86_400.0;

    /**
     * How much a match dated {@code seconds} counts at {@code ref}: in full from the day, half for
     * the oldest, so relevance still orders the archive.
     */
    static double decay(long ref, long seconds) {
        return 0.5 + 0.5 * Math.exp(-Math.max(0, ref - seconds) / DECAY_SECONDS);
    }

    /** A spelling of a query word: a lexeme and its weight. */
    record Spelling(String lexeme, double weight) {}

    /**
     * A block's columns, the values of their codes, how many documents it holds, its newest date
     * (no match in it ranks by a later one), every document's author codes in one array, those of
     * offset {@code o} from {@code authorStarts[o]} to {@code authorStarts[o + 1]}, and each
     * document's {@link Facets} in one long. Read a document's own array at a time, a common word's
     * counts waited on memory for most of their time; read from the columns and the author arrays,
     * a word that matches a few documents of every 64 still touched five places a match, and its
     * counts took 1.5 to 4.6 ms at a million stories against under 1 ms for a word matching ten
     * times as many.
     */
    record Loaded(
            int block,
            ColumnBlock columns,
            BlockDictionary dictionary,
            int held,
            long newest,
            int[] authorStarts,
            int[] authorCodes,
            long[] facets,
            Numbered numbered) {
        static Loaded of(int block, ColumnBlock columns, BlockDictionary dictionary, Values values) {
            long newest = Long.MIN_VALUE;
            int held = 0;
            int[] starts = new int[columns.size() + 1];
            int n = 0;
            for (int offset = 0; offset < columns.size(); offset++) {
                starts[offset] = n;
                if (columns.holds(offset)) {
                    held++;
                    newest = Math.max(newest, columns.seconds(offset));
                    n += columns.authorCount(offset);
                }
            }
            starts[columns.size()] = n;
            int[] codes = new int[n];
            long[] facets = new long[columns.size()];
            for (int offset = 0; offset < columns.size(); offset++) {
                for (int i = starts[offset]; i < starts[offset + 1]; i++) {
                    codes[i] = columns.author(offset, i - starts[offset]);
                }
                if (columns.holds(offset)) {
                    facets[offset] = Facets.of(
                            columns.topic(offset),
                            columns.kind(offset),
                            year(columns.seconds(offset)),
                            codes,
                            starts[offset],
                            starts[offset + 1]);
                }
            }
            return new Loaded(
                    block,
                    columns,
                    dictionary,
                    held,
                    newest,
                    starts,
                    codes,
                    facets,
                    new Numbered(
                            values.numbers(dictionary, Dimension.TOPIC),
                            values.numbers(dictionary, Dimension.KIND),
                            values.numbers(dictionary, Dimension.AUTHOR)));
        }
    }

    /** A block's codes of topics, kinds and authors as {@link Values}' numbers (index 0, none, is 0). */
    record Numbered(int[] topics, int[] kinds, int[] authors) {}

    /**
     * What counting reads of a document, in one long: its kind code (8 bits, as {@link
     * ColumnBlock.Facts} bounds it), topic code (16), year ({@link #year}, 9) and up to two author
     * codes (15 bits each, 0 for none). A document with more authors, or a code too large to fit,
     * is marked {@link #SPILLED}, and its authors are read from {@link Loaded#authorCodes}.
     */
    static final class Facets {
        private Facets() {}

        static final long SPILLED = 1L << 33;
        private static final int AUTHOR_BITS = 15;
        private static final int MOST_AUTHOR = (1 << AUTHOR_BITS) - 1;

        /** A document's facts, its author codes being {@code codes[from]} to {@code codes[to - 1]}. */
        static long of(int topic, int kind, int year, int[] codes, int from, int to) {
            long facets = kind | (long) topic << 8 | (long) year << 24;
            if (to - from > 2) {
                return facets | SPILLED;
            }
            for (int i = from; i < to; i++) {
                if (codes[i] > MOST_AUTHOR) {
                    return facets | SPILLED;
                }
                facets |= (long) codes[i] << (34 + AUTHOR_BITS * (i - from));
            }
            return facets;
        }

        static int kind(long facets) {
            return (int) facets & 0xFF;
        }

        static int topic(long facets) {
            return (int) (facets >>> 8) & 0xFFFF;
        }

        static int year(long facets) {
            return (int) (facets >>> 24) & 0x1FF;
        }

        /** The {@code i}th (0 or 1) author code of a document not {@link #SPILLED}, 0 for none. */
        static int author(long facets, int i) {
            return (int) (facets >>> (34 + AUTHOR_BITS * i)) & MOST_AUTHOR;
        }
    }

    /**
     * Numbers every value that any block's dictionary holds, once for the node: counts then add up
     * across blocks by number, and turn numbers into values once a search, not once a block (a
     * common word's authors were thirty thousand map updates).
     */
    static final class Values {
        private final Map<String, Integer> numbers = new HashMap<>();
        private final List<String> values = new ArrayList<>(List.of(""));

        synchronized int number(String value) {
            return numbers.computeIfAbsent(value, v -> {
                values.add(v);
                return values.size() - 1;
            });
        }

        synchronized String value(int number) {
            return values.get(number);
        }

        /** The numbers of {@code dimension}'s codes in {@code dictionary}, by code. */
        int[] numbers(BlockDictionary dictionary, Dimension dimension) {
            int[] out = new int[dictionary.size(dimension) + 1];
            for (int code = 1; code < out.length; code++) {
                out[code] = number(dictionary.value(dimension, code));
            }
            return out;
        }
    }

    /** What a query narrows to, as values; each block resolves them to its own codes. */
    record Filters(
            SearchQuery.Scope scope,
            Set<String> statuses,
            String createdBy,
            Set<String> topics,
            Set<String> kinds,
            Set<String> authors,
            Long from,
            Long to) {
        static Filters of(SearchQuery q) {
            boolean readers = q.scope() == SearchQuery.Scope.READERS;
            return new Filters(
                    q.scope(),
                    readers ? Set.of() : q.statuses(),
                    readers ? null : q.createdBy(),
                    q.topicIds(),
                    q.kinds(),
                    q.authorIds(),
                    q.from() == null ? null : q.from().getEpochSecond(),
                    q.to() == null ? null : q.to().getEpochSecond());
        }
    }

    /** The filters in one block's codes; null from {@link #of} when nothing in the block can pass. */
    private record Coded(boolean[] statuses, int createdBy, boolean[] topics, boolean[] kinds, boolean[] authors) {
        static Coded of(Filters f, BlockDictionary d) {
            boolean[] statuses = codes(f.statuses(), d, Dimension.STATUS);
            boolean[] topics = codes(f.topics(), d, Dimension.TOPIC);
            boolean[] kinds = codes(f.kinds(), d, Dimension.KIND);
            boolean[] authors = codes(f.authors(), d, Dimension.AUTHOR);
            int createdBy = f.createdBy() == null ? -1 : d.find(Dimension.CREATOR, f.createdBy());
            if (createdBy == 0 || none(statuses) || none(topics) || none(kinds) || none(authors)) {
                return null;
            }
            return new Coded(statuses, createdBy, topics, kinds, authors);
        }

        /** Which codes pass, or null when the filter does not narrow by this dimension. */
        private static boolean[] codes(Set<String> values, BlockDictionary d, Dimension dimension) {
            if (values.isEmpty()) {
                return null;
            }
            boolean[] pass = new boolean[d.size(dimension) + 1];
            for (String v : values) {
                int code = d.find(dimension, v);
                pass[code] = code > 0;
            }
            return pass;
        }

        private static boolean none(boolean[] pass) {
            if (pass == null) {
                return false;
            }
            for (boolean p : pass) {
                if (p) {
                    return false;
                }
            }
            return true;
        }

        boolean narrows() {
            return statuses != null || createdBy >= 0 || topics != null || kinds != null || authors != null;
        }

        boolean accepts(Loaded loaded, int offset) {
            ColumnBlock c = loaded.columns();
            if (statuses != null && !statuses[c.status(offset)]) {
                return false;
            }
            if (createdBy >= 0 && c.createdBy(offset) != createdBy) {
                return false;
            }
            if (topics != null && !topics[c.topic(offset)]) {
                return false;
            }
            if (kinds != null && !kinds[c.kind(offset)]) {
                return false;
            }
            if (authors != null) {
                for (int i = loaded.authorStarts()[offset]; i < loaded.authorStarts()[offset + 1]; i++) {
                    if (authors[loaded.authorCodes()[i]]) {
                        return true;
                    }
                }
                return false;
            }
            return true;
        }
    }

    /**
     * The documents that match {@code words} (every one; none is a browse of everything in
     * scope) within {@code filters}, block by block.
     *
     * @param postings each lexeme's blocks, by block number
     * @param only     when not null, the only ordinals that may match (found by another means, such as a phrase check)
     */
    static Matches match(
            List<List<Spelling>> words,
            Map<String, Map<Integer, PostingBlock>> postings,
            NavigableMap<Integer, Loaded> blocks,
            Filters filters,
            Set<Integer> only) {
        NavigableMap<Integer, long[]> matched = new TreeMap<>();
        long total = 0;
        for (Loaded loaded : blocks.values()) {
            long[] scope = scope(loaded.columns(), filters.scope() == SearchQuery.Scope.READERS);
            if (scope == null) {
                continue;
            }
            long[] match = scope;
            if (!words.isEmpty()) {
                match = BlockMatch.of(here(words, postings, loaded.block()), scope);
                if (match == null) {
                    continue;
                }
            }
            if (only != null) {
                match = restrict(match, loaded, only);
            }
            match = narrow(match, loaded, filters);
            int count = match == null ? 0 : BlockMatch.count(match);
            if (count > 0) {
                matched.put(loaded.block(), match);
                total += count;
            }
        }
        return new Matches(words, postings, blocks, matched, total, false);
    }

    /**
     * The live documents that hold any of {@code terms}, all but the one at ordinal {@code self}:
     * a more-like-this search. Each term is a word of its own, so a document's relevance is the sum
     * of the terms it holds, each by its weight class, and {@link Matches#top} ranks by it alone,
     * with no recency boost: Go deeper weighs time against the story's own date, not today.
     */
    static Matches like(
            List<Spelling> terms,
            Map<String, Map<Integer, PostingBlock>> postings,
            NavigableMap<Integer, Loaded> blocks,
            int self) {
        // A document holding any term matches one word whose spellings are all the terms.
        List<List<Spelling>> any = List.of(terms);
        NavigableMap<Integer, long[]> matched = new TreeMap<>();
        long total = 0;
        for (Loaded loaded : blocks.values()) {
            long[] live = scope(loaded.columns(), true);
            long[] match = live == null ? null : BlockMatch.of(here(any, postings, loaded.block()), live);
            if (match == null) {
                continue;
            }
            int offset = self - loaded.block() * loaded.columns().size();
            if (offset >= 0 && offset < loaded.columns().size()) {
                match[offset >> 6] &= ~(1L << offset);
            }
            int count = BlockMatch.count(match);
            if (count > 0) {
                matched.put(loaded.block(), match);
                total += count;
            }
        }
        List<List<Spelling>> words = terms.stream().map(List::of).toList();
        return new Matches(words, postings, blocks, matched, total, true);
    }

    /** The documents live ({@code readers}) or held in a block, or null when it has none. */
    private static long[] scope(ColumnBlock c, boolean readers) {
        long[] scope = new long[c.size() / 64];
        boolean any = false;
        for (int w = 0; w < scope.length; w++) {
            scope[w] = readers ? c.liveWord(w) : c.heldWord(w);
            any |= scope[w] != 0;
        }
        return any ? scope : null;
    }

    /** The postings of each word's spellings in block {@code b}, null where a spelling has none. */
    private static PostingBlock[][] here(
            List<List<Spelling>> words, Map<String, Map<Integer, PostingBlock>> postings, int b) {
        PostingBlock[][] here = new PostingBlock[words.size()][];
        for (int i = 0; i < words.size(); i++) {
            List<Spelling> word = words.get(i);
            here[i] = new PostingBlock[word.size()];
            for (int s = 0; s < word.size(); s++) {
                here[i][s] =
                        postings.getOrDefault(word.get(s).lexeme(), Map.of()).get(b);
            }
        }
        return here;
    }

    private static long[] restrict(long[] match, Loaded loaded, Set<Integer> only) {
        long[] kept = new long[match.length];
        int base = loaded.block() * loaded.columns().size();
        for (int ordinal : only) {
            int offset = ordinal - base;
            if (offset >= 0 && offset < loaded.columns().size()) {
                kept[offset >> 6] |= match[offset >> 6] & (1L << offset);
            }
        }
        return kept;
    }

    /** The matches that pass the filters on columns: dates, and the coded values. */
    private static long[] narrow(long[] match, Loaded loaded, Filters filters) {
        boolean dated = filters.from() != null || filters.to() != null;
        Coded coded = Coded.of(filters, loaded.dictionary());
        if (coded == null) {
            return null;
        }
        if (!dated && !coded.narrows()) {
            return match;
        }
        ColumnBlock c = loaded.columns();
        long[] kept = match.clone();
        for (int w = 0; w < kept.length; w++) {
            long word = kept[w];
            while (word != 0) {
                int offset = (w << 6) | Long.numberOfTrailingZeros(word);
                word &= word - 1;
                long seconds = c.seconds(offset);
                boolean pass = (filters.from() == null || seconds >= filters.from())
                        && (filters.to() == null || seconds < filters.to())
                        && coded.accepts(loaded, offset);
                if (!pass) {
                    kept[w] &= ~(1L << offset);
                }
            }
        }
        return kept;
    }

    /** The matches of one search, block by block, to count and rank. */
    static final class Matches {
        private final List<List<Spelling>> words;
        private final Map<String, Map<Integer, PostingBlock>> postings;
        private final NavigableMap<Integer, Loaded> blocks;
        private final NavigableMap<Integer, long[]> matched;
        private final long total;
        /**
         * A more-like-this search ({@link #like}): matches are any word's, each word one lexeme,
         * scored by adding up each word's postings in a block, with no recency boost.
         */
        private final boolean like;

        private Matches(
                List<List<Spelling>> words,
                Map<String, Map<Integer, PostingBlock>> postings,
                NavigableMap<Integer, Loaded> blocks,
                NavigableMap<Integer, long[]> matched,
                long total,
                boolean like) {
            this.words = words;
            this.postings = postings;
            this.blocks = blocks;
            this.matched = matched;
            this.total = total;
            this.like = like;
        }

        long total() {
            return total;
        }

        /**
         * The matches by topic, author, kind and year: every one up to {@link
         * SearchResult#EXACT_UP_TO}; past it, an even sample of about {@link #SAMPLED} (every n-th
         * bitmap word of 64 neighbouring ordinals), scaled to the total. When the caller estimates
         * the total anyway ({@code estimated}, as of a phrase's candidates), a sample of a quarter
         * of that from the first match on.
         */
        Counts counts(Values values, boolean estimated) {
            long target = estimated ? SAMPLED / 4 : SAMPLED;
            int every = estimated || total > SearchResult.EXACT_UP_TO
                    ? Integer.highestOneBit((int) Math.max(1, total / target))
                    : 1;
            // Counted by number, and turned into values once: a hash map a match was most of a
            // common word's search, and a map update each author of each block a third.
            Tally byTopic = new Tally();
            Tally byKind = new Tally();
            Tally byAuthor = new Tally();
            Tally byYear = new Tally();
            long counted = 0;
            for (Map.Entry<Integer, long[]> e : matched.entrySet()) {
                Loaded loaded = blocks.get(e.getKey());
                int[] topics = loaded.numbered().topics();
                int[] kinds = loaded.numbered().kinds();
                int[] authors = loaded.numbered().authors();
                int[] starts = loaded.authorStarts();
                int[] codes = loaded.authorCodes();
                long[] facets = loaded.facets();
                long[] match = e.getValue();
                for (int w = 0; w < match.length; w += every) {
                    long word = match[w];
                    while (word != 0) {
                        int offset = (w << 6) | Long.numberOfTrailingZeros(word);
                        word &= word - 1;
                        counted++;
                        long f = facets[offset];
                        byTopic.add(topics[Facets.topic(f)]);
                        byKind.add(kinds[Facets.kind(f)]);
                        byYear.add(Facets.year(f));
                        if ((f & Facets.SPILLED) == 0) {
                            // Adds number 0 for an author the document lacks: counted, never listed.
                            byAuthor.add(authors[Facets.author(f, 0)]);
                            byAuthor.add(authors[Facets.author(f, 1)]);
                        } else {
                            for (int i = starts[offset]; i < starts[offset + 1]; i++) {
                                byAuthor.add(authors[codes[i]]);
                            }
                        }
                    }
                }
            }
            Counts counts = new Counts(
                    byTopic.mostFirst(values::value),
                    byAuthor.mostFirst(values::value),
                    byKind.mostFirst(values::value),
                    byYear.mostFirst(y -> Integer.toString(FIRST_YEAR + y)));
            return every > 1 && counted > 0 ? Estimates.scaled(counts, (double) total / counted) : counts;
        }

        /**
         * The best {@code k} matches after {@code after} (null for the first), by relevance or by
         * date (newest first); a match's score is its relevance, or its date's seconds. Blocks are
         * taken newest first, and a block none of whose matches could enter is skipped unscored.
         */
        List<TopHits.Scored> top(boolean byDate, long ref, TopHits.Scored after, int k) {
            TopHits top = new TopHits(k);
            boolean ranked = !byDate && !words.isEmpty();
            double[] sums = null;
            double[][] worth = ranked && like ? worth() : null;
            for (Map.Entry<Integer, long[]> e : matched.descendingMap().entrySet()) {
                Loaded loaded = blocks.get(e.getKey());
                PostingBlock[][] here = ranked ? here(words, postings, loaded.block()) : null;
                double bound = ranked ? bound(here) * boost(ref, loaded.newest()) : loaded.newest();
                if (!top.admits(bound)) {
                    continue;
                }
                ColumnBlock c = loaded.columns();
                if (ranked && like) {
                    sums = sums == null ? new double[c.size()] : sums;
                    sum(here, worth, sums, e.getValue());
                }
                int base = loaded.block() * c.size();
                long[] match = e.getValue();
                for (int w = 0; w < match.length; w++) {
                    long word = match[w];
                    while (word != 0) {
                        int offset = (w << 6) | Long.numberOfTrailingZeros(word);
                        word &= word - 1;
                        long seconds = c.seconds(offset);
                        double score = !ranked
                                ? seconds
                                : like ? taken(sums, offset) : relevance(here, offset) * decay(ref, seconds);
                        int ordinal = base + offset;
                        if (after == null
                                || score < after.score()
                                || (score == after.score() && ordinal > after.ordinal())) {
                            top.offer(score, ordinal);
                        }
                    }
                }
            }
            return top.best();
        }

        /**
         * Up to {@code n} matches spread evenly over all of them, in ordinal order: a sample whose
         * share of any kind of match is its share of all, give or take chance.
         */
        List<Integer> spread(int n) {
            List<Integer> out = new ArrayList<>();
            if (total == 0 || n < 1) {
                return out;
            }
            double step = Math.max(1.0, (double) total / n);
            double next = 0;
            long seen = 0;
            for (Map.Entry<Integer, long[]> e : matched.entrySet()) {
                int base = e.getKey() * blocks.get(e.getKey()).columns().size();
                long[] match = e.getValue();
                for (int w = 0; w < match.length; w++) {
                    long word = match[w];
                    while (word != 0) {
                        int offset = (w << 6) | Long.numberOfTrailingZeros(word);
                        word &= word - 1;
                        if (seen >= next && out.size() < n) {
                            out.add(base + offset);
                            next += step;
                        }
                        seen++;
                    }
                }
            }
            return out;
        }

        private double boost(long ref, long seconds) {
            return like ? 1 : decay(ref, seconds);
        }

        /**
         * Every match's score in a more-like-this search, into {@code sums}, which holds zeros and
         * is left holding zeros once each match's score is {@link #taken}: a union of many words
         * is most of their postings, and adding each word's postings up in one pass took a fifth
         * of the time of looking every word up at every match. Emptying the whole array for each
         * block instead was about a third of a search of rare words.
         */
        private static void sum(PostingBlock[][] here, double[][] worth, double[] sums, long[] match) {
            for (int i = 0; i < here.length; i++) {
                if (here[i][0] != null) {
                    here[i][0].addTo(sums, worth[i]);
                }
            }
            // Postings that are no match (the story itself, a draft) are emptied now.
            for (int w = 0; w < match.length; w++) {
                long stray = 0;
                for (PostingBlock[] word : here) {
                    stray |= word[0] == null ? 0 : word[0].word(w) & ~match[w];
                }
                while (stray != 0) {
                    sums[(w << 6) | Long.numberOfTrailingZeros(stray)] = 0;
                    stray &= stray - 1;
                }
            }
        }

        /** What a posting of each word is worth in a more-like-this search, by weight class. */
        private double[][] worth() {
            double[][] worth = new double[words.size()][CLASS_WEIGHTS.length];
            for (int i = 0; i < worth.length; i++) {
                for (int c = 0; c < CLASS_WEIGHTS.length; c++) {
                    worth[i][c] = words.get(i).getFirst().weight() * CLASS_WEIGHTS[c];
                }
            }
            return worth;
        }

        /** A match's score from {@link #sum}, its place emptied for the next block. */
        private static double taken(double[] sums, int offset) {
            double score = sums[offset];
            sums[offset] = 0;
            return score;
        }

        /** The most any match in the block can score before the recency boost. */
        private double bound(PostingBlock[][] here) {
            double sum = 0;
            for (int i = 0; i < here.length; i++) {
                double best = 0;
                for (int s = 0; s < here[i].length; s++) {
                    if (here[i][s] != null) {
                        best = Math.max(best, words.get(i).get(s).weight() * CLASS_WEIGHTS[here[i][s].maxClass()]);
                    }
                }
                sum += best;
            }
            return sum;
        }

        private double relevance(PostingBlock[][] here, int offset) {
            double sum = 0;
            for (int i = 0; i < here.length; i++) {
                double best = 0;
                for (int s = 0; s < here[i].length; s++) {
                    PostingBlock p = here[i][s];
                    int weightClass = p == null ? -1 : p.weightClass(offset);
                    if (weightClass >= 0) {
                        best = Math.max(best, words.get(i).get(s).weight() * CLASS_WEIGHTS[weightClass]);
                    }
                }
                sum += best;
            }
            return sum;
        }
    }

    /** Counts by number, and the numbers counted, so that reading them costs what was counted. */
    static final class Tally {
        private long[] counts = new long[64];
        private int[] counted = new int[64];
        private int size;

        void add(int code) {
            if (code >= counts.length) {
                counts = Arrays.copyOf(counts, Math.max(code + 1, counts.length * 2));
            }
            if (counts[code]++ == 0) {
                if (size == counted.length) {
                    counted = Arrays.copyOf(counted, size * 2);
                }
                counted[size++] = code;
            }
        }

        /** Each number counted but 0 (none) as its value, most first, then by value. */
        List<Count> mostFirst(java.util.function.IntFunction<String> value) {
            Map<String, Long> byValue = HashMap.newHashMap(size);
            for (int i = 0; i < size; i++) {
                int code = counted[i];
                if (code != 0) {
                    byValue.merge(value.apply(code), counts[code], Long::sum);
                }
            }
            return Count.mostFirst(byValue);
        }
    }

    /** About how many matches counts count past exact counting: their order and size hold to a few percent. */
    static final long SAMPLED = 8_192;

    /** The first year a date is counted under; earlier dates count under it, as later ones under the last. */
    static final int FIRST_YEAR = 1900;

    /** The first second of each year from {@link #FIRST_YEAR} to 2199, UTC. */
    private static final long[] YEARS = years();

    private static long[] years() {
        long[] starts = new long[300];
        for (int y = 0; y < starts.length; y++) {
            starts[y] = LocalDate.of(FIRST_YEAR + y, 1, 1).toEpochDay() * 86_400L;
        }
        return starts;
    }

    /** The average Gregorian year in seconds: 365.2425 days. */
    private static final long AVERAGE_YEAR = 31_556_952;

    /**
     * The index in {@link #YEARS} of the year of {@code seconds}: guessed from the average year,
     * which is never more than one off, then corrected. A block's load finds every document's
     * year: searching the table took 25 ns a date, this 3 ns (a million dates of the archive's
     * twenty years, JDK 25).
     */
    static int year(long seconds) {
        long guess = Math.floorDiv(seconds - YEARS[0], AVERAGE_YEAR);
        int y = (int) Math.max(0, Math.min(YEARS.length - 1, guess));
        while (y > 0 && seconds < YEARS[y]) {
            y--;
        }
        while (y < YEARS.length - 1 && seconds >= YEARS[y + 1]) {
            y++;
        }
        return y;
    }

    /** The rarity weight of a lexeme held by {@code documents} of {@code all}. */
    static double idf(long all, long documents) {
        return Math.log(1 + (double) Math.max(all, documents) / Math.max(1, documents));
    }
}
