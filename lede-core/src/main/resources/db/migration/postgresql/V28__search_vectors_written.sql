-- Lede now writes the search vectors itself (PostgresSearchIndex.insert, with SearchVectors),
-- equal to what V18's expressions made of the same columns: parsing every text in the inserting
-- backend was nearly all of what storing a document cost. The vectors already stored stay as
-- they are; the columns are no longer computed.
-- IF EXISTS: applied again over its own change (DerivedTablesMigrationTest), it has none to make.
ALTER TABLE search_documents ALTER COLUMN search DROP EXPRESSION IF EXISTS;
ALTER TABLE search_documents ALTER COLUMN title_words DROP EXPRESSION IF EXISTS;
