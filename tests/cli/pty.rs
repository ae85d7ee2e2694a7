//! A pseudo-terminal for the prompt tests, hand-rolled on `libc` (`posix_openpt`, `grantpt`,
//! `unlockpt`, `ptsname_r`; `setsid` and `TIOCSCTTY` in the child): the crate is already a
//! dependency of the tool, so the tests add none, and they need only what every Unix pty
//! crate wraps — spawn the binary on the terminal, read what it writes, type, send Ctrl-C,
//! and look at the terminal's settings after the child exits.

use std::fs::File;
use std::io::{Read, Write};
use std::os::fd::{AsRawFd, FromRawFd};
use std::os::unix::process::CommandExt;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// How long any one wait may take before the test fails.
const PATIENCE: Duration = Duration::from_secs(30);

/// A child process whose terminal is a fresh pty.
pub struct Pty {
    master: File,
    slave: File,
    child: Child,
    seen: Arc<Mutex<Vec<u8>>>,
}

fn check(rc: libc::c_int, what: &str) {
    assert!(rc >= 0, "{what}: {}", std::io::Error::last_os_error());
}

/// A master and its slave, both open.
fn open_pty() -> (File, File) {
    // SAFETY: plain libc calls on a descriptor this function owns; the name buffer is large
    // and NUL-terminated by ptsname_r.
    unsafe {
        let master = libc::posix_openpt(libc::O_RDWR | libc::O_NOCTTY);
        check(master, "posix_openpt");
        check(libc::grantpt(master), "grantpt");
        check(libc::unlockpt(master), "unlockpt");
        let mut name = [0 as libc::c_char; 256];
        check(
            libc::ptsname_r(master, name.as_mut_ptr(), name.len()),
            "ptsname_r",
        );
        let slave = libc::open(name.as_ptr(), libc::O_RDWR | libc::O_NOCTTY);
        check(slave, "open the pty slave");
        (File::from_raw_fd(master), File::from_raw_fd(slave))
    }
}

impl Pty {
    /// Runs `cmd` with stdin, stdout and stderr on the pty (stderr on `stderr` when given),
    /// as the session leader whose controlling terminal it is, so Ctrl-C reaches it.
    pub fn spawn(mut cmd: Command, stderr: Option<Stdio>) -> Pty {
        let (master, slave) = open_pty();
        let end = || Stdio::from(slave.try_clone().expect("dup the slave"));
        cmd.stdin(end()).stdout(end());
        cmd.stderr(stderr.unwrap_or_else(end));
        // SAFETY: only async-signal-safe calls between fork and exec.
        unsafe {
            cmd.pre_exec(|| {
                if libc::setsid() < 0 || libc::ioctl(0, libc::TIOCSCTTY, 0) < 0 {
                    return Err(std::io::Error::last_os_error());
                }
                Ok(())
            });
        }
        let child = cmd.spawn().expect("spawn on the pty");
        drop(cmd);
        let seen = Arc::new(Mutex::new(Vec::new()));
        let mut reader = master.try_clone().expect("dup the master");
        let sink = Arc::clone(&seen);
        // Ends with an error (EIO) once the child and the test have closed the slave.
        std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n @ 1..) = reader.read(&mut buf) {
                sink.lock().unwrap().extend_from_slice(&buf[..n]);
            }
        });
        Pty {
            master,
            slave,
            child,
            seen,
        }
    }

    /// Everything the child wrote to the terminal so far (echo included).
    pub fn seen(&self) -> String {
        String::from_utf8_lossy(&self.seen.lock().unwrap()).into_owned()
    }

    /// Waits until the terminal shows `needle`.
    pub fn expect(&self, needle: &str) {
        let start = Instant::now();
        while !self.seen().contains(needle) {
            assert!(
                start.elapsed() < PATIENCE,
                "the terminal never showed {needle:?}; it shows:\n{}",
                self.seen()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Types `text` (`\r` is Enter, `\x03` Ctrl-C).
    pub fn send(&mut self, text: &str) {
        self.master.write_all(text.as_bytes()).expect("type");
        self.master.flush().expect("flush");
    }

    /// Whether the child is still running.
    pub fn running(&mut self) -> bool {
        self.child.try_wait().expect("try_wait").is_none()
    }

    /// Waits for the child to exit (killing it after [`PATIENCE`]).
    pub fn wait(&mut self) -> ExitStatus {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().expect("try_wait") {
                // Let the reader drain what the child wrote last.
                std::thread::sleep(Duration::from_millis(100));
                return status;
            }
            if start.elapsed() > PATIENCE {
                let _ = self.child.kill();
                panic!(
                    "the child did not exit; the terminal shows:\n{}",
                    self.seen()
                );
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Whether the terminal echoes input (its settings as the child left them).
    pub fn echo_on(&self) -> bool {
        let mut t = std::mem::MaybeUninit::<libc::termios>::uninit();
        // SAFETY: tcgetattr fills `t` when it returns 0.
        let rc = unsafe { libc::tcgetattr(self.slave.as_raw_fd(), t.as_mut_ptr()) };
        check(rc, "tcgetattr");
        // SAFETY: initialised by the successful call.
        let t = unsafe { t.assume_init() };
        t.c_lflag & libc::ECHO != 0
    }
}

impl Drop for Pty {
    fn drop(&mut self) {
        if self.running() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}
