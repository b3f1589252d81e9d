-- INTEGER PRIMARY KEY is SQLite's rowid: assigned in commit order under its single writer.
CREATE TABLE outbox (
    seq     INTEGER PRIMARY KEY,
    type    TEXT NOT NULL,
    subject TEXT NOT NULL,
    data    TEXT NOT NULL,
    at      TEXT NOT NULL
);
CREATE INDEX outbox_by_subject ON outbox (subject);
