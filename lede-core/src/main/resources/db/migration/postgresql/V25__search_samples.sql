-- Even samples of the search documents, each with its own text index, from which a search
-- estimates how many documents a common word matches, and by topic, author, kind and year,
-- instead of reading every match, and learns in which months its newest matches lie (see
-- PostgresSearchIndex.tally and window): one in 256, 64 and 16, those whose id's hash ends in 8,
-- 6 and 4 zero bits. Each indexes the facets of V24 beside the words, so a search filtered by
-- topic or kind counts only the sample's matches of those. The predicates must stay word for
-- word as PostgresSearchIndex.Sample writes them, for the planner to see that an index answers a
-- search, and PostgresSearchIndex makes the same indexes on the copy a rebuild swaps in.
CREATE INDEX search_documents_text_1in256 ON search_documents USING gin (search, facets) WHERE (hashtext(id) & 255) = 0;
CREATE INDEX search_documents_text_1in64 ON search_documents USING gin (search, facets) WHERE (hashtext(id) & 63) = 0;
CREATE INDEX search_documents_text_1in16 ON search_documents USING gin (search, facets) WHERE (hashtext(id) & 15) = 0;
