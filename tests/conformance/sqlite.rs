//! What only the SQLite backend has: opening files (create or refuse), its location string,
//! the schema check cached at open, WAL on disk, and concurrent writers on one file.

use std::path::Path;
use std::thread;

use onboardctl::store::sqlite::SqliteStore;
use onboardctl::store::{Store, StoreError};

use crate::support::{at, key, user};

fn migrated(path: &Path) -> SqliteStore {
    let mut store = SqliteStore::open(path).unwrap();
    store.migrate().unwrap();
    store
}

#[test]
fn open_existing_refuses_a_missing_file_and_creates_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("absent.db");
    match SqliteStore::open_existing(&path) {
        Err(StoreError::Unavailable(m)) => assert!(m.contains("absent.db"), "{m}"),
        other => panic!("expected Unavailable, got {other:?}"),
    }
    assert!(!path.exists());
}

#[test]
fn open_creates_the_file_and_names_it_in_location() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("new.db");
    let store = SqliteStore::open(&path).unwrap();
    assert!(path.exists());
    assert_eq!(store.location(), format!("sqlite:{}", path.display()));
    drop(store);
    assert!(SqliteStore::open_existing(&path).is_ok());
}

#[test]
fn a_missing_directory_or_a_non_database_is_unavailable() {
    let dir = tempfile::tempdir().unwrap();
    let nested = dir.path().join("no/such/dir/x.db");
    assert!(matches!(
        SqliteStore::open(&nested),
        Err(StoreError::Unavailable(_))
    ));
    let junk = dir.path().join("junk.db");
    std::fs::write(&junk, vec![b'j'; 8192]).unwrap();
    assert!(matches!(
        SqliteStore::open_existing(&junk),
        Err(StoreError::Unavailable(_))
    ));
}

#[test]
fn reopening_a_migrated_file_is_ready_and_keeps_data() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("db.sqlite");
    let u = user("persistent");
    migrated(&path).create_session(&u, at(0)).unwrap();
    let mut again = SqliteStore::open_existing(&path).unwrap();
    assert!(again.schema_state().unwrap().pending.is_empty());
    assert!(again.load_onboarding(&u).unwrap().is_some());
    assert!(
        Path::new(&format!("{}-wal", path.display())).exists(),
        "WAL journal"
    );
}

#[test]
fn the_schema_check_is_made_once_at_open() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("db.sqlite");
    let mut early = SqliteStore::open(&path).unwrap();
    migrated(&path);
    assert!(matches!(
        early.load_onboarding(&user("u")),
        Err(StoreError::SchemaOutdated { .. })
    ));
    assert!(
        early.migrate().unwrap().is_empty(),
        "another connection already migrated"
    );
    assert!(
        early.load_onboarding(&user("u")).unwrap().is_none(),
        "cache refreshed"
    );
}

#[test]
fn concurrent_writers_on_one_file_all_succeed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("busy.db");
    drop(migrated(&path));
    let writers: Vec<_> = (0..4)
        .map(|w| {
            let path = path.clone();
            thread::spawn(move || {
                let mut store = SqliteStore::open_existing(&path).unwrap();
                let u = user(&format!("writer-{w}"));
                store.create_session(&u, at(0)).unwrap();
                for i in 0..25 {
                    store
                        .put_api_key(&u, &key(&format!("p{i}"), "v", at(i)))
                        .unwrap();
                }
            })
        })
        .collect();
    for w in writers {
        w.join().unwrap();
    }
    let mut store = SqliteStore::open_existing(&path).unwrap();
    for w in 0..4 {
        assert_eq!(
            store
                .list_api_keys(&user(&format!("writer-{w}")))
                .unwrap()
                .len(),
            25
        );
    }
}
