//! Where every row goes: session merges, child-row moves, duplicate resolution and
//! quarantine. Pure functions over the inventory; ties are broken by id, so a plan is the
//! same however the backend ordered its rows.
//!
//! - Sessions of one `user_id` (exact text) merge into the most advanced: highest progress,
//!   then highest `current_step`, then latest `updated_at`, then lowest id (NULLs rank
//!   lowest). The others are quarantined once their rows have moved.
//! - A child row whose session is merged moves to the survivor. A row with a NULL
//!   `session_id`, or one naming no session, is quarantined.
//! - After the moves, a 1:1 table with several rows for a session, or `api_keys` with several
//!   rows for a (session, provider), keeps the most recently updated (`updated_at`, then the
//!   highest id); the others are quarantined with the id that superseded them.

use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::inventory::{Child, ChildRow, Inventory, SessionRow};
use super::plan::{Duplicate, QuarantineEntry, RowMove, SessionMerge};
use crate::store::{StoreError, StoreResult};

/// The rules' outcome.
#[derive(Debug, Default)]
pub(crate) struct Placed {
    /// Surviving sessions, by id.
    pub survivors: Vec<SessionRow>,
    /// Users whose sessions merge.
    pub merges: Vec<SessionMerge>,
    /// Child rows that follow their session to its survivor.
    pub moves: Vec<RowMove>,
    /// Duplicate 1:1 rows and keys, with the row kept.
    pub duplicates: Vec<Duplicate>,
    /// Child rows first, then merged sessions: the order adoption quarantines them in.
    pub quarantine: Vec<QuarantineEntry>,
    /// Steps (1–4) with evidence, per surviving session.
    evidence: HashMap<i64, BTreeSet<u8>>,
}

impl Placed {
    /// The steps with evidence in session `id`.
    pub fn evidence(&self, id: i64) -> Vec<u8> {
        self.evidence
            .get(&id)
            .map(|s| s.iter().copied().collect())
            .unwrap_or_default()
    }
}

/// Applies the rules to `inv`. A session with a NULL `user_id` (ALwrity's column is NOT NULL)
/// cannot be placed and stops adoption.
pub(crate) fn place(inv: &Inventory) -> StoreResult<Placed> {
    let mut out = Placed::default();
    let survivor_of = merge_sessions(&inv.sessions, &mut out)?;
    let mut kept: Vec<Placement<'_>> = Vec::new();
    for row in &inv.children {
        match row.session_id.map(|s| (s, survivor_of.get(&s))) {
            None => quarantine(&mut out, row, "session_id is NULL".to_owned()),
            Some((s, None)) => quarantine(&mut out, row, format!("session {s} does not exist")),
            Some((from, Some(&to))) => kept.push(Placement { row, from, to }),
        }
    }
    let superseded = resolve_duplicates(&kept, &mut out);
    for p in kept {
        if superseded.contains(&(p.row.table, p.row.id)) {
            continue;
        }
        if p.from != p.to {
            out.moves.push(RowMove {
                table: p.row.table.table().to_owned(),
                id: p.row.id,
                from_session: p.from,
                to_session: p.to,
            });
        }
        if let Some(step) = p.row.table.step().filter(|_| p.row.evidence) {
            out.evidence.entry(p.to).or_default().insert(step);
        }
    }
    quarantine_merged(&mut out);
    Ok(out)
}

/// A child row with a session: where it was and where it ends up.
struct Placement<'a> {
    row: &'a ChildRow,
    from: i64,
    to: i64,
}

fn quarantine(out: &mut Placed, row: &ChildRow, reason: String) {
    out.quarantine.push(QuarantineEntry {
        table: row.table.table().to_owned(),
        id: row.id,
        reason,
        copy_only: false,
    });
}

/// Groups sessions by user, picks each survivor, records merges; returns session id →
/// surviving session id.
fn merge_sessions(sessions: &[SessionRow], out: &mut Placed) -> StoreResult<HashMap<i64, i64>> {
    let mut by_user: BTreeMap<&str, Vec<&SessionRow>> = BTreeMap::new();
    for s in sessions {
        let user = s.user_id.as_deref().ok_or_else(|| {
            StoreError::Backend(format!(
                "onboarding_sessions row {} has a NULL user_id; fix or remove it before adopting",
                s.id
            ))
        })?;
        by_user.entry(user).or_default().push(s);
    }
    let mut survivor_of = HashMap::new();
    for (user, mut group) in by_user {
        group.sort_by(|a, b| more_advanced(a, b));
        let survivor = group[0];
        for s in &group {
            survivor_of.insert(s.id, survivor.id);
        }
        if group.len() > 1 {
            let mut merged: Vec<i64> = group[1..].iter().map(|s| s.id).collect();
            merged.sort_unstable();
            out.merges.push(SessionMerge {
                user_id: user.to_owned(),
                survivor: survivor.id,
                merged,
            });
        }
        out.survivors.push(survivor.clone());
    }
    out.survivors.sort_by_key(|s| s.id);
    Ok(survivor_of)
}

/// Most advanced first: progress, current step, updated_at (descending), then id ascending.
fn more_advanced(a: &SessionRow, b: &SessionRow) -> Ordering {
    let progress = |s: &SessionRow| s.progress.unwrap_or(f64::NEG_INFINITY);
    progress(b)
        .total_cmp(&progress(a))
        .then(b.current_step.cmp(&a.current_step))
        .then(b.updated_at.cmp(&a.updated_at))
        .then(a.id.cmp(&b.id))
}

/// Quarantines all but the newest row of each 1:1 / (session, provider) group; returns the
/// superseded rows.
fn resolve_duplicates(kept: &[Placement<'_>], out: &mut Placed) -> BTreeSet<(Child, i64)> {
    type Key = (Child, i64, Option<String>);
    let mut groups: BTreeMap<Key, Vec<&ChildRow>> = BTreeMap::new();
    for p in kept.iter().filter(|p| p.row.table.is_unique_per_session()) {
        let key = (p.row.table, p.to, p.row.provider.clone());
        groups.entry(key).or_default().push(p.row);
    }
    let mut superseded = BTreeSet::new();
    for ((table, session_id, provider), mut rows) in groups {
        if rows.len() < 2 {
            continue;
        }
        // Newest first: updated_at descending (NULL oldest), then id descending.
        rows.sort_by(|a, b| b.updated_at.cmp(&a.updated_at).then(b.id.cmp(&a.id)));
        let kept_id = rows[0].id;
        let mut losers: Vec<i64> = rows[1..].iter().map(|r| r.id).collect();
        losers.sort_unstable();
        for &id in &losers {
            superseded.insert((table, id));
            let what = match &provider {
                Some(p) => format!("duplicate key for session {session_id}, provider `{p}`"),
                None => format!("duplicate {} row of session {session_id}", table.table()),
            };
            out.quarantine.push(QuarantineEntry {
                table: table.table().to_owned(),
                id,
                reason: format!("{what}, superseded by id {kept_id}"),
                copy_only: false,
            });
        }
        out.duplicates.push(Duplicate {
            table: table.table().to_owned(),
            session_id,
            provider,
            kept: kept_id,
            superseded: losers,
        });
    }
    superseded
}

/// Quarantines every merged session, after its rows have moved.
fn quarantine_merged(out: &mut Placed) {
    let merges = out.merges.clone();
    for m in merges {
        for id in m.merged {
            out.quarantine.push(QuarantineEntry {
                table: "onboarding_sessions".to_owned(),
                id,
                reason: format!(
                    "duplicate session of user `{}`, merged into session {}",
                    m.user_id, m.survivor
                ),
                copy_only: false,
            });
        }
    }
}
