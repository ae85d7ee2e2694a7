-- Indexes in the orders onboardctl pages in (mirrors sql/sqlite/V4__paging_indexes.sql):
-- user ids bytewise (`COLLATE "C"`: export, db copy and key reseal page by id, and the
-- UNIQUE index on `user_id` is in the database's own collation, which cannot serve that
-- order, so every page was a scan and a sort), and `session list`'s order (newest
-- `updated_at` first, then user id bytewise), so a list is read in index order instead of
-- being sorted whole.
CREATE INDEX IF NOT EXISTS ix_onboarding_sessions_user_id_bytewise
    ON onboarding_sessions (user_id COLLATE "C");
CREATE INDEX IF NOT EXISTS ix_onboarding_sessions_list
    ON onboarding_sessions (updated_at DESC NULLS LAST, user_id COLLATE "C");
