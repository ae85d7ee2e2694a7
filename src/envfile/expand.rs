//! python-dotenv's default interpolation (`load_dotenv(interpolate=True)`,
//! `dotenv_values(…)`), restated. Applied to every value after its quotes and escapes are
//! decoded, *whatever its quoting*: python-dotenv 1.x keeps no trace of the quotes, so
//! `'${HOME}'` is expanded too.
//!
//! - A reference is `${NAME}` or `${NAME:-DEFAULT}`: NAME is any run of characters other
//!   than `}` and `:`, DEFAULT any run other than `}`. `$NAME` and a `${` that does not
//!   complete one of those forms stay as written. The replacement is not expanded again.
//! - NAME is looked up in the real environment first, then in the values of the file read
//!   so far (with `override=False`, python-dotenv's default and ALwrity's call, the
//!   environment wins). A name the file lists without `=` resolves to the empty string, not
//!   to the default; an unknown name to DEFAULT, or the empty string.

use std::collections::HashMap;

use zeroize::Zeroizing;

use super::dialect::{Binding, Kind};

/// One `${…}` reference found in a value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reference<'a> {
    /// Its byte range in the value.
    pub start: usize,
    /// One past its closing `}`.
    pub end: usize,
    /// The name looked up.
    pub name: &'a str,
    /// The `:-` default, if any.
    pub default: Option<&'a str>,
}

/// The first reference at or after `from`.
pub fn find_reference(s: &str, from: usize) -> Option<Reference<'_>> {
    let mut at = from;
    while let Some(i) = s[at..].find("${").map(|i| at + i) {
        let name_start = i + 2;
        let name_end = s[name_start..].find(['}', ':']).map(|j| name_start + j);
        let name_of = |end: usize| &s[name_start..end];
        match name_end {
            Some(e) if s[e..].starts_with('}') => {
                return Some(Reference {
                    start: i,
                    end: e + 1,
                    name: name_of(e),
                    default: None,
                })
            }
            Some(e) if s[e..].starts_with(":-") => {
                if let Some(close) = s[e + 2..].find('}').map(|k| e + 2 + k) {
                    return Some(Reference {
                        start: i,
                        end: close + 1,
                        name: name_of(e),
                        default: Some(&s[e + 2..close]),
                    });
                }
            }
            _ => {}
        }
        at = i + 1;
    }
    None
}

/// Whether python-dotenv would expand anything in `s`.
pub fn has_reference(s: &str) -> bool {
    find_reference(s, 0).is_some()
}

/// `value` with every reference replaced. `lookup` says whether a name is known and with
/// which value (`Some(None)`: listed without a value).
pub fn expand(
    value: &str,
    lookup: &dyn Fn(&str) -> Option<Option<Zeroizing<String>>>,
) -> Zeroizing<String> {
    let mut out = Zeroizing::new(String::with_capacity(value.len()));
    let mut at = 0;
    while let Some(r) = find_reference(value, at) {
        out.push_str(&value[at..r.start]);
        match lookup(r.name) {
            Some(Some(v)) => out.push_str(&v),
            Some(None) => {}
            None => out.push_str(r.default.unwrap_or("")),
        }
        at = r.end;
    }
    out.push_str(&value[at..]);
    out
}

/// Every assignment of the file in order, its value interpolated as `load_dotenv` does
/// against `real_env` (`None` for a key without `=`). A key may appear more than once: with
/// python-dotenv the last one wins.
pub fn resolve(
    bindings: &[Binding],
    real_env: &dyn Fn(&str) -> Option<String>,
) -> Vec<(String, Option<Zeroizing<String>>)> {
    let mut seen: HashMap<String, Option<Zeroizing<String>>> = HashMap::new();
    let mut out = Vec::new();
    for binding in bindings {
        let Kind::Assign(a) = &binding.kind else {
            continue;
        };
        let value = a.value.as_ref().map(|raw| {
            let lookup = |name: &str| match real_env(name) {
                Some(v) => Some(Some(Zeroizing::new(v))),
                None => seen.get(name).cloned(),
            };
            expand(raw, &lookup)
        });
        seen.insert(a.key.clone(), value.clone());
        out.push((a.key.clone(), value));
    }
    out
}
