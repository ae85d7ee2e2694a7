//! Property tests of database URL parsing: PostgreSQL URLs built from arbitrary
//! parts parse and never show their password, SQLite paths round-trip through both slash
//! forms, and arbitrary text never makes the parser or the redactor panic.

use std::path::PathBuf;

use onboardctl::config::{redact, DbUrl, UrlError, ACCEPTED_FORMS};
use proptest::prelude::*;

/// Percent-encodes everything but RFC 3986 unreserved characters.
fn encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// Text every error message may contain whatever the input.
fn boilerplate() -> String {
    let samples = [
        UrlError::AmbiguousAt,
        UrlError::NoScheme,
        UrlError::ControlChar,
        UrlError::Empty,
    ];
    let mut text: String = samples.iter().map(|e| format!("{e}\n")).collect();
    text.push_str(ACCEPTED_FORMS);
    text
}

fn user() -> impl Strategy<Value = String> {
    "[a-z_][a-z0-9_]{0,10}"
}

fn host() -> impl Strategy<Value = String> {
    "[a-z][a-z0-9.-]{0,15}(:[0-9]{1,5})?"
}

fn db() -> impl Strategy<Value = String> {
    "[a-z_][a-z0-9_]{0,10}"
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn encoded_credentials_parse_and_are_redacted(
        user in any::<String>().prop_filter("non-empty", |s| !s.is_empty()),
        pw in any::<String>(),
        host in host(),
        db in any::<String>(),
    ) {
        let (user_enc, pw_enc, db_enc) = (encode(&user), encode(&pw), encode(&db));
        let input = format!("postgresql+psycopg2://{user_enc}:{pw_enc}@{host}/{db_enc}");
        let url = DbUrl::parse(&input);
        prop_assert!(matches!(url, Ok(DbUrl::Postgres(_))), "{:?}", url);
        let shown = url.unwrap().redacted();
        let mask = if pw.is_empty() { "" } else { "***" };
        prop_assert_eq!(&shown, &format!("postgres://{user_enc}:{mask}@{host}/{db_enc}"));
        let rest = format!("postgres://{user_enc}:***@{host}/{db_enc}");
        if pw.chars().count() >= 3 && !rest.contains(&pw) && !rest.contains(&pw_enc) {
            prop_assert!(!shown.contains(&pw) && !shown.contains(&pw_enc));
        }
    }

    #[test]
    fn raw_passwords_never_leak(user in user(), pw in "[ -~]{3,20}", host in host(), db in db()) {
        let input = format!("postgres://{user}:{pw}@{host}/{db}");
        let expected = format!("postgres://{user}:***@{host}/{db}");
        match DbUrl::parse(&input) {
            Ok(url) => prop_assert_eq!(url.redacted(), expected),
            Err(e) => {
                let msg = e.to_string();
                if !boilerplate().contains(&pw) && !expected.contains(&pw) {
                    prop_assert!(!msg.contains(&pw), "{}", msg);
                }
            }
        }
    }

    #[test]
    fn query_passwords_are_redacted(
        user in user(),
        pw in any::<String>(),
        host in host(),
        db in db(),
    ) {
        let query = format!("password={}&application_name=x", encode(&pw));
        let input = format!("postgres://{user}@{host}/{db}?{query}");
        let url = DbUrl::parse(&input).unwrap();
        let expected = format!("postgres://{user}@{host}/{db}?password=***&application_name=x");
        prop_assert_eq!(url.redacted(), expected);
    }

    #[test]
    fn sqlite_paths_round_trip(path in "[^/?\\s\\p{C}]{1,10}(/[^/?\\s\\p{C}]{1,10}){0,3}") {
        let relative = DbUrl::parse(&format!("sqlite:///{path}")).unwrap();
        prop_assert_eq!(&relative, &DbUrl::Sqlite(PathBuf::from(&path)));
        let absolute = DbUrl::parse(&format!("sqlite:////{path}")).unwrap();
        prop_assert_eq!(&absolute, &DbUrl::Sqlite(PathBuf::from(format!("/{path}"))));
        let short = DbUrl::parse(&format!("sqlite:{path}")).unwrap();
        prop_assert_eq!(&short, &relative);
        for url in [relative, absolute] {
            prop_assert_eq!(DbUrl::parse(&url.redacted()).unwrap(), url);
        }
    }

    #[test]
    fn arbitrary_text_never_panics(s in any::<String>()) {
        if let Ok(url) = DbUrl::parse(&s) {
            let _ = url.redacted();
        }
        let _ = redact(&s);
    }

    #[test]
    fn url_like_text_never_panics(
        s in "(postgres|postgresql|sqlite|mysql|x)(\\+[a-z0-9_]{0,3})?:(//)?[ -~]{0,40}",
    ) {
        match DbUrl::parse(&s) {
            Ok(DbUrl::Postgres(pg)) => {
                let _ = (pg.redacted(), pg.driver_url().len());
            }
            Ok(url) => {
                let _ = url.redacted();
            }
            Err(e) => {
                let _ = e.to_string();
            }
        }
    }
}
