-- A publish names the stories that pin it, so their Go deeper pages are purged: looked up by target.
CREATE INDEX story_pins_by_target ON story_pins (target_id);
