//! The domain layer: identifiers, records, the onboarding rules (progress, current step,
//! validation, completion), the provider registry, secrets and the personalized AI inputs.
//! Plain functions over plain types, unit-tested without a database.

pub mod ai_inputs;
pub mod alwrity;
pub mod audit;
pub mod bundle;
pub mod doctor;
pub mod ids;
pub mod inputs;
pub mod legacy;
pub mod limits;
pub mod progress;
pub mod providers;
pub mod records;
pub mod report;
pub mod seal;
pub mod secret;
pub mod shell;
pub mod validation;
pub mod wire;

pub use bundle::UserBundle;
pub use ids::{ParseError, Percent, ProviderName, StepNumber, StepStatus, UserId};
pub use records::{
    ApiKey, CompetitorAnalysis, Onboarding, PageAudit, PersonaData, ResearchPreferences, Session,
    StepState, Timestamp, WebsiteAnalysis,
};
pub use secret::Secret;
pub use shell::shell_word;
