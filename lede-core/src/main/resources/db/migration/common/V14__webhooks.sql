-- Endpoints that admins registered to hear about changes. The secret signs every delivery
-- (Standard Webhooks), so it is kept as issued: it is shown once, but needed for every send.
-- Event types are a space-separated list of the outbox's type names.
CREATE TABLE webhook_endpoints (
    id              TEXT PRIMARY KEY,
    url             TEXT NOT NULL,
    description     TEXT,
    event_types     TEXT NOT NULL,
    secret          TEXT NOT NULL,
    enabled         INTEGER NOT NULL,
    disabled_reason TEXT,
    created_by      TEXT NOT NULL,
    created_at      TEXT NOT NULL
);

-- One row per event per endpoint, made from the outbox. The unique key makes the fan-out
-- idempotent: an event handed over twice (a crash between the rows and the position) is queued
-- once. retry_since starts the 24-hour retry window, again at a redelivery.
CREATE TABLE webhook_deliveries (
    id                 TEXT PRIMARY KEY,
    endpoint_id        TEXT NOT NULL REFERENCES webhook_endpoints (id) ON DELETE CASCADE,
    event_seq          BIGINT NOT NULL,
    type               TEXT NOT NULL,
    subject            TEXT NOT NULL,
    payload            TEXT NOT NULL,
    status             TEXT NOT NULL,
    attempts           INTEGER NOT NULL,
    next_attempt_at    TEXT NOT NULL,
    retry_since        TEXT NOT NULL,
    last_attempt_at    TEXT,
    last_response_code INTEGER,
    last_duration_ms   BIGINT,
    last_error         TEXT,
    delivered_at       TEXT,
    created_at         TEXT NOT NULL,
    UNIQUE (endpoint_id, event_seq)
);
-- The dispatcher's question: what is pending and due, oldest event first.
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (status, next_attempt_at);
-- Order per story: whether an earlier delivery for the same subject is still pending.
CREATE INDEX webhook_deliveries_by_subject ON webhook_deliveries (endpoint_id, subject, status, event_seq);
