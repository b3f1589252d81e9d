-- Search moves from PostgreSQL's text index to postings kept in blocks (PostgresSearchIndex,
-- bench/README.md): ranking and counting a common word's matches read every matching row's
-- tsvector and took p95 138 ms at a million stories; matching, counting and ranking compact
-- bitmaps in the node takes a tenth of that. Each document gets an ordinal; a lexeme's postings
-- are one row per block of ordinals, and what a search filters, counts and ranks by (live,
-- status, creator, topic, kind, date, authors) one row per block, which a node reloads when its
-- version changes. The documents stay for snippets, phrases and similar stories.
ALTER TABLE search_documents ADD COLUMN IF NOT EXISTS ordinal INTEGER;
CREATE UNIQUE INDEX IF NOT EXISTS search_documents_ordinal ON search_documents (ordinal);

-- The ordinal the next new document gets; ordinals are never reused.
ALTER TABLE search_position ADD COLUMN IF NOT EXISTS next_ordinal INTEGER NOT NULL DEFAULT 0;

-- A lexeme's postings in one block: n documents, their offsets as a bitmap or 16-bit offsets, and
-- each one's weight class (PostingBlock). Kept in the row, uncompressed (the bytes are dense), up
-- to a whole page: a block's row, at most 6 KiB, is read with the row and not in chunks out of line.
-- Headline words as written, which a search of stop words only matches, are lexemes after U+0001.
CREATE TABLE IF NOT EXISTS search_postings (
    lexeme  TEXT NOT NULL,
    block   INTEGER NOT NULL,
    n       INTEGER NOT NULL,
    ords    BYTEA NOT NULL,
    classes BYTEA NOT NULL,
    PRIMARY KEY (lexeme, block)
);
ALTER TABLE search_postings SET (toast_tuple_target = 8160);
ALTER TABLE search_postings ALTER COLUMN ords SET STORAGE MAIN, ALTER COLUMN classes SET STORAGE MAIN;

-- One block's columns (ColumnBlock) and the values its codes stand for (BlockDictionary).
CREATE TABLE IF NOT EXISTS search_columns (
    block   INTEGER PRIMARY KEY,
    version BIGINT NOT NULL,
    codes   TEXT[] NOT NULL,
    data    BYTEA NOT NULL
);
CREATE SEQUENCE IF NOT EXISTS search_column_versions;

-- IF NOT EXISTS and IF EXISTS: applied again over its own change (DerivedTablesMigrationTest), it
-- has none to make.

-- What only the text index's search used: the facets of V24, the samples of V25, and the indexes
-- by date, topic, author and headline word. The text index stays for similar stories.
DROP INDEX IF EXISTS search_documents_text_1in256;
DROP INDEX IF EXISTS search_documents_text_1in64;
DROP INDEX IF EXISTS search_documents_text_1in16;
DROP INDEX IF EXISTS search_documents_text;
ALTER TABLE search_documents DROP COLUMN IF EXISTS facets;
CREATE INDEX search_documents_text ON search_documents USING gin (search);
DROP INDEX IF EXISTS search_documents_date;
DROP INDEX IF EXISTS search_documents_topic;
DROP INDEX IF EXISTS search_documents_authors;
DROP INDEX IF EXISTS search_documents_title;

-- The documents have no ordinals and no postings yet: emptied, the index is rebuilt at the next
-- start (SearchIndexer.needsRebuild), while searches find nothing for those minutes.
TRUNCATE search_documents, search_words, search_postings, search_columns;
UPDATE search_position SET seq = 0;
