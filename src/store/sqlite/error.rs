//! Maps rusqlite errors onto [`StoreError`] in one function, so the conformance suite can
//! assert the same variants on every backend. Messages come from SQLite itself, which never
//! quotes a bound value, so no key can leak through them.

use rusqlite::ffi;
use rusqlite::ErrorCode;

use crate::store::StoreError;

/// [`classify`] for `map_err` call sites.
pub(crate) fn map_err(e: rusqlite::Error) -> StoreError {
    classify(&e)
}

/// The one mapping from a driver error to a store error: unique and foreign-key violations
/// are conflicts; busy, locked, unopenable, not-a-database and corrupt files, a full disk, a
/// read-only file or mount, I/O errors and denied permissions are unavailability (exit 5,
/// each with a sentence saying which); everything else is a backend error.
pub(crate) fn classify(e: &rusqlite::Error) -> StoreError {
    let Some(code) = e.sqlite_error() else {
        return StoreError::Backend(e.to_string());
    };
    match code.code {
        ErrorCode::ConstraintViolation
            if matches!(
                code.extended_code,
                ffi::SQLITE_CONSTRAINT_UNIQUE
                    | ffi::SQLITE_CONSTRAINT_PRIMARYKEY
                    | ffi::SQLITE_CONSTRAINT_FOREIGNKEY
            ) =>
        {
            StoreError::Conflict(e.to_string())
        }
        ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked => StoreError::Unavailable(format!(
            "{e}: another program holds the lock, and the busy timeout ran out (--busy-timeout SECONDS waits longer)"
        )),
        ErrorCode::CannotOpen | ErrorCode::NotADatabase => StoreError::Unavailable(e.to_string()),
        // Growing the WAL index (`-shm`) on a full file system fails with IOERR_SHMSIZE.
        ErrorCode::DiskFull | ErrorCode::SystemIoFailure
            if code.code == ErrorCode::DiskFull
                || code.extended_code == ffi::SQLITE_IOERR_SHMSIZE =>
        {
            StoreError::Unavailable(format!("the disk is full; nothing was changed ({e})"))
        }
        ErrorCode::ReadOnly => StoreError::Unavailable(format!(
            "the database is read-only (a read-only file or mount); nothing was changed ({e})"
        )),
        ErrorCode::SystemIoFailure => {
            StoreError::Unavailable(format!("an I/O error stopped the database ({e})"))
        }
        ErrorCode::PermissionDenied => StoreError::Unavailable(format!("permission denied ({e})")),
        ErrorCode::DatabaseCorrupt => {
            StoreError::Unavailable(format!("the database file is corrupt ({e})"))
        }
        ErrorCode::OutOfMemory => StoreError::Unavailable(format!("out of memory ({e})")),
        _ => StoreError::Backend(e.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use rusqlite::Connection;

    use super::*;

    fn conn() -> Connection {
        let conn = Connection::open_in_memory().unwrap();
        conn.execute_batch(
            "PRAGMA foreign_keys=ON;
             CREATE TABLE p (id INTEGER PRIMARY KEY, u TEXT UNIQUE);
             CREATE TABLE c (p_id INTEGER NOT NULL REFERENCES p (id), n INTEGER CHECK (n > 0));
             INSERT INTO p (id, u) VALUES (1, 'a');",
        )
        .unwrap();
        conn
    }

    #[test]
    fn unique_and_foreign_key_violations_are_conflicts() {
        let conn = conn();
        let unique = conn
            .execute("INSERT INTO p (u) VALUES ('a')", [])
            .unwrap_err();
        assert!(matches!(map_err(unique), StoreError::Conflict(_)));
        let fk = conn
            .execute("INSERT INTO c (p_id, n) VALUES (9, 1)", [])
            .unwrap_err();
        assert!(matches!(map_err(fk), StoreError::Conflict(_)));
    }

    #[test]
    fn other_failures_are_backend_errors() {
        let conn = conn();
        let check = conn
            .execute("INSERT INTO c (p_id, n) VALUES (1, 0)", [])
            .unwrap_err();
        assert!(matches!(map_err(check), StoreError::Backend(_)));
        let syntax = conn.execute("SELEC 1", []).unwrap_err();
        assert!(matches!(map_err(syntax), StoreError::Backend(_)));
    }

    #[test]
    fn a_full_database_is_unavailable_and_says_so() {
        let conn = Connection::open_in_memory().unwrap();
        conn.execute_batch("CREATE TABLE t (b BLOB); PRAGMA max_page_count = 2;")
            .unwrap();
        let err = conn
            .execute("INSERT INTO t VALUES (zeroblob(100000))", [])
            .unwrap_err();
        match map_err(err) {
            StoreError::Unavailable(m) => assert!(m.contains("disk is full"), "{m}"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_write_to_a_read_only_database_is_unavailable_and_says_so() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("ro.db");
        Connection::open(&path)
            .unwrap()
            .execute_batch("CREATE TABLE t (x)")
            .unwrap();
        let conn =
            Connection::open_with_flags(&path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
        let err = conn.execute("INSERT INTO t VALUES (1)", []).unwrap_err();
        match map_err(err) {
            StoreError::Unavailable(m) => assert!(m.contains("read-only"), "{m}"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_file_that_is_not_a_database_is_unavailable() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("junk.db");
        std::fs::write(&path, vec![b'x'; 4096]).unwrap();
        let conn = Connection::open(&path).unwrap();
        let err = conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| {
            r.get::<_, i64>(0)
        });
        assert!(matches!(
            map_err(err.unwrap_err()),
            StoreError::Unavailable(_)
        ));
    }
}
