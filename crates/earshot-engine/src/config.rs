//! Engine settings. Deserialised from the `[engine]` table of earshot's config file; unknown keys
//! are rejected so that a typo never silently falls back to a default. Response-time targets,
//! calendars and the scorecard live in the rule pack (`rules/builtin/pack.toml` and its SLA
//! rules), where QA analysts change them without code.

use serde::Deserialize;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct EngineConfig {
    /// Messages with fewer letters than this are not language-detected on their own; they take
    /// the conversation's main language.
    pub min_detect_chars: usize,
    /// Words no agent of this installation may use; they join the rule pack's `forbidden` set
    /// (`conduct.sensitive_word`).
    pub forbidden_words: Vec<String>,
}

impl Default for EngineConfig {
    fn default() -> EngineConfig {
        EngineConfig {
            min_detect_chars: 12,
            forbidden_words: Vec::new(),
        }
    }
}
