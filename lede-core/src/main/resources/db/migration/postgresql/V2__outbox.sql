CREATE TABLE outbox (
    seq     BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    type    TEXT NOT NULL,
    subject TEXT NOT NULL,
    data    TEXT NOT NULL,
    at      TEXT NOT NULL
);
CREATE INDEX outbox_by_subject ON outbox (subject);
