//! The `.env` editor's error type. No variant holds a value: only paths, variable names,
//! line numbers and fixed reasons, so neither `Display` nor `Debug` can leak a secret.

use std::io;
use std::path::PathBuf;

/// Why reading or editing a `.env` file failed. Every variant maps to exit 4.
#[derive(Debug, thiserror::Error)]
pub enum EnvFileError {
    /// An operating-system call on `path` failed; `op` names it (`read`, `lock`, `rename` …).
    #[error("cannot {op} `{}`", path.display())]
    Io {
        /// The operation, as a verb phrase.
        op: &'static str,
        /// The file or directory it was applied to.
        path: PathBuf,
        /// What the OS said.
        #[source]
        source: io::Error,
    },
    /// The `.env` path (or its lock file) is a symbolic link; writing through it is refused.
    #[error("`{}` is a symbolic link; refusing to write through it", path.display())]
    Symlink {
        /// The link.
        path: PathBuf,
    },
    /// The path exists but is not a regular file (a directory, a FIFO …).
    #[error("`{}` is not a regular file", path.display())]
    NotAFile {
        /// The path.
        path: PathBuf,
    },
    /// The variable name is not `[A-Za-z_][A-Za-z0-9_]*` (what both dotenvy and sh accept).
    #[error("`{var}` is not a valid environment variable name")]
    InvalidName {
        /// The name.
        var: String,
    },
    /// The value cannot be written so that python-dotenv, dotenvy and a POSIX shell all read
    /// it back (see `quote.rs` for the rule).
    #[error("the value for `{var}` cannot be written to a .env file: {reason}")]
    Unrepresentable {
        /// The variable.
        var: String,
        /// Which characters of the value are the problem, and why (never the value itself).
        reason: String,
    },
    /// The readers would disagree about the entry being changed, so it is not edited.
    #[error("`{}` line {line}: {reason}; refusing to change `{var}`", path.display())]
    Conflict {
        /// The file.
        path: PathBuf,
        /// 1-based line of the entry in question.
        line: usize,
        /// The variable being changed.
        var: String,
        /// What the readers disagree about.
        reason: &'static str,
    },
    /// The existing file has no owner write permission; replacing it would bypass that.
    #[error("`{}` is read-only (mode `{mode:04o}`); refusing to replace it", path.display())]
    ReadOnly {
        /// The file.
        path: PathBuf,
        /// Its permission bits.
        mode: u32,
    },
    /// The existing file cannot be parsed safely, so it is not edited.
    #[error("`{}` line {line}: {reason}; refusing to edit it", path.display())]
    Malformed {
        /// The file.
        path: PathBuf,
        /// 1-based line where the unparseable entry starts.
        line: usize,
        /// What is wrong with it.
        reason: &'static str,
    },
}

impl EnvFileError {
    /// A `map_err` adapter: `.map_err(EnvFileError::io("read", path))`.
    pub(super) fn io(op: &'static str, path: impl Into<PathBuf>) -> impl FnOnce(io::Error) -> Self {
        let path = path.into();
        move |source| EnvFileError::Io { op, path, source }
    }
}
