-- A phrase search reads the search vectors of its candidates, a random read each. Out of line
-- (V18), a vector cost a read of its row and another of its toast chunk: on a cold cache the
-- larger part of a phrase search at a million stories. Since V29 searches count and rank from
-- search_postings and search_columns, not by scanning these rows, so the narrow rows V18 kept for
-- those scans no longer pay for the second read.
-- PLAIN keeps a vector in its row and never tries to compress it (a tsvector hardly compresses,
-- and MAIN's attempt at it slowed a rebuild by an eighth). A row must fit a page, so a vector longer
-- than DocumentRows.IN_ROW goes in search_long instead, out of line, and the other column is NULL.
-- Like V22 this applies to rows written from now on; `lede reindex` (whose copy takes the
-- table's storage) lays out the rows already there.
ALTER TABLE search_documents ADD COLUMN IF NOT EXISTS search_long TSVECTOR;
ALTER TABLE search_documents
    ALTER COLUMN search SET STORAGE PLAIN,
    ALTER COLUMN search_long SET STORAGE EXTERNAL;
