-- V18's toast_tuple_target of 128 bytes moved every value longer than a toast pointer out of
-- line, the keys too: reading one match's id, date, topic or authors cost a toast lookup each,
-- so counting 10,000 matches read 40,000 toast pages. MAIN keeps these short columns in the row
-- (out of line only when a row could not otherwise fit a page), while the text and the tsvector
-- still go out of line. It applies to rows written from now on; `lede reindex` (whose copy takes
-- the table's storage) lays out the rows already there.
ALTER TABLE search_documents
    ALTER COLUMN id SET STORAGE MAIN,
    ALTER COLUMN type SET STORAGE MAIN,
    ALTER COLUMN topic_id SET STORAGE MAIN,
    ALTER COLUMN author_ids SET STORAGE MAIN,
    ALTER COLUMN kind SET STORAGE MAIN,
    ALTER COLUMN status SET STORAGE MAIN,
    ALTER COLUMN created_by SET STORAGE MAIN,
    ALTER COLUMN date SET STORAGE MAIN;
