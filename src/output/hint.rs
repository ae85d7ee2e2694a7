//! Making error hints copyable: the commands a hint suggests get the `--database-url` the
//! run was given ([`super::Ui::with_database_url`] decides whether and how it is written).

/// Inserts `flag` after each `onboardctl ` that begins a word of `hint`.
pub(super) fn with_flag(hint: &str, flag: &str) -> String {
    const TOOL: &str = "onboardctl ";
    let mut out = String::with_capacity(hint.len() + flag.len() + 1);
    let mut rest = hint;
    while let Some(i) = rest.find(TOOL) {
        let starts_word = rest[..i]
            .chars()
            .next_back()
            .is_none_or(|c| c == ' ' || c == '`' || c == '(');
        let end = i + TOOL.len();
        out.push_str(&rest[..end]);
        if starts_word {
            out.push_str(flag);
            out.push(' ');
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::super::Ui;

    fn ui(flag: Option<&str>) -> Ui {
        Ui::default().with_database_url(flag)
    }

    #[test]
    fn hints_repeat_the_flag_url_redacted_and_quoted() {
        let u = ui(Some("postgres://app:s3cret@db.example/app?sslmode=require"));
        assert_eq!(
            u.hint_text("run onboardctl db migrate"),
            "run onboardctl --database-url 'postgres://app:***@db.example/app?sslmode=require' \
             db migrate"
        );
        let u = ui(Some("sqlite:/tmp/t.db"));
        assert_eq!(
            u.hint_text("see `onboardctl key providers`, or pass --allow-unknown"),
            "see `onboardctl --database-url sqlite:/tmp/t.db key providers`, or pass \
             --allow-unknown"
        );
        assert_eq!(
            u.hint_text("onboardctl session create 'a b'"),
            "onboardctl --database-url sqlite:/tmp/t.db session create 'a b'"
        );
    }

    #[test]
    fn hints_are_left_alone_without_the_flag_or_with_their_own_url() {
        assert_eq!(
            ui(None).hint_text("onboardctl db migrate"),
            "onboardctl db migrate"
        );
        let own = "run `onboardctl --database-url URL db migrate` on the target first";
        assert_eq!(ui(Some("sqlite:x.db")).hint_text(own), own);
        let prose = "pass --yes to proceed without asking (xonboardctl is not us)";
        assert_eq!(ui(Some("sqlite:x.db")).hint_text(prose), prose);
    }
}
