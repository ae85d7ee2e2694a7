//! onboardctl: administration of ALwrity onboarding data on SQLite and PostgreSQL.
//!
//! The binary is a thin shell over this library: `cli` parses and renders, `service` applies
//! the rules of `domain` over a `store::Store`. docs/ARCHITECTURE.md maps the layers, where
//! each rule lives and the `Store` contract.

pub mod cli;
pub mod config;
pub mod domain;
pub mod envfile;
pub mod error;
pub mod output;
pub mod service;
pub mod store;

pub use cli::{Cli, Failure};

/// Runs a parsed command line; see [`cli::run`]. Errors are returned, not printed: the
/// caller reports them (with [`output::Ui::report`]) and picks the exit code.
pub fn run(cli: Cli) -> Result<(), Failure> {
    cli::run(cli)
}
