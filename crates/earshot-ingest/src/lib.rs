//! Reading conversations into earshot: the native JSON Lines format (`docs/format.md`) and CSV
//! exports with one message per row, plain or gzip-compressed, from files or standard input.
//!
//! Every reader is an iterator of `Result<Conversation, RecordError>`: one bad record becomes one
//! error that names the file, the line and the field, and reading goes on with the next record.
//! This crate knows nothing of the analysis engine or of any database.

mod csv_map;
mod error;
pub mod formats;
mod jsonl;
mod source;

pub use csv_map::{CsvMapping, CsvReader, MapError};
pub use error::RecordError;
pub use formats::{ImportFormat, ImportOptions, import, import_many};
pub use jsonl::{JsonlReader, parse_conversation};
pub use source::{Input, InputFormat, open_input};

/// The largest record (one JSONL line or one CSV row) earshot accepts: 64 MiB. Larger records
/// are reported and skipped rather than read into memory.
pub const MAX_RECORD_BYTES: usize = 64 << 20;
