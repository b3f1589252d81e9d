-- Sessions end after a while without use as well as at their hard expiry, so the time of last
-- use is kept (written at most once a minute); the address is where the sign-in came from.
ALTER TABLE sessions ADD COLUMN last_seen_at TEXT;
ALTER TABLE sessions ADD COLUMN address TEXT;
UPDATE sessions SET last_seen_at = created_at;

-- Secrets the server makes for itself on first use, such as the key that signs password-reset
-- links. In the database rather than a file, so every server of one newsroom shares them.
CREATE TABLE IF NOT EXISTS server_secrets (
    name  TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
