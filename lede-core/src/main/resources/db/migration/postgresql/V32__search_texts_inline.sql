-- V18's toast_tuple_target of 128 bytes still moved every text of a document out of line, each
-- on its own: a row went in with half a dozen toast values, each compressed first, and a search
-- read a hit's headline, dek and body as three toast lookups after the row. V18 kept rows narrow
-- for the scans searches made then; since V29 none scans these rows, and since V31 the vector,
-- most of a row, is in it anyway. At PostgreSQL's largest target a row keeps its texts until it
-- would not fit a page; then the longest go out of line as before. A million-story rebuild went
-- from 4,685 to 5,579 documents a second, the rows from 2.1 GB and 1.6 GB of toast to 4.5 GB.
-- Like V22 this applies to rows written from now on; `lede reindex` lays out the rows already
-- there (its copy is made with the same target: see PostgresRebuild).
ALTER TABLE search_documents SET (toast_tuple_target = 8160);
