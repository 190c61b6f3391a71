//! One module per subcommand: its flags (`Args`) and its `run`.

pub mod analyze;
pub mod classify;

