//! `earshot train emotion`: the six-way emotion model (`models/emotion.bin`), in the order of
//! `earshot_model::Emotion::ALL`.

use std::path::Path;

use anyhow::Result;
use earshot_model::Emotion;

use crate::corpora::{self, emotion_class};
use crate::sgd::{Example, SgdConfig};

pub use crate::sgd::TrainReport;

/// Trains the emotion model on the ✅ data under `shared` and the project's seeds, reports
/// held-out figures, and writes the model to `out`.
pub fn train_emotion(shared: &Path, out: &Path) -> Result<TrainReport> {
    let data = corpora::all(shared)?;
    let prepare = |held: bool| -> Vec<Example> {
        data.iter()
            .filter(|l| l.held_out == held)
            .filter_map(|l| {
                l.emotion.map(|e| {
                    Example::new(&l.text, l.lang, emotion_class(e), l.weight).from(l.source)
                })
            })
            .collect()
    };
    let classes: Vec<&str> = Emotion::ALL.iter().map(|e| e.as_str()).collect();
    crate::sgd::fit(
        "emotion",
        &classes,
        prepare(false),
        prepare(true),
        SgdConfig::default(),
        out,
    )
}
