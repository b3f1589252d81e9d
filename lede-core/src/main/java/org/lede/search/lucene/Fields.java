package org.lede.search.lucene;

import java.time.ZoneOffset;
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

    static Document document(SearchDocument d) {
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

        doc.add(new Field(HEADLINE, d.headline(), STORED_TEXT));
        doc.add(new Field(EXACT, d.headline(), EXACT_TEXT));
        if (d.dek() != null) {
            doc.add(new Field(DEK, d.dek(), STORED_TEXT));
            doc.add(new Field(EXACT, d.dek(), EXACT_TEXT));
        }
        for (String label : d.leadIns()) {
            doc.add(new Field(LEAD_INS, label, TEXT));
            doc.add(new Field(EXACT, label, EXACT_TEXT));
        }
        if (!d.body().isEmpty()) {
            doc.add(new Field(BODY, d.body(), STORED_TEXT));
            doc.add(new Field(EXACT, d.body(), EXACT_TEXT));
        }
        if (d.topicName() != null) {
            meta(doc, d.topicName());
        }
        d.tags().forEach(tag -> meta(doc, tag));
        d.authorNames().forEach(name -> meta(doc, name));
        return doc;
    }

    private static void meta(Document doc, String text) {
        doc.add(new Field(META, text, TEXT));
        doc.add(new Field(EXACT, text, EXACT_TEXT));
    }

    /** Filtered on by term, sorted or counted by doc values. */
    private static void keyword(Document doc, String field, String value, boolean stored) {
        doc.add(new StringField(field, value, stored ? Field.Store.YES : Field.Store.NO));
        doc.add(new SortedDocValuesField(field, new BytesRef(value)));
    }
}
