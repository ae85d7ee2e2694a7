-- Indexes in the orders onboardctl pages in (mirrors sql/postgres/V4__paging_indexes.sql):
-- `session list`'s order (newest `updated_at` first, then user id), so a list is read in
-- index order instead of being sorted whole. User ids already page bytewise through the
-- UNIQUE index (SQLite's BINARY collation).
CREATE INDEX IF NOT EXISTS ix_onboarding_sessions_list
    ON onboarding_sessions (updated_at DESC, user_id);
