-- Where a `db copy` into this database stands, so a rerun of an interrupted copy continues
-- after the last user it wrote (one row per source database, by its redacted location).
CREATE TABLE onboardctl_copy_progress (
    source TEXT PRIMARY KEY,
    last_user_id TEXT,
    started_at DATETIME NOT NULL,
    updated_at DATETIME NOT NULL,
    finished_at DATETIME
);
