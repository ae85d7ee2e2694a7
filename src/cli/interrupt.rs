//! Ctrl-C during a bulk command (`import`, `db copy`, `export`). While an [`InterruptGuard`]
//! lives, the first SIGINT only raises a flag ([`interrupted`]) that the command checks at
//! each user or batch boundary: it stops there, with everything before committed (or, for
//! `export`, written as whole lines), and says where it stopped; running it again continues
//! (the bulk commands are idempotent). The first SIGINT also restores the default action,
//! so a second one ends the process at once — still safe: every write is a transaction.

use std::sync::atomic::{AtomicBool, Ordering};

static INTERRUPTED: AtomicBool = AtomicBool::new(false);

/// Whether Ctrl-C was pressed while the guard was armed.
pub fn interrupted() -> bool {
    INTERRUPTED.load(Ordering::SeqCst)
}

#[cfg(unix)]
mod imp {
    use std::ptr;
    use std::sync::atomic::Ordering;

    use super::INTERRUPTED;

    /// Raises the flag and gives SIGINT its default action back. Async-signal-safe calls
    /// only: an atomic store and `sigaction`.
    extern "C" fn on_sigint(_signal: libc::c_int) {
        INTERRUPTED.store(true, Ordering::SeqCst);
        // SAFETY: a zeroed sigaction with `SIG_DFL` is valid; sigaction is
        // async-signal-safe.
        unsafe {
            let mut action: libc::sigaction = std::mem::zeroed();
            action.sa_sigaction = libc::SIG_DFL;
            libc::sigemptyset(&mut action.sa_mask);
            libc::sigaction(libc::SIGINT, &action, ptr::null_mut());
        }
    }

    /// The handler, installed while this lives.
    pub struct InterruptGuard {
        previous: libc::sigaction,
    }

    impl InterruptGuard {
        /// Installs the handler.
        pub fn arm() -> InterruptGuard {
            INTERRUPTED.store(false, Ordering::SeqCst);
            // SAFETY: a zeroed sigaction is valid; the handler has the `sa_handler` shape.
            let previous = unsafe {
                let mut action: libc::sigaction = std::mem::zeroed();
                action.sa_sigaction = on_sigint as extern "C" fn(libc::c_int) as usize;
                libc::sigemptyset(&mut action.sa_mask);
                let mut previous: libc::sigaction = std::mem::zeroed();
                libc::sigaction(libc::SIGINT, &action, &mut previous);
                previous
            };
            InterruptGuard { previous }
        }
    }

    impl Drop for InterruptGuard {
        fn drop(&mut self) {
            // SAFETY: puts back the action saved in `arm`.
            unsafe {
                libc::sigaction(libc::SIGINT, &self.previous, ptr::null_mut());
            }
        }
    }
}

#[cfg(not(unix))]
mod imp {
    /// No handler off Unix: Ctrl-C ends the process (every write is a transaction).
    pub struct InterruptGuard;

    impl InterruptGuard {
        /// Does nothing.
        pub fn arm() -> InterruptGuard {
            InterruptGuard
        }
    }
}

pub use imp::InterruptGuard;
