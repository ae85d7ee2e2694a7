//! Validated identifiers and scalars parsed at the edge: user ids, step numbers, step statuses,
//! percentages and provider names. Everything past the CLI works with these, never raw strings.

use std::fmt;
use std::str::FromStr;

use serde::Serialize;

/// Why a value given on the command line or in a file was rejected.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct ParseError(pub String);

/// Whether `c` is a Unicode bidi control (the `Bidi_Control` property: U+061C, U+200E,
/// U+200F, U+202A–U+202E, U+2066–U+2069). Invisible, they reorder the text around them, so
/// an id or a hint holding one can read as something else; the output layer escapes them and
/// [`UserId`] refuses them.
pub fn is_bidi_control(c: char) -> bool {
    matches!(
        c,
        '\u{61c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
    )
}

/// An ALwrity user id: an opaque string of 1–255 characters with no control characters and
/// no bidi controls (Clerk ids such as `user_2abc…`, legacy integer ids such as `42`).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct UserId(String);

impl UserId {
    /// Longest accepted id, in characters (ALwrity's `VARCHAR(255)`).
    pub const MAX_CHARS: usize = 255;

    /// The id as stored.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// An id read from a database, exactly as it is stored. Only new ids (command line,
    /// import files) are validated, through `FromStr`; an id ALwrity or a hand edit stored
    /// (empty, over 255 characters, with control characters) is still a user that must be
    /// listed, shown (escaped for the terminal) and exported, never silently dropped.
    pub fn stored(id: String) -> UserId {
        UserId(id)
    }
}

impl FromStr for UserId {
    type Err = ParseError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if s.is_empty() {
            return Err(ParseError("user id is empty".into()));
        }
        let chars = s.chars().count();
        if chars > Self::MAX_CHARS {
            return Err(ParseError(format!(
                "user id is {chars} characters long; the limit is {}",
                Self::MAX_CHARS
            )));
        }
        if let Some(c) = s.chars().find(|c| c.is_control() || is_bidi_control(*c)) {
            return Err(ParseError(format!(
                "user id contains the control character `\\u{{{:x}}}`",
                u32::from(c)
            )));
        }
        Ok(UserId(s.to_owned()))
    }
}

impl fmt::Display for UserId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// One of the six onboarding steps, 1 to 6.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct StepNumber(u8);

impl StepNumber {
    /// Step 1, where every onboarding starts.
    pub const FIRST: StepNumber = StepNumber(1);
    /// Step 5, `Integrations`, the one optional step.
    pub const INTEGRATIONS: StepNumber = StepNumber(5);
    /// Step 6, `Complete Setup`.
    pub const LAST: StepNumber = StepNumber(6);

    /// All six steps in order.
    pub fn all() -> impl Iterator<Item = StepNumber> {
        (1..=6).map(StepNumber)
    }

    /// The step with this number, if it is 1–6.
    pub fn new(n: i64) -> Option<StepNumber> {
        u8::try_from(n)
            .ok()
            .filter(|n| (1..=6).contains(n))
            .map(StepNumber)
    }

    /// The number, 1–6.
    pub fn get(self) -> u8 {
        self.0
    }

    /// Zero-based position, for indexing the six steps.
    pub fn index(self) -> usize {
        usize::from(self.0 - 1)
    }

    /// ALwrity's canonical title (docs/ALWRITY.md "Step titles").
    pub fn title(self) -> &'static str {
        STEP_TEXT[self.index()].0
    }

    /// ALwrity's canonical description (docs/ALWRITY.md "Step titles").
    pub fn description(self) -> &'static str {
        STEP_TEXT[self.index()].1
    }
}

const STEP_TEXT: [(&str, &str); 6] = [
    ("AI LLM Providers", "Configure AI language model providers"),
    ("Website Analysis", "Set up website analysis and crawling"),
    ("AI Research", "Configure AI research capabilities"),
    ("Personalization", "Set up personalization features"),
    ("Integrations", "Configure ALwrity integrations"),
    ("Complete Setup", "Finalize and complete onboarding"),
];

impl FromStr for StepNumber {
    type Err = ParseError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        s.trim()
            .parse::<i64>()
            .ok()
            .and_then(StepNumber::new)
            .ok_or_else(|| ParseError(format!("step must be a number from 1 to 6, not `{s}`")))
    }
}

impl fmt::Display for StepNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// The status of one step (ALwrity's `StepStatus`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum StepStatus {
    /// Not started.
    #[default]
    Pending,
    /// Started, not finished.
    InProgress,
    /// Done (validated unless forced).
    Completed,
    /// Deliberately passed over; counts towards progress like `Completed`.
    Skipped,
    /// Tried and failed; the reason is in the step's validation errors.
    Failed,
}

impl StepStatus {
    /// Every status, in display order.
    pub const ALL: [StepStatus; 5] = [
        StepStatus::Pending,
        StepStatus::InProgress,
        StepStatus::Completed,
        StepStatus::Skipped,
        StepStatus::Failed,
    ];

    /// The stored name (`in_progress`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            StepStatus::Pending => "pending",
            StepStatus::InProgress => "in_progress",
            StepStatus::Completed => "completed",
            StepStatus::Skipped => "skipped",
            StepStatus::Failed => "failed",
        }
    }

    /// Whether the step counts as done for progress and `current_step`.
    pub fn is_done(self) -> bool {
        matches!(self, StepStatus::Completed | StepStatus::Skipped)
    }
}

impl FromStr for StepStatus {
    type Err = ParseError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let norm = s.trim().to_ascii_lowercase().replace('-', "_");
        StepStatus::ALL
            .into_iter()
            .find(|st| st.as_str() == norm)
            .ok_or_else(|| {
                ParseError(format!(
                    "unknown status `{s}`; expected one of pending, in_progress, completed, skipped, failed"
                ))
            })
    }
}

impl fmt::Display for StepStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A progress percentage: finite, 0 to 100.
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd, Serialize)]
#[serde(transparent)]
pub struct Percent(f64);

impl Percent {
    /// The percentage if it is finite and within 0–100.
    pub fn new(v: f64) -> Option<Percent> {
        (v.is_finite() && (0.0..=100.0).contains(&v)).then_some(Percent(v))
    }

    /// The value, 0–100.
    pub fn get(self) -> f64 {
        self.0
    }
}

impl FromStr for Percent {
    type Err = ParseError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        s.trim()
            .parse::<f64>()
            .ok()
            .and_then(Percent::new)
            .ok_or_else(|| ParseError(format!("percent must be a number from 0 to 100, not `{s}`")))
    }
}

/// A provider name as stored in `api_keys.provider`: lower-case ASCII letters, digits and `_`,
/// 1–64 characters. Whether it is a *known* provider is the registry's business.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct ProviderName(String);

impl ProviderName {
    /// The stored name.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// A provider name read from a database as it is (see [`UserId::stored`]).
    pub fn stored(name: String) -> ProviderName {
        ProviderName(name)
    }
}

impl FromStr for ProviderName {
    type Err = ParseError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let lower = s.trim().to_ascii_lowercase();
        let ok = !lower.is_empty()
            && lower.len() <= 64
            && lower
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
        if ok {
            Ok(ProviderName(lower))
        } else {
            Err(ParseError(format!(
                "provider name `{s}` must be 1-64 letters, digits or `_`"
            )))
        }
    }
}

impl fmt::Display for ProviderName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_id_bounds() {
        assert!("".parse::<UserId>().is_err());
        assert!("42".parse::<UserId>().is_ok());
        assert!("a".repeat(255).parse::<UserId>().is_ok());
        assert!("a".repeat(256).parse::<UserId>().is_err());
        assert!(
            "é".repeat(255).parse::<UserId>().is_ok(),
            "limit counts characters"
        );
        assert!("user\u{7}x".parse::<UserId>().is_err());
        assert!("user\nx".parse::<UserId>().is_err());
        for c in [
            '\u{9b}', '\u{7f}', '\u{202e}', '\u{2066}', '\u{2069}', '\u{200f}', '\u{61c}',
        ] {
            let err = format!("user{c}x").parse::<UserId>().unwrap_err();
            assert!(!err.0.contains(c), "the error shows it escaped: {err}");
        }
        assert!(
            "user\u{2070}x".parse::<UserId>().is_ok(),
            "just past the bidi range"
        );
    }

    #[test]
    fn step_numbers() {
        assert!("0".parse::<StepNumber>().is_err());
        assert!("7".parse::<StepNumber>().is_err());
        assert!("x".parse::<StepNumber>().is_err());
        assert_eq!("6".parse::<StepNumber>().unwrap().title(), "Complete Setup");
        assert_eq!(StepNumber::all().count(), 6);
    }

    #[test]
    fn statuses_accept_both_spellings() {
        assert_eq!(
            "in-progress".parse::<StepStatus>().unwrap(),
            StepStatus::InProgress
        );
        assert_eq!(
            "in_progress".parse::<StepStatus>().unwrap(),
            StepStatus::InProgress
        );
        assert_eq!(
            "Completed".parse::<StepStatus>().unwrap(),
            StepStatus::Completed
        );
        assert!("done".parse::<StepStatus>().is_err());
        assert!(StepStatus::Skipped.is_done() && !StepStatus::Failed.is_done());
    }

    #[test]
    fn percent_bounds() {
        for bad in ["-1", "101", "NaN", "inf", "", "x"] {
            assert!(bad.parse::<Percent>().is_err(), "{bad}");
        }
        assert_eq!("33.3".parse::<Percent>().unwrap().get(), 33.3);
        assert_eq!("100".parse::<Percent>().unwrap().get(), 100.0);
    }

    #[test]
    fn provider_names() {
        assert_eq!("Gemini".parse::<ProviderName>().unwrap().as_str(), "gemini");
        assert!("hf_token".parse::<ProviderName>().is_ok());
        assert!("bad name".parse::<ProviderName>().is_err());
        assert!("".parse::<ProviderName>().is_err());
    }
}
