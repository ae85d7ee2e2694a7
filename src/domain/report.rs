//! The onboarding funnel of `onboardctl report`: what a store counts ([`FunnelPartial`], a
//! partial aggregate that merges with others, so a workspace sums its files), and what the
//! report says ([`Report`], computed from a merged partial).
//!
//! Definitions (README "report"):
//! - a user *reached* step n when their current step is n or later, or step n or a later
//!   step has left `pending` (so step 1 is reached by every user, and the counts never grow
//!   from one step to the next);
//! - *completed*, *skipped*, *failed*: the step's status;
//! - *stuck* at step n: unfinished, current step n, and no change (`updated_at`) before the
//!   `--stalled-days` cutoff;
//! - time to completion: from `started_at` to the session's `completed_at` (overall) or the
//!   step's `completed_at` (per step, completed steps only), in whole seconds (rounded;
//!   a negative time, a clock skew in the data, counts as 0).
//!
//! Percentiles are nearest-rank over a histogram whose buckets are the durations truncated to
//! three significant figures of seconds ([`bucket`]): exact below 1,000 s, and below 1 %
//! too low above (123,456 s counts as 123,000 s). The histogram is what makes partials
//! mergeable at a bounded size (at most ~900 buckets per decade of seconds, whatever the
//! number of users); the maximum is kept exactly beside it.

use std::collections::BTreeMap;

use serde::Serialize;
use time::{Date, Duration, Month};

use super::ids::StepNumber;
use super::records::Timestamp;

/// What the report covers, as the store applies it in SQL.
#[derive(Debug, Clone, PartialEq)]
pub struct ReportQuery {
    /// Only sessions started at or after this instant.
    pub since: Option<Timestamp>,
    /// Only sessions started before this instant.
    pub until: Option<Timestamp>,
    /// A user is stuck when unfinished and last changed before this instant.
    pub stalled_before: Timestamp,
    /// Only these users (the workspace's routing: the users a file holds for its folder);
    /// `None` for all.
    pub users: Option<Vec<super::UserId>>,
}

/// Durations in whole seconds, as a histogram of [`bucket`]s and the exact maximum.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Durations {
    /// Bucket (lower bound, seconds) → how many durations fall in it.
    pub buckets: BTreeMap<i64, u64>,
    /// The longest duration, exactly.
    pub max: Option<i64>,
}

impl Durations {
    /// Adds `count` durations of bucket `bucket` whose longest is `max`.
    pub fn add(&mut self, bucket: i64, count: u64, max: i64) {
        *self.buckets.entry(bucket.max(0)).or_default() += count;
        self.max = Some(self.max.map_or(max, |m| m.max(max)).max(0));
    }

    /// Adds every duration of `other`.
    pub fn merge(&mut self, other: &Durations) {
        for (b, n) in &other.buckets {
            *self.buckets.entry(*b).or_default() += n;
        }
        if let Some(m) = other.max {
            self.max = Some(self.max.map_or(m, |x| x.max(m)));
        }
    }

    /// How many durations.
    pub fn count(&self) -> u64 {
        self.buckets.values().sum()
    }

    /// The nearest-rank `p`-th percentile (0 < p ≤ 100): the bucket of the ⌈p/100·n⌉-th
    /// shortest duration; `None` when empty.
    pub fn percentile(&self, p: f64) -> Option<i64> {
        let n = self.count();
        let rank = ((p / 100.0 * n as f64).ceil() as u64).clamp(1, n.max(1));
        let mut seen = 0;
        for (b, c) in &self.buckets {
            seen += c;
            if seen >= rank {
                return Some(*b);
            }
        }
        None
    }

    /// p50, p90 and max; `None` when empty.
    pub fn stats(&self) -> Option<DurationStats> {
        Some(DurationStats {
            count: self.count(),
            p50_seconds: self.percentile(50.0)?,
            p90_seconds: self.percentile(90.0)?,
            max_seconds: self.max?,
        })
    }
}

/// The bucket of a duration of `seconds`: truncated to three significant figures (exact
/// below 1,000; a negative value is 0). The stores compute the same in SQL
/// (`store::report`), so the numbers are the same on every backend.
pub fn bucket(seconds: i64) -> i64 {
    let mut unit = 1;
    while seconds / unit >= 1000 {
        unit *= 10;
    }
    (seconds.max(0) / unit) * unit
}

/// One reading's counts over some users (a database, or one file of a workspace).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FunnelPartial {
    /// Users (sessions) counted.
    pub users: u64,
    /// Of them, completed onboardings.
    pub completed: u64,
    /// `furthest[g]`: users whose furthest step (see the module docs) is g, 1–6.
    pub furthest: [u64; 7],
    /// Per step (index 0 = step 1): users with the step completed, skipped, failed.
    pub statuses: [[u64; 3]; 6],
    /// Per step: users stuck there.
    pub stuck: [u64; 6],
    /// Per day started (UTC): users and completed onboardings. Sessions without a start
    /// time are under `None`.
    pub days: BTreeMap<Option<Date>, (u64, u64)>,
    /// Start to completion: index 0 the whole onboarding, 1–6 each step.
    pub durations: [Durations; 7],
}

impl FunnelPartial {
    /// Adds every count of `other`.
    pub fn merge(&mut self, other: &FunnelPartial) {
        self.users += other.users;
        self.completed += other.completed;
        for (a, b) in self.furthest.iter_mut().zip(other.furthest) {
            *a += b;
        }
        for (a, b) in self.statuses.iter_mut().zip(other.statuses) {
            for (x, y) in a.iter_mut().zip(b) {
                *x += y;
            }
        }
        for (a, b) in self.stuck.iter_mut().zip(other.stuck) {
            *a += b;
        }
        for (day, (u, c)) in &other.days {
            let e = self.days.entry(*day).or_default();
            e.0 += u;
            e.1 += c;
        }
        for (a, b) in self.durations.iter_mut().zip(&other.durations) {
            a.merge(b);
        }
    }
}

/// What a store returns for `report`: onboardctl's reading, and on a database ALwrity made
/// ALwrity's own reading of its columns too.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReportPartial {
    /// onboardctl's reading (its step records; on an ALwrity database its record where
    /// fresh, else the view derived from ALwrity's data).
    pub onboardctl: FunnelPartial,
    /// ALwrity's reading (`current_step`, `progress` as ALwrity means them); `None` on
    /// onboardctl's own databases.
    pub alwrity: Option<FunnelPartial>,
}

impl ReportPartial {
    /// Adds `other` (a workspace's next file). ALwrity's reading covers the databases that
    /// have one.
    pub fn merge(&mut self, other: &ReportPartial) {
        self.onboardctl.merge(&other.onboardctl);
        match (&mut self.alwrity, &other.alwrity) {
            (Some(a), Some(b)) => a.merge(b),
            (None, Some(b)) => self.alwrity = Some(b.clone()),
            _ => {}
        }
    }
}

/// How cohorts are grouped (`--by`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CohortBy {
    /// ISO weeks, Monday first.
    Week,
    /// Calendar months.
    Month,
}

impl std::str::FromStr for CohortBy {
    type Err = super::ParseError;

    fn from_str(s: &str) -> Result<CohortBy, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "week" => Ok(CohortBy::Week),
            "month" => Ok(CohortBy::Month),
            other => Err(super::ParseError(format!(
                "unknown cohort `{other}`; expected `week` or `month`"
            ))),
        }
    }
}

/// p50, p90 and max of some durations, in seconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct DurationStats {
    /// How many durations.
    pub count: u64,
    /// Median (nearest rank, see the module docs).
    pub p50_seconds: i64,
    /// 90th percentile.
    pub p90_seconds: i64,
    /// Longest, exact.
    pub max_seconds: i64,
}

/// One step of the funnel.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StepFunnel {
    /// 1–6.
    pub step: u8,
    /// Its title.
    pub title: &'static str,
    /// Users who reached it.
    pub reached: u64,
    /// Users with it completed.
    pub completed: u64,
    /// Users with it skipped.
    pub skipped: u64,
    /// Users with it failed.
    pub failed: u64,
    /// Users stuck at it.
    pub stuck: u64,
    /// Start of onboarding to this step's completion; `None` without a completion time.
    pub time_to_complete: Option<DurationStats>,
}

/// Users who started in one week or month.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Cohort {
    /// First day of the week or month; `None` for sessions without a start time.
    pub start: Option<Date>,
    /// Users who started then.
    pub users: u64,
    /// Of them, completed.
    pub completed: u64,
    /// `completed / users`, 0–1.
    pub completion_rate: f64,
}

/// One reading's report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Funnel {
    /// Users counted.
    pub users: u64,
    /// Completed onboardings.
    pub completed: u64,
    /// `completed / users`, 0–1 (0 without users).
    pub completion_rate: f64,
    /// Start to completion of the whole onboarding.
    pub time_to_complete: Option<DurationStats>,
    /// The six steps.
    pub steps: Vec<StepFunnel>,
    /// Cohorts by start, oldest first (sessions without a start time last).
    pub cohorts: Vec<Cohort>,
}

fn rate(part: u64, whole: u64) -> f64 {
    match whole {
        0 => 0.0,
        _ => part as f64 / whole as f64,
    }
}

/// The first day of the week (Monday) or month of `day`.
pub fn cohort_start(day: Date, by: CohortBy) -> Date {
    match by {
        CohortBy::Week => day - Duration::days(i64::from(day.weekday().number_days_from_monday())),
        CohortBy::Month => Date::from_calendar_date(day.year(), day.month(), 1).unwrap_or(day),
    }
}

/// The report of one reading from its merged counts.
pub fn funnel(p: &FunnelPartial, by: CohortBy) -> Funnel {
    let steps = StepNumber::all()
        .map(|n| {
            let i = n.index();
            StepFunnel {
                step: n.get(),
                title: n.title(),
                reached: p.furthest[usize::from(n.get())..].iter().sum(),
                completed: p.statuses[i][0],
                skipped: p.statuses[i][1],
                failed: p.statuses[i][2],
                stuck: p.stuck[i],
                time_to_complete: p.durations[i + 1].stats(),
            }
        })
        .collect();
    let mut groups: BTreeMap<(bool, Option<Date>), (u64, u64)> = BTreeMap::new();
    for (day, (u, c)) in &p.days {
        let start = day.map(|d| cohort_start(d, by));
        let e = groups.entry((start.is_none(), start)).or_default();
        e.0 += u;
        e.1 += c;
    }
    let cohorts = groups
        .into_iter()
        .map(|((_, start), (users, completed))| Cohort {
            start,
            users,
            completed,
            completion_rate: rate(completed, users),
        })
        .collect();
    Funnel {
        users: p.users,
        completed: p.completed,
        completion_rate: rate(p.completed, p.users),
        time_to_complete: p.durations[0].stats(),
        steps,
        cohorts,
    }
}

/// The whole report: onboardctl's reading, and ALwrity's on a database ALwrity made.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// How cohorts are grouped.
    pub cohorts_by: CohortBy,
    /// onboardctl's reading.
    pub onboardctl: Funnel,
    /// ALwrity's reading, on a database ALwrity made.
    pub alwrity: Option<Funnel>,
    /// Whether the two readings differ (false without ALwrity's).
    pub readings_differ: bool,
}

/// The report from a merged partial.
pub fn report(p: &ReportPartial, by: CohortBy) -> Report {
    let onboardctl = funnel(&p.onboardctl, by);
    let alwrity = p.alwrity.as_ref().map(|a| funnel(a, by));
    let readings_differ = alwrity.as_ref().is_some_and(|a| differ(a, &onboardctl));
    Report {
        cohorts_by: by,
        onboardctl,
        alwrity,
        readings_differ,
    }
}

/// Whether two readings disagree on any count ALwrity's columns can express (ALwrity has no
/// skipped or failed steps and no per-step times, so those are not compared).
fn differ(a: &Funnel, b: &Funnel) -> bool {
    a.completed != b.completed
        || a.steps.iter().zip(&b.steps).any(|(x, y)| {
            x.reached != y.reached || x.completed + x.skipped != y.completed + y.skipped
        })
        || a.steps
            .iter()
            .map(|s| s.stuck)
            .ne(b.steps.iter().map(|s| s.stuck))
}

/// Parses `--since`/`--until`: an RFC 3339 instant (`2026-01-05T09:30:00Z`) or a date
/// (`2026-01-05`, midnight UTC).
pub fn parse_instant(text: &str) -> Result<Timestamp, super::ParseError> {
    use time::format_description::well_known::Rfc3339;
    let t = text.trim();
    if let Ok(ts) = Timestamp::parse(t, &Rfc3339) {
        return Ok(ts.to_offset(time::UtcOffset::UTC));
    }
    let fmt = time::macros::format_description!("[year]-[month]-[day]");
    Date::parse(t, &fmt)
        .map(|d| d.midnight().assume_utc())
        .map_err(|_| {
            super::ParseError(format!(
                "`{t}` is not a date (`2026-01-05`) or an RFC 3339 time (`2026-01-05T09:30:00Z`)"
            ))
        })
}

/// An instant as RFC 3339 in UTC (the report's filters in JSON and messages).
pub fn instant_text(t: Timestamp) -> String {
    use time::format_description::well_known::Rfc3339;
    t.to_offset(time::UtcOffset::UTC)
        .format(&Rfc3339)
        .unwrap_or_else(|_| t.to_string())
}

/// A date as `YYYY-MM-DD`.
pub fn date_text(d: Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day())
}

/// The ISO week of a date as `YYYY-Www` (cohort labels).
pub fn week_label(d: Date) -> String {
    let (year, week, _) = d.to_iso_week_date();
    format!("{year:04}-W{week:02}")
}

/// The month of a date as `YYYY-MM` (cohort labels).
pub fn month_label(d: Date) -> String {
    format!("{:04}-{:02}", d.year(), u8::from(d.month()))
}

/// A date from days since 1970-01-01 (PostgreSQL's day of a start time).
pub fn date_from_days(days: i64) -> Option<Date> {
    let epoch = Date::from_calendar_date(1970, Month::January, 1).ok()?;
    epoch.checked_add(Duration::days(days))
}

#[cfg(test)]
mod tests;
