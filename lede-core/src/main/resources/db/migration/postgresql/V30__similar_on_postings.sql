-- Similar stories (Go deeper's more-like-this) now match and rank on the postings blocks of V29,
-- as searches do (PostgresSearchIndex.similar): the text index read the heap row of every match
-- of a story's words to find their newest 300, and ranked those by their out-of-line search
-- vectors. Nothing reads by the text index or by (live, date) any more, and keeping them cost
-- every save and a rebuild its longest index build.
DROP INDEX IF EXISTS search_documents_text;
DROP INDEX IF EXISTS search_documents_live_date;
