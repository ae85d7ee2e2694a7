-- The audit trail: one row per command that changed a user's data, written in the same
-- transaction as the change. No foreign key: a row outlives the session it describes
-- (`session delete` is itself audited). Keys appear only as fingerprints in `changes`.
CREATE TABLE onboardctl_audit (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at DATETIME NOT NULL,
    actor TEXT NOT NULL,
    command TEXT NOT NULL,
    user_id TEXT,
    changes TEXT NOT NULL,
    reason TEXT,
    outcome TEXT NOT NULL
);
CREATE INDEX onboardctl_audit_user ON onboardctl_audit (user_id, at);
CREATE INDEX onboardctl_audit_at ON onboardctl_audit (at);
