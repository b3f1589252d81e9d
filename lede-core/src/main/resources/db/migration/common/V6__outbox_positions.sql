-- Where each durable outbox consumer (search index, webhooks ...) has read up to, so it resumes
-- there after a restart instead of missing what happened while it was down or replaying it all.
CREATE TABLE outbox_positions (
    consumer TEXT PRIMARY KEY,
    seq      BIGINT NOT NULL
);
