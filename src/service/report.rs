//! `report`: the onboarding funnel over every user, counted by the store in aggregate SQL
//! (`Store::report_partial`) and turned into the report by the domain rules
//! (`domain::report`).

use time::Duration;

use super::{now, Service};
use crate::domain::report::{self, CohortBy, Report, ReportQuery};
use crate::domain::Timestamp;
use crate::error::{Error, Result};

/// `report`'s options, as given on the command line.
#[derive(Debug, Clone, PartialEq)]
pub struct ReportRequest {
    /// Only sessions started at or after this instant.
    pub since: Option<Timestamp>,
    /// Only sessions started before this instant.
    pub until: Option<Timestamp>,
    /// A user is stuck after this many days without a change.
    pub stalled_days: u32,
    /// How cohorts are grouped.
    pub by: CohortBy,
}

impl Service<'_> {
    /// The funnel of `req`. An empty window (`--since` not before `--until`) is a usage
    /// error rather than an empty report.
    pub fn report(&mut self, req: &ReportRequest) -> Result<Report> {
        if let (Some(since), Some(until)) = (req.since, req.until) {
            if since >= until {
                return Err(Error::usage(format!(
                    "--since `{}` is not before --until `{}`",
                    report::instant_text(since),
                    report::instant_text(until)
                )));
            }
        }
        let query = ReportQuery {
            since: req.since,
            until: req.until,
            stalled_before: now() - Duration::days(i64::from(req.stalled_days)),
            users: None,
        };
        let partial = self.store.report_partial(&query).map_err(Error::from)?;
        Ok(report::report(&partial, req.by))
    }
}
