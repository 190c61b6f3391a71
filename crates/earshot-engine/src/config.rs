//! Engine settings. Deserialised from the `[engine]` table of earshot's config file; unknown keys
//! are rejected so that a typo never silently falls back to a default.

use serde::Deserialize;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct EngineConfig {
    pub sla: SlaConfig,
    /// Messages with fewer letters than this are not language-detected on their own; they take
    /// the conversation's main language.
    pub min_detect_chars: usize,
}

impl Default for EngineConfig {
    fn default() -> EngineConfig {
        EngineConfig { sla: SlaConfig::default(), min_detect_chars: 12 }
    }
}

/// Response-time targets, in hours of wall-clock time.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct SlaConfig {
    /// First agent reply after the customer's first message (chat and e-mail).
    pub first_response_hours: f64,
    /// Chat: first reply within this many minutes.
    pub chat_first_response_minutes: f64,
    /// Any later agent reply after a customer message.
    pub response_gap_hours: f64,
    /// Marketplace rule (Amazon: 24 hours, weekends included).
    pub marketplace_hours: f64,
}

impl Default for SlaConfig {
    fn default() -> SlaConfig {
        SlaConfig {
            first_response_hours: 12.0,
            chat_first_response_minutes: 5.0,
            response_gap_hours: 24.0,
            marketplace_hours: 24.0,
        }
    }
}
