//! The order and the user-id search of [`super::SessionQuery`], defined once: the SQL each
//! native backend sorts and filters by, and the Rust comparison and match the stores that
//! sort in memory (the ALwrity store, the workspace's merge across files) use. The
//! conformance suite checks that both give the same list.
//!
//! The order is total: the sort key, then the user id bytewise (ascending) as tie-break;
//! `reverse` turns the whole list around, tie-break included. Times and numbers sort
//! largest first (newest change, most progress, furthest step), user ids A to Z.
//!
//! The search is a substring of the user id, case-insensitive for ASCII letters only: a
//! non-ASCII letter matches itself exactly (SQLite's `LIKE` and `lower()` fold ASCII only,
//! and folding more on PostgreSQL alone would make the backends disagree). `%`, `_` and
//! `\` in the text are literal.

use std::cmp::Ordering;

use crate::domain::Session;

/// What `session list --sort` orders by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortKey {
    /// Newest `updated_at` first.
    #[default]
    Updated,
    /// Newest `started_at` first.
    Started,
    /// Highest progress first.
    Progress,
    /// Highest `current_step` first.
    Step,
    /// User id, bytewise, A to Z.
    User,
}

/// The order of [`super::Store::list_sessions`]: a key, and whether the whole list is
/// reversed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct SessionSort {
    /// The sort key.
    pub key: SortKey,
    /// The exact reverse of the key's order (the tie-break reversed too).
    pub reverse: bool,
}

impl SessionSort {
    /// The order of two sessions in the list.
    pub fn compare(&self, a: &Session, b: &Session) -> Ordering {
        let primary = match self.key {
            SortKey::Updated => b.updated_at.cmp(&a.updated_at),
            SortKey::Started => b.started_at.cmp(&a.started_at),
            SortKey::Progress => b.progress.total_cmp(&a.progress),
            SortKey::Step => b.current_step.cmp(&a.current_step),
            SortKey::User => Ordering::Equal,
        };
        let order = primary.then_with(|| a.user_id.as_str().cmp(b.user_id.as_str()));
        if self.reverse {
            order.reverse()
        } else {
            order
        }
    }

    /// The `ORDER BY` list over the columns `updated_at`, `started_at`, `progress`,
    /// `current_step`, `user_id` (the caller's names). `user` is how the dialect compares
    /// user ids bytewise; `nulls_low` says whether the dialect's NULLs already sort as the
    /// smallest value (SQLite), else it is spelled out (PostgreSQL), so NULLs sit at the
    /// same end on both.
    pub fn order_by(&self, user: &str, nulls_low: bool) -> String {
        let column = match self.key {
            SortKey::Updated => Some("updated_at"),
            SortKey::Started => Some("started_at"),
            SortKey::Progress => Some("progress"),
            SortKey::Step => Some("current_step"),
            SortKey::User => None,
        };
        let (first, tie) = if self.reverse {
            ("ASC", "DESC")
        } else {
            ("DESC", "ASC")
        };
        let nulls = match (nulls_low, self.reverse) {
            (true, _) => "",
            (false, false) => " NULLS LAST",
            (false, true) => " NULLS FIRST",
        };
        match column {
            Some(c) => format!("{c} {first}{nulls}, {user} {tie}"),
            None => format!("{user} {tie}"),
        }
    }
}

/// `text` as a `LIKE` pattern matching it anywhere, `\` the escape character, ASCII
/// letters lower-cased (compare with the lower-cased column).
pub fn like_pattern(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('%');
    for c in text.chars() {
        if matches!(c, '\\' | '%' | '_') {
            out.push('\\');
        }
        out.push(c.to_ascii_lowercase());
    }
    out.push('%');
    out
}

/// Whether `user` contains `text`, ASCII letters case-insensitively (see the module docs).
pub fn user_matches(text: &str, user: &str) -> bool {
    user.to_ascii_lowercase()
        .contains(&text.to_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn like_patterns_escape_wildcards_and_the_escape() {
        assert_eq!(like_pattern("A%b_c\\d"), "%a\\%b\\_c\\\\d%");
        assert_eq!(like_pattern("É"), "%É%");
    }

    #[test]
    fn matching_folds_ascii_only() {
        assert!(user_matches("ABC", "xabcx"));
        assert!(!user_matches("é", "É"));
        assert!(user_matches("%", "a%b"));
    }

    #[test]
    fn order_by_spells_nulls_for_postgres() {
        let s = SessionSort::default();
        assert_eq!(s.order_by("user_id", true), "updated_at DESC, user_id ASC");
        let r = SessionSort {
            key: SortKey::Progress,
            reverse: true,
        };
        assert_eq!(r.order_by("u", false), "progress ASC NULLS FIRST, u DESC");
    }
}
