//! Keys and step data on ALwrity's tables, read and written the way ALwrity's own code does:
//! the first row (lowest id) is the one that counts, an upsert is a lookup then an `UPDATE`
//! of that row or an `INSERT` (there is no unique constraint to lean on), and columns the
//! table lacks are never written. At HEAD, ALwrity keeps a second plaintext copy of the keys
//! in `onboarding_data_integrations.api_keys_data`; every key change refreshes it
//! ([`AlwrityStore::refresh_key_copies`]) so no stale copy of a rotated or deleted key stays.

use serde_json::{json, Map, Value};

use super::conn::{Conn, Val};
use super::rows::{self, select_list};
use super::AlwrityStore;
use crate::domain::{
    ApiKey, CompetitorAnalysis, PageAudit, PersonaData, ProviderName, ResearchPreferences, Secret,
    UserBundle, UserId, WebsiteAnalysis,
};
use crate::store::lists::{self, Columns};
use crate::store::{KeyCopy, StoreError, StoreResult, StrayKey};

const COMPETITORS: &str = "competitor_analyses";
const PAGE_AUDITS: &str = "seo_page_audits";

impl<C: Conn> AlwrityStore<C> {
    /// Upserts the key of (`user`, `key.provider`), keeping the first row's `created_at`.
    pub(super) fn put_key(&mut self, user: &UserId, key: &ApiKey) -> StoreResult<()> {
        let sid = self.session_id(user)?;
        let provider = Val::Text(key.provider.as_str().to_owned());
        let found = self.conn.query(
            "SELECT id FROM api_keys WHERE session_id = ?1 AND provider = ?2 ORDER BY id LIMIT 1",
            &[Val::Int(sid), provider.clone()],
        )?;
        let value = Val::Text(key.value.expose().to_owned());
        match found.first().and_then(|r| r[0].int()) {
            Some(id) => self.conn.execute(
                "UPDATE api_keys SET \"key\" = ?2, updated_at = ?3 WHERE id = ?1",
                &[Val::Int(id), value, Val::Time(key.updated_at)],
            )?,
            None => self.conn.execute(
                "INSERT INTO api_keys (session_id, provider, \"key\", created_at, updated_at) \
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                &[
                    Val::Int(sid),
                    provider,
                    value,
                    Val::Time(key.created_at),
                    Val::Time(key.updated_at),
                ],
            )?,
        };
        self.refresh_key_copies(user)
    }

    /// Every `api_keys` row that is not the first row of a (session, provider) of a user's
    /// first session row (the rows [`Self::keys`] reads), with the user of its session.
    pub(super) fn stray_keys(&mut self) -> StoreResult<Vec<StrayKey>> {
        let rows = self.conn.query(
            "SELECT k.id, s.user_id, k.provider, k.\"key\" FROM api_keys k \
             LEFT JOIN onboarding_sessions s ON s.id = k.session_id \
             WHERE k.id NOT IN (SELECT min(f.id) FROM api_keys f WHERE f.session_id IN \
               (SELECT min(id) FROM onboarding_sessions GROUP BY user_id) \
               GROUP BY f.session_id, f.provider) \
             ORDER BY k.id",
            &[],
        )?;
        Ok(rows
            .iter()
            .filter_map(|r| {
                Some(StrayKey {
                    id: r[0].int()?,
                    owner: r[1].text().map(UserId::stored),
                    provider: r[2].text().unwrap_or_default(),
                    value: Secret::new(r[3].text()?),
                })
            })
            .collect())
    }

    /// Replaces stray row `id`'s value if it still is `expected`; its times are ALwrity's
    /// and stay.
    pub(super) fn put_stray_key(
        &mut self,
        id: i64,
        expected: &Secret,
        value: &Secret,
    ) -> StoreResult<bool> {
        let n = self.conn.execute(
            "UPDATE api_keys SET \"key\" = ?3 WHERE id = ?1 AND \"key\" = ?2",
            &[
                Val::Int(id),
                Val::Text(expected.expose().to_owned()),
                Val::Text(value.expose().to_owned()),
            ],
        )?;
        Ok(n > 0)
    }

    /// The user's keys, the first row of each provider, by provider name.
    pub(super) fn keys(&mut self, user: &UserId) -> StoreResult<Vec<ApiKey>> {
        let sid = self.session_id(user)?;
        let rows = self.conn.query(
            &format!(
                "SELECT provider, \"key\", created_at, updated_at FROM api_keys \
                 WHERE session_id = ?1 ORDER BY {}, id",
                self.conn.bytewise("provider")
            ),
            &[Val::Int(sid)],
        )?;
        let mut out: Vec<ApiKey> = Vec::new();
        for r in &rows {
            let Some(Ok(provider)) = r[0].text().map(|p| p.parse::<ProviderName>()) else {
                continue;
            };
            if out.last().is_some_and(|k| k.provider == provider) {
                continue;
            }
            let created = r[2]
                .time()
                .or(r[3].time())
                .unwrap_or(crate::domain::Timestamp::UNIX_EPOCH);
            out.push(ApiKey {
                provider,
                value: Secret::new(r[1].text().unwrap_or_default()),
                created_at: created,
                updated_at: r[3].time().unwrap_or(created),
            });
        }
        Ok(out)
    }

    /// Deletes every row of (`user`, `provider`); false when there was none.
    pub(super) fn delete_key(
        &mut self,
        user: &UserId,
        provider: &ProviderName,
    ) -> StoreResult<bool> {
        let sid = self.session_id(user)?;
        let n = self.conn.execute(
            "DELETE FROM api_keys WHERE session_id = ?1 AND provider = ?2",
            &[Val::Int(sid), Val::Text(provider.as_str().to_owned())],
        )?;
        if n > 0 {
            self.refresh_key_copies(user)?;
        }
        Ok(n > 0)
    }

    /// Rewrites the user's key copies in ALwrity's SSOT (`onboarding_data_integrations`):
    /// its `api_keys`, `total_keys` and `providers` become those of the keys now stored, its
    /// other fields are kept. A row without a key copy (NULL) stays without one.
    pub(super) fn refresh_key_copies(&mut self, user: &UserId) -> StoreResult<()> {
        if !self.has_column_of("onboarding_data_integrations.api_keys_data") {
            return Ok(());
        }
        let uid = Val::Text(user.as_str().to_owned());
        let copies = self.conn.query(
            "SELECT id, api_keys_data FROM onboarding_data_integrations WHERE user_id = ?1",
            std::slice::from_ref(&uid),
        )?;
        if copies
            .iter()
            .all(|r| r[1].json().is_none_or(|v| v.is_null()))
        {
            return Ok(());
        }
        let rows = self.conn.query(
            "SELECT k.id, k.session_id, k.provider, k.\"key\", k.created_at, k.updated_at \
             FROM api_keys k WHERE k.session_id = \
             (SELECT id FROM onboarding_sessions WHERE user_id = ?1 ORDER BY id LIMIT 1) \
             ORDER BY k.id",
            &[uid],
        )?;
        let dicts: Vec<Value> = rows.iter().map(|r| key_dict(r)).collect();
        let providers: Vec<Value> = rows
            .iter()
            .filter_map(|r| r[2].text())
            .map(Value::from)
            .collect();
        for copy in &copies {
            let Some(Value::Object(mut data)) = copy[1].json() else {
                continue;
            };
            data.insert("api_keys".into(), Value::from(dicts.clone()));
            data.insert("total_keys".into(), Value::from(dicts.len()));
            data.insert("providers".into(), Value::from(providers.clone()));
            self.conn.execute(
                "UPDATE onboarding_data_integrations SET api_keys_data = ?2 WHERE id = ?1",
                &[copy[0].clone(), Val::Json(Value::Object(data))],
            )?;
        }
        Ok(())
    }

    /// Every key value in the SSOT cache's `api_keys_data.api_keys` lists, by row id and
    /// position (a row or entry that is not ALwrity's shape is skipped).
    pub(super) fn key_copies(&mut self) -> StoreResult<Vec<KeyCopy>> {
        if !self.has_column_of("onboarding_data_integrations.api_keys_data") {
            return Ok(Vec::new());
        }
        let rows = self.conn.query(
            "SELECT user_id, api_keys_data FROM onboarding_data_integrations ORDER BY id",
            &[],
        )?;
        let mut out = Vec::new();
        for r in &rows {
            let (Some(owner), Some(data)) = (r[0].text(), r[1].json()) else {
                continue;
            };
            let entries = data.get("api_keys").and_then(Value::as_array);
            for e in entries.into_iter().flatten() {
                let (Some(provider), Some(key)) = (
                    e.get("provider").and_then(Value::as_str),
                    e.get("key").and_then(Value::as_str),
                ) else {
                    continue;
                };
                out.push(KeyCopy {
                    owner: UserId::stored(owner.clone()),
                    provider: provider.to_owned(),
                    value: Secret::new(key.to_owned()),
                });
            }
        }
        Ok(out)
    }

    /// The first row of `table` for the user's session, as values of `cols`.
    fn first_row(
        &mut self,
        user: &UserId,
        table: &str,
        cols: &[&str],
    ) -> StoreResult<Option<Vec<Val>>> {
        let sid = self.session_id(user)?;
        if !self.has(table) {
            return Ok(None);
        }
        let have = self.columns(table);
        let sql = format!(
            "SELECT {} FROM {table} t WHERE t.session_id = ?1 ORDER BY t.id LIMIT 1",
            select_list(cols, &have, "t")
        );
        Ok(self.conn.query(&sql, &[Val::Int(sid)])?.into_iter().next())
    }

    /// Updates the first row of `table` for the user's session, or inserts one: every
    /// column of `cols` the table has gets its value; a non-empty value for a column the
    /// table lacks is refused (`db migrate` adds ALwrity's newer columns).
    fn put_row(
        &mut self,
        user: &UserId,
        table: &str,
        cols: &[&str],
        values: Vec<Val>,
    ) -> StoreResult<()> {
        let sid = self.session_id(user)?;
        if !self.has(table) {
            return Err(StoreError::NotAttached(format!(
                "this ALwrity database has no `{table}` table"
            )));
        }
        let have = self.columns(table);
        let mut names = Vec::new();
        let mut vals = Vec::new();
        for (c, v) in cols.iter().zip(values) {
            if have.contains(*c) {
                names.push(*c);
                vals.push(v);
            } else if !is_empty(&v) {
                return Err(StoreError::NotAttached(format!(
                    "`{table}` of this ALwrity database has no `{c}` column yet"
                )));
            }
        }
        let found = self.conn.query(
            &format!("SELECT id FROM {table} WHERE session_id = ?1 ORDER BY id LIMIT 1"),
            &[Val::Int(sid)],
        )?;
        match found.first().and_then(|r| r[0].int()) {
            // An update keeps the row's `created_at`, as ALwrity's own updates do.
            Some(id) => {
                let (set, kept): (Vec<String>, Vec<Val>) = names
                    .iter()
                    .zip(vals)
                    .filter(|(c, _)| **c != "created_at")
                    .enumerate()
                    .map(|(i, (c, v))| (format!("{c} = ?{}", i + 2), v))
                    .unzip();
                let mut params = vec![Val::Int(id)];
                params.extend(kept);
                self.conn.execute(
                    &format!("UPDATE {table} SET {} WHERE id = ?1", set.join(", ")),
                    &params,
                )?;
            }
            None => {
                let marks: Vec<String> = (0..names.len()).map(|i| format!("?{}", i + 2)).collect();
                let mut params = vec![Val::Int(sid)];
                params.extend(vals);
                self.conn.execute(
                    &format!(
                        "INSERT INTO {table} (session_id, {}) VALUES (?1, {})",
                        names.join(", "),
                        marks.join(", ")
                    ),
                    &params,
                )?;
            }
        }
        Ok(())
    }

    /// `put_website_analysis`.
    pub(super) fn put_analysis(&mut self, user: &UserId, a: &WebsiteAnalysis) -> StoreResult<()> {
        self.put_row(
            user,
            "website_analyses",
            rows::ANALYSIS,
            rows::analysis_values(a),
        )
    }

    /// `get_website_analysis`.
    pub(super) fn analysis(&mut self, user: &UserId) -> StoreResult<Option<WebsiteAnalysis>> {
        Ok(self
            .first_row(user, "website_analyses", rows::ANALYSIS)?
            .map(|r| rows::analysis_from(&r)))
    }

    /// `put_research_preferences`.
    pub(super) fn put_research(
        &mut self,
        user: &UserId,
        p: &ResearchPreferences,
    ) -> StoreResult<()> {
        self.put_row(
            user,
            "research_preferences",
            rows::RESEARCH,
            rows::research_values(p),
        )
    }

    /// `get_research_preferences`.
    pub(super) fn research(&mut self, user: &UserId) -> StoreResult<Option<ResearchPreferences>> {
        Ok(self
            .first_row(user, "research_preferences", rows::RESEARCH)?
            .map(|r| rows::research_from(&r)))
    }

    /// `put_persona_data`.
    pub(super) fn put_persona(&mut self, user: &UserId, p: &PersonaData) -> StoreResult<()> {
        self.put_row(user, "persona_data", rows::PERSONA, rows::persona_values(p))
    }

    /// `get_persona_data`.
    pub(super) fn persona(&mut self, user: &UserId) -> StoreResult<Option<PersonaData>> {
        Ok(self
            .first_row(user, "persona_data", rows::PERSONA)?
            .map(|r| rows::persona_from(&r)))
    }

    /// `load_bundle`.
    pub(super) fn bundle(&mut self, user: &UserId) -> StoreResult<Option<UserBundle>> {
        let Some(onboarding) = self.load(user)? else {
            return Ok(None);
        };
        Ok(Some(UserBundle {
            onboarding,
            keys: self.keys(user)?,
            analysis: self.analysis(user)?,
            research: self.research(user)?,
            persona: self.persona(user)?,
            competitors: self.competitors(user)?,
            page_audits: self.page_audits(user)?,
        }))
    }

    /// The user's `competitor_analyses` rows (of the session row that counts).
    fn competitors(&mut self, user: &UserId) -> StoreResult<Vec<CompetitorAnalysis>> {
        if !self.has(COMPETITORS) {
            return Ok(Vec::new());
        }
        let sid = self.session_id(user)?;
        let have = self.columns(COMPETITORS);
        lists::competitors(&mut self.conn, sid, Columns::Of(&have))
    }

    /// The user's `seo_page_audits` rows, by the id as stored.
    fn page_audits(&mut self, user: &UserId) -> StoreResult<Vec<PageAudit>> {
        if !self.has(PAGE_AUDITS) {
            return Ok(Vec::new());
        }
        let owner = self.owner(user)?;
        let have = self.columns(PAGE_AUDITS);
        lists::page_audits(&mut self.conn, owner.as_str(), Columns::Of(&have))
    }

    /// The user id as the session row stores it (what ALwrity keys `seo_page_audits` by).
    fn owner(&mut self, user: &UserId) -> StoreResult<UserId> {
        Ok(self
            .stored(user)?
            .map_or_else(|| user.clone(), |(_, s)| s.user_id))
    }

    /// Makes the two lists of `b` exactly its own; a list with rows for a table this
    /// database lacks is refused.
    fn save_lists(&mut self, sid: i64, b: &UserBundle) -> StoreResult<()> {
        for (table, rows) in [
            (COMPETITORS, b.competitors.len()),
            (PAGE_AUDITS, b.page_audits.len()),
        ] {
            if !self.has(table) && rows > 0 {
                return Err(lists::missing_table(table, rows));
            }
        }
        if self.has(COMPETITORS) {
            let have = self.columns(COMPETITORS);
            lists::replace_competitors(&mut self.conn, sid, &b.competitors, Columns::Of(&have))?;
        }
        if self.has(PAGE_AUDITS) {
            let owner = self.owner(b.user_id())?;
            let have = self.columns(PAGE_AUDITS);
            lists::replace_page_audits(
                &mut self.conn,
                owner.as_str(),
                &b.page_audits,
                Columns::Of(&have),
            )?;
        }
        Ok(())
    }

    /// `save_bundle`: the user's data becomes exactly `b` (inside the caller's transaction).
    pub(super) fn save_bundle(&mut self, b: &UserBundle) -> StoreResult<()> {
        let user = b.user_id().clone();
        let s = b.session();
        if self.stored(&user)?.is_none() {
            self.conn.execute(
                "INSERT INTO onboarding_sessions (user_id, current_step, progress, started_at, \
                 updated_at) VALUES (?1, 1, 0.0, ?2, ?2)",
                &[Val::Text(user.as_str().to_owned()), Val::Time(s.started_at)],
            )?;
        }
        let sid = self.session_id(&user)?;
        self.conn.execute(
            "UPDATE onboarding_sessions SET started_at = ?2 WHERE id = ?1",
            &[Val::Int(sid), Val::Time(s.started_at)],
        )?;
        self.save(&b.onboarding)?;
        for table in [
            "api_keys",
            "website_analyses",
            "research_preferences",
            "persona_data",
        ] {
            self.conn.execute(
                &format!("DELETE FROM {table} WHERE session_id = ?1"),
                &[Val::Int(sid)],
            )?;
        }
        let mut seen: Vec<&ProviderName> = Vec::new();
        for k in &b.keys {
            if seen.contains(&&k.provider) {
                return Err(StoreError::Conflict(format!(
                    "key `{}` listed twice",
                    k.provider
                )));
            }
            seen.push(&k.provider);
            self.put_key(&user, k)?;
        }
        if let Some(a) = &b.analysis {
            self.put_analysis(&user, a)?;
        }
        if let Some(r) = &b.research {
            self.put_research(&user, r)?;
        }
        if let Some(p) = &b.persona {
            self.put_persona(&user, p)?;
        }
        self.save_lists(sid, b)?;
        self.refresh_key_copies(&user)
    }
}

/// A key row as ALwrity's `APIKey.to_dict()` writes it into the SSOT: naive ISO times.
fn key_dict(r: &[Val]) -> Value {
    let iso = |v: &Val| {
        v.time().map_or(Value::Null, |t| {
            Value::from(crate::store::sqlite::ts_text(t).replacen(' ', "T", 1))
        })
    };
    let mut m = Map::new();
    m.insert("id".into(), r[0].int().map_or(Value::Null, Value::from));
    m.insert(
        "session_id".into(),
        r[1].int().map_or(Value::Null, Value::from),
    );
    m.insert(
        "provider".into(),
        r[2].text().map_or(Value::Null, Value::from),
    );
    m.insert("key".into(), r[3].text().map_or(Value::Null, Value::from));
    m.insert("created_at".into(), iso(&r[4]));
    m.insert("updated_at".into(), iso(&r[5]));
    json!(m)
}

/// A value that holds nothing (NULL, or an empty JSON list from a default).
fn is_empty(v: &Val) -> bool {
    match v {
        Val::Null => true,
        Val::Json(Value::Array(a)) => a.is_empty(),
        _ => false,
    }
}
