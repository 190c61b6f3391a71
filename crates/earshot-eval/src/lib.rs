//! Accuracy evaluation and model training for earshot, on the public data sets of the
//! development share (`../shared/data`) and on sets the project wrote itself.
//!
//! One module per task ([`abuse`]; threats and sentiment add theirs), a shared [`metrics`]
//! module, data readers in [`data`], and [`report`], which rewrites one task's section of
//! `docs/accuracy.md` between markers without touching the others.

pub mod abuse;
pub mod data;
pub mod metrics;
pub mod report;
pub mod satisfaction;
pub mod train_abuse;

/// The development share as seen from the repository root.
pub fn default_shared_dir() -> std::path::PathBuf {
    std::path::PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data"))
}
pub mod sentiment;
