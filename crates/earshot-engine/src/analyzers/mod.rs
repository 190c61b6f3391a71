//! The built-in analyzers, one file each. Adding one is a new file plus one line in a list below.

use crate::{ConversationAnalyzer, TurnAnalyzer};

pub mod abuse;
pub mod emotion;
pub mod escalation;
pub mod markers;
pub mod privacy;
pub mod threat;

/// The turn stage, in order. Later analyzers may read what earlier ones put in the `TurnResult`
/// (the emotion analyzer reads abuse findings, for instance).
pub fn turn_analyzers() -> Vec<Box<dyn TurnAnalyzer>> {
    vec![
        Box::new(markers::Markers::new()),
        Box::new(abuse::Abuse::new()),
        Box::new(threat::Threats::new()),
        Box::new(privacy::SensitiveData),
        Box::new(emotion::Emotions::new()),
    ]
}

/// The conversation stage, in order. Process, courtesy, empathy and SLA checks are rules of the
/// engine's rule pack (`rules/builtin/`), which runs after these.
pub fn conversation_analyzers() -> Vec<Box<dyn ConversationAnalyzer>> {
    vec![Box::new(escalation::Escalation)]
}
