//! `earshot train sentiment`: the three-way sentiment model (`models/sentiment.bin`).

use std::path::Path;

use anyhow::Result;

use crate::corpora::{self, SENTIMENT};
use crate::sgd::{Example, SgdConfig};

pub use crate::sgd::TrainReport;

/// Trains the sentiment model on the ✅ data under `shared` (the development share, holding
/// `data/`) and the project's seeds, reports held-out figures, and writes the model to `out`.
pub fn train_sentiment(shared: &Path, out: &Path) -> Result<TrainReport> {
    let data = corpora::all(shared)?;
    let prepare = |held: bool| -> Vec<Example> {
        data.iter()
            .filter(|l| l.held_out == held)
            .filter_map(|l| {
                l.sentiment
                    .map(|s| Example::new(&l.text, l.lang, s, l.weight).from(l.source))
            })
            .collect()
    };
    crate::sgd::fit(
        "sentiment",
        &SENTIMENT,
        prepare(false),
        prepare(true),
        SgdConfig::default(),
        out,
    )
}
