//! The analysis core: every front end (the CLI, the server, scale-out workers, live assist)
//! hands conversations to an [`Engine`] and gets an [`Analysis`] back.
//!
//! The engine is pure: no I/O, no async, no failure on input. Building an engine can fail (a rule
//! pack or model that does not load); running it cannot: a malformed conversation yields
//! diagnostics, never a panic.
//!
//! Analysis runs in two stages. The **turn stage** looks at one turn at a time (language, abuse,
//! threats, emotion, phrase markers) and depends on nothing but that turn, so a live conversation
//! that grows by one turn costs one turn's work. The **conversation stage** reads the turn results
//! and the conversation's metadata (escalation, empathy, process steps, SLAs) and then scores and
//! ranks. Analyzers of each stage are listed in [`analyzers`], one file each.

pub mod analyzers;
mod classify;
mod config;
mod conversation;
mod engine;
mod risk;
pub mod rules;
mod scorecard;
mod turn;
mod turn_cache;

pub use classify::{Classification, LabelSpan};
pub use config::EngineConfig;
pub use conversation::{ConversationAnalyzer, ConversationContext};
pub use engine::Engine;
pub use risk::{CustomerHistory, HISTORY_DAYS, HistoryQuery};
pub use rules::{RuleError, RulePack};
pub use turn::{Mark, TurnAnalyzer, TurnContext, TurnResult};

pub use earshot_model as model;

/// Changes whenever the same input may give a different analysis: stored results carry it, so
/// that unchanged conversations are skipped on a re-run only while it stays the same.
pub const VERSION: &str = concat!(env!("CARGO_PKG_VERSION"), "+analysis.1");
