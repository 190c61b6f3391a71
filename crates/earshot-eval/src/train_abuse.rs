//! `earshot train abuse`: trains the shipped abuse model (`models/abuse.bin`) on permissively
//! licensed data only, with logistic regression by stochastic gradient descent over the hashed
//! features of `earshot_engine::analyzers::abuse::model::features`.
//!
//! Data (all ✅ in `../shared/data/README.md`, plus seeds the project wrote): Davidson (MIT),
//! GermEval 2018 (CC-BY-4.0), COLD train (Apache-2.0), MLMA en/fr/ar (MIT), banking77 and
//! stc3-helpdesk (CC-BY-4.0, as non-abusive text), wisesight pos/neu/q (CC0, as non-abusive
//! Thai). Fold 0 of every set that is also evaluated is never read here, and fold 1 only picks
//! the threshold.

use std::path::Path;

use earshot_engine::analyzers::abuse::model::{Model, features, sigmoid};
use earshot_text::normalize;

use crate::data::{self, Sample};
use crate::metrics::Counts;

/// Hash buckets: 2^20 one-byte weights, 1 MiB on disk.
pub const BITS: u32 = 20;
const EPOCHS: usize = 6;
const RATE: f32 = 0.05;
const L2: f32 = 1e-7;
const MIN_THRESHOLD: f32 = 0.85;

#[derive(Debug, Clone)]
pub struct TrainReport {
    pub examples: usize,
    pub positives: usize,
    pub threshold: f32,
    /// Precision/recall/F1 of the model alone on the calibration fold.
    pub calibration: Counts,
    pub bytes: usize,
}

/// Everything the model may learn from, with the evaluation fold removed.
pub fn training_data(shared: &Path) -> anyhow::Result<Vec<Sample>> {
    let mut all = Vec::new();
    all.extend(data::davidson(shared)?);
    all.extend(data::germeval2018(shared)?);
    let dev: std::collections::HashSet<String> = data::cold(shared, "dev.csv")?
        .into_iter()
        .map(|s| s.text)
        .collect();
    all.extend(
        data::cold(shared, "train.csv")?
            .into_iter()
            .filter(|s| !dev.contains(&s.text)),
    );
    for lang in [
        earshot_text::Lang::En,
        earshot_text::Lang::Fr,
        earshot_text::Lang::Ar,
    ] {
        all.extend(data::mlma(shared, lang)?);
    }
    all.extend(
        data::customer_service(shared)?
            .into_iter()
            .filter(|(n, _)| n != "abcd")
            .map(|(_, s)| s),
    );
    all.extend(data::wisesight(shared)?);
    all.extend(data::written(include_str!("../data/abuse_seeds.tsv")));
    all.retain(|s| !data::is_held_out(&s.text));
    Ok(all)
}

fn hashed(text: &str, mask: u64) -> Vec<u32> {
    let sk = normalize(text);
    let mut v = Vec::new();
    features(sk.skeleton().as_str(), |h| v.push((h & mask) as u32));
    v
}

/// Trains and writes the model to `out`. Deterministic: the same data gives the same file.
pub fn train(shared: &Path, out: &Path) -> anyhow::Result<TrainReport> {
    let samples = training_data(shared)?;
    let mask = (1u64 << BITS) - 1;
    let (train, calib): (Vec<&Sample>, Vec<&Sample>) =
        samples.iter().partition(|s| data::fold(&s.text) != 1);
    let train: Vec<(Vec<u32>, bool)> = train
        .iter()
        .map(|s| (hashed(&s.text, mask), s.label))
        .collect();
    let pos = train.iter().filter(|t| t.1).count().max(1) as f32;
    let neg = (train.len() as f32 - pos).max(1.0);
    // Classes are weighted to balance, so no data set's base rate decides the bias.
    let (wp, wn) = (
        train.len() as f32 / (2.0 * pos),
        train.len() as f32 / (2.0 * neg),
    );
    let mut w = vec![0f32; 1 << BITS];
    let mut bias = 0f32;
    let mut order: Vec<usize> = (0..train.len()).collect();
    let mut seed = 0x2545_f491_4f6c_dd1du64;
    for epoch in 0..EPOCHS {
        // A fixed-seed shuffle keeps the result reproducible.
        for i in (1..order.len()).rev() {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            order.swap(i, (seed % (i as u64 + 1)) as usize);
        }
        let rate = RATE / (1.0 + epoch as f32);
        for &i in &order {
            let (f, y) = &train[i];
            let z = bias + f.iter().map(|&h| w[h as usize]).sum::<f32>();
            let g = (sigmoid(z) - if *y { 1.0 } else { 0.0 }) * if *y { wp } else { wn };
            bias -= rate * g;
            for &h in f {
                let wi = &mut w[h as usize];
                *wi -= rate * (g + L2 * *wi);
            }
        }
    }
    // The threshold with the best F1 on the calibration fold, but never below `MIN_THRESHOLD`:
    // the model only speaks when no lexicon word did, and outside the domains it learnt from
    // (tweets, Weibo) a lower bar raised false alarms on neutral text about identity groups.
    let scores: Vec<(f32, bool)> = calib
        .iter()
        .map(|s| {
            let f = hashed(&s.text, mask);
            (
                sigmoid(bias + f.iter().map(|&h| w[h as usize]).sum::<f32>()),
                s.label,
            )
        })
        .collect();
    let mut best = (0.5f32, Counts::default(), -1.0f64);
    for t in (50..=97)
        .map(|t| t as f32 / 100.0)
        .filter(|t| *t >= MIN_THRESHOLD)
    {
        let mut c = Counts::default();
        for (p, y) in &scores {
            c.add(*y, *p >= t);
        }
        if c.f1() > best.2 {
            best = (t, c, c.f1());
        }
    }
    let bytes = Model::to_bytes(BITS, bias, &w, best.0);
    if let Some(dir) = out.parent() {
        std::fs::create_dir_all(dir)?;
    }
    std::fs::write(out, &bytes)?;
    Ok(TrainReport {
        examples: train.len(),
        positives: pos as usize,
        threshold: best.0,
        calibration: best.1,
        bytes: bytes.len(),
    })
}
