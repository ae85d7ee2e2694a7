//! Schema state and migrations, on a fresh unmigrated store: everything pending at first,
//! nothing after `migrate`, a second `migrate` is a no-op, and data methods refuse to run on
//! an outdated schema.

use onboardctl::store::{Backend, SessionQuery, Store, StoreError};

use crate::support::{at, user};

/// A workspace has no schema of its own (each file is attached on its own, tested by the
/// workspace suite), so the schema bodies do not apply to it.
fn has_no_schema(store: &dyn Store) -> bool {
    let none = store.backend() == Backend::Workspace;
    if none {
        eprintln!("NOTICE: a workspace has no schema of its own; skipped");
    }
    none
}

/// A fresh database has nothing applied and every migration pending, oldest first.
pub fn fresh_store_has_every_migration_pending(store: &mut dyn Store) {
    if has_no_schema(store) {
        return;
    }
    let state = store.schema_state().unwrap();
    assert!(state.applied.is_empty());
    assert_eq!(state.version(), 0);
    assert!(!state.pending.is_empty());
    assert_eq!(state.pending[0].version, 1);
    assert_eq!(state.pending[0].name, "init");
    assert!(
        state
            .pending
            .windows(2)
            .all(|w| w[0].version < w[1].version),
        "oldest first"
    );
    assert!(state.pending.iter().all(|m| m.applied_on.is_none()));
}

/// `migrate` applies and returns exactly the pending list; then the version is the newest.
pub fn migrate_applies_every_pending_migration(store: &mut dyn Store) {
    if has_no_schema(store) {
        return;
    }
    let pending = store.schema_state().unwrap().pending;
    let applied = store.migrate().unwrap();
    let versions = |ms: &[onboardctl::store::MigrationInfo]| {
        ms.iter()
            .map(|m| (m.version, m.name.clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(versions(&applied), versions(&pending));
    let state = store.schema_state().unwrap();
    assert!(state.pending.is_empty());
    assert_eq!(versions(&state.applied), versions(&pending));
    assert_eq!(
        state.version(),
        pending.last().unwrap().version,
        "version is the newest"
    );
    assert!(state.applied.iter().all(|m| m.applied_on.is_some()));
}

/// A second `migrate` applies nothing and changes nothing.
pub fn migrate_is_idempotent(store: &mut dyn Store) {
    if has_no_schema(store) {
        return;
    }
    assert!(!store.migrate().unwrap().is_empty());
    let state = store.schema_state().unwrap();
    assert!(store.migrate().unwrap().is_empty(), "nothing left to apply");
    assert_eq!(store.schema_state().unwrap(), state);
}

/// Data methods return `SchemaOutdated` with the pending count until migrated.
pub fn data_methods_refuse_an_outdated_schema(store: &mut dyn Store) {
    if has_no_schema(store) {
        return;
    }
    let pending = store.schema_state().unwrap().pending.len();
    let u = user("early");
    let outdated =
        |e: StoreError| matches!(e, StoreError::SchemaOutdated { pending: p } if p == pending);
    assert!(outdated(store.create_session(&u, at(0)).unwrap_err()));
    assert!(outdated(store.load_onboarding(&u).unwrap_err()));
    assert!(outdated(store.list_api_keys(&u).unwrap_err()));
    let q = SessionQuery {
        lifecycles: vec![],
        current_step: None,
        stalled_since: None,
        limit: 1,
        offset: 0,
        after: None,
        ..Default::default()
    };
    assert!(outdated(store.list_sessions(&q).unwrap_err()));
    store.migrate().unwrap();
    assert!(
        store.create_session(&u, at(0)).unwrap().1,
        "works once migrated"
    );
}

/// `location` names the backend and never shows a password.
pub fn backend_and_location_are_reported(store: &mut dyn Store) {
    let location = store.location();
    let prefix = match store.backend() {
        Backend::Sqlite => "sqlite:",
        Backend::Postgres => "postgres",
        Backend::Workspace => "workspace:",
    };
    assert!(location.starts_with(prefix), "{location}");
    let authority = location.split_once("://").map_or("", |(_, rest)| rest);
    if let Some((userinfo, _)) = authority.split_once('@') {
        let password = userinfo.split_once(':').map(|(_, pw)| pw);
        assert!(
            matches!(password, None | Some("***")),
            "password shown in {location}"
        );
    }
}
