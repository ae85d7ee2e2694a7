//! Adoption of databases ALwrity created (issue #5): the test bodies are written once, over
//! a [`backends::TestDb`] (a store plus a raw connection to the same database), and
//! `adoption!` runs each on SQLite and PostgreSQL and on both ALwrity eras (`alwrity::Era`).
//! The ALwrity databases are built here from the DDL in ALWRITY.md (`alwrity`). `cli` drives
//! the real binary.

mod alwrity;
mod backends;
mod check;
mod cli;
mod compat;
mod raw;
mod scenarios;

/// `adoption!(backend, factory)`: every body, for both eras, on databases from `factory`
/// (`fn() -> Option<TestDb>`, `None` to skip).
macro_rules! adoption {
    ($backend:ident, $factory:path) => {
        mod $backend {
            adoption!(@era seed, Seed, $factory);
            adoption!(@era later, Later, $factory);
        }
    };
    (@era $name:ident, $era:ident, $factory:path) => {
        mod $name {
            adoption!(@bodies $era, $factory;
                scenarios [
                    merges_quarantines_and_derives,
                    nothing_is_lost,
                    dry_run_changes_nothing,
                    injected_failure_rolls_back,
                    adopting_twice_is_a_no_op,
                    migrate_adopts_an_empty_history,
                    our_own_database_is_not_adopted,
                ],
                compat [
                    schema_matches_a_fresh_v1,
                    constraints_hold,
                    alwrity_still_writes_and_reads,
                    store_works_after_adoption,
                    concurrent_adoptions_adopt_once,
                ],
            );
        }
    };
    (@bodies $era:ident, $factory:path; $($module:ident [$($test:ident),* $(,)?]),* $(,)?) => {
        $(
            mod $module {
                $(
                    #[test]
                    fn $test() {
                        if let Some(mut db) = $factory() {
                            crate::$module::$test(&mut db, crate::alwrity::Era::$era);
                        }
                    }
                )*
            }
        )*
    };
}

adoption!(sqlite, crate::backends::sqlite);
adoption!(postgres, crate::backends::postgres);
