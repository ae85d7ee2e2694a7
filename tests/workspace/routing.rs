//! A user-scoped call reads its user's file and row: the folder of the sanitised id, the
//! first candidate file in ALwrity's order (never a shadowed one), the exact id's row before
//! the sanitised fallback; two stored ids that sanitise like the query are an error naming
//! both (exit 4), never one of them guessed; an id with no row is not found (exit 3).

use crate::fixture::{ids::*, users, Workspace, SHADOWED};
use crate::{assert_code, stderr, stdout, Cli};

/// ALwrity's reading as `session show --json` prints it: (user_id, current_step, progress).
fn shown(cli: &Cli, user: &str) -> (String, i64, f64) {
    let doc = cli.json(&["session", "show", user]);
    (
        doc["user_id"].as_str().expect("user_id").to_owned(),
        doc["alwrity"]["current_step"]
            .as_i64()
            .expect("alwrity.current_step"),
        doc["alwrity"]["progress"]
            .as_f64()
            .expect("alwrity.progress"),
    )
}

/// The last four characters of the user's gemini key, from `key list --json`.
fn gemini_tag(cli: &Cli, user: &str) -> String {
    let keys = cli.json(&["key", "list", user]);
    let gemini = keys
        .as_array()
        .expect("a list")
        .iter()
        .find(|k| k["provider"] == "gemini")
        .unwrap_or_else(|| panic!("{user} has a gemini key: {keys}"));
    let masked = gemini["masked"].as_str().unwrap();
    masked[masked.len() - 4..].to_owned()
}

#[test]
fn every_user_reads_its_own_file_and_row() {
    let ws = Workspace::build();
    let cli = ws.cli();
    for u in users() {
        assert_eq!(
            shown(&cli, u.id),
            (u.id.to_owned(), u.step, u.progress),
            "{}",
            u.id
        );
        assert_eq!(gemini_tag(&cli, u.id), u.tag, "{}'s keys", u.id);
        let analysis = cli.run(&["--json", "analysis", "show", u.id]);
        match u.site {
            Some(site) => {
                assert_code(&analysis, 0, &["analysis", "show", u.id]);
                assert!(
                    stdout(&analysis).contains(site),
                    "{}: {}",
                    u.id,
                    stdout(&analysis)
                );
            }
            None => assert_code(&analysis, 3, &["analysis", "show", u.id]),
        }
    }
    let research = cli.json(&["research", "show", CANON]);
    assert_eq!(research["research_depth"], "Comprehensive", "{research}");
    let persona = cli.ok(&["--json", "persona", "show", CANON]);
    assert!(persona.contains("Canon Writer"), "{persona}");
}

#[test]
fn shadowed_files_are_read_only_in_alwritys_order_once_the_earlier_ones_are_gone() {
    let ws = Workspace::build();
    let cli = ws.cli();
    let (_, step, _) = shown(&cli, SHADOW);
    assert_eq!(step, 5, "the canonical file's row");
    assert_eq!(gemini_tag(&cli, SHADOW), "5ade");
    // Remove the file in use: ALwrity's next candidate is the one read, and so on.
    let mut used = ws.file(SHADOW);
    for (path, (_, row)) in ws.shadowed().into_iter().zip(SHADOWED) {
        std::fs::remove_file(&used).unwrap();
        assert_eq!(shown(&cli, SHADOW).1, row.step, "{}", path.display());
        assert_eq!(gemini_tag(&cli, SHADOW), row.tag, "{}", path.display());
        used = path;
    }
}

#[test]
fn the_exact_id_wins_over_the_sanitised_fallback() {
    let ws = Workspace::build();
    let cli = ws.cli();
    // `user_2xyz` is the first row of the file; `user_2x.y@z` is stored as such.
    assert_eq!(shown(&cli, CHANGED), (CHANGED.to_owned(), 2, 33.0));
    assert_eq!(gemini_tag(&cli, CHANGED), "1111");
    assert_eq!(shown(&cli, SANITISED), (SANITISED.to_owned(), 4, 67.0));
    assert_eq!(gemini_tag(&cli, SANITISED), "2222");
}

#[test]
fn an_id_not_stored_as_such_finds_the_row_stored_under_its_sanitised_form() {
    let ws = Workspace::build();
    let cli = ws.cli();
    let (id, step, progress) = shown(&cli, PLAIN_VARIANT);
    assert_eq!(
        (step, progress),
        (1, 17.0),
        "{PLAIN_VARIANT} reads {PLAIN}'s row"
    );
    assert_eq!(id, PLAIN, "and says which id is stored");
    assert_eq!(gemini_tag(&cli, PLAIN_VARIANT), "3333");
}

#[test]
fn two_stored_ids_that_sanitise_like_the_query_are_never_mixed() {
    let ws = Workspace::build();
    let cli = ws.cli();
    for args in [
        &["session", "show", AMBIGUOUS][..],
        &["key", "list", AMBIGUOUS],
        &["progress", "show", AMBIGUOUS],
    ] {
        let out = cli.run(args);
        assert_code(&out, 4, args);
        let err = stderr(&out);
        assert!(
            err.contains(CHANGED) && err.contains(SANITISED),
            "{args:?}: {err}"
        );
        for tag in ["1111", "2222"] {
            assert!(
                !stdout(&out).contains(tag),
                "{args:?} printed a key: {}",
                stdout(&out)
            );
        }
        assert!(
            stdout(&out).is_empty(),
            "{args:?} printed data: {}",
            stdout(&out)
        );
    }
}

#[test]
fn an_unknown_user_is_not_found() {
    let ws = Workspace::build_only(|sid| sid != CORRUPT);
    let cli = ws.cli();
    for user in ["user_nobody", NOFILE, EMPTY, "user_2x.y@zz", "jurgen"] {
        for args in [
            &["session", "show", user][..],
            &["progress", "show", user],
            &["key", "list", user],
        ] {
            let out = cli.run(args);
            assert_code(&out, 3, args);
        }
    }
}
