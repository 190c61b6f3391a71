//! Speed of the emotion analyzer alone on one core, over the seed sentences of all nine languages:
//! `cargo run --release -p earshot-train --example bench_emotion`.

use std::time::Instant;

use earshot_engine::analyzers::emotion::Emotions;
use earshot_engine::{TurnAnalyzer, TurnContext, TurnResult};
use earshot_model::Role;
use earshot_text::{detect_language, normalize};

fn main() {
    let mut texts = Vec::new();
    for lang in ["en", "de", "ja", "es", "fr", "vi", "th", "ar", "zh"] {
        let path = format!(
            "{}/../../seeds/emotion/{lang}.tsv",
            env!("CARGO_MANIFEST_DIR")
        );
        for line in std::fs::read_to_string(path).unwrap_or_default().lines() {
            if let Some((_, t)) = line.split_once('\t') {
                texts.push((t.to_string(), normalize(t), detect_language(t)));
            }
        }
    }
    parts(&texts);
    let analyzer = Emotions::new();
    let chars: usize = texts.iter().map(|t| t.0.chars().count()).sum();
    let rounds = 200;
    let started = Instant::now();
    let mut anger = 0.0f32;
    for _ in 0..rounds {
        for (i, (text, norm, lang)) in texts.iter().enumerate() {
            let cx = TurnContext {
                index: i,
                role: Role::Customer,
                text,
                norm,
                lang: *lang,
                internal: false,
            };
            let mut out = TurnResult::new(*lang);
            analyzer.analyze(&cx, &mut out);
            anger += out.anger;
        }
    }
    let secs = started.elapsed().as_secs_f64();
    let n = (rounds * texts.len()) as f64;
    println!(
        "{} messages (mean {} chars): {:.0} messages/s, {:.2} µs each (checksum {anger:.1})",
        n,
        chars / texts.len().max(1),
        n / secs,
        secs * 1e6 / n
    );
}

/// Where the time goes: feature extraction alone, then extraction and both models.
#[allow(dead_code)]
fn parts(texts: &[(String, earshot_text::Normalized, earshot_text::Lang)]) {
    use earshot_engine::analyzers::emotion::{Scorer, features};
    let mut f = features::Features::default();
    let t = Instant::now();
    let mut n = 0usize;
    for _ in 0..200 {
        for (text, norm, lang) in texts {
            features::extract(
                text,
                norm.as_str(),
                *lang,
                features::Prior::default(),
                (1 << 18) - 1,
                &mut f,
            );
            n += f.buckets.len();
        }
    }
    let per = t.elapsed().as_secs_f64() * 1e6 / (200 * texts.len()) as f64;
    println!(
        "features only: {per:.2} µs per message, {} buckets each",
        n / (200 * texts.len())
    );
    if let Some(s) = Scorer::shipped() {
        let t = Instant::now();
        for _ in 0..200 {
            for (text, norm, lang) in texts {
                let _ = s.score(
                    text,
                    norm.as_str(),
                    *lang,
                    features::Prior::default(),
                    &mut f,
                );
            }
        }
        let per = t.elapsed().as_secs_f64() * 1e6 / (200 * texts.len()) as f64;
        println!("features and models: {per:.2} µs per message");
    }
}
