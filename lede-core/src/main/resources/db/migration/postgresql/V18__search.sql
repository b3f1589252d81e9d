-- The search index when Lede runs on PostgreSQL, so that every node searches the same index.
-- SQLite keeps its index in Lucene under the data directory and has no V18.

-- levenshtein_less_equal narrows search_words to a query word's near-spellings ("Rohani" finds
-- "Rouhani"). The extension is trusted, so a database owner may create it without superuser.
CREATE EXTENSION IF NOT EXISTS fuzzystrmatch;

-- One row per story or dashboard. Text columns hold what SearchDocument holds, lists joined by
-- line breaks; date is the repo's fixed-width text instant. The tsvector weighs the headline A,
-- the dek and lead-ins B, the body with topic, tag and author names C, and the people and places
-- named D, so that ts_rank_cd scores a headline match highest and similar() can count names.
-- PostgresSearchIndex rebuilds this table under another name and swaps it in: its index list
-- must name the same indexes as here.
CREATE TABLE search_documents (
    id           TEXT PRIMARY KEY,
    type         TEXT NOT NULL,
    headline     TEXT NOT NULL,
    dek          TEXT,
    lead_ins     TEXT NOT NULL,
    body         TEXT NOT NULL,
    topic_id     TEXT,
    topic_name   TEXT,
    tags         TEXT NOT NULL,
    author_ids   TEXT[] NOT NULL,
    author_names TEXT NOT NULL,
    names        TEXT NOT NULL,
    kind         TEXT NOT NULL,
    status       TEXT NOT NULL,
    live         BOOLEAN NOT NULL,
    created_by   TEXT,
    date         TEXT NOT NULL,
    search       TSVECTOR GENERATED ALWAYS AS (
        setweight(to_tsvector('english'::regconfig, headline), 'A')
        || setweight(to_tsvector('english'::regconfig, coalesce(dek, '') || E'\n' || lead_ins), 'B')
        || setweight(to_tsvector('english'::regconfig,
               body || E'\n' || coalesce(topic_name, '') || E'\n' || tags || E'\n' || author_names), 'C')
        || setweight(to_tsvector('english'::regconfig, names), 'D')
    ) STORED,
    -- Every word of the headline as written, stop words too, for a search of stop words only.
    title_words  TSVECTOR GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, headline)) STORED
) WITH (toast_tuple_target = 128);
-- Searches filter, count and sort many rows but read the text of a few: with the text and the
-- tsvector kept out of line (the tsvector uncompressed, as it hardly compresses and is read
-- whole to rank), a row in the table is a few dozen bytes and a page holds many.
ALTER TABLE search_documents ALTER COLUMN search SET STORAGE EXTERNAL;
CREATE INDEX search_documents_text ON search_documents USING gin (search);
-- Readers page live documents newest first, and rank a window of the newest matches.
CREATE INDEX search_documents_live_date ON search_documents (live, date, id);
-- The newsroom pages every document newest first.
CREATE INDEX search_documents_date ON search_documents (date, id);
CREATE INDEX search_documents_topic ON search_documents (topic_id, date);
CREATE INDEX search_documents_authors ON search_documents USING gin (author_ids);
CREATE INDEX search_documents_title ON search_documents USING gin (title_words);

-- The outbox position the index holds. apply() writes it in the same transaction as the
-- documents, and locks it first, so that applies from several nodes take turns.
CREATE TABLE search_position (
    only_row BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (only_row),
    seq      BIGINT NOT NULL
);
INSERT INTO search_position (only_row, seq) VALUES (TRUE, 0);

-- Every word of search_documents as written (lower-cased), with the lexeme it is searched by
-- (null for a stop word) and the number of documents holding it: the vocabulary in which a
-- query word finds its near-spellings, and, summed by lexeme, the document frequency by which
-- similar() picks a document's most characteristic words. Near-spellings keep the first letter
-- and differ in length by at most two, so the shape index narrows the search to those words.
CREATE TABLE search_words (
    word   TEXT PRIMARY KEY,
    lexeme TEXT,
    ndoc   INTEGER NOT NULL
);
CREATE INDEX search_words_by_shape ON search_words (left(word, 1), length(word));
CREATE INDEX search_words_by_lexeme ON search_words (lexeme);
