//! Databases ALwrity made (seed era and later): the test bodies are written once, over a
//! [`backends::TestDb`] (a raw connection to the database, and its URL), and `adoption!` runs
//! each on SQLite and PostgreSQL and on both eras of the fixture (`alwrity::Era`). The
//! ALwrity databases are built here from ALwrity's DDL (`alwrity`).

mod alwrity;
mod attach;
// Shared with the `alwrity` target, which uses more of them.
#[allow(dead_code)]
mod backends;
#[allow(dead_code)]
mod raw;

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
                attach [
                    reads_work_unattached_and_change_nothing,
                    attach_only_adds,
                    writes_are_alwritys_own,
                    repair_keeps_the_row_alwrity_reads,
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
