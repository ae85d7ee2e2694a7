-- The audit trail: one row per command that changed a user's data, written in the same
-- transaction as the change. No foreign key: a row outlives the session it describes
-- (`session delete` is itself audited). Keys appear only as fingerprints in `changes`.
CREATE TABLE onboardctl_audit (
    id bigserial PRIMARY KEY,
    at timestamptz NOT NULL,
    actor text NOT NULL,
    command text NOT NULL,
    user_id text,
    changes jsonb NOT NULL,
    reason text,
    outcome text NOT NULL
);
CREATE INDEX onboardctl_audit_user ON onboardctl_audit (user_id, at);
CREATE INDEX onboardctl_audit_at ON onboardctl_audit (at);
