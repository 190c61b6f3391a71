//! Multinomial logistic regression over earshot's hashed features, trained by plain stochastic
//! gradient descent with a linearly decaying rate, and the metrics used to report it.

use std::collections::HashSet;
use std::sync::OnceLock;

use earshot_engine::analyzers::emotion::features::{self, Features, Prior};
use earshot_engine::analyzers::emotion::model::{LinearModel, softmax};
use earshot_engine::analyzers::{abuse::Abuse, threat::Threats};
use earshot_engine::{TurnAnalyzer, TurnContext, TurnResult};
use earshot_model::Role;
use earshot_text::{Lang, detect_language, normalize};

/// One labelled message, prepared once: folded, its language detected, and the abuse and threat
/// analyzers run on it, exactly as the engine does before the emotion analyzer.
#[derive(Debug, Clone)]
pub struct Example {
    pub text: String,
    pub norm: String,
    pub lang: Lang,
    pub prior: Prior,
    pub label: u8,
    pub weight: f32,
    pub source: &'static str,
}

fn earlier_analyzers() -> &'static (Abuse, Threats) {
    static A: OnceLock<(Abuse, Threats)> = OnceLock::new();
    A.get_or_init(|| (Abuse::new(), Threats::new()))
}

impl Example {
    /// Prepares a message; `lang_hint` is used when detection gives no answer, as in the engine.
    pub fn new(text: &str, lang_hint: Lang, label: u8, weight: f32) -> Example {
        let norm = normalize(text);
        let lang = match detect_language(text) {
            Lang::Und => lang_hint,
            l => l,
        };
        let cx = TurnContext {
            index: 0,
            role: Role::Customer,
            text,
            norm: &norm,
            lang,
            internal: false,
        };
        let mut out = TurnResult::new(lang);
        let (abuse, threats) = earlier_analyzers();
        abuse.analyze(&cx, &mut out);
        threats.analyze(&cx, &mut out);
        Example {
            text: text.to_string(),
            norm: norm.as_str().to_string(),
            lang,
            prior: features::prior_of(&out.findings),
            label,
            weight,
            source: "",
        }
    }

    /// Names the data set the example comes from.
    pub fn from(mut self, source: &'static str) -> Example {
        self.source = source;
        self
    }

    pub fn features(&self, mask: u32, f: &mut Features) {
        features::extract(&self.text, &self.norm, self.lang, self.prior, mask, f);
    }
}

/// A stable hash of the folded text, used to deduplicate and to split held-out folds.
pub fn text_key(norm: &str) -> u64 {
    let t: String = norm.split_whitespace().collect::<Vec<_>>().join(" ");
    t.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
        (h ^ b as u64).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// Drops repeated texts (keeping the first) and any text that also occurs in `held_out`, so that
/// no held-out line is ever trained on.
pub fn dedup(examples: Vec<Example>, held_out: &[Example]) -> Vec<Example> {
    let mut seen: HashSet<u64> = held_out.iter().map(|e| text_key(&e.norm)).collect();
    examples
        .into_iter()
        .filter(|e| seen.insert(text_key(&e.norm)))
        .collect()
}

#[derive(Debug, Clone, Copy)]
pub struct SgdConfig {
    pub epochs: usize,
    pub rate: f32,
    pub bucket_bits: u32,
    /// Reweights classes so that each carries the same total weight.
    pub balance: bool,
    pub seed: u64,
}

impl Default for SgdConfig {
    fn default() -> SgdConfig {
        SgdConfig {
            epochs: 6,
            rate: 0.4,
            bucket_bits: 18,
            balance: true,
            seed: 7,
        }
    }
}

/// Trains a model with one output per class.
pub fn train(examples: &[Example], classes: &[&str], cfg: SgdConfig) -> LinearModel {
    let k = classes.len();
    let mut model = LinearModel::zeros(classes, cfg.bucket_bits);
    let mut class_w = vec![1.0f32; k];
    if cfg.balance {
        let mut tot = vec![0.0f32; k];
        for e in examples {
            if let Some(t) = tot.get_mut(e.label as usize) {
                *t += e.weight;
            }
        }
        let all: f32 = tot.iter().sum();
        for (w, t) in class_w.iter_mut().zip(&tot) {
            *w = if *t > 0.0 {
                (all / (k as f32 * t)).min(10.0)
            } else {
                0.0
            };
        }
    }
    let mask = model.mask();
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut rng = cfg.seed.max(1);
    let mut f = Features::default();
    let mut logits = vec![0.0f32; k];
    let steps = (cfg.epochs * examples.len()).max(1) as f32;
    let mut step = 0f32;
    for _ in 0..cfg.epochs {
        for i in (1..order.len()).rev() {
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            order.swap(i, (rng % (i as u64 + 1)) as usize);
        }
        for &i in &order {
            let e = &examples[i];
            let lr = cfg.rate * (1.0 - step / steps).max(0.01);
            step += 1.0;
            e.features(mask, &mut f);
            model.logits(&f.buckets, &f.cues, &mut logits);
            softmax(&mut logits);
            let w = e.weight * class_w.get(e.label as usize).copied().unwrap_or(1.0) * lr;
            let scale = if f.buckets.is_empty() {
                0.0
            } else {
                1.0 / (f.buckets.len() as f32).sqrt()
            };
            for (c, p) in logits.iter().enumerate() {
                let g = (p - if c == e.label as usize { 1.0 } else { 0.0 }) * w;
                if g == 0.0 {
                    continue;
                }
                for &b in &f.buckets {
                    model.hashed[b as usize * k + c] -= g * scale;
                }
                for (j, x) in f.cues.iter().enumerate() {
                    if *x != 0.0 {
                        model.cues[j * k + c] -= g * x;
                    }
                }
            }
        }
    }
    model
}

/// What a training run did and how well the model does on data it did not see.
#[derive(Debug, Clone)]
pub struct TrainReport {
    pub model: String,
    pub examples: usize,
    /// (held-out set, macro-F1, accuracy, size).
    pub held_out: Vec<(String, f32, f32, usize)>,
    pub bytes: usize,
    pub seconds: f32,
}

impl std::fmt::Display for TrainReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(
            f,
            "{}: {} training examples, {} bytes, {:.1} s",
            self.model, self.examples, self.bytes, self.seconds
        )?;
        for (name, mf1, acc, n) in &self.held_out {
            writeln!(
                f,
                "  held-out {name:<16} n={n:<6} macro-F1 {mf1:.3}  accuracy {acc:.3}"
            )?;
        }
        Ok(())
    }
}

/// Trains, measures on each held-out source (seeds per language), then retrains with the held-out
/// seeds added (they are too few to leave out of the shipped model) and writes the model.
pub fn fit(
    name: &str,
    classes: &[&str],
    train_set: Vec<Example>,
    held: Vec<Example>,
    cfg: SgdConfig,
    out: &std::path::Path,
) -> anyhow::Result<TrainReport> {
    let started = std::time::Instant::now();
    let train_set = dedup(train_set, &held);
    let model = train(&train_set, classes, cfg);
    let mut groups: Vec<(String, Vec<&Example>)> = Vec::new();
    for e in &held {
        let g = if e.source == "seeds" {
            format!("seeds-{}", e.lang.as_str())
        } else {
            e.source.to_string()
        };
        match groups.iter_mut().find(|(n, _)| *n == g) {
            Some((_, v)) => v.push(e),
            None => groups.push((g, vec![e])),
        }
    }
    groups.sort_by(|a, b| a.0.cmp(&b.0));
    let mut f = Features::default();
    let mut held_out = Vec::new();
    for (g, v) in &groups {
        let gold: Vec<u8> = v.iter().map(|e| e.label).collect();
        let pred: Vec<u8> = v
            .iter()
            .map(|e| argmax(&predict(&model, e, &mut f)))
            .collect();
        held_out.push((
            g.clone(),
            macro_f1(&gold, &pred, classes.len()),
            accuracy(&gold, &pred),
            v.len(),
        ));
    }
    let mut final_set = train_set;
    final_set.extend(held.into_iter().filter(|e| e.source == "seeds"));
    let model = train(&final_set, classes, cfg);
    let bytes = model.to_bytes();
    if let Some(dir) = out.parent() {
        std::fs::create_dir_all(dir)?;
    }
    std::fs::write(out, &bytes)?;
    Ok(TrainReport {
        model: name.to_string(),
        examples: final_set.len(),
        held_out,
        bytes: bytes.len(),
        seconds: started.elapsed().as_secs_f32(),
    })
}

/// The class probabilities of one example.
pub fn predict(model: &LinearModel, e: &Example, f: &mut Features) -> Vec<f32> {
    let mut logits = vec![0.0f32; model.k()];
    e.features(model.mask(), f);
    model.logits(&f.buckets, &f.cues, &mut logits);
    softmax(&mut logits);
    logits
}

pub fn argmax(p: &[f32]) -> u8 {
    p.iter()
        .enumerate()
        .fold((0usize, f32::NEG_INFINITY), |b, (i, v)| {
            if *v > b.1 { (i, *v) } else { b }
        })
        .0 as u8
}

/// Per-class F1 of predictions against gold labels.
pub fn f1_per_class(gold: &[u8], pred: &[u8], k: usize) -> Vec<f32> {
    (0..k as u8)
        .map(|c| {
            let tp = gold
                .iter()
                .zip(pred)
                .filter(|(g, p)| **g == c && **p == c)
                .count() as f32;
            let fp = gold
                .iter()
                .zip(pred)
                .filter(|(g, p)| **g != c && **p == c)
                .count() as f32;
            let fn_ = gold
                .iter()
                .zip(pred)
                .filter(|(g, p)| **g == c && **p != c)
                .count() as f32;
            if tp == 0.0 {
                0.0
            } else {
                2.0 * tp / (2.0 * tp + fp + fn_)
            }
        })
        .collect()
}

/// The mean F1 over classes.
pub fn macro_f1(gold: &[u8], pred: &[u8], k: usize) -> f32 {
    let f = f1_per_class(gold, pred, k);
    f.iter().sum::<f32>() / k as f32
}

pub fn accuracy(gold: &[u8], pred: &[u8]) -> f32 {
    if gold.is_empty() {
        return 0.0;
    }
    gold.iter().zip(pred).filter(|(g, p)| g == p).count() as f32 / gold.len() as f32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn macro_f1_matches_a_hand_count() {
        let gold = [0, 0, 1, 1, 2, 2];
        let pred = [0, 1, 1, 1, 2, 0];
        // Class 0: tp 1, fp 1, fn 1 → 0.5; class 1: tp 2, fp 1 → 0.8; class 2: tp 1, fn 1 → 2/3.
        let f = macro_f1(&gold, &pred, 3);
        assert!((f - (0.5 + 0.8 + 2.0 / 3.0) / 3.0).abs() < 1e-5, "{f}");
    }

    #[test]
    fn learns_a_separable_toy_problem() {
        let mut ex = Vec::new();
        for i in 0..40 {
            ex.push(Example::new(
                &format!("great thanks wonderful {i}"),
                Lang::En,
                1,
                1.0,
            ));
            ex.push(Example::new(
                &format!("terrible broken awful {i}"),
                Lang::En,
                0,
                1.0,
            ));
        }
        let m = train(
            &ex,
            &["neg", "pos"],
            SgdConfig {
                bucket_bits: 14,
                ..SgdConfig::default()
            },
        );
        let mut f = Features::default();
        let p = predict(
            &m,
            &Example::new("awful and broken", Lang::En, 0, 1.0),
            &mut f,
        );
        assert!(p[0] > 0.8, "{p:?}");
    }
}
