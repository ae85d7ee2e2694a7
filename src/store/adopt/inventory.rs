//! What a backend reads from a database before adopting it: the catalog of every table, the
//! session rows, and for each row of the known child tables the little the rules need (its
//! session, provider, last update, whether it is evidence of a finished step). Row contents
//! stay in the database; only ids move through the plan.

use std::collections::BTreeMap;

use crate::domain::Timestamp;

use super::plan::ValueRewrite;

/// Everything the planner looks at.
#[derive(Debug, Clone, Default)]
pub(crate) struct Inventory {
    /// Every table of the database (the current schema on PostgreSQL).
    pub catalog: Catalog,
    /// Every `onboarding_sessions` row.
    pub sessions: Vec<SessionRow>,
    /// Every row of the known child tables that exist.
    pub children: Vec<ChildRow>,
    /// Values the backend rewrites into our format (SQLite timestamps; none on PostgreSQL).
    pub rewrites: Vec<ValueRewrite>,
}

/// Tables by name.
#[derive(Debug, Clone, Default)]
pub(crate) struct Catalog {
    /// Each table's shape.
    pub tables: BTreeMap<String, TableShape>,
}

/// One table as the catalog describes it.
#[derive(Debug, Clone, Default)]
pub(crate) struct TableShape {
    /// Columns in order.
    pub columns: Vec<ColumnShape>,
    /// Column sets with a unique index or constraint (primary key excluded).
    pub uniques: Vec<Vec<String>>,
    /// Foreign keys.
    pub foreign_keys: Vec<ForeignKey>,
    /// Names of CHECK constraints (PostgreSQL; SQLite has no catalog of them).
    pub checks: Vec<String>,
    /// Names of indexes (any kind).
    pub indexes: Vec<String>,
}

/// One column.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ColumnShape {
    /// Name.
    pub name: String,
    /// Declared type as the catalog prints it.
    pub sql_type: String,
    /// NOT NULL.
    pub not_null: bool,
    /// Default expression.
    pub default: Option<String>,
}

/// One single-column foreign key.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ForeignKey {
    /// Constraint name (PostgreSQL).
    pub name: Option<String>,
    /// Referencing column.
    pub column: String,
    /// Referenced table.
    pub references: String,
    /// ON DELETE CASCADE.
    pub cascade: bool,
}

impl TableShape {
    /// The column named `name`.
    pub fn column(&self, name: &str) -> Option<&ColumnShape> {
        self.columns.iter().find(|c| c.name == name)
    }

    /// Whether a unique index covers exactly `columns` (in any order).
    pub fn has_unique(&self, columns: &[&str]) -> bool {
        self.uniques
            .iter()
            .any(|u| u.len() == columns.len() && columns.iter().all(|c| u.iter().any(|x| x == c)))
    }

    /// The foreign key on `column` to `onboarding_sessions`, if any.
    pub fn session_fk(&self, column: &str) -> Option<&ForeignKey> {
        self.foreign_keys
            .iter()
            .find(|f| f.column == column && f.references == "onboarding_sessions")
    }
}

impl Catalog {
    /// Whether table `name` exists.
    pub fn has(&self, name: &str) -> bool {
        self.tables.contains_key(name)
    }

    /// Tables other than `onboarding_sessions` with a foreign key to it, and the column:
    /// their rows follow a merged session to its survivor.
    pub fn referencing(&self) -> Vec<(String, String)> {
        let mut out = Vec::new();
        for (name, shape) in &self.tables {
            for fk in &shape.foreign_keys {
                if fk.references == "onboarding_sessions" && name != "onboarding_sessions" {
                    out.push((name.clone(), fk.column.clone()));
                }
            }
        }
        out
    }
}

/// One `onboarding_sessions` row.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct SessionRow {
    /// `id`.
    pub id: i64,
    /// `user_id` (text, whatever the column's type); `None` for NULL.
    pub user_id: Option<String>,
    /// `current_step` as stored.
    pub current_step: Option<i64>,
    /// `progress` as stored (a non-finite value reads as `None`).
    pub progress: Option<f64>,
    /// `started_at` (naive values read as UTC; unreadable as `None`).
    pub started_at: Option<Timestamp>,
    /// `updated_at`, likewise.
    pub updated_at: Option<Timestamp>,
}

/// The child tables whose rows the rules place one by one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Child {
    /// `api_keys`: one row per (session, provider).
    ApiKeys,
    /// `website_analyses`: one row per session.
    WebsiteAnalyses,
    /// `research_preferences`: one row per session.
    ResearchPreferences,
    /// `persona_data`: one row per session.
    PersonaData,
    /// `competitor_analyses` (ALwrity's, not ours): any number per session.
    CompetitorAnalyses,
}

impl Child {
    /// Every known child table.
    pub const ALL: [Child; 5] = [
        Child::ApiKeys,
        Child::WebsiteAnalyses,
        Child::ResearchPreferences,
        Child::PersonaData,
        Child::CompetitorAnalyses,
    ];

    /// Its table name.
    pub fn table(self) -> &'static str {
        match self {
            Child::ApiKeys => "api_keys",
            Child::WebsiteAnalyses => "website_analyses",
            Child::ResearchPreferences => "research_preferences",
            Child::PersonaData => "persona_data",
            Child::CompetitorAnalyses => "competitor_analyses",
        }
    }

    /// The step its rows are evidence of, if any.
    pub fn step(self) -> Option<u8> {
        match self {
            Child::ApiKeys => Some(1),
            Child::WebsiteAnalyses => Some(2),
            Child::ResearchPreferences => Some(3),
            Child::PersonaData => Some(4),
            Child::CompetitorAnalyses => None,
        }
    }

    /// Whether a session keeps at most one row (per provider, for keys).
    pub fn is_unique_per_session(self) -> bool {
        self != Child::CompetitorAnalyses
    }
}

/// What the rules need of one child row.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ChildRow {
    /// Which table.
    pub table: Child,
    /// `id`.
    pub id: i64,
    /// `session_id`; `None` for NULL.
    pub session_id: Option<i64>,
    /// `provider` (`api_keys` only).
    pub provider: Option<String>,
    /// `updated_at` (naive as UTC; unreadable as `None`).
    pub updated_at: Option<Timestamp>,
    /// Whether the row proves its step was done (a website analysis needs a non-blank URL).
    pub evidence: bool,
}
