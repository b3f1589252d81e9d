-- The alt text of a story's hero as it was when the story was saved, so a published story keeps what an
-- editor approved; body images keep theirs in their block's JSON. Null for rows saved before: readers
-- then see the media item's own alt text.
ALTER TABLE stories ADD COLUMN hero_alt TEXT;
