//! Text handling for earshot's analysers: normalisation that undoes disguise while keeping a map
//! back to the characters the user wrote, and per-message language identification.
//!
//! Pure functions, no I/O, no failure on any input: every function here accepts any `&str`.

mod chars;
mod fold;
mod lang;
mod normalize;

pub use chars::CharClass;
pub use lang::{Lang, detect_language};
pub use normalize::{Normalized, View, normalize, skeleton};
