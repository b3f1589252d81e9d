package org.lede.search.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TermFrequencyAttribute;
import org.apache.lucene.document.Field;
import org.apache.lucene.index.IndexableFieldType;

/**
 * One text value that goes into two fields, the ranked words and the exact copy, split into
 * words once: the exact copy takes the words as written, the ranked field the same words through
 * the stop list and the stemmer ({@link Analyzers#ranked}), which is what the stemmed analyzer
 * would make of the text itself. Splitting was a third of a rebuild's indexing work, done twice.
 *
 * <p>The words are found when the index first asks for either field, inside the writer's thread,
 * and dropped once both have been read, so a batch of documents waiting to be written holds only
 * their text.
 */
final class AnalyzedOnce {
    private final Analyzer exact;
    private final String text;
    private Words words;
    private int readers;

    AnalyzedOnce(Analyzer exact, String text) {
        this.exact = exact;
        this.text = text;
    }

    /** The ranked field: the stemmed words, each counted {@code weight} times. */
    Field ranked(String name, IndexableFieldType type, int weight) {
        return new SharedField(name, text, type, this, weight);
    }

    /** The exact copy: the words as written, with their positions. */
    Field exact(IndexableFieldType type) {
        return new SharedField(Fields.EXACT, text, type, this, 0);
    }

    private synchronized Words take() {
        Words found = words == null ? Words.of(exact, text) : words;
        // Both fields read it once; after the second there is nothing to keep it for.
        words = ++readers < 2 ? found : null;
        return found;
    }

    private static final class SharedField extends Field {
        private final AnalyzedOnce source;
        /** How many times each ranked word counts; 0 for the exact copy. */
        private final int weight;

        SharedField(String name, String text, IndexableFieldType type, AnalyzedOnce source, int weight) {
            super(name, text, type);
            this.source = source;
            this.weight = weight;
        }

        /**
         * The writer hands each field back the stream it read that field's last value with
         * ({@code reuse}), once done with it. Taken up again, a chain of filters is built once per
         * field and writer thread, not once per text: building it was a twentieth of a rebuild.
         */
        @Override
        public TokenStream tokenStream(Analyzer analyzer, TokenStream reuse) {
            Words words = source.take();
            if (weight == 0) {
                Replay replay = reuse instanceof Replay r ? r : new Replay();
                replay.words = words;
                return replay;
            }
            Weighed weighed = reuse instanceof Weighed w ? w : new Weighed(new Replay());
            weighed.replay.words = words;
            weighed.weight = weight;
            return weighed;
        }
    }

    /** The ranked words of a text, each counted {@code weight} times in its document's frequencies. */
    private static final class Weighed extends TokenFilter {
        private final TermFrequencyAttribute frequency = addAttribute(TermFrequencyAttribute.class);
        private final Replay replay;
        private int weight;

        Weighed(Replay replay) {
            super(Analyzers.ranked(replay));
            this.replay = replay;
        }

        @Override
        public boolean incrementToken() throws IOException {
            if (!input.incrementToken()) {
                return false;
            }
            frequency.setTermFrequency(weight);
            return true;
        }
    }

    /** The words of a text as written, one after another in a shared buffer. */
    private record Words(char[] chars, int[] ends, int[] increments, int count) {
        static Words of(Analyzer exact, String text) {
            char[] chars = new char[Math.max(16, text.length())];
            int[] ends = new int[16];
            int[] increments = new int[16];
            int count = 0;
            int used = 0;
            try (TokenStream stream = exact.tokenStream(Fields.EXACT, text)) {
                CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
                PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
                stream.reset();
                while (stream.incrementToken()) {
                    int length = term.length();
                    if (used + length > chars.length) {
                        chars = java.util.Arrays.copyOf(chars, Math.max(chars.length * 2, used + length));
                    }
                    System.arraycopy(term.buffer(), 0, chars, used, length);
                    used += length;
                    if (count == ends.length) {
                        ends = java.util.Arrays.copyOf(ends, count * 2);
                        increments = java.util.Arrays.copyOf(increments, count * 2);
                    }
                    ends[count] = used;
                    increments[count] = increment.getPositionIncrement();
                    count++;
                }
                stream.end();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot split a text into words", e);
            }
            return new Words(chars, ends, increments, count);
        }
    }

    /** The words again, as a token stream. */
    private static final class Replay extends TokenStream {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
        private Words words;
        private int next;

        @Override
        public boolean incrementToken() {
            if (next == words.count()) {
                return false;
            }
            clearAttributes();
            int start = next == 0 ? 0 : words.ends()[next - 1];
            term.copyBuffer(words.chars(), start, words.ends()[next] - start);
            increment.setPositionIncrement(words.increments()[next]);
            next++;
            return true;
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            next = 0;
        }

        @Override
        public void close() throws IOException {
            super.close();
            // The writer keeps the stream for the field's next value; the words need not wait with it.
            words = null;
        }
    }
}
