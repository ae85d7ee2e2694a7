//! Attaching to a seed-era (and later) ALwrity database on SQLite and PostgreSQL: reads work
//! before any `db migrate` and change nothing; `db migrate` only adds; ALwrity's own reading
//! of every user (computed here, independently, from the raw rows) is the same before and
//! after; writes write ALwrity's columns as ALwrity would; duplicates are merged only by
//! `db repair`, keeping the row ALwrity reads.

use onboardctl::config::DbUrl;
use onboardctl::domain::progress::StepChange;
use onboardctl::domain::{StepNumber, StepStatus, UserId};
use onboardctl::store::alwrity::Flavour;
use onboardctl::store::{OpenOptions, Store};

use crate::alwrity::{self, Era};
use crate::backends::TestDb;

/// A store on the test database as the CLI opens it (flavour detected).
fn open(db: &TestDb) -> Box<dyn Store> {
    let url = DbUrl::parse(&db.url).expect("url");
    onboardctl::store::open(&url, &OpenOptions::default()).expect("open")
}

fn user(s: &str) -> UserId {
    s.parse().expect("user id")
}

/// ALwrity's own reading of every user, from the raw rows (not the code under test): the
/// first session row by id, NULL step → 1, NULL progress → 0, complete when step >= 6 or
/// progress >= 100.
fn alwritys_reading(db: &mut TestDb) -> Vec<String> {
    db.raw
        .strings(
            "SELECT s.user_id || ' ' || coalesce(CAST(s.current_step AS TEXT), 'null') || ' ' || \
             coalesce(CAST(s.progress AS TEXT), 'null') FROM onboarding_sessions s \
             WHERE s.id IN (SELECT min(id) FROM onboarding_sessions GROUP BY user_id) \
             ORDER BY s.user_id",
        )
        .into_iter()
        .map(|line| {
            let parts: Vec<&str> = line.split(' ').collect();
            let step: f64 = parts[1].parse().unwrap_or(1.0);
            let progress: f64 = parts[2].parse().unwrap_or(0.0);
            let complete = step >= 6.0 || progress >= 100.0;
            format!(
                "{} step={step} progress={progress} complete={complete}",
                parts[0]
            )
        })
        .collect()
}

/// Every row of ALwrity's tables, on the columns they had when `db` was built (`columns`):
/// the attach may add nullable columns, never change a value.
fn alwritys_rows_on(db: &mut TestDb, era: Era, columns: &[(String, Vec<String>)]) -> Vec<String> {
    let mut out = Vec::new();
    for table in alwrity::data_tables(era) {
        let cols = &columns.iter().find(|(t, _)| t == table).expect("table").1;
        out.extend(db.raw.rows(table).into_values().map(|v| {
            let kept: serde_json::Map<String, serde_json::Value> = v
                .as_object()
                .expect("a row object")
                .iter()
                .filter(|(k, _)| cols.contains(k))
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect();
            format!("{table} {}", serde_json::Value::Object(kept))
        }));
    }
    out
}

/// ALwrity's tables and their columns now.
fn alwritys_columns(db: &mut TestDb, era: Era) -> Vec<(String, Vec<String>)> {
    alwrity::data_tables(era)
        .into_iter()
        .map(|t| (t.to_owned(), db.raw.columns(t)))
        .collect()
}

/// Every row of ALwrity's tables.
fn alwritys_rows(db: &mut TestDb, era: Era) -> Vec<String> {
    let columns = alwritys_columns(db, era);
    alwritys_rows_on(db, era, &columns)
}

/// Reads work before any `db migrate`, on ALwrity's reading, and create nothing.
pub fn reads_work_unattached_and_change_nothing(db: &mut TestDb, era: Era) {
    alwrity::build(&mut *db.raw, era);
    let tables = db.raw.tables();
    let rows = alwritys_rows(db, era);
    let mut store = open(db);
    assert!(matches!(
        store.flavour(),
        Flavour::Alwrity {
            attached: false,
            ..
        }
    ));
    let list = store
        .list_sessions(&onboardctl::store::SessionQuery {
            lifecycles: vec![],
            current_step: None,
            stalled_since: None,
            limit: 100,
            offset: 0,
            after: None,
            ..Default::default()
        })
        .expect("list");
    assert_eq!(list.len(), 4, "one row per user: user_a..user_d");
    // The order and the search of `session list`, on ALwrity's rows.
    let query = |sort, like: Option<&str>| onboardctl::store::SessionQuery {
        sort,
        user_like: like.map(str::to_owned),
        ..Default::default()
    };
    let by_user_reversed = onboardctl::store::SessionSort {
        key: onboardctl::store::SortKey::User,
        reverse: true,
    };
    let names = |rows: Vec<onboardctl::store::SessionSummary>| -> Vec<String> {
        rows.iter().map(|r| r.session.user_id.to_string()).collect()
    };
    let listed = store.list_sessions(&query(by_user_reversed, None)).unwrap();
    assert_eq!(names(listed), ["user_d", "user_c", "user_b", "user_a"]);
    let listed = store
        .list_sessions(&query(by_user_reversed, Some("USER_B")))
        .unwrap();
    assert_eq!(names(listed), ["user_b"]);
    let like_c = query(Default::default(), Some("r_c"));
    assert_eq!(store.count_matching_sessions(&like_c).unwrap(), 1);
    assert!(store
        .list_sessions(&query(Default::default(), Some("%")))
        .unwrap()
        .is_empty());
    let b = store.load_onboarding(&user("user_b")).unwrap().unwrap();
    let view = b.alwrity.clone().expect("ALwrity's view");
    assert_eq!(
        view.columns.current_step,
        Some(6),
        "user_b's first row (id 3) is read"
    );
    assert!(b.session.is_completed(), "complete as ALwrity says");
    let keys = store.list_api_keys(&user("user_a")).unwrap();
    assert_eq!(keys.len(), 1, "only session 1's key: the first row counts");
    assert_eq!(keys[0].value.expose(), "AIzaFAKE_ADOPT_OLDER_000000000000");
    assert!(store
        .get_website_analysis(&user("user_a"))
        .unwrap()
        .is_some());
    assert!(store.export_ready());
    drop(store);
    assert_eq!(db.raw.tables(), tables, "no table created");
    assert_eq!(alwritys_rows(db, era), rows, "nothing changed");
}

/// `db migrate` only adds: ALwrity's rows and its reading of every user stay as they were.
pub fn attach_only_adds(db: &mut TestDb, era: Era) {
    alwrity::build(&mut *db.raw, era);
    let reading = alwritys_reading(db);
    let columns = alwritys_columns(db, era);
    let rows = alwritys_rows(db, era);
    let mut store = open(db);
    let plan = store.attach_plan().unwrap().expect("a plan");
    assert_eq!(
        plan.duplicate_users.len(),
        2,
        "user_a and user_b, reported only"
    );
    store.migrate().expect("attach");
    assert!(matches!(
        store.flavour(),
        Flavour::Alwrity { attached: true, .. }
    ));
    assert!(
        store.attach_plan().unwrap().is_none(),
        "a second run does nothing"
    );
    assert!(store.migrate().unwrap().is_empty());
    drop(store);
    assert_eq!(
        alwritys_rows_on(db, era, &columns),
        rows,
        "no ALwrity value rewritten"
    );
    for (table, before) in &columns {
        let now = db.raw.columns(table);
        assert!(
            before.iter().all(|c| now.contains(c)),
            "{table}: a column went away"
        );
    }
    assert_eq!(
        alwritys_reading(db),
        reading,
        "ALwrity reads every user the same"
    );
    let tables = db.raw.tables();
    assert!(
        tables.contains(&"onboardctl_session_state".to_owned()),
        "{tables:?}"
    );
}

/// A step completed by onboardctl writes what ALwrity's own step path writes.
pub fn writes_are_alwritys_own(db: &mut TestDb, era: Era) {
    alwrity::build(&mut *db.raw, era);
    let mut store = open(db);
    store.migrate().expect("attach");
    let settings = onboardctl::config::Settings::from_env(&|_| None).unwrap();
    let mut svc = onboardctl::service::Service::new(store.as_mut(), settings);
    let change = StepChange {
        step: StepNumber::new(5).unwrap(),
        status: StepStatus::Skipped,
        data: None,
        error: None,
        forced: None,
    };
    svc.mark_step(&user("user_d"), change).expect("skip 5");
    drop(svc);
    drop(store);
    let step = db
        .raw
        .strings("SELECT CAST(current_step AS TEXT) FROM onboarding_sessions WHERE id = 6");
    let progress = db
        .raw
        .strings("SELECT CAST(progress AS TEXT) FROM onboarding_sessions WHERE id = 6");
    let progress: f64 = progress[0].parse().expect("a number");
    assert_eq!(
        (step[0].as_str(), progress),
        ("5", 83.0),
        "skipping 5 writes what completing 5 writes"
    );
    let mut store = open(db);
    let d = store.load_onboarding(&user("user_d")).unwrap().unwrap();
    assert!(
        !d.alwrity.unwrap().derived,
        "onboardctl's own record is current"
    );
    assert_eq!(d.steps[4].status, StepStatus::Skipped);
}

/// `db repair` keeps ALwrity's row (the first by id) with its keys; the rest is quarantined.
pub fn repair_keeps_the_row_alwrity_reads(db: &mut TestDb, era: Era) {
    alwrity::build(&mut *db.raw, era);
    let before: usize = alwrity::data_tables(era)
        .iter()
        .map(|t| db.raw.rows(t).len())
        .sum();
    let mut store = open(db);
    store.migrate().expect("attach");
    let plan = store.repair().unwrap().expect("a repair");
    assert_eq!(plan.merges.len(), 2);
    assert_eq!(plan.merges[0].kept, 1, "user_a keeps session 1");
    let keys = store.list_api_keys(&user("user_a")).unwrap();
    assert_eq!(keys[0].value.expose(), "AIzaFAKE_ADOPT_OLDER_000000000000");
    drop(store);
    let after: usize = alwrity::data_tables(era)
        .iter()
        .map(|t| db.raw.rows(t).len())
        .sum();
    let quarantined = db.raw.rows("onboardctl_quarantine").len();
    assert_eq!(before, after + quarantined, "nothing lost");
    let dup = db
        .raw
        .strings("SELECT count(*) FROM onboarding_sessions GROUP BY user_id HAVING count(*) > 1");
    assert!(dup.is_empty(), "{dup:?}");
}

trait ExportReady {
    fn export_ready(&mut self) -> bool;
}

impl ExportReady for Box<dyn Store> {
    /// Every listed user can be loaded whole (what `export` does).
    fn export_ready(&mut self) -> bool {
        let ids = self.list_user_ids(None, 100).unwrap();
        ids.iter().all(|u| self.load_bundle(u).unwrap().is_some())
    }
}
