//! Redaction of URL text: the password in the user info and every `*password=` query value
//! become `***`. Used for parsed PostgreSQL URLs and, more generously, for any input echoed
//! in an error message.

/// What replaces a password.
pub const MASK: &str = "***";

/// `user:pass` → `user:***`; `user` and `user:` are unchanged.
pub(super) fn redact_userinfo(userinfo: &str) -> String {
    match userinfo.split_once(':') {
        Some((user, pw)) if !pw.is_empty() => format!("{user}:{MASK}"),
        _ => userinfo.to_owned(),
    }
}

/// Masks the value of every parameter whose name ends in `password` (libpq's `password` and
/// `sslpassword`, any case). Segments without `=` right after such a parameter are taken for
/// pieces of a value with an unencoded `&` and dropped.
pub(super) fn redact_query(query: &str) -> String {
    let mut out: Vec<String> = Vec::new();
    let mut in_password = false;
    for segment in query.split('&') {
        match segment.split_once('=') {
            Some((key, _)) if key.to_ascii_lowercase().ends_with("password") => {
                out.push(format!("{key}={MASK}"));
                in_password = true;
            }
            Some(_) => {
                out.push(segment.to_owned());
                in_password = false;
            }
            None if in_password => {}
            None => out.push(segment.to_owned()),
        }
    }
    out.join("&")
}

/// Redacts any `scheme://…` text, parseable or not. The user info is taken to end at the
/// *last* `@`, so a password with an unencoded `@`, `/` or `?` is still masked whole; the cost
/// is that an `@` in a query value may hide more than the password. Text without `://` is
/// returned unchanged: callers never echo such input.
pub fn redact(input: &str) -> String {
    let Some(i) = input.find("://") else {
        return input.to_owned();
    };
    let (head, rest) = input.split_at(i + 3);
    let rest = match rest.rfind('@') {
        Some(at) => format!("{}{}", redact_userinfo(&rest[..at]), &rest[at..]),
        None => rest.to_owned(),
    };
    match rest.split_once('?') {
        Some((before, query)) => format!("{head}{before}?{}", redact_query(query)),
        None => format!("{head}{rest}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn userinfo() {
        assert_eq!(redact_userinfo("bob:s3cret"), "bob:***");
        assert_eq!(redact_userinfo("bob"), "bob");
        assert_eq!(redact_userinfo("bob:"), "bob:");
        assert_eq!(redact_userinfo("bob:a:b"), "bob:***");
    }

    #[test]
    fn query_passwords() {
        assert_eq!(redact_query("password=x&a=1"), "password=***&a=1");
        assert_eq!(redact_query("a=1&sslpassword=x"), "a=1&sslpassword=***");
        assert_eq!(redact_query("PASSWORD=x"), "PASSWORD=***");
        assert_eq!(redact_query("password=ab&cd&a=1"), "password=***&a=1");
        assert_eq!(redact_query("flag&a=1"), "flag&a=1");
    }

    #[test]
    fn any_text() {
        assert_eq!(redact("mysql://u:p@h/db"), "mysql://u:***@h/db");
        assert_eq!(redact("x://u:p@q/r?s@h/db"), "x://u:***@h/db");
        assert_eq!(redact("x://h/db?password=p"), "x://h/db?password=***");
        assert_eq!(
            redact("x://h/db?password=p&a=b@c"),
            "x://h/db?password=***&a=b@c"
        );
        assert_eq!(redact("x://u:p@h?password=p"), "x://u:***@h?password=***");
        assert_eq!(redact("no scheme here"), "no scheme here");
    }
}
