//! Our schema (migration V1) as data, for adoption: every table, column, default, unique
//! key, check and index of `sql/<dialect>/V1__init.sql`, with each dialect's type, plus the
//! quarantine table. The backends build their DDL from it here; tests check that an adopted
//! database has exactly the catalog a fresh V1 database has, so the two cannot drift apart.
//! (Longer than most files: it is mostly V1's tables written out as data.)

use crate::store::Backend;

/// A column of ours (every table also has an integer primary key `id`).
#[derive(Debug)]
pub(crate) struct Col {
    pub name: &'static str,
    pub sqlite: &'static str,
    pub pg: &'static str,
    pub not_null: bool,
    /// Default as SQL: (SQLite, PostgreSQL).
    pub default: Option<(&'static str, &'static str)>,
}

/// A CHECK: PostgreSQL's name for it and each dialect's condition (`None`: not in V1 there).
#[derive(Debug)]
pub(crate) struct Check {
    pub name: &'static str,
    pub sqlite: Option<&'static str>,
    pub pg: Option<&'static str>,
}

/// A table of ours.
#[derive(Debug)]
pub(crate) struct Table {
    pub name: &'static str,
    pub columns: &'static [Col],
    /// `session_id` references `onboarding_sessions (id) ON DELETE CASCADE`.
    pub session_fk: bool,
    pub uniques: &'static [&'static [&'static str]],
    pub checks: &'static [Check],
    /// (index name, column).
    pub indexes: &'static [(&'static str, &'static str)],
}

impl Col {
    /// The declared type in `backend`'s dialect.
    pub fn sql_type(&self, backend: Backend) -> &'static str {
        match backend {
            Backend::Sqlite => self.sqlite,
            Backend::Postgres => self.pg,
        }
    }

    /// The default in `backend`'s dialect.
    pub fn default_sql(&self, backend: Backend) -> Option<&'static str> {
        self.default.map(|(s, p)| match backend {
            Backend::Sqlite => s,
            Backend::Postgres => p,
        })
    }
}

impl Check {
    /// The condition in `backend`'s dialect, when V1 has it there.
    pub fn sql(&self, backend: Backend) -> Option<&'static str> {
        match backend {
            Backend::Sqlite => self.sqlite,
            Backend::Postgres => self.pg,
        }
    }
}

impl Table {
    /// The column named `name`.
    pub fn column(&self, name: &str) -> Option<&'static Col> {
        self.columns.iter().find(|c| c.name == name)
    }

    /// PostgreSQL's default name of a UNIQUE over `columns` (`t_a_b_key`).
    pub fn unique_name(&self, columns: &[&str]) -> String {
        format!("{}_{}_key", self.name, columns.join("_"))
    }

    /// PostgreSQL's default name of the `session_id` foreign key.
    pub fn fk_name(&self) -> String {
        format!("{}_session_id_fkey", self.name)
    }
}

const fn col(name: &'static str, sqlite: &'static str, pg: &'static str) -> Col {
    Col {
        name,
        sqlite,
        pg,
        not_null: false,
        default: None,
    }
}

const fn req(name: &'static str, sqlite: &'static str, pg: &'static str) -> Col {
    Col {
        name,
        sqlite,
        pg,
        not_null: true,
        default: None,
    }
}

const fn ts(name: &'static str) -> Col {
    col(name, "DATETIME", "timestamptz")
}

const fn json(name: &'static str) -> Col {
    col(name, "JSON", "jsonb")
}

const SESSION: Col = req("session_id", "INTEGER", "integer");

/// The tables of V1, in creation order (parents first).
pub(crate) const TABLES: [Table; 6] = [
    Table {
        name: "onboarding_sessions",
        columns: &[
            req("user_id", "VARCHAR(255)", "varchar(255)"),
            Col {
                default: Some(("1", "1")),
                ..req("current_step", "INTEGER", "integer")
            },
            Col {
                default: Some(("0.0", "0.0")),
                ..req("progress", "FLOAT", "double precision")
            },
            ts("started_at"),
            ts("updated_at"),
            ts("completed_at"),
        ],
        session_fk: false,
        uniques: &[&["user_id"]],
        checks: &[
            Check {
                name: "onboarding_sessions_current_step_check",
                sqlite: Some("current_step BETWEEN 1 AND 6"),
                pg: Some("current_step BETWEEN 1 AND 6"),
            },
            Check {
                name: "onboarding_sessions_progress_check",
                sqlite: Some("progress >= 0.0 AND progress <= 100.0"),
                pg: Some("progress >= 0.0 AND progress <= 100.0"),
            },
        ],
        indexes: &[
            ("ix_onboarding_sessions_updated_at", "updated_at"),
            ("ix_onboarding_sessions_current_step", "current_step"),
            ("ix_onboarding_sessions_completed_at", "completed_at"),
        ],
    },
    Table {
        name: "api_keys",
        columns: &[
            SESSION,
            req("provider", "VARCHAR(64)", "varchar(64)"),
            req("key", "TEXT", "text"),
            ts("created_at"),
            ts("updated_at"),
        ],
        session_fk: true,
        uniques: &[&["session_id", "provider"]],
        checks: &[],
        indexes: &[],
    },
    Table {
        name: "website_analyses",
        columns: &[
            SESSION,
            req("website_url", "VARCHAR(500)", "varchar(500)"),
            ts("analysis_date"),
            json("writing_style"),
            json("content_characteristics"),
            json("target_audience"),
            json("content_type"),
            json("recommended_settings"),
            json("brand_analysis"),
            json("content_strategy_insights"),
            json("social_media_presence"),
            json("crawl_result"),
            json("style_patterns"),
            json("style_guidelines"),
            json("seo_audit"),
            json("strategic_insights_history"),
            Col {
                default: Some(("'completed'", "'completed'")),
                ..col("status", "VARCHAR(50)", "varchar(50)")
            },
            col("error_message", "TEXT", "text"),
            col("warning_message", "TEXT", "text"),
            ts("created_at"),
            ts("updated_at"),
        ],
        session_fk: true,
        uniques: &[&["session_id"]],
        checks: &[],
        indexes: &[],
    },
    Table {
        name: "research_preferences",
        columns: &[
            SESSION,
            req("research_depth", "VARCHAR(50)", "varchar(50)"),
            req("content_types", "JSON", "jsonb"),
            Col {
                default: Some(("1", "true")),
                ..col("auto_research", "BOOLEAN", "boolean")
            },
            Col {
                default: Some(("1", "true")),
                ..col("factual_content", "BOOLEAN", "boolean")
            },
            json("writing_style"),
            json("content_characteristics"),
            json("target_audience"),
            json("recommended_settings"),
            ts("created_at"),
            ts("updated_at"),
        ],
        session_fk: true,
        uniques: &[&["session_id"]],
        checks: &[],
        indexes: &[],
    },
    Table {
        name: "persona_data",
        columns: &[
            SESSION,
            json("core_persona"),
            json("platform_personas"),
            json("quality_metrics"),
            json("selected_platforms"),
            json("research_persona"),
            ts("research_persona_generated_at"),
            ts("created_at"),
            ts("updated_at"),
        ],
        session_fk: true,
        uniques: &[&["session_id"]],
        checks: &[],
        indexes: &[],
    },
    Table {
        name: "onboarding_steps",
        columns: &[
            SESSION,
            req("step_number", "INTEGER", "integer"),
            req("status", "VARCHAR(20)", "varchar(20)"),
            ts("completed_at"),
            json("data"),
            Col {
                default: Some(("'[]'", "'[]'")),
                ..req("validation_errors", "JSON", "jsonb")
            },
            Col {
                default: Some(("0", "false")),
                ..req("forced", "BOOLEAN", "boolean")
            },
            col("force_reason", "TEXT", "text"),
        ],
        session_fk: true,
        uniques: &[&["session_id", "step_number"]],
        checks: &[
            Check {
                name: "onboarding_steps_step_number_check",
                sqlite: Some("step_number BETWEEN 1 AND 6"),
                pg: Some("step_number BETWEEN 1 AND 6"),
            },
            Check {
                name: "onboarding_steps_status_check",
                sqlite: Some(
                    "status IN ('pending', 'in_progress', 'completed', 'skipped', 'failed')",
                ),
                pg: Some("status IN ('pending', 'in_progress', 'completed', 'skipped', 'failed')"),
            },
            Check {
                name: "onboarding_steps_forced_check",
                sqlite: Some("forced IN (0, 1)"),
                pg: None,
            },
        ],
        indexes: &[],
    },
];

/// Our table named `name`.
pub(crate) fn table(name: &str) -> Option<&'static Table> {
    TABLES.iter().find(|t| t.name == name)
}

/// `"name"`, with embedded quotes doubled: for identifiers read from a catalog.
pub(crate) fn quote(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

/// A column definition: `"name" TYPE [NOT NULL] [DEFAULT d] [REFERENCES …]`.
fn column_sql(t: &Table, c: &Col, backend: Backend) -> String {
    let mut out = format!("{} {}", quote(c.name), c.sql_type(backend));
    if c.not_null {
        out.push_str(" NOT NULL");
    }
    if let Some(d) = c.default_sql(backend) {
        out.push_str(&format!(" DEFAULT {d}"));
    }
    if t.session_fk && c.name == "session_id" {
        out.push_str(" REFERENCES onboarding_sessions (id) ON DELETE CASCADE");
    }
    out
}

/// `CREATE TABLE <as_name> (…)` for table `t`: our columns, then `extra` column definitions
/// (ALwrity's own columns, kept through a SQLite rebuild), then table constraints.
pub(crate) fn create_sql(t: &Table, as_name: &str, backend: Backend, extra: &[String]) -> String {
    let id = match backend {
        Backend::Sqlite => "id INTEGER PRIMARY KEY AUTOINCREMENT",
        Backend::Postgres => "id integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY",
    };
    let mut parts = vec![id.to_owned()];
    parts.extend(t.columns.iter().map(|c| column_sql(t, c, backend)));
    parts.extend(extra.iter().cloned());
    for u in t.uniques {
        let cols: Vec<String> = u.iter().map(|c| quote(c)).collect();
        let name = quote(&t.unique_name(u));
        parts.push(format!("CONSTRAINT {name} UNIQUE ({})", cols.join(", ")));
    }
    for c in t.checks {
        if let Some(sql) = c.sql(backend) {
            parts.push(format!("CONSTRAINT {} CHECK ({sql})", quote(c.name)));
        }
    }
    format!(
        "CREATE TABLE {} (\n    {}\n)",
        quote(as_name),
        parts.join(",\n    ")
    )
}

/// The quarantine table: one row per row adoption could not place, with the whole original
/// row as JSON. Not part of V1: it exists only in adopted databases.
pub(crate) fn quarantine_sql(backend: Backend) -> &'static str {
    match backend {
        Backend::Sqlite => {
            "CREATE TABLE onboardctl_quarantine (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    source_table VARCHAR(64) NOT NULL,
    source_id INTEGER,
    reason TEXT NOT NULL,
    row_data JSON NOT NULL,
    quarantined_at DATETIME NOT NULL
)"
        }
        Backend::Postgres => {
            "CREATE TABLE onboardctl_quarantine (
    id integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    source_table varchar(64) NOT NULL,
    source_id bigint,
    reason text NOT NULL,
    row_data jsonb NOT NULL,
    quarantined_at timestamptz NOT NULL
)"
        }
    }
}
