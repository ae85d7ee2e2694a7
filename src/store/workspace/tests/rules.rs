//! The pure rules: resolving a query among stored ids, the canonical id, collisions, and
//! the facts of one file's sessions.

use crate::store::workspace::routing::{
    canonical_id, collisions, resolve, session_facts, CanonicalSource, Resolution, SessionRow,
};

fn ids(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| (*s).to_owned()).collect()
}

fn row(user: &str, updated: Option<&str>) -> SessionRow {
    (user.to_owned(), updated.map(str::to_owned))
}

#[test]
fn exact_match_wins_over_the_fallback() {
    let stored = ids(&["user_2x.y@z", "user_2xyz"]);
    assert_eq!(
        resolve("user_2xyz", &stored),
        Resolution::Exact("user_2xyz".into())
    );
    assert_eq!(
        resolve("user_2x.y@z", &stored),
        Resolution::Exact("user_2x.y@z".into())
    );
}

#[test]
fn fallback_by_sanitised_id() {
    let stored = ids(&["user_2x.y@z", "other"]);
    assert_eq!(
        resolve("user_2xyz", &stored),
        Resolution::Fallback("user_2x.y@z".into())
    );
    assert_eq!(
        resolve("user 2x.y@z", &stored),
        Resolution::None,
        "the space is dropped, `user2xyz` matches nothing"
    );
    assert_eq!(resolve("anyone", &[]), Resolution::None);
}

#[test]
fn several_fallbacks_are_ambiguous_distinct_and_in_stored_order() {
    let stored = ids(&["u.1", "x", "u@1", "u.1"]);
    assert_eq!(
        resolve("u1", &stored),
        Resolution::Ambiguous(ids(&["u.1", "u@1"]))
    );
    // Duplicate rows of one id are still one id.
    assert_eq!(
        resolve("u#1", &ids(&["u.1", "u.1"])),
        Resolution::Fallback("u.1".into())
    );
}

#[test]
fn canonical_id_is_the_newest_session_else_the_folder() {
    let c = canonical_id("u1", &[]);
    assert_eq!(
        (c.id.as_str(), c.source),
        ("u1", CanonicalSource::FolderName)
    );

    let rows = [
        row("u.1", Some("2026-01-01 10:00:00")),
        row("u@1", Some("2026-03-01 09:00:00.000001")),
        row("u#1", None),
    ];
    let c = canonical_id("u1", &rows);
    assert_eq!(c.id, "u@1");
    assert_eq!(c.source, CanonicalSource::NewestSession);
    assert!(c.tied_with.is_empty());
}

#[test]
fn updated_at_compares_as_sqlite_text_and_null_is_lowest() {
    // Text comparison, not time: '2026-1…' > '2026-0…' however the rest reads.
    let rows = [
        row("a", Some("2026-10-01")),
        row("b", Some("2026-09-30 23:59:59")),
    ];
    assert_eq!(canonical_id("x", &rows).id, "a");
    let rows = [row("a", None), row("b", Some("")), row("c", None)];
    assert_eq!(canonical_id("x", &rows).id, "b", "an empty text beats NULL");
    let all_null = [row("a", None), row("b", None)];
    let c = canonical_id("x", &all_null);
    assert_eq!((c.id.as_str(), c.tied_with.clone()), ("a", ids(&["b"])));
}

#[test]
fn ties_keep_the_first_row_and_name_the_others() {
    let t = Some("2026-01-01 00:00:00");
    let rows = [row("z", t), row("a", t), row("z", t), row("m", t)];
    let c = canonical_id("x", &rows);
    assert_eq!(c.id, "z");
    assert_eq!(c.tied_with, ids(&["a", "m"]));
    let same = [row("z", t), row("z", t)];
    assert!(canonical_id("x", &same).tied_with.is_empty());
}

#[test]
fn collisions_group_distinct_ids_by_sanitised_form() {
    let found = collisions(&ids(&["b.1", "b1", "a", "a", "c@d", "cd", "c.d"]));
    let groups: Vec<_> = found
        .iter()
        .map(|c| (c.sanitized.as_str(), c.ids.clone()))
        .collect();
    assert_eq!(
        groups,
        [
            ("b1", ids(&["b.1", "b1"])),
            ("cd", ids(&["c.d", "c@d", "cd"]))
        ]
    );
    assert!(collisions(&ids(&["a", "b"])).is_empty());
}

#[test]
fn session_facts_of_one_file() {
    let rows = [
        row("user_2x.y@z", Some("2026-02-01")),
        row("user_2xyz", Some("2026-01-01")),
        row("stray", Some("2025-01-01")),
    ];
    let f = session_facts("user_2xyz", &rows);
    assert_eq!(f.user_ids, ids(&["stray", "user_2x.y@z", "user_2xyz"]));
    assert_eq!(f.canonical.id, "user_2x.y@z");
    assert!(f.multi_user);
    assert_eq!(f.collisions.len(), 1);
    assert_eq!(f.foreign, ids(&["stray"]));

    let single = session_facts("u1", &[row("u1", None), row("u1", Some("t"))]);
    assert!(!single.multi_user);
    assert!(single.collisions.is_empty() && single.foreign.is_empty());
}
