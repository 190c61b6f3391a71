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
    let mut train = prepare(false);
    let mut held = prepare(true);
    balance_seeds(&mut train, &mut held);
    crate::sgd::fit(
        "sentiment",
        &SENTIMENT,
        train,
        held,
        SgdConfig::default(),
        out,
    )
}

/// Reweights the seed sentences so that, within each language, the three classes carry the same
/// total weight (the seeds are mostly complaints). For the languages that have nothing but seeds,
/// an unbalanced set teaches the model that the script itself is negative.
fn balance_seeds(train: &mut [Example], held: &mut [Example]) {
    use std::collections::HashMap;
    let mut tot: HashMap<(earshot_text::Lang, u8), f32> = HashMap::new();
    let mut all: HashMap<earshot_text::Lang, f32> = HashMap::new();
    for e in train
        .iter()
        .chain(held.iter())
        .filter(|e| e.source == "seeds")
    {
        *tot.entry((e.lang, e.label)).or_default() += e.weight;
        *all.entry(e.lang).or_default() += e.weight;
    }
    for e in train.iter_mut().chain(held.iter_mut()) {
        if e.source != "seeds" {
            continue;
        }
        if let (Some(t), Some(a)) = (tot.get(&(e.lang, e.label)), all.get(&e.lang))
            && *t > 0.0
        {
            e.weight *= a / (SENTIMENT.len() as f32 * t);
        }
    }
}
