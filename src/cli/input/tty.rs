//! The terminal under a prompt: which standard streams are terminals, reading one line
//! (echoed, or hidden with echo off), and putting the terminal back when Ctrl-C ends a
//! prompt.
//!
//! Why a SIGINT handler: the kernel line discipline edits the line (backspace, Ctrl-U) and
//! turns Ctrl-C into SIGINT, whose default action kills the process on the spot — with echo
//! still off after a hidden prompt, and exit status "killed by signal" instead of our 130.
//! While a [`PromptGuard`] lives, SIGINT runs [`on_sigint`], which only calls
//! async-signal-safe functions: `tcsetattr` with the terminal settings saved before the
//! prompt, `write` of a fixed message (with "show cursor" when stderr is a terminal) and
//! `_exit(130)`. Dropping the guard puts the previous handler back.

use std::io::{self, BufRead, IsTerminal};

/// A standard stream a prompt needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stream {
    /// Where the answer is read.
    Stdin,
    /// Where the prompt is written.
    Stderr,
}

impl Stream {
    fn name(self) -> &'static str {
        match self {
            Stream::Stdin => "stdin",
            Stream::Stderr => "stderr",
        }
    }

    fn is_terminal(self) -> bool {
        match self {
            Stream::Stdin => io::stdin().is_terminal(),
            Stream::Stderr => io::stderr().is_terminal(),
        }
    }
}

/// `None` when every one of `streams` is a terminal, else the words naming those that are
/// not: `stdin is not a terminal`, `stdin and stderr are not terminals`.
pub fn not_terminals(streams: &[Stream]) -> Option<String> {
    let missing: Vec<&str> = streams
        .iter()
        .filter(|s| !s.is_terminal())
        .map(|s| s.name())
        .collect();
    match missing.as_slice() {
        [] => None,
        [one] => Some(format!("{one} is not a terminal")),
        many => Some(format!("{} are not terminals", many.join(" and "))),
    }
}

/// Reads one line from stdin (a terminal), its line ending removed; `None` at end of input
/// (Ctrl-D).
pub fn read_line() -> io::Result<Option<String>> {
    let mut line = String::new();
    if io::stdin().lock().read_line(&mut line)? == 0 {
        return Ok(None);
    }
    let end = line.trim_end_matches(['\n', '\r']).len();
    line.truncate(end);
    Ok(Some(line))
}

#[cfg(unix)]
pub use unix::{read_hidden_line, PromptGuard};

#[cfg(unix)]
mod unix {
    use std::io::{self, IsTerminal};
    use std::mem::MaybeUninit;
    use std::ptr;
    use std::sync::atomic::{AtomicBool, AtomicPtr, Ordering};

    use zeroize::Zeroizing;

    /// The terminal settings of stdin before the prompt, for the handler.
    static SAVED: AtomicPtr<libc::termios> = AtomicPtr::new(ptr::null_mut());
    /// Whether stderr is a terminal (the handler then also shows the cursor).
    static STDERR_TTY: AtomicBool = AtomicBool::new(false);

    const MSG_TTY: &[u8] = b"\r\n\x1b[?25herror: cancelled; nothing was changed\n";
    const MSG_PLAIN: &[u8] = b"\nerror: cancelled; nothing was changed\n";

    /// SIGINT during a prompt: restore the terminal, say so, exit 130. Async-signal-safe
    /// calls only (see the module docs).
    extern "C" fn on_sigint(_signal: libc::c_int) {
        let saved = SAVED.load(Ordering::SeqCst);
        let msg = if STDERR_TTY.load(Ordering::SeqCst) {
            MSG_TTY
        } else {
            MSG_PLAIN
        };
        // SAFETY: `saved` is null or points to the termios the live guard owns; the other
        // calls take plain values.
        unsafe {
            if !saved.is_null() {
                libc::tcsetattr(libc::STDIN_FILENO, libc::TCSANOW, saved);
            }
            libc::write(libc::STDERR_FILENO, msg.as_ptr().cast(), msg.len());
            libc::_exit(130);
        }
    }

    fn termios_of_stdin() -> io::Result<libc::termios> {
        let mut t = MaybeUninit::<libc::termios>::uninit();
        // SAFETY: tcgetattr fills `t` when it returns 0.
        if unsafe { libc::tcgetattr(libc::STDIN_FILENO, t.as_mut_ptr()) } != 0 {
            return Err(io::Error::last_os_error());
        }
        // SAFETY: initialised by the successful call above.
        Ok(unsafe { t.assume_init() })
    }

    fn set_termios(t: &libc::termios, when: libc::c_int) -> io::Result<()> {
        // SAFETY: `t` is a valid termios.
        if unsafe { libc::tcsetattr(libc::STDIN_FILENO, when, t) } != 0 {
            return Err(io::Error::last_os_error());
        }
        Ok(())
    }

    /// While alive, Ctrl-C restores stdin's terminal settings as they were when it was
    /// armed, shows the cursor and exits 130.
    pub struct PromptGuard {
        saved: *mut libc::termios,
        previous: libc::sigaction,
    }

    impl PromptGuard {
        /// Saves stdin's settings (when it is a terminal) and installs the handler.
        pub fn arm() -> PromptGuard {
            let saved = termios_of_stdin()
                .map(|t| Box::into_raw(Box::new(t)))
                .unwrap_or(ptr::null_mut());
            STDERR_TTY.store(io::stderr().is_terminal(), Ordering::SeqCst);
            SAVED.store(saved, Ordering::SeqCst);
            // SAFETY: a zeroed sigaction is valid; the handler has the `sa_handler` shape.
            let previous = unsafe {
                let mut action: libc::sigaction = std::mem::zeroed();
                action.sa_sigaction = on_sigint as extern "C" fn(libc::c_int) as usize;
                libc::sigemptyset(&mut action.sa_mask);
                let mut previous: libc::sigaction = std::mem::zeroed();
                libc::sigaction(libc::SIGINT, &action, &mut previous);
                previous
            };
            PromptGuard { saved, previous }
        }
    }

    impl Drop for PromptGuard {
        fn drop(&mut self) {
            // SAFETY: puts back the action saved in `arm`; after that the handler cannot run,
            // so the saved settings can be freed.
            unsafe {
                libc::sigaction(libc::SIGINT, &self.previous, ptr::null_mut());
                SAVED.store(ptr::null_mut(), Ordering::SeqCst);
                if !self.saved.is_null() {
                    drop(Box::from_raw(self.saved));
                }
            }
        }
    }

    /// Puts the settings back when the read ends, however it ends.
    struct EchoOff(libc::termios);

    impl Drop for EchoOff {
        fn drop(&mut self) {
            let _ = set_termios(&self.0, libc::TCSANOW);
        }
    }

    /// Turns echo off on stdin (a terminal), writes `prompt` to stderr — only then, so
    /// nothing typed after the prompt appears is echoed — and reads one line. `None` at end
    /// of input.
    pub fn read_hidden_line(prompt: &str) -> io::Result<Option<Zeroizing<String>>> {
        let before = termios_of_stdin()?;
        let mut quiet = before;
        quiet.c_lflag &= !(libc::ECHO | libc::ECHOE | libc::ECHOK);
        // Enter still moves to the next line.
        quiet.c_lflag |= libc::ECHONL;
        let _restore = EchoOff(before);
        // Discard what was typed ahead (and already echoed) before echo went off.
        set_termios(&quiet, libc::TCSAFLUSH)?;
        super::write_prompt(prompt);
        Ok(super::read_line()?.map(Zeroizing::new))
    }
}

/// Writes `prompt` to stderr, without a newline.
pub fn write_prompt(prompt: &str) {
    use std::io::Write;
    let mut err = io::stderr().lock();
    let _ = err.write_all(prompt.as_bytes());
    let _ = err.flush();
}

/// Elsewhere there is no handler and no way to turn echo off: a hidden prompt is refused.
#[cfg(not(unix))]
pub struct PromptGuard;

#[cfg(not(unix))]
impl PromptGuard {
    /// Does nothing.
    pub fn arm() -> PromptGuard {
        PromptGuard
    }
}

/// Refused off Unix.
#[cfg(not(unix))]
pub fn read_hidden_line(_prompt: &str) -> io::Result<Option<zeroize::Zeroizing<String>>> {
    Err(io::Error::other("a hidden prompt needs a Unix terminal"))
}
