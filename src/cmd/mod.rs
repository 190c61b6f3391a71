//! One module per subcommand: its flags (`Args`) and its `run`.

pub mod analyze;
pub mod classify;
pub mod demo;
pub mod eval;
pub mod import;
pub mod redact;
pub mod rules;
pub mod serve;
pub mod token;
pub mod train;
