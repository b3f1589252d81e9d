package org.lede.search.lucene;

import java.time.ZoneOffset;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.util.BytesRef;
import org.lede.search.SearchDocument;

/** The index's fields and how a {@link SearchDocument} becomes a Lucene document. */
final class Fields {
    static final String ID = "id";
    static final String TYPE = "type";
    static final String TOPIC = "topic";
    static final String AUTHOR = "author";
    static final String KIND = "kind";
    static final String STATUS = "status";
    static final String LIVE = "live";
    static final String CREATED_BY = "createdBy";
    static final String YEAR = "year";
    static final String DATE = "date";

    // Headline, dek and body are stored only, for snippets and more-like-this; their words are
    // ranked in WORDS.
    static final String HEADLINE = "headline";
    static final String DEK = "dek";
    static final String BODY = "body";
    /**
     * Every text's stemmed words in one field, each counted as often as its place weighs: a word
     * of the headline {@link #HEADLINE_WEIGHT} times, of the body once per {@link #BODY_WEIGHT}.
     * One field ranks a word with one posting list whose stored bounds are close: Lucene can then
     * pass over stories a word cannot lift onto the page, which a sum over five fields, each with
     * its own bound, never allowed.
     */
    static final String WORDS = "words";
    /** Every text field unstemmed, with positions: phrases and typo tolerance. */
    static final String EXACT = "exact";

    static final int HEADLINE_WEIGHT = 6;
    static final int DEK_WEIGHT = 3;
    static final int LEAD_IN_WEIGHT = 3;
    /** The topic's name, the tags and the byline's names. */
    static final int META_WEIGHT = 3;

    static final int BODY_WEIGHT = 2;

    static final String YES = "1";
    static final String NO = "0";

    /** Weighted counts, no positions: those live in the exact copy only. */
    private static final FieldType WORDS_TEXT = textType(IndexOptions.DOCS_AND_FREQS);

    private static final FieldType EXACT_TEXT = textType(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS);

    private Fields() {}

    private static FieldType textType(IndexOptions options) {
        FieldType type = new FieldType();
        type.setTokenized(true);
        type.setIndexOptions(options);
        type.freeze();
        return type;
    }

    /** @param exact the exact copy's analyzer, which splits each text once for both its fields */
    static Document document(SearchDocument d, Analyzer exact) {
        Document doc = new Document();
        keyword(doc, ID, d.id(), true);
        doc.add(new StoredField(TYPE, d.type().key()));
        doc.add(new StringField(TYPE, d.type().key(), Field.Store.NO));
        if (d.topicId() != null) {
            keyword(doc, TOPIC, d.topicId(), false);
        }
        for (String author : d.authorIds()) {
            doc.add(new StringField(AUTHOR, author, Field.Store.NO));
            doc.add(new SortedSetDocValuesField(AUTHOR, new BytesRef(author)));
        }
        keyword(doc, KIND, d.kind(), false);
        doc.add(new StringField(STATUS, d.status(), Field.Store.NO));
        doc.add(new StringField(LIVE, d.live() ? YES : NO, Field.Store.NO));
        if (d.createdBy() != null) {
            doc.add(new StringField(CREATED_BY, d.createdBy(), Field.Store.NO));
        }
        long millis = d.date().toEpochMilli();
        doc.add(new LongPoint(DATE, millis));
        doc.add(new NumericDocValuesField(DATE, millis));
        String year = Integer.toString(d.date().atOffset(ZoneOffset.UTC).getYear());
        doc.add(new SortedDocValuesField(YEAR, new BytesRef(year)));

        doc.add(new StoredField(HEADLINE, d.headline()));
        text(doc, exact, d.headline(), HEADLINE_WEIGHT);
        if (d.dek() != null) {
            doc.add(new StoredField(DEK, d.dek()));
            text(doc, exact, d.dek(), DEK_WEIGHT);
        }
        for (String label : d.leadIns()) {
            text(doc, exact, label, LEAD_IN_WEIGHT);
        }
        if (!d.body().isEmpty()) {
            doc.add(new StoredField(BODY, d.body()));
            text(doc, exact, d.body(), BODY_WEIGHT);
        }
        if (d.topicName() != null) {
            text(doc, exact, d.topicName(), META_WEIGHT);
        }
        d.tags().forEach(tag -> text(doc, exact, tag, META_WEIGHT));
        d.authorNames().forEach(name -> text(doc, exact, name, META_WEIGHT));
        return doc;
    }

    /** A text's words, weighed, and its exact copy, split into words once for both. */
    private static void text(Document doc, Analyzer exact, String text, int weight) {
        AnalyzedOnce once = new AnalyzedOnce(exact, text);
        doc.add(once.ranked(WORDS, WORDS_TEXT, weight));
        doc.add(once.exact(EXACT_TEXT));
    }

    /** Filtered on by term, sorted or counted by doc values. */
    private static void keyword(Document doc, String field, String value, boolean stored) {
        doc.add(new StringField(field, value, stored ? Field.Store.YES : Field.Store.NO));
        doc.add(new SortedDocValuesField(field, new BytesRef(value)));
    }
}
