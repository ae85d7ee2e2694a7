//! `report`'s aggregate SQL, written once for every store ([`Store::report_partial`]): a
//! backend describes its sessions and steps as two subqueries ([`Sources`]), and one
//! statement of `GROUP BY`s over them ([`aggregate_sql`]) returns the few rows a
//! [`FunnelPartial`] is made of (per step and status, per furthest step, per stuck step, per
//! day started, per duration bucket). No row per user ever leaves the database.
//!
//! The subqueries have these columns: `sess(id, started, updated, completed,
//! current_step)` and `steps(session_id, step, status, completed)`. Their times are the
//! raw canonical text of onboardctl's SQLite schema ([`Dialect::SqliteText`]), or seconds
//! since the epoch as a number ([`Dialect::SqliteEpoch`], [`Dialect::PgEpoch`]): ALwrity's
//! SQLite text comes in several shapes, and PostgreSQL's naive and zoned columns meet in one
//! statement on an attached ALwrity database, so there the source converts first.
//!
//! [`Store::report_partial`]: super::Store::report_partial

use super::alwrity::conn::{Sql, Val};
use super::StoreResult;
use crate::domain::report::{date_from_days, FunnelPartial, ReportPartial, ReportQuery};
use crate::domain::Timestamp;

/// How times look in the sources, and the dialect of the functions over them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Dialect {
    /// SQLite, times as onboardctl writes them (`YYYY-MM-DD HH:MM:SS.ffffff`, UTC): they
    /// compare as text and their first ten characters are the day.
    SqliteText,
    /// SQLite, times as epoch seconds (a `real`).
    SqliteEpoch,
    /// PostgreSQL, times as epoch seconds (`double precision`).
    PgEpoch,
}

impl Dialect {
    /// A column's time as epoch seconds (for the epoch dialects' sources).
    pub(crate) fn epoch(self, col: &str) -> String {
        match self {
            Dialect::SqliteText | Dialect::SqliteEpoch => {
                format!("((julianday({col}) - 2440587.5) * 86400.0)")
            }
            Dialect::PgEpoch => format!("CAST(extract(epoch FROM {col}) AS double precision)"),
        }
    }

    /// Whether two columns hold the same time (NULL equals NULL), whatever their shape.
    pub(crate) fn same_time(self, a: &str, b: &str) -> String {
        let (x, y) = (self.epoch(a), self.epoch(b));
        match self {
            Dialect::PgEpoch => format!("({x} IS NOT DISTINCT FROM {y})"),
            _ => format!("({x} IS {y})"),
        }
    }

    /// NULL-safe equality of two values.
    pub(crate) fn same(self, a: &str, b: &str) -> String {
        match self {
            Dialect::PgEpoch => format!("({a} IS NOT DISTINCT FROM {b})"),
            _ => format!("({a} IS {b})"),
        }
    }

    /// `round(x)` as an integer, ties away from zero on both backends.
    pub(crate) fn round_int(self, x: &str) -> String {
        match self {
            Dialect::PgEpoch => format!("CAST(round(CAST({x} AS numeric)) AS bigint)"),
            _ => format!("CAST(round({x}) AS INTEGER)"),
        }
    }

    /// A time bound as a parameter (`Val::Time`, pushed onto `params`), as an expression
    /// comparable with the sources' times: converted in SQL by the very conversion the
    /// columns go through, so an instant equal to a stored one compares equal.
    pub(crate) fn time_param(self, t: Timestamp, params: &mut Params) -> String {
        let mark = params.push(Val::Time(t));
        match self {
            Dialect::SqliteText => mark,
            Dialect::SqliteEpoch => self.epoch(&mark),
            // The parameter's binary form is the UTC wall time as `timestamp`.
            Dialect::PgEpoch => self.epoch(&format!("CAST({mark} AS timestamp)")),
        }
    }

    /// Whole seconds from `earlier` to `later` (rounded).
    fn secs(self, later: &str, earlier: &str) -> String {
        match self {
            Dialect::SqliteText => {
                format!(
                    "CAST(round((julianday({later}) - julianday({earlier})) * 86400.0) AS INTEGER)"
                )
            }
            _ => self.round_int(&format!("{later} - {earlier}")),
        }
    }

    /// The UTC day of a time: text `YYYY-MM-DD` on SQLite, days since the epoch on PostgreSQL.
    fn day(self, col: &str) -> String {
        match self {
            Dialect::SqliteText => format!("substr({col}, 1, 10)"),
            Dialect::SqliteEpoch => format!("date({col}, 'unixepoch')"),
            Dialect::PgEpoch => format!("CAST(floor({col} / 86400.0) AS bigint)"),
        }
    }

    fn greatest(self, a: &str, b: &str) -> String {
        match self {
            Dialect::PgEpoch => format!("greatest({a}, {b})"),
            _ => format!("max({a}, {b})"),
        }
    }
}

/// Parameters of a statement being built, numbered `?1…` in order.
#[derive(Debug, Clone, Default)]
pub(crate) struct Params(pub Vec<Val>);

impl Params {
    /// Adds `v` and returns its placeholder.
    pub(crate) fn push(&mut self, v: Val) -> String {
        self.0.push(v);
        format!("?{}", self.0.len())
    }
}

/// The conditions of `q` on a session, given its start time `started` and user id `user`
/// (ANDed; `TRUE`-like when none), binding into `params`.
pub(crate) fn filters(
    d: Dialect,
    q: &ReportQuery,
    started: &str,
    user: &str,
    params: &mut Params,
) -> String {
    let mut conds = vec!["1 = 1".to_owned()];
    if let Some(t) = q.since {
        conds.push(format!("{started} >= {}", d.time_param(t, params)));
    }
    if let Some(t) = q.until {
        conds.push(format!("{started} < {}", d.time_param(t, params)));
    }
    if let Some(users) = &q.users {
        let marks: Vec<String> = users
            .iter()
            .map(|u| params.push(Val::Text(u.as_str().to_owned())))
            .collect();
        match marks.is_empty() {
            true => conds.push("1 = 0".to_owned()),
            false => conds.push(format!("{user} IN ({})", marks.join(", "))),
        }
    }
    conds.join(" AND ")
}

/// One reading's sessions and steps, as subqueries (see the module docs), with any CTEs
/// they use.
#[derive(Debug, Clone)]
pub(crate) struct Sources {
    /// `(name, query)` CTEs the subqueries refer to, in order.
    pub ctes: Vec<(String, String)>,
    /// `sess(id, started, updated, completed, current_step)`.
    pub sess: String,
    /// `steps(session_id, step, status, completed)`: the steps of the sessions in `sess`
    /// only.
    pub steps: String,
}

/// `bucket(d)` of `domain::report::bucket` in SQL, over an integer column `d`.
fn bucket_sql(d: &str) -> String {
    let mut arms = vec![format!("WHEN {d} < 0 THEN 0 WHEN {d} < 1000 THEN {d}")];
    let mut unit: i64 = 10;
    while unit <= 1_000_000_000_000_000 {
        let limit = unit
            .checked_mul(1000)
            .map_or("9223372036854775807".into(), |l| l.to_string());
        arms.push(format!("WHEN {d} < {limit} THEN {d} / {unit} * {unit}"));
        unit *= 10;
    }
    format!("CASE {} ELSE {d} / {unit} * {unit} END", arms.join(" "))
}

/// The statement of one reading (sessions are read once per `GROUP BY`; each reads what
/// it needs through the tables' indexes): rows `(kind, step, label, num, n, maxv)`; `cutoff` is
/// the stalled cutoff's expression.
pub(crate) fn aggregate_sql(d: Dialect, src: &Sources, cutoff: &str) -> String {
    let mut ctes: Vec<String> = src
        .ctes
        .iter()
        .map(|(n, q)| format!("{n} AS ({q})"))
        .collect();
    // Inlined where used (not computed once into a temporary table): each use then reads
    // the tables through their indexes.
    ctes.push(format!("sess AS NOT MATERIALIZED ({})", src.sess));
    ctes.push(format!("steps AS NOT MATERIALIZED ({})", src.steps));
    let null_int = "CAST(NULL AS bigint)";
    let null_text = "CAST(NULL AS text)";
    let furthest = d.greatest(
        "s.current_step",
        "coalesce((SELECT max(t.step) FROM steps t WHERE t.session_id = s.id \
         AND t.status <> 'pending'), 1)",
    );
    let (day_label, day_num) = match d {
        Dialect::PgEpoch => (null_text.to_owned(), d.day("s.started")),
        _ => (d.day("s.started"), null_int.to_owned()),
    };
    let day_key = match d {
        Dialect::PgEpoch => &day_num,
        _ => &day_label,
    };
    // Durations are grouped exactly first (each computed once per row, as a grouping key),
    // then into buckets over the far fewer distinct values.
    let b = bucket_sql("x.d");
    format!(
        "WITH {ctes} \
         SELECT CAST('status' AS text) AS kind, t.step AS step, CAST(t.status AS text) AS label, \
           {null_int} AS num, count(*) AS n, {null_int} AS maxv \
           FROM steps t \
           WHERE t.status IN ('completed', 'skipped', 'failed') GROUP BY t.step, t.status \
         UNION ALL SELECT 'furthest', x.g, {null_text}, {null_int}, count(*), {null_int} \
           FROM (SELECT {furthest} AS g FROM sess s) x GROUP BY x.g \
         UNION ALL SELECT 'stuck', s.current_step, {null_text}, {null_int}, count(*), {null_int} \
           FROM sess s WHERE s.completed IS NULL AND s.updated < {cutoff} \
           GROUP BY s.current_step \
         UNION ALL SELECT 'day', {null_int}, {day_label}, {day_num}, count(*), \
           count(s.completed) FROM sess s GROUP BY {day_key} \
         UNION ALL SELECT 'time', 0, {null_text}, {b}, CAST(sum(x.n) AS bigint), max(x.d) \
           FROM (SELECT {total} AS d, count(*) AS n FROM sess s \
                 WHERE s.completed IS NOT NULL AND s.started IS NOT NULL GROUP BY 1) x \
           GROUP BY {b} \
         UNION ALL SELECT 'time', x.step, {null_text}, {b}, CAST(sum(x.n) AS bigint), max(x.d) \
           FROM (SELECT t.step AS step, {per_step} AS d, count(*) AS n FROM steps t \
                 JOIN sess s ON s.id = t.session_id \
                 WHERE t.status = 'completed' AND t.completed IS NOT NULL \
                   AND s.started IS NOT NULL GROUP BY 1, 2) x GROUP BY x.step, {b}",
        ctes = ctes.join(", "),
        total = d.secs("s.completed", "s.started"),
        per_step = d.secs("t.completed", "s.started"),
    )
}

/// Runs one reading's statement and folds its rows.
pub(crate) fn run(
    db: &mut (impl Sql + ?Sized),
    d: Dialect,
    src: &Sources,
    q: &ReportQuery,
    mut params: Params,
) -> StoreResult<FunnelPartial> {
    let cutoff = d.time_param(q.stalled_before, &mut params);
    let sql = aggregate_sql(d, src, &cutoff);
    let rows = db.query(&sql, &params.0)?;
    Ok(fold(&rows))
}

/// A [`FunnelPartial`] from the rows of [`aggregate_sql`]. Rows naming no valid step (a
/// hostile `current_step` of 0 or 99) count for the users but no step.
pub(crate) fn fold(rows: &[Vec<Val>]) -> FunnelPartial {
    let mut p = FunnelPartial::default();
    for r in rows {
        let n = r[4].int().and_then(|n| u64::try_from(n).ok()).unwrap_or(0);
        let step = r[1].int();
        let index = step
            .filter(|s| (1..=6).contains(s))
            .map(|s| (s - 1) as usize);
        match r[0].text().as_deref() {
            Some("status") => {
                let col = match r[2].text().as_deref() {
                    Some("completed") => Some(0),
                    Some("skipped") => Some(1),
                    Some("failed") => Some(2),
                    _ => None,
                };
                if let (Some(i), Some(col)) = (index, col) {
                    p.statuses[i][col] += n;
                }
            }
            Some("furthest") => {
                let g = step.unwrap_or(1).clamp(1, 6) as usize;
                p.furthest[g] += n;
            }
            Some("stuck") => {
                if let Some(i) = index {
                    p.stuck[i] += n;
                }
            }
            Some("day") => {
                let day = match (&r[2], &r[3]) {
                    (Val::Null, num) => num.int().and_then(date_from_days),
                    (label, _) => label.text().and_then(|t| parse_day(&t)),
                };
                let completed = r[5].int().and_then(|c| u64::try_from(c).ok()).unwrap_or(0);
                let e = p.days.entry(day).or_default();
                e.0 += n;
                e.1 += completed;
                p.users += n;
                p.completed += completed;
            }
            Some("time") => {
                let at = step.unwrap_or(0).clamp(0, 6) as usize;
                let (bucket, max) = (r[3].int().unwrap_or(0), r[5].int().unwrap_or(0));
                p.durations[at].add(bucket, n, max);
            }
            _ => {}
        }
    }
    p
}

/// [`Store::report_partial`](super::Store::report_partial) on onboardctl's own schema
/// (SQLite and PostgreSQL): one statement; no ALwrity reading.
pub(crate) fn native(
    db: &mut (impl Sql + ?Sized),
    d: Dialect,
    q: &ReportQuery,
) -> StoreResult<ReportPartial> {
    let time = |col: &str| match d {
        Dialect::SqliteText => col.to_owned(),
        _ => d.epoch(col),
    };
    let mut params = Params::default();
    let started = time("started_at");
    let filter = filters(d, q, &started, "user_id", &mut params);
    let filtered = filter != "1 = 1";
    let src = Sources {
        ctes: Vec::new(),
        sess: format!(
            "SELECT id, {started} AS started, {} AS updated, {} AS completed, current_step \
             FROM onboarding_sessions WHERE {filter}",
            time("updated_at"),
            time("completed_at"),
        ),
        steps: format!(
            "SELECT session_id, step_number AS step, status, {} AS completed \
             FROM onboarding_steps{}",
            time("completed_at"),
            match filtered {
                true => format!(
                    " WHERE session_id IN (SELECT id FROM onboarding_sessions WHERE {filter})"
                ),
                false => String::new(),
            }
        ),
    };
    Ok(ReportPartial {
        onboardctl: run(db, d, &src, q, params)?,
        alwrity: None,
    })
}

fn parse_day(text: &str) -> Option<time::Date> {
    crate::store::sqlite::parse_ts(text).map(|t| t.date())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sql_bucket_matches_the_domain_one() {
        let conn = rusqlite::Connection::open_in_memory().unwrap();
        for v in [
            0_i64,
            5,
            999,
            1_000,
            1_239,
            99_999,
            123_456,
            7_654_321_987,
            i64::MAX,
        ] {
            let sql = format!("SELECT {}", bucket_sql(&v.to_string()));
            let got: i64 = conn.query_row(&sql, [], |r| r.get(0)).unwrap();
            assert_eq!(got, crate::domain::report::bucket(v), "{v}");
        }
    }
}
