//! The vocabulary every earshot crate shares: a [`Conversation`] with its [`Turn`]s, the
//! [`Finding`]s the engine reports about it, their stable [`Code`]s and [`Severity`], and the
//! [`Analysis`] that one pass of the pipeline produces.
//!
//! This crate holds plain data and small pure helpers. It does no I/O and knows nothing of files,
//! databases or HTTP; its serde shapes *are* earshot's native interchange format
//! (`docs/format.md`), so changing a field name here is a breaking change for users.

mod analysis;
mod codes;
mod conversation;
mod finding;

pub use analysis::{Analysis, Dimension, Emotion, Polarity, Scores, TurnSignal};
pub use codes::{CODES, Code, CodeInfo, code_info};
pub use conversation::{
    Agent, Channel, Conversation, Customer, Diagnostic, MAX_TURN_CHARS, Order, Role, Turn,
};
pub use finding::{Finding, Severity, Span, TimeRange};
