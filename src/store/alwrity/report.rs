//! `report` on a database ALwrity made: both readings of every user's first session row, in
//! two aggregate statements (`store::report`), one per reading:
//!
//! - ALwrity's: its columns as ALwrity means them (`domain::alwrity`): steps 1..passed
//!   completed, complete when `current_step >= 6 or progress >= 100`, the user at the first
//!   step not passed; ALwrity keeps no per-step times, and its last write (`updated_at`)
//!   stands for the completion time, as onboardctl's derived view takes it;
//! - onboardctl's: its record where it is fresh (the ALwrity values it was recorded against
//!   are still those in the row), else the view `domain::alwrity::derive_steps` derives from
//!   ALwrity's columns and data, written here in SQL step for step as `assemble` reads it.

use super::conn::Conn;
use super::AlwrityStore;
use crate::domain::alwrity::Era;
use crate::domain::report::{ReportPartial, ReportQuery};
use crate::store::report::{self as agg, Dialect, Params, Sources};
use crate::store::{Backend, StoreResult};

/// The numbers 1–6, a CTE.
const NUMS: &str = "SELECT 1 AS n UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4 \
                    UNION ALL SELECT 5 UNION ALL SELECT 6";

impl<C: Conn> AlwrityStore<C> {
    fn dialect(&self) -> Dialect {
        match self.conn.backend() {
            Backend::Postgres => Dialect::PgEpoch,
            _ => Dialect::SqliteEpoch,
        }
    }

    /// The `base` CTE: each user's first session row with ALwrity's reading of it
    /// (`passed`, `complete`), the evidence `e1`–`e4`, and whether onboardctl's record is
    /// fresh (`fresh`, with `r_completed`, `r_cs`, `r_progress`).
    fn report_base(&self, q: &ReportQuery, params: &mut Params) -> String {
        let d = self.dialect();
        let cs = "coalesce(s.current_step, 1)";
        let p = "coalesce(s.progress, 0)";
        let complete = format!("({cs} >= 6 OR {p} >= 100)");
        let by_era = match self.era.era {
            Era::Head => format!("CASE WHEN {cs} < 0 THEN 0 WHEN {cs} > 6 THEN 6 ELSE {cs} END"),
            Era::Seed => d.round_int(&format!("{p} / 100.0 * 6")),
        };
        let passed = format!("CASE WHEN {complete} THEN 6 WHEN {p} <= 0 THEN 0 ELSE {by_era} END");
        let evidence: Vec<String> = self
            .evidence_exprs()
            .iter()
            .enumerate()
            .map(|(i, e)| format!("CAST({e} AS boolean) AS e{}", i + 1))
            .collect();
        let started = d.epoch("coalesce(s.started_at, s.updated_at)");
        // A session without any time last changed at the epoch, as `assemble` reads it (so
        // it is stalled, as `session list --stalled-days` has it); without a start time it
        // is in no dated cohort and has no durations.
        let updated = format!(
            "coalesce({}, {}, 0.0)",
            d.epoch("s.updated_at"),
            d.epoch("s.started_at")
        );
        let filter = agg::filters(d, q, &started, "s.user_id", params);
        let (record, join) = match self.attached() {
            true => (
                format!(
                    "(st.user_id = s.user_id AND {} AND {} AND {}) AS fresh, \
                     {} AS r_completed, st.current_step AS r_cs, st.progress AS r_progress",
                    d.same("st.seen_current_step", "s.current_step"),
                    d.same("st.seen_progress", "s.progress"),
                    d.same_time("st.seen_updated_at", "s.updated_at"),
                    d.epoch("st.completed_at"),
                ),
                " LEFT JOIN onboardctl_session_state st ON st.session_id = s.id",
            ),
            false => (
                "(1 = 0) AS fresh, CAST(NULL AS float) AS r_completed, \
                 CAST(NULL AS integer) AS r_cs, CAST(NULL AS float) AS r_progress"
                    .to_owned(),
                "",
            ),
        };
        format!(
            "SELECT s.id, {started} AS started, {updated} AS updated, {passed} AS passed, \
             {complete} AS complete, {}, {record} FROM onboarding_sessions s{join} \
             WHERE s.id IN (SELECT min(id) FROM onboarding_sessions GROUP BY user_id) \
             AND {filter}",
            evidence.join(", ")
        )
    }

    /// `report_partial`: both readings.
    pub(super) fn report(&mut self, q: &ReportQuery) -> StoreResult<ReportPartial> {
        let d = self.dialect();
        let mut params = Params::default();
        let base = self.report_base(q, &mut params);
        let ctes = vec![
            ("nums".to_owned(), NUMS.to_owned()),
            ("base".to_owned(), base),
        ];
        let alwrity = Sources {
            ctes: ctes.clone(),
            sess: "SELECT b.id, b.started, b.updated, \
                   CASE WHEN b.complete THEN b.updated END AS completed, \
                   CASE WHEN b.passed >= 6 THEN 6 ELSE b.passed + 1 END AS current_step \
                   FROM base b"
                .to_owned(),
            steps: "SELECT b.id AS session_id, n.n AS step, \
                    CASE WHEN b.passed >= n.n THEN 'completed' ELSE 'pending' END AS status, \
                    CASE WHEN 1 = 0 THEN b.updated END AS completed \
                    FROM base b CROSS JOIN nums n"
                .to_owned(),
        };
        let onboardctl = self.onboardctl_sources(ctes);
        Ok(ReportPartial {
            onboardctl: agg::run(&mut self.conn, d, &onboardctl, q, params.clone())?,
            alwrity: Some(agg::run(&mut self.conn, d, &alwrity, q, params)?),
        })
    }

    /// onboardctl's reading over `base` (see the module docs).
    fn onboardctl_sources(&self, ctes: Vec<(String, String)>) -> Sources {
        let d = self.dialect();
        // Derived: step n is done when ALwrity passed it and its data is there (5 and 6
        // have none; 6 is passed only when complete).
        let done = |n: &str| {
            format!(
                "(b.passed >= {n} AND CASE {n} WHEN 1 THEN b.e1 WHEN 2 THEN b.e2 \
                 WHEN 3 THEN b.e3 WHEN 4 THEN b.e4 ELSE (1 = 1) END)"
            )
        };
        let first_not_done = (1..=5)
            .map(|n| format!("WHEN NOT {} THEN {n}", done(&n.to_string())))
            .collect::<Vec<_>>()
            .join(" ");
        let completed = "CASE WHEN b.fresh THEN b.r_completed WHEN b.complete THEN b.updated END";
        let own_steps = match self.attached() {
            true => format!(
                "SELECT x.session_id, x.step_number AS step, CAST(x.status AS text) AS status, \
                 {} AS completed FROM onboardctl_steps x JOIN base b ON b.id = x.session_id \
                 WHERE b.fresh UNION ALL ",
                d.epoch("x.completed_at")
            ),
            false => String::new(),
        };
        let record_first = "coalesce((SELECT min(n.n) FROM nums n WHERE NOT EXISTS \
             (SELECT 1 FROM onboardctl_steps x WHERE x.session_id = b.id \
              AND x.step_number = n.n AND x.status IN ('completed', 'skipped'))), 6)";
        let record_first = match self.attached() {
            true => record_first,
            false => "6",
        };
        Sources {
            ctes,
            sess: format!(
                "SELECT b.id, b.started, b.updated, {completed} AS completed, \
                 CASE WHEN b.fresh AND b.r_cs IS NOT NULL AND b.r_progress IS NOT NULL \
                        THEN b.r_cs \
                      WHEN ({completed}) IS NOT NULL THEN 6 \
                      WHEN b.fresh THEN {record_first} \
                      ELSE CASE {first_not_done} ELSE 6 END END AS current_step \
                 FROM base b"
            ),
            steps: format!(
                "{own_steps}SELECT b.id AS session_id, n.n AS step, \
                 CASE WHEN {done} THEN 'completed' ELSE 'pending' END AS status, \
                 CASE WHEN {done} THEN b.updated END AS completed \
                 FROM base b CROSS JOIN nums n WHERE NOT b.fresh",
                done = done("n.n"),
            ),
        }
    }
}
