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

    static final String HEADLINE = "headline";
    static final String DEK = "dek";
    static final String LEAD_INS = "leadins";
    static final String BODY = "body";
    /** The topic's name, the tags and the byline's names. */
    static final String META = "meta";
    /** Every text field unstemmed, with positions: phrases and typo tolerance. */
    static final String EXACT = "exact";

    static final String YES = "1";
    static final String NO = "0";

    /** Ranked and stored (for snippets and more-like-this); positions live in the exact copy only. */
    private static final FieldType STORED_TEXT = textType(true);

    private static final FieldType TEXT = textType(false);

    private static final FieldType EXACT_TEXT;

    static {
        FieldType exact = new FieldType();
        exact.setTokenized(true);
        exact.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS);
        exact.freeze();
        EXACT_TEXT = exact;
    }

    private Fields() {}

    private static FieldType textType(boolean stored) {
        FieldType type = new FieldType();
        type.setTokenized(true);
        type.setStored(stored);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
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

        text(doc, exact, HEADLINE, d.headline(), STORED_TEXT);
        if (d.dek() != null) {
            text(doc, exact, DEK, d.dek(), STORED_TEXT);
        }
        for (String label : d.leadIns()) {
            text(doc, exact, LEAD_INS, label, TEXT);
        }
        if (!d.body().isEmpty()) {
            text(doc, exact, BODY, d.body(), STORED_TEXT);
        }
        if (d.topicName() != null) {
            text(doc, exact, META, d.topicName(), TEXT);
        }
        d.tags().forEach(tag -> text(doc, exact, META, tag, TEXT));
        d.authorNames().forEach(name -> text(doc, exact, META, name, TEXT));
        return doc;
    }

    /** A text in its ranked field and in the exact copy, split into words once for both. */
    private static void text(Document doc, Analyzer exact, String field, String text, FieldType type) {
        AnalyzedOnce once = new AnalyzedOnce(exact, text);
        doc.add(once.ranked(field, type));
        doc.add(once.exact(EXACT_TEXT));
    }

    /** Filtered on by term, sorted or counted by doc values. */
    private static void keyword(Document doc, String field, String value, boolean stored) {
        doc.add(new StringField(field, value, stored ? Field.Store.YES : Field.Store.NO));
        doc.add(new SortedDocValuesField(field, new BytesRef(value)));
    }
}
