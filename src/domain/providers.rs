//! The provider registry (docs/ALWRITY.md "Provider registry", "Key formats"): every
//! provider ALwrity knows, its env var, whether step 1 requires it by default, and the format its
//! keys must have. Also the parsing of `ONBOARDCTL_REQUIRED_PROVIDERS`.
//!
//! Beyond ALwrity's own checks, every key, known provider or not, is refused when it contains
//! a control character or starts or ends with whitespace: such a value is always a paste
//! accident, and it would break the `.env` file and the HTTP header it ends up in. Spaces
//! inside a value are left to the format rules (a UUID or a prefix rule refuses them anyway).
//!
//! No reason returned by [`check_format`] contains the key or any part of it.

use super::ids::{ParseError, ProviderName};
use super::secret::Secret;

/// The env var that overrides the providers step 1 requires.
pub const REQUIRED_PROVIDERS_ENV: &str = "ONBOARDCTL_REQUIRED_PROVIDERS";

/// Providers step 1 requires when `ONBOARDCTL_REQUIRED_PROVIDERS` is unset.
pub const DEFAULT_REQUIRED: [&str; 3] = ["gemini", "exa", "copilotkit"];

/// Every key, for any provider, must have at least this many characters
/// (docs/ALWRITY.md "Key formats").
pub const MIN_KEY_CHARS: usize = 10;

/// The shape a provider's keys must have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyFormat {
    /// Only a minimum number of characters.
    MinLen(usize),
    /// A fixed prefix and a minimum number of characters (prefix included).
    Prefix {
        /// What the key starts with, case-sensitive.
        prefix: &'static str,
        /// Minimum number of characters of the whole key.
        min_len: usize,
    },
    /// A UUID: 8-4-4-4-12 hexadecimal digits, any case.
    Uuid,
}

impl KeyFormat {
    /// A human description for `key providers`, e.g. "starts with `AIza`, at least 30
    /// characters".
    pub fn describe(&self) -> String {
        match self {
            KeyFormat::MinLen(n) => format!("at least {n} characters"),
            KeyFormat::Prefix { prefix, min_len } => {
                format!("starts with `{prefix}`, at least {min_len} characters")
            }
            KeyFormat::Uuid => "a UUID (8-4-4-4-12 hexadecimal digits)".to_owned(),
        }
    }
}

/// One entry of the registry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProviderSpec {
    /// Name as stored in `api_keys.provider`.
    pub name: &'static str,
    /// The env var ALwrity reads the key from.
    pub env_var: &'static str,
    /// Whether step 1 requires a key when `ONBOARDCTL_REQUIRED_PROVIDERS` is unset.
    pub required_by_default: bool,
    /// The format check applied by `key set`.
    pub format: KeyFormat,
    /// What the provider is, for `key providers`.
    pub description: &'static str,
}

const fn spec(
    name: &'static str,
    env_var: &'static str,
    required_by_default: bool,
    format: KeyFormat,
    description: &'static str,
) -> ProviderSpec {
    ProviderSpec {
        name,
        env_var,
        required_by_default,
        format,
        description,
    }
}

const fn prefix(prefix: &'static str, min_len: usize) -> KeyFormat {
    KeyFormat::Prefix { prefix, min_len }
}

const MIN: KeyFormat = KeyFormat::MinLen(MIN_KEY_CHARS);

/// The registry, required providers first, then in docs/ALWRITY.md "Provider registry" order.
// One row per provider reads best as a table, so rustfmt keeps its hands off.
#[rustfmt::skip]
static PROVIDERS: [ProviderSpec; 14] = [
    spec("gemini", "GEMINI_API_KEY", true, prefix("AIza", 30), "Google Gemini (AI LLM)"),
    spec("exa", "EXA_API_KEY", true, KeyFormat::Uuid, "Exa (AI research)"),
    spec("copilotkit", "COPILOTKIT_API_KEY", true, prefix("ck_pub_", 20), "CopilotKit (chat UI)"),
    spec("openai", "OPENAI_API_KEY", false, prefix("sk-", 20), "OpenAI (AI LLM)"),
    spec("anthropic", "ANTHROPIC_API_KEY", false, prefix("sk-ant-", 20), "Anthropic (AI LLM)"),
    spec("mistral", "MISTRAL_API_KEY", false, prefix("mistral-", 20), "Mistral (AI LLM, legacy)"),
    spec("tavily", "TAVILY_API_KEY", false, MIN, "Tavily (web research)"),
    spec("serper", "SERPER_API_KEY", false, MIN, "Serper (Google search API)"),
    spec("metaphor", "METAPHOR_API_KEY", false, MIN, "Metaphor (legacy alias of Exa)"),
    spec("firecrawl", "FIRECRAWL_API_KEY", false, MIN, "Firecrawl (web crawling)"),
    spec("stability", "STABILITY_API_KEY", false, MIN, "Stability AI (images)"),
    spec("wavespeed", "WAVESPEED_API_KEY", false, MIN, "WaveSpeed (media generation)"),
    spec("hf_token", "HF_TOKEN", false, MIN, "Hugging Face access token"),
    spec("google", "GOOGLE_API_KEY", false, MIN, "Google API key"),
];

/// Every known provider, required ones first.
pub fn all() -> &'static [ProviderSpec] {
    &PROVIDERS
}

/// The registry entry of a provider, or `None` for an unknown one.
pub fn lookup(name: &ProviderName) -> Option<&'static ProviderSpec> {
    PROVIDERS.iter().find(|p| p.name == name.as_str())
}

/// The env var of a provider: the registry's, else `<NAME>_API_KEY` as ALwrity HEAD derives it.
pub fn env_var_for(name: &ProviderName) -> String {
    match lookup(name) {
        Some(spec) => spec.env_var.to_owned(),
        None => format!("{}_API_KEY", name.as_str().to_ascii_uppercase()),
    }
}

/// How a new key value is checked (`key set`, `import`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KeyRules {
    /// Check the provider's key format (off with `--no-validate`).
    pub validate: bool,
    /// Accept a provider the registry does not know (`--allow-unknown`).
    pub allow_unknown: bool,
}

impl Default for KeyRules {
    fn default() -> Self {
        KeyRules {
            validate: true,
            allow_unknown: false,
        }
    }
}

/// Why a new key value is refused: a message (never quoting the value) and what to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyRefusal {
    /// One line naming the provider and the rule.
    pub message: String,
    /// The flag or command that gets past it, when there is one.
    pub hint: Option<&'static str>,
}

/// The checks every new plaintext key value passes, wherever it comes from (`key set`,
/// `import`, `import legacy-json`): a known provider (unless `allow_unknown`); not empty, no
/// NUL, newline or carriage return, at most ALwrity's 256 characters, and no `enc:v` prefix
/// (it would be read back as sealed) — these even without `validate`; then, with
/// `validate`, the provider's format.
pub fn check_new_key(
    provider: &ProviderName,
    value: &Secret,
    rules: KeyRules,
) -> Result<(), KeyRefusal> {
    let refuse = |message: String, hint| Err(KeyRefusal { message, hint });
    let spec = lookup(provider);
    if spec.is_none() && !rules.allow_unknown {
        return refuse(
            format!("unknown provider `{provider}`"),
            Some("see `onboardctl key providers`, or pass --allow-unknown"),
        );
    }
    let raw = value.expose();
    if raw.is_empty() {
        return refuse(format!("the `{provider}` key value is empty"), None);
    }
    if let Some(c) = raw.chars().find(|c| matches!(c, '\0' | '\n' | '\r')) {
        let what = match c {
            '\0' => "a NUL character",
            '\n' => "a newline",
            _ => "a carriage return",
        };
        return refuse(format!("the `{provider}` key value contains {what}"), None);
    }
    let chars = raw.chars().count();
    if chars > super::limits::KEY_CHARS {
        return refuse(
            format!(
                "the `{provider}` key is {chars} characters long; ALwrity stores at most {}",
                super::limits::KEY_CHARS
            ),
            None,
        );
    }
    if super::seal::is_sealed(raw) {
        return refuse(
            format!(
                "the `{provider}` key starts with `enc:v`, the prefix of encrypted values; \
                 refusing to store it"
            ),
            Some("pass the plaintext key; it is encrypted when ONBOARDCTL_MASTER_KEY is set"),
        );
    }
    if rules.validate {
        if let Err(reason) = check_format(spec, value) {
            return refuse(
                format!("the `{provider}` key is not valid: {reason}"),
                Some("pass --no-validate to store it anyway"),
            );
        }
    }
    Ok(())
}

/// Checks a key against the rules every key obeys and, for a known provider, its format.
/// The reason never contains the key or any part of it.
pub fn check_format(spec: Option<&ProviderSpec>, key: &Secret) -> Result<(), String> {
    let value = key.expose();
    check_common(value)?;
    match spec {
        Some(spec) => check_spec(spec, value),
        None => Ok(()),
    }
}

fn check_common(value: &str) -> Result<(), String> {
    if value.is_empty() {
        return Err("key is empty".to_owned());
    }
    if value.chars().any(char::is_control) {
        return Err("key contains a control character (a newline, tab or similar)".to_owned());
    }
    if value.trim() != value {
        return Err("key starts or ends with whitespace".to_owned());
    }
    check_len(value, MIN_KEY_CHARS)
}

fn check_len(value: &str, min: usize) -> Result<(), String> {
    let n = value.chars().count();
    if n < min {
        return Err(format!("key is {n} characters; at least {min} required"));
    }
    Ok(())
}

fn check_spec(spec: &ProviderSpec, value: &str) -> Result<(), String> {
    match spec.format {
        KeyFormat::MinLen(min) => check_len(value, min),
        KeyFormat::Prefix { prefix, min_len } => {
            if !value.starts_with(prefix) {
                return Err(format!("{} keys start with `{prefix}`", spec.name));
            }
            check_len(value, min_len)
        }
        KeyFormat::Uuid if is_uuid(value) => Ok(()),
        KeyFormat::Uuid => Err(format!(
            "{} keys are a UUID (8-4-4-4-12 hexadecimal digits)",
            spec.name
        )),
    }
}

fn is_uuid(value: &str) -> bool {
    let groups: Vec<&str> = value.split('-').collect();
    let lens = [8, 4, 4, 4, 12];
    groups.len() == lens.len()
        && groups
            .iter()
            .zip(lens)
            .all(|(g, n)| g.len() == n && g.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// The providers step 1 requires, from the value of `ONBOARDCTL_REQUIRED_PROVIDERS`: a comma
/// list, each entry trimmed, empty entries ignored, duplicates dropped (first kept). Unset, or
/// a value naming no provider at all, means [`DEFAULT_REQUIRED`]. Names need not be in the
/// registry (a deployment may require a provider added with `--allow-unknown`).
pub fn required_providers(env_value: Option<&str>) -> Result<Vec<ProviderName>, ParseError> {
    let mut names: Vec<ProviderName> = Vec::new();
    for entry in env_value.unwrap_or("").split(',').map(str::trim) {
        if entry.is_empty() {
            continue;
        }
        let name: ProviderName = entry
            .parse()
            .map_err(|e: ParseError| ParseError(format!("in `{REQUIRED_PROVIDERS_ENV}`: {e}")))?;
        if !names.contains(&name) {
            names.push(name);
        }
    }
    if names.is_empty() {
        names = DEFAULT_REQUIRED
            .iter()
            .map(|n| n.parse().expect("default names are valid"))
            .collect();
    }
    Ok(names)
}

#[cfg(test)]
mod tests;
