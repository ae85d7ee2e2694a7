//! The typed adoption plan (`db migrate --dry-run` prints it) and the report of a real run
//! (the plan that was executed plus the history row written). Everything serialises with
//! snake_case keys; timestamps are RFC 3339 in UTC.

use serde::Serialize;

use crate::domain::{StepStatus, Timestamp};

/// Everything adoption will do, in the order it does it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AdoptionPlan {
    /// `sqlite` or `postgres`.
    pub backend: String,
    /// Tables, columns, constraints and indexes to add.
    pub schema: SchemaPlan,
    /// Users with several sessions: which row survives, which merge into it.
    pub merges: Vec<SessionMerge>,
    /// Child rows that move from a merged session to its survivor.
    pub moves: Vec<RowMove>,
    /// 1:1 rows and (session, provider) keys present more than once, after the moves.
    pub duplicates: Vec<Duplicate>,
    /// Every row that goes to `onboardctl_quarantine`, with the reason.
    pub quarantine: Vec<QuarantineEntry>,
    /// Stored values rewritten to our format (SQLite timestamps).
    pub rewrites: Vec<ValueRewrite>,
    /// How each surviving session's stored values are read: its derived steps.
    pub sessions: Vec<SessionReading>,
    /// The migration recorded as applied at the end.
    pub record: RecordedMigration,
}

/// The schema part of the plan.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct SchemaPlan {
    /// Tables of ours that do not exist yet.
    pub create_tables: Vec<TableCreate>,
    /// SQLite only: tables rebuilt (create new, copy, drop old, rename), because SQLite
    /// cannot add constraints to an existing table.
    pub rebuild_tables: Vec<String>,
    /// Columns of ours missing from an existing table.
    pub add_columns: Vec<ColumnAdd>,
    /// Existing columns that gain NOT NULL, a default, or a wider type.
    pub change_columns: Vec<ColumnChange>,
    /// Constraints to add (unique keys, foreign keys, checks).
    pub add_constraints: Vec<ConstraintAdd>,
    /// Indexes to add.
    pub add_indexes: Vec<IndexAdd>,
    /// ALwrity's own tables and columns that are not ours: left exactly as they are.
    pub kept: Vec<KeptItem>,
}

/// A table to create.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TableCreate {
    /// Its name.
    pub table: String,
    /// Why it is created.
    pub reason: String,
}

/// A column to add.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ColumnAdd {
    /// Table.
    pub table: String,
    /// Column.
    pub column: String,
    /// Declared type in this dialect.
    pub sql_type: String,
    /// Default, as SQL.
    pub default: Option<String>,
    /// Whether it is NOT NULL.
    pub not_null: bool,
}

/// A change to an existing column.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ColumnChange {
    /// Table.
    pub table: String,
    /// Column.
    pub column: String,
    /// What changes.
    #[serde(flatten)]
    pub change: ChangeKind,
}

/// What changes in a column.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "change", rename_all = "snake_case")]
pub enum ChangeKind {
    /// Becomes NOT NULL (violating rows are quarantined or rewritten first).
    SetNotNull,
    /// Gains a default.
    SetDefault {
        /// The default, as SQL.
        default: String,
    },
    /// Changes type (only widenings SQLAlchemy reads the same way).
    SetType {
        /// The type it has.
        from: String,
        /// The type it gets.
        to: String,
    },
}

/// A constraint to add.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ConstraintAdd {
    /// Table.
    pub table: String,
    /// Constraint name (PostgreSQL's default naming, as V1 gets it).
    pub name: String,
    /// What it is.
    #[serde(flatten)]
    pub kind: ConstraintKind,
}

/// The kinds of constraint adoption adds.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ConstraintKind {
    /// UNIQUE over these columns.
    Unique {
        /// Columns, in order.
        columns: Vec<String>,
    },
    /// `column` REFERENCES onboarding_sessions (id) ON DELETE CASCADE.
    ForeignKey {
        /// The referencing column.
        column: String,
        /// The name of an existing foreign key on the column (without ON DELETE) that this
        /// replaces; empty on SQLite, whose foreign keys have no names.
        replaces: Option<String>,
    },
    /// A CHECK.
    Check {
        /// The condition, as SQL.
        expression: String,
    },
}

/// An index to add.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IndexAdd {
    /// Table.
    pub table: String,
    /// Index name.
    pub name: String,
    /// Indexed columns.
    pub columns: Vec<String>,
}

/// A table or column of ALwrity's that is not ours and stays as it is.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct KeptItem {
    /// Table.
    pub table: String,
    /// Column; `None` for a whole table.
    pub column: Option<String>,
    /// Its declared type (columns only).
    pub sql_type: Option<String>,
}

/// One user's sessions merging into one.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SessionMerge {
    /// The user.
    pub user_id: String,
    /// The session that survives.
    pub survivor: i64,
    /// Sessions merged into it (quarantined once their rows have moved).
    pub merged: Vec<i64>,
}

/// A child row that moves to its user's surviving session.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RowMove {
    /// Table.
    pub table: String,
    /// Row id.
    pub id: i64,
    /// Session it pointed to.
    pub from_session: i64,
    /// Session it points to afterwards.
    pub to_session: i64,
}

/// A 1:1 row or key present more than once for one session (after the moves).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Duplicate {
    /// Table.
    pub table: String,
    /// The (surviving) session.
    pub session_id: i64,
    /// The provider, for `api_keys`.
    pub provider: Option<String>,
    /// The row kept: the most recently updated (then the highest id).
    pub kept: i64,
    /// The rows quarantined in its favour.
    pub superseded: Vec<i64>,
}

/// A row that goes to `onboardctl_quarantine`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuarantineEntry {
    /// Source table.
    pub table: String,
    /// Source row id.
    pub id: i64,
    /// Why.
    pub reason: String,
    /// The row stays where it is and only a copy is quarantined (a value in it is rewritten).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub copy_only: bool,
}

/// One stored value rewritten.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ValueRewrite {
    /// Table.
    pub table: String,
    /// Column.
    pub column: String,
    /// Row id.
    pub id: i64,
    /// The stored value, as text.
    pub from: String,
    /// The new value; `None` is NULL (the old value was unreadable; the row is copied to
    /// quarantine first).
    pub to: Option<String>,
}

/// How one surviving session is read, and the state it is given.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SessionReading {
    /// Session id.
    pub session_id: i64,
    /// Its user.
    pub user_id: String,
    /// `current_step` as stored.
    pub stored_step: Option<i64>,
    /// `progress` as stored.
    pub stored_progress: Option<f64>,
    /// Steps (1–4) for which data exists.
    pub evidence: Vec<u8>,
    /// Derived status of steps 1–6.
    pub steps: [StepStatus; 6],
    /// `current_step` written.
    pub current_step: u8,
    /// `progress` written (our formula).
    pub progress: f64,
    /// `completed_at` written (the original's completion predicate held).
    #[serde(with = "time::serde::rfc3339::option")]
    pub completed_at: Option<Timestamp>,
    /// `completed_at` of the steps derived as done: the session's `updated_at`.
    #[serde(with = "time::serde::rfc3339::option")]
    pub steps_done_at: Option<Timestamp>,
}

/// The migration adoption records as applied.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RecordedMigration {
    /// Version.
    pub version: u32,
    /// Name.
    pub name: String,
    /// When it was recorded (RFC 3339); `None` in a plan.
    pub applied_on: Option<String>,
}

/// What a real adoption did: the plan it executed and the history row it wrote.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AdoptionReport {
    /// The executed plan.
    pub plan: AdoptionPlan,
}

impl AdoptionPlan {
    /// Headline counts, in display order, for the human plan and report.
    pub fn summary(&self) -> Vec<(&'static str, usize)> {
        let s = &self.schema;
        let merged: usize = self.merges.iter().map(|m| m.merged.len()).sum();
        vec![
            ("tables created", s.create_tables.len()),
            ("tables rebuilt", s.rebuild_tables.len()),
            ("columns added", s.add_columns.len()),
            ("columns changed", s.change_columns.len()),
            ("constraints added", s.add_constraints.len()),
            ("indexes added", s.add_indexes.len()),
            ("users with merged sessions", self.merges.len()),
            ("sessions merged", merged),
            ("rows moved", self.moves.len()),
            ("duplicates resolved", self.duplicates.len()),
            ("rows quarantined", self.quarantine.len()),
            ("values rewritten", self.rewrites.len()),
            ("sessions interpreted", self.sessions.len()),
            ("step rows written", self.sessions.len() * 6),
        ]
    }
}
