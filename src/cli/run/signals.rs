//! Signals while `run` waits for its child: SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGUSR1 and
//! SIGUSR2 sent to onboardctl (`kill PID`, a supervisor, `timeout`) are passed on to the
//! child, so onboardctl is as transparent as the program it wraps, and onboardctl itself
//! stays alive to report the child's exit status.
//!
//! A signal the kernel raised — Ctrl-C, Ctrl-\ or a hang-up of the terminal — is not passed
//! on: the terminal sends it to its whole foreground process group, the child included (it
//! stays in onboardctl's group), so forwarding it would deliver it twice. The handler tells
//! the two apart by `si_code` (positive: sent by the kernel; zero or negative: by a process).
//!
//! A signal that arrives before the child exists is kept and delivered once it does.
//! SIGKILL and SIGSTOP cannot be caught, so they are not passed on.

use std::ptr;
use std::sync::atomic::{AtomicI32, AtomicU64, Ordering};

/// The signals passed on.
const FORWARDED: [libc::c_int; 6] = [
    libc::SIGHUP,
    libc::SIGINT,
    libc::SIGQUIT,
    libc::SIGTERM,
    libc::SIGUSR1,
    libc::SIGUSR2,
];

/// The child's pid once spawned; 0 before.
static CHILD: AtomicI32 = AtomicI32::new(0);
/// Signals (as bits `1 << signo`) received before [`CHILD`] was set.
static PENDING: AtomicU64 = AtomicU64::new(0);

/// Sends every pending signal to the child, each once (the swap makes the handler and the
/// main thread race safely).
fn deliver_pending(pid: libc::pid_t) {
    let pending = PENDING.swap(0, Ordering::SeqCst);
    for signal in FORWARDED {
        if pending & (1 << signal) != 0 {
            // SAFETY: kill is async-signal-safe; `pid` is our own child.
            unsafe { libc::kill(pid, signal) };
        }
    }
}

/// Async-signal-safe calls only: atomics and `kill`.
extern "C" fn on_signal(signal: libc::c_int, info: *mut libc::siginfo_t, _: *mut libc::c_void) {
    // SAFETY: with SA_SIGINFO the kernel passes a valid siginfo_t.
    let from_kernel = !info.is_null() && unsafe { (*info).si_code } > 0;
    if from_kernel {
        return;
    }
    match CHILD.load(Ordering::SeqCst) {
        0 => {
            PENDING.fetch_or(1 << signal, Ordering::SeqCst);
            // The child may have been published meanwhile; then it is ours to deliver.
            let pid = CHILD.load(Ordering::SeqCst);
            if pid != 0 {
                deliver_pending(pid);
            }
        }
        // SAFETY: as above.
        pid => unsafe {
            libc::kill(pid, signal);
        },
    }
}

/// The forwarding handlers, installed while this lives; the previous actions come back on
/// drop.
pub struct Forwarder {
    previous: Vec<(libc::c_int, libc::sigaction)>,
}

impl Forwarder {
    /// Installs the handlers (before the child is spawned, so nothing is lost).
    pub fn install() -> Forwarder {
        CHILD.store(0, Ordering::SeqCst);
        PENDING.store(0, Ordering::SeqCst);
        let mut previous = Vec::with_capacity(FORWARDED.len());
        for signal in FORWARDED {
            // SAFETY: a zeroed sigaction is valid; the handler has the SA_SIGINFO shape. The
            // child does not inherit the handler: exec resets caught signals to their
            // default action.
            unsafe {
                let mut action: libc::sigaction = std::mem::zeroed();
                action.sa_sigaction = on_signal
                    as extern "C" fn(libc::c_int, *mut libc::siginfo_t, *mut libc::c_void)
                    as usize;
                action.sa_flags = libc::SA_SIGINFO | libc::SA_RESTART;
                libc::sigemptyset(&mut action.sa_mask);
                let mut old: libc::sigaction = std::mem::zeroed();
                libc::sigaction(signal, &action, &mut old);
                previous.push((signal, old));
            }
        }
        Forwarder { previous }
    }

    /// From now on signals go to `pid`; any that came before are delivered now.
    pub fn child_started(&self, pid: u32) {
        let Ok(pid) = libc::pid_t::try_from(pid) else {
            return;
        };
        CHILD.store(pid, Ordering::SeqCst);
        deliver_pending(pid);
    }
}

impl Drop for Forwarder {
    fn drop(&mut self) {
        for (signal, old) in &self.previous {
            // SAFETY: puts back the action saved in `install`.
            unsafe {
                libc::sigaction(*signal, old, ptr::null_mut());
            }
        }
        CHILD.store(0, Ordering::SeqCst);
    }
}
