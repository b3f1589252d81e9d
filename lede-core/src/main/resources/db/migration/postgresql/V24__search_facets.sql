-- What a search most often narrows by, as lexemes beside the words in one text index: 'k:' and
-- the kind, 't:' and the topic id, 'm:' and the month of the date ('m:2026-11'). The newest
-- matches of a word (the window a relevance search ranks) are then found inside the index, the
-- word's postings intersected with those of the last few months, kind and topic, so only the
-- rows in the window are read: a date index walk reads every row it passes until enough match,
-- and a bitmap of the word alone reads every match. Not whether a document is live: nearly all
-- are, and intersecting a word with nearly all costs more than reading the flag from the rows.
-- Built in the row, so it cannot drift from the columns, and kept in it (MAIN): it is short.
ALTER TABLE search_documents ADD COLUMN facets TSVECTOR GENERATED ALWAYS AS (
    array_to_tsvector(array_remove(
        ARRAY['k:' || kind, 't:' || topic_id, 'm:' || left(date, 7)], NULL))
) STORED;
ALTER TABLE search_documents ALTER COLUMN facets SET STORAGE MAIN;
-- One index over both, so that a condition on each is one index scan: with two indexes the
-- planner would read the facets from the rows, or not, as its estimates of the words said.
DROP INDEX search_documents_text;
CREATE INDEX search_documents_text ON search_documents USING gin (search, facets);
