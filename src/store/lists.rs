//! ALwrity HEAD's two onboarding tables that hold a list per user, `competitor_analyses`
//! (by session) and `seo_page_audits` (by user id), read and written the same way by every
//! store: onboardctl's own schema gives them ALwrity's shape (`V3__head_tables.sql`), so one
//! column list and one set of statements ([`Sql`]) serve the native stores and the ALwrity
//! store alike. Competitor analyses come back in the order they were stored (by `id`), page
//! audits by page URL (bytewise; one per page); a replace deletes the user's rows and
//! inserts the given ones in order, so a list survives a round trip.
//!
//! On a database ALwrity made, `have` is the table's columns: columns it lacks read as
//! empty and are not written, and a table it lacks holds nothing ([`missing_table`]).

use std::collections::BTreeSet;

use super::alwrity::conn::{Sql, Val};
use super::alwrity::rows::{json, text, time};
use super::{StoreError, StoreResult};
use crate::domain::{CompetitorAnalysis, PageAudit};

/// `competitor_analyses`' columns, in ALwrity's order (without `id` and `session_id`).
pub(crate) const COMPETITOR: &[&str] = &[
    "competitor_url",
    "competitor_domain",
    "analysis_date",
    "analysis_data",
    "status",
    "error_message",
    "warning_message",
    "created_at",
    "updated_at",
];

/// `seo_page_audits`' columns, in ALwrity's order (without `id` and `user_id`).
pub(crate) const PAGE_AUDIT: &[&str] = &[
    "website_url",
    "page_url",
    "overall_score",
    "status",
    "category_scores",
    "issues",
    "warnings",
    "recommendations",
    "audit_data",
    "analysis_source",
    "last_analyzed_at",
    "created_at",
    "updated_at",
];

/// The columns a table has: all of them on onboardctl's own schema.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Columns<'a> {
    /// Onboardctl's schema: every column of the list.
    All,
    /// A database ALwrity made: these.
    Of(&'a BTreeSet<String>),
}

impl Columns<'_> {
    fn has(self, column: &str) -> bool {
        match self {
            Columns::All => true,
            Columns::Of(have) => have.contains(column),
        }
    }

    fn select(self, wanted: &[&str]) -> String {
        wanted
            .iter()
            .map(|c| match self.has(c) {
                true => (*c).to_owned(),
                false => "NULL".to_owned(),
            })
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// The session's competitor analyses, in stored order.
pub(crate) fn competitors(
    db: &mut (impl Sql + ?Sized),
    session: i64,
    cols: Columns<'_>,
) -> StoreResult<Vec<CompetitorAnalysis>> {
    let sql = format!(
        "SELECT {} FROM competitor_analyses WHERE session_id = ?1 ORDER BY id",
        cols.select(COMPETITOR)
    );
    Ok(db
        .query(&sql, &[Val::Int(session)])?
        .iter()
        .map(|v| competitor_from(v))
        .collect())
}

/// The user's page audits, in stored order.
pub(crate) fn page_audits(
    db: &mut (impl Sql + ?Sized),
    user: &str,
    cols: Columns<'_>,
) -> StoreResult<Vec<PageAudit>> {
    let sql = format!(
        "SELECT {} FROM seo_page_audits WHERE user_id = ?1 ORDER BY id",
        cols.select(PAGE_AUDIT)
    );
    let mut audits: Vec<PageAudit> = db
        .query(&sql, &[Val::Text(user.to_owned())])?
        .iter()
        .map(|v| audit_from(v))
        .collect();
    PageAudit::sort(&mut audits);
    Ok(audits)
}

/// Makes the session's competitor analyses exactly `items` (in the caller's transaction).
pub(crate) fn replace_competitors(
    db: &mut (impl Sql + ?Sized),
    session: i64,
    items: &[CompetitorAnalysis],
    cols: Columns<'_>,
) -> StoreResult<()> {
    db.execute(
        "DELETE FROM competitor_analyses WHERE session_id = ?1",
        &[Val::Int(session)],
    )?;
    for c in items {
        insert(
            db,
            "competitor_analyses",
            ("session_id", Val::Int(session)),
            COMPETITOR,
            competitor_values(c),
            cols,
        )?;
    }
    Ok(())
}

/// Makes the user's page audits exactly `items` (in the caller's transaction).
pub(crate) fn replace_page_audits(
    db: &mut (impl Sql + ?Sized),
    user: &str,
    items: &[PageAudit],
    cols: Columns<'_>,
) -> StoreResult<()> {
    let owner = Val::Text(user.to_owned());
    db.execute(
        "DELETE FROM seo_page_audits WHERE user_id = ?1",
        std::slice::from_ref(&owner),
    )?;
    for a in items {
        insert(
            db,
            "seo_page_audits",
            ("user_id", owner.clone()),
            PAGE_AUDIT,
            audit_values(a),
            cols,
        )?;
    }
    Ok(())
}

/// The refusal to write a list into a database without its table (a seed-era ALwrity
/// database has no `seo_page_audits`): never a silent drop.
pub(crate) fn missing_table(table: &str, rows: usize) -> StoreError {
    StoreError::Conflict(format!(
        "this database has no `{table}` table for the user's {rows} row(s) (an ALwrity \
         database older than HEAD)"
    ))
}

fn insert(
    db: &mut (impl Sql + ?Sized),
    table: &str,
    owner: (&str, Val),
    columns: &[&str],
    values: Vec<Val>,
    cols: Columns<'_>,
) -> StoreResult<u64> {
    let mut names = vec![owner.0];
    let mut params = vec![owner.1];
    for (c, v) in columns.iter().zip(values) {
        if cols.has(c) {
            names.push(c);
            params.push(v);
        }
    }
    let marks: Vec<String> = (1..=params.len()).map(|i| format!("?{i}")).collect();
    let sql = format!(
        "INSERT INTO {table} ({}) VALUES ({})",
        names.join(", "),
        marks.join(", ")
    );
    db.execute(&sql, &params)
}

fn competitor_values(c: &CompetitorAnalysis) -> Vec<Val> {
    vec![
        Val::Text(c.competitor_url.clone()),
        text(&c.competitor_domain),
        time(c.analysis_date),
        json(&c.analysis_data),
        text(&c.status),
        text(&c.error_message),
        text(&c.warning_message),
        time(c.created_at),
        time(c.updated_at),
    ]
}

/// A competitor analysis from values in [`COMPETITOR`] order.
pub(crate) fn competitor_from(v: &[Val]) -> CompetitorAnalysis {
    CompetitorAnalysis {
        competitor_url: v[0].text().unwrap_or_default(),
        competitor_domain: v[1].text(),
        analysis_date: v[2].time(),
        analysis_data: v[3].json(),
        status: v[4].text(),
        error_message: v[5].text(),
        warning_message: v[6].text(),
        created_at: v[7].time(),
        updated_at: v[8].time(),
    }
}

fn audit_values(a: &PageAudit) -> Vec<Val> {
    vec![
        Val::Text(a.website_url.clone()),
        Val::Text(a.page_url.clone()),
        a.overall_score.map_or(Val::Null, Val::Int),
        text(&a.status),
        json(&a.category_scores),
        json(&a.issues),
        json(&a.warnings),
        json(&a.recommendations),
        json(&a.audit_data),
        text(&a.analysis_source),
        time(a.last_analyzed_at),
        time(a.created_at),
        time(a.updated_at),
    ]
}

/// A page audit from values in [`PAGE_AUDIT`] order.
pub(crate) fn audit_from(v: &[Val]) -> PageAudit {
    PageAudit {
        website_url: v[0].text().unwrap_or_default(),
        page_url: v[1].text().unwrap_or_default(),
        overall_score: v[2].int(),
        status: v[3].text(),
        category_scores: v[4].json(),
        issues: v[5].json(),
        warnings: v[6].json(),
        recommendations: v[7].json(),
        audit_data: v[8].json(),
        analysis_source: v[9].text(),
        last_analyzed_at: v[10].time(),
        created_at: v[11].time(),
        updated_at: v[12].time(),
    }
}
