-- Personal API tokens for the admin API. Only the SHA-256 of the secret is kept (the secret is
-- 32 random bytes, so a fast hash is enough; see ApiTokenService), with a short prefix of it that
-- the newsroom shows so a member can tell their tokens apart. A token has no role of its own: it
-- acts with its member's role at each request.
CREATE TABLE api_tokens (
    id           TEXT PRIMARY KEY,
    user_id      TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name         TEXT NOT NULL,
    prefix       TEXT NOT NULL,
    secret_hash  TEXT NOT NULL UNIQUE,
    created_at   TEXT NOT NULL,
    last_used_at TEXT,
    revoked_at   TEXT
);
CREATE INDEX api_tokens_by_user ON api_tokens (user_id);
