//! libpq's password file (`~/.pgpass`, or the file `PGPASSFILE` names): lines of
//! `hostname:port:database:username:password`, read as libpq reads them.
//!
//! - Each of the first four fields is a literal or `*` (anything); the first matching line
//!   wins. `\` escapes the next character, so `\:` is a colon and `\\` a backslash inside a
//!   field; the password ends at the first unescaped `:` (or the line's end).
//! - Blank lines and lines starting with `#` are skipped; a trailing `\r` is dropped.
//! - A socket connection to the default socket directory is looked up as `localhost`.
//! - On Unix the file is ignored, with a warning, unless it is a plain file with no group or
//!   world permission bits (`chmod 0600`), as libpq does. A missing file is silently nothing.

use std::path::{Path, PathBuf};

use zeroize::Zeroizing;

use crate::domain::Secret;

/// What a lookup is for: one host (as the connection names it), port, database and user.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PassKey<'a> {
    /// The host name, IP address or socket directory.
    pub host: &'a str,
    /// The port, as text.
    pub port: &'a str,
    /// The database.
    pub dbname: &'a str,
    /// The user.
    pub user: &'a str,
}

/// The password of the first line of `text` that matches `key`.
pub fn find(text: &str, key: &PassKey<'_>) -> Option<Secret> {
    let fields = [key.host, key.port, key.dbname, key.user];
    text.lines()
        .map(|line| line.strip_suffix('\r').unwrap_or(line))
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .find_map(|line| {
            let mut rest = line;
            for want in fields {
                rest = match_field(rest, want)?;
            }
            Some(Secret::new(unescape_password(rest)))
        })
}

/// When `line` starts with a field matching `want` and a `:`, what follows the `:`.
fn match_field<'l>(line: &'l str, want: &str) -> Option<&'l str> {
    if let Some(rest) = line.strip_prefix("*:") {
        return Some(rest);
    }
    let mut chars = line.char_indices();
    let mut want = want.chars();
    while let Some((i, c)) = chars.next() {
        let literal = match c {
            ':' => return want.next().is_none().then(|| &line[i + 1..]),
            '\\' => chars.next().map_or('\\', |(_, e)| e),
            other => other,
        };
        if want.next() != Some(literal) {
            return None;
        }
    }
    // The line ended inside the field: no password field, no match.
    None
}

fn unescape_password(field: &str) -> String {
    let mut out = String::with_capacity(field.len());
    let mut chars = field.chars();
    while let Some(c) = chars.next() {
        match c {
            ':' => break,
            '\\' => out.push(chars.next().unwrap_or('\\')),
            other => out.push(other),
        }
    }
    out
}

/// The password file: `PGPASSFILE` when set and not empty, else `$HOME/.pgpass`.
pub fn path(env: &dyn Fn(&str) -> Option<String>) -> Option<PathBuf> {
    let set = |name: &str| env(name).filter(|v| !v.is_empty());
    match set("PGPASSFILE") {
        Some(file) => Some(PathBuf::from(file)),
        None => set("HOME").map(|home| Path::new(&home).join(".pgpass")),
    }
}

/// The file's text, or why it is ignored (a warning for stderr, naming the file only).
/// `Ok(None)`: there is no such file.
pub fn read(path: &Path) -> Result<Option<Zeroizing<String>>, String> {
    let meta = match std::fs::metadata(path) {
        Ok(meta) => meta,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => {
            return Err(format!(
                "cannot read password file `{}`: {e}",
                path.display()
            ))
        }
    };
    if !meta.is_file() {
        return Err(format!(
            "password file `{}` is not a plain file; ignored",
            path.display()
        ));
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        if meta.permissions().mode() & 0o077 != 0 {
            return Err(format!(
                "password file `{}` has group or world access; permissions should be u=rw \
                 (0600) or less; ignored",
                path.display()
            ));
        }
    }
    std::fs::read_to_string(path)
        .map(|text| Some(Zeroizing::new(text)))
        .map_err(|e| format!("cannot read password file `{}`: {e}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key<'a>(host: &'a str, port: &'a str, dbname: &'a str, user: &'a str) -> PassKey<'a> {
        PassKey {
            host,
            port,
            dbname,
            user,
        }
    }

    fn pw(text: &str, k: PassKey<'_>) -> Option<String> {
        find(text, &k).map(|s| s.expose().to_owned())
    }

    #[test]
    fn first_matching_line_wins_and_stars_match_anything() {
        let text = "db.example:5432:app:alice:first\n\
                    *:5432:app:alice:second\n\
                    *:*:*:*:fallback\n";
        assert_eq!(
            pw(text, key("db.example", "5432", "app", "alice")).as_deref(),
            Some("first")
        );
        assert_eq!(
            pw(text, key("other", "5432", "app", "alice")).as_deref(),
            Some("second")
        );
        assert_eq!(
            pw(text, key("other", "6432", "app", "alice")).as_deref(),
            Some("fallback")
        );
        assert_eq!(
            pw("h:5432:app:alice:x\n", key("h", "5432", "app", "bob")),
            None
        );
        // A field matches whole, not as a prefix.
        assert_eq!(
            pw("h:5432:app:al:x\n", key("h", "5432", "app", "alice")),
            None
        );
        assert_eq!(
            pw("h:5432:app:alice:x\n", key("h", "5432", "app", "al")),
            None
        );
    }

    #[test]
    fn escapes_comments_and_line_ends() {
        // `\:` and `\\` inside fields and in the password.
        let text = "# a comment\n\nh:5432:my\\:db:u\\\\ser:pa\\:ss\\\\word\r\n";
        assert_eq!(
            pw(text, key("h", "5432", "my:db", "u\\ser")).as_deref(),
            Some("pa:ss\\word")
        );
        // The password ends at an unescaped colon.
        assert_eq!(
            pw("*:*:*:*:abc:def\n", key("h", "1", "d", "u")).as_deref(),
            Some("abc")
        );
        // `*` is a wildcard only as the whole field.
        assert_eq!(pw("*x:*:*:*:p\n", key("h", "1", "d", "u")), None);
        assert_eq!(
            pw("\\*:*:*:*:p\n", key("*", "1", "d", "u")).as_deref(),
            Some("p")
        );
        // A line with too few fields matches nothing.
        assert_eq!(pw("h:5432:d:u\n", key("h", "5432", "d", "u")), None);
        // An empty password field is the empty password.
        assert_eq!(
            pw("h:1:d:u:\n", key("h", "1", "d", "u")).as_deref(),
            Some("")
        );
    }

    #[cfg(unix)]
    #[test]
    fn group_or_world_readable_files_are_ignored() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("pgpass");
        std::fs::write(&file, "*:*:*:*:pw\n").unwrap();
        for (mode, ok) in [(0o600, true), (0o400, true), (0o640, false), (0o604, false)] {
            std::fs::set_permissions(&file, std::fs::Permissions::from_mode(mode)).unwrap();
            let got = read(&file);
            assert_eq!(got.is_ok(), ok, "{mode:o}: {got:?}");
            if let Err(why) = got {
                assert!(why.contains("group or world access"), "{why}");
                assert!(!why.contains("pw\n"), "{why}");
            }
        }
        assert_eq!(read(&dir.path().join("missing")), Ok(None));
        assert!(read(dir.path()).unwrap_err().contains("not a plain file"));
    }

    #[test]
    fn pgpassfile_wins_over_home() {
        let env = |vars: &'static [(&'static str, &'static str)]| {
            move |name: &str| {
                vars.iter()
                    .find(|(k, _)| *k == name)
                    .map(|(_, v)| (*v).to_owned())
            }
        };
        let both = env(&[("PGPASSFILE", "/x/pass"), ("HOME", "/home/u")]);
        assert_eq!(path(&both), Some(PathBuf::from("/x/pass")));
        let home = env(&[("PGPASSFILE", ""), ("HOME", "/home/u")]);
        assert_eq!(path(&home), Some(PathBuf::from("/home/u/.pgpass")));
        assert_eq!(path(&env(&[])), None);
    }
}
