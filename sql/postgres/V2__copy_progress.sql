-- Where a `db copy` into this database stands, so a rerun of an interrupted copy continues
-- after the last user it wrote (one row per source database, by its redacted location).
CREATE TABLE onboardctl_copy_progress (
    source text PRIMARY KEY,
    last_user_id text,
    started_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    finished_at timestamptz
);
