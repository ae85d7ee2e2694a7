//! Whole users a page at a time, for `export` and `db copy`: one statement per table for the
//! whole page, inside one `REPEATABLE READ READ ONLY` snapshot, instead of seven round trips
//! per user. Each statement is the single-user read of its table ([`super::keys::LIST`],
//! [`super::analysis::GET`], …) asked for every id of the page at once (`s.user_id =
//! ANY($1)`) with the owner's id as an extra last column; the rows are grouped by owner and
//! read by the same row readers, so a page reads exactly what `load_bundle` reads user by
//! user. Every statement stays one unnamed statement, as behind a transaction-mode pooler.

use std::collections::HashMap;

use postgres::types::Type;
use postgres::{Client, Row};

use super::alwrity::value_at;
use super::bundle::in_snapshot;
use super::convert::get;
use super::scoped::rows;
use super::{analysis, keys, persona, research, sessions};
use crate::domain::{UserBundle, UserId};
use crate::store::lists::{self, COMPETITOR, PAGE_AUDIT};
use crate::store::{StoreError, StoreResult};

/// The single-user read `sql` (`… FROM onboarding_sessions s … WHERE s.user_id = $1 …`)
/// for every id of `$1` (a text array), with `s.user_id` added as the last column.
fn for_page(sql: &str) -> String {
    const FROM: &str = " FROM onboarding_sessions s";
    const WHERE: &str = "WHERE s.user_id = $1";
    debug_assert!(sql.contains(FROM) && sql.contains(WHERE), "{sql}");
    sql.replacen(FROM, &format!(", s.user_id{FROM}"), 1)
        .replacen(WHERE, "WHERE s.user_id = ANY($1)", 1)
}

/// The rows of `sql` for the page, grouped by their owner (the last column), each group in
/// the order the statement returned it.
fn grouped(client: &mut Client, sql: &str, ids: &[&str]) -> StoreResult<HashMap<String, Vec<Row>>> {
    let found = rows(client, sql, &[(&ids, Type::TEXT_ARRAY)])?;
    let mut out: HashMap<String, Vec<Row>> = HashMap::new();
    for row in found {
        let owner: String = get(&row, row.len() - 1)?;
        out.entry(owner).or_default().push(row);
    }
    Ok(out)
}

/// The rows of a `LEFT JOIN` read whose column 0 says a joined row is there.
fn present(group: Option<&Vec<Row>>) -> impl Iterator<Item = &Row> {
    group
        .into_iter()
        .flatten()
        .filter(|row| row.try_get::<_, bool>(0).unwrap_or(false))
}

/// The bundles of `users`, in order (`None` for a user without a session), read in one
/// snapshot; with `own_tx` false inside the caller's transaction.
pub(crate) fn load_page(
    client: &mut Client,
    users: &[UserId],
    own_tx: bool,
) -> StoreResult<Vec<Option<UserBundle>>> {
    if !own_tx {
        return read_page(client, users);
    }
    in_snapshot(client, |client| read_page(client, users))
}

fn read_page(client: &mut Client, users: &[UserId]) -> StoreResult<Vec<Option<UserBundle>>> {
    let ids: Vec<&str> = users.iter().map(UserId::as_str).collect();
    let steps_sql = for_page(&format!(
        "SELECT {} FROM onboarding_sessions s \
         LEFT JOIN onboarding_steps t ON t.session_id = s.id \
         WHERE s.user_id = $1 ORDER BY t.step_number",
        sessions::COLUMNS
    ));
    let onboarding = grouped(client, &steps_sql, &ids)?;
    let keys_rows = grouped(client, &for_page(keys::LIST), &ids)?;
    let analyses = grouped(client, &for_page(analysis::GET), &ids)?;
    let prefs = grouped(client, &for_page(research::GET), &ids)?;
    let personas = grouped(client, &for_page(persona::GET), &ids)?;
    let competitors = grouped(
        client,
        &format!(
            "SELECT {}, s.user_id FROM onboarding_sessions s \
             JOIN competitor_analyses c ON c.session_id = s.id \
             WHERE s.user_id = ANY($1) ORDER BY c.id",
            qualified("c", COMPETITOR)
        ),
        &ids,
    )?;
    let audits = grouped(
        client,
        &format!(
            "SELECT {}, a.user_id FROM seo_page_audits a \
             WHERE a.user_id = ANY($1) \
             AND EXISTS (SELECT 1 FROM onboarding_sessions s WHERE s.user_id = a.user_id) \
             ORDER BY a.id",
            qualified("a", PAGE_AUDIT)
        ),
        &ids,
    )?;
    let mut out = Vec::with_capacity(users.len());
    for user in users {
        let Some(steps) = onboarding.get(user.as_str()) else {
            out.push(None);
            continue;
        };
        let key = user.as_str();
        let one = |map: &HashMap<String, Vec<Row>>| present(map.get(key)).next().cloned();
        let mut bundle = UserBundle::new(sessions::assemble(steps, user, 0)?);
        for row in present(keys_rows.get(key)) {
            bundle.keys.extend(keys::key_at(row)?);
        }
        bundle.analysis = one(&analyses)
            .map(|r| analysis::analysis_at(&r))
            .transpose()?;
        bundle.research = one(&prefs).map(|r| research::prefs_at(&r)).transpose()?;
        bundle.persona = one(&personas)
            .map(|r| persona::persona_at(&r))
            .transpose()?;
        bundle.competitors = list_rows(competitors.get(key), COMPETITOR.len())?
            .iter()
            .map(|v| lists::competitor_from(v))
            .collect();
        bundle.page_audits = list_rows(audits.get(key), PAGE_AUDIT.len())?
            .iter()
            .map(|v| lists::audit_from(v))
            .collect();
        crate::domain::PageAudit::sort(&mut bundle.page_audits);
        out.push(Some(bundle));
    }
    Ok(out)
}

/// `alias.column, …`.
fn qualified(alias: &str, columns: &[&str]) -> String {
    columns
        .iter()
        .map(|c| format!("{alias}.{c}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The first `n` columns of each row as values.
fn list_rows(
    group: Option<&Vec<Row>>,
    n: usize,
) -> StoreResult<Vec<Vec<crate::store::alwrity::conn::Val>>> {
    group
        .into_iter()
        .flatten()
        .map(|row| {
            if row.len() < n {
                return Err(StoreError::Backend("a list row lacks columns".into()));
            }
            (0..n).map(|i| value_at(row, i)).collect()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_single_user_read_becomes_a_page_read() {
        for sql in [keys::LIST, analysis::GET, research::GET, persona::GET] {
            let page = for_page(sql);
            assert!(
                page.contains(", s.user_id FROM onboarding_sessions s"),
                "{page}"
            );
            assert!(page.contains("WHERE s.user_id = ANY($1)"), "{page}");
            assert!(!page.contains("= $1 "), "{page}");
        }
    }
}
