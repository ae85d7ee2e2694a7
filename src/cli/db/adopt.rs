//! The human rendering of an adoption plan (`db migrate --dry-run` on a database ALwrity
//! created) and of the report of a real run. Every part of the plan gets a section with a
//! table, or `none`; JSON output is the typed plan itself (`crate::store::adopt`).

use crate::domain::StepStatus;
use crate::output::human::{Block, TableBuilder};
use crate::output::inert::escape;
use crate::store::adopt::{AdoptionPlan, AdoptionReport, ChangeKind, ConstraintKind};

/// The whole plan, section by section.
pub fn plan(plan: &AdoptionPlan, location: &str, color: bool) -> String {
    let mut out = format!(
        "adoption plan for `{}`: an ALwrity database without onboardctl migration \
         history\n\n",
        escape(location)
    );
    out.push_str(&summary(plan));
    let table = |headers: &[&str]| TableBuilder::new(headers, color);
    schema_sections(plan, &mut out, &table);
    row_sections(plan, &mut out, &table);
    let mut t = table(&[
        "session",
        "user",
        "stored step",
        "stored progress",
        "evidence",
        "steps",
        "step",
        "progress",
        "completed at",
    ]);
    for s in &plan.sessions {
        t.row([
            s.session_id.to_string(),
            s.user_id.clone(),
            opt(s.stored_step),
            opt(s.stored_progress),
            steps_list(&s.evidence),
            letters(&s.steps),
            s.current_step.to_string(),
            format!("{:.1}", s.progress),
            s.completed_at
                .map_or_else(String::new, crate::output::views::rfc3339),
        ]);
    }
    let title = "sessions as read (steps: C completed, S skipped, P pending)";
    section(&mut out, title, plan.sessions.len(), &t);
    out.push_str(&format!(
        "history\n  V{} {} is recorded as applied\n",
        plan.record.version, plan.record.name
    ));
    out
}

/// What a real run did: the counts, each user's merge, and the history row.
pub fn report(report: &AdoptionReport, location: &str, color: bool) -> String {
    let plan = &report.plan;
    let mut out = format!("adopted `{}`\n\n", escape(location));
    out.push_str(&summary(plan));
    let mut t = TableBuilder::new(&["user", "survivor", "merged"], color);
    for m in &plan.merges {
        t.row([m.user_id.clone(), m.survivor.to_string(), ids(&m.merged)]);
    }
    section(&mut out, "sessions merged", plan.merges.len(), &t);
    let at = plan.record.applied_on.as_deref().unwrap_or("");
    out.push_str(&format!(
        "history\n  V{} {} recorded as applied at {at}\n\n",
        plan.record.version, plan.record.name
    ));
    out
}

fn summary(plan: &AdoptionPlan) -> String {
    let mut b = Block::new();
    for (label, n) in plan.summary() {
        b.field(label, n);
    }
    format!("{}\n", b.render())
}

fn section(out: &mut String, title: &str, rows: usize, table: &TableBuilder) {
    out.push_str(title);
    out.push('\n');
    if rows == 0 {
        out.push_str("  none\n\n");
    } else {
        out.push_str(&table.render());
        out.push_str("\n\n");
    }
}

fn schema_sections(plan: &AdoptionPlan, out: &mut String, table: &dyn Fn(&[&str]) -> TableBuilder) {
    let s = &plan.schema;
    let mut t = table(&["table", "reason"]);
    for c in &s.create_tables {
        t.row([c.table.clone(), c.reason.clone()]);
    }
    section(out, "tables to create", s.create_tables.len(), &t);
    let mut t = table(&["table"]);
    for r in &s.rebuild_tables {
        t.row([r.clone()]);
    }
    let title = "tables to rebuild (SQLite adds constraints by copying into a new table)";
    section(out, title, s.rebuild_tables.len(), &t);
    let mut t = table(&["table", "column", "type", "default", "not null"]);
    for c in &s.add_columns {
        let default = c.default.clone().unwrap_or_default();
        let not_null = if c.not_null { "yes" } else { "no" };
        t.row([
            c.table.clone(),
            c.column.clone(),
            c.sql_type.clone(),
            default,
            not_null.into(),
        ]);
    }
    section(out, "columns to add", s.add_columns.len(), &t);
    let mut t = table(&["table", "column", "change"]);
    for c in &s.change_columns {
        let change = match &c.change {
            ChangeKind::SetNotNull => "set NOT NULL".to_owned(),
            ChangeKind::SetDefault { default } => format!("set DEFAULT {default}"),
            ChangeKind::SetType { from, to } => format!("type {from} -> {to}"),
        };
        t.row([c.table.clone(), c.column.clone(), change]);
    }
    section(out, "columns to change", s.change_columns.len(), &t);
    let mut t = table(&["table", "name", "constraint"]);
    for c in &s.add_constraints {
        t.row([c.table.clone(), c.name.clone(), constraint(&c.kind)]);
    }
    section(out, "constraints to add", s.add_constraints.len(), &t);
    let mut t = table(&["name", "table", "columns"]);
    for ix in &s.add_indexes {
        t.row([ix.name.clone(), ix.table.clone(), ix.columns.join(", ")]);
    }
    section(out, "indexes to add", s.add_indexes.len(), &t);
    let mut t = table(&["table", "column", "type"]);
    for k in &s.kept {
        let column = k
            .column
            .clone()
            .unwrap_or_else(|| "(whole table)".to_owned());
        t.row([
            k.table.clone(),
            column,
            k.sql_type.clone().unwrap_or_default(),
        ]);
    }
    section(
        out,
        "ALwrity's own tables and columns, kept as they are",
        s.kept.len(),
        &t,
    );
}

fn row_sections(plan: &AdoptionPlan, out: &mut String, table: &dyn Fn(&[&str]) -> TableBuilder) {
    let mut t = table(&["user", "survivor", "merged"]);
    for m in &plan.merges {
        t.row([m.user_id.clone(), m.survivor.to_string(), ids(&m.merged)]);
    }
    section(out, "sessions to merge", plan.merges.len(), &t);
    let mut t = table(&["table", "id", "from session", "to session"]);
    for m in &plan.moves {
        t.row([
            m.table.clone(),
            m.id.to_string(),
            m.from_session.to_string(),
            m.to_session.to_string(),
        ]);
    }
    section(
        out,
        "rows to move to the surviving session",
        plan.moves.len(),
        &t,
    );
    let mut t = table(&["table", "session", "provider", "kept", "superseded"]);
    for d in &plan.duplicates {
        let provider = d.provider.clone().unwrap_or_default();
        t.row([
            d.table.clone(),
            d.session_id.to_string(),
            provider,
            d.kept.to_string(),
            ids(&d.superseded),
        ]);
    }
    section(out, "duplicates to resolve", plan.duplicates.len(), &t);
    let mut t = table(&["table", "id", "reason"]);
    for q in &plan.quarantine {
        let how = if q.copy_only {
            " (copy; the row stays)"
        } else {
            ""
        };
        t.row([
            q.table.clone(),
            q.id.to_string(),
            format!("{}{how}", q.reason),
        ]);
    }
    section(
        out,
        "rows to quarantine in onboardctl_quarantine",
        plan.quarantine.len(),
        &t,
    );
    let mut t = table(&["table", "column", "id", "from", "to"]);
    for r in &plan.rewrites {
        let to = r.to.clone().unwrap_or_else(|| "NULL".to_owned());
        t.row([
            r.table.clone(),
            r.column.clone(),
            r.id.to_string(),
            r.from.clone(),
            to,
        ]);
    }
    section(out, "values to rewrite", plan.rewrites.len(), &t);
}

fn constraint(kind: &ConstraintKind) -> String {
    match kind {
        ConstraintKind::Unique { columns } => format!("UNIQUE ({})", columns.join(", ")),
        ConstraintKind::ForeignKey { column, replaces } => {
            let replaced = match replaces.as_deref() {
                None => String::new(),
                Some("") => ", replacing the one without ON DELETE".to_owned(),
                Some(name) => format!(", replacing `{name}` (no ON DELETE)"),
            };
            format!(
                "FOREIGN KEY ({column}) REFERENCES onboarding_sessions (id) ON DELETE \
                 CASCADE{replaced}"
            )
        }
        ConstraintKind::Check { expression } => format!("CHECK ({expression})"),
    }
}

fn opt<T: ToString>(v: Option<T>) -> String {
    v.map_or_else(|| "NULL".to_owned(), |v| v.to_string())
}

fn ids(list: &[i64]) -> String {
    list.iter()
        .map(i64::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

fn steps_list(steps: &[u8]) -> String {
    steps
        .iter()
        .map(u8::to_string)
        .collect::<Vec<_>>()
        .join(",")
}

fn letters(steps: &[StepStatus; 6]) -> String {
    steps
        .iter()
        .map(|s| match s {
            StepStatus::Completed => 'C',
            StepStatus::Skipped => 'S',
            StepStatus::InProgress => 'I',
            StepStatus::Failed => 'F',
            StepStatus::Pending => 'P',
        })
        .collect()
}
