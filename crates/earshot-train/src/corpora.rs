//! Readers for the training data of the sentiment and emotion models: the permissively licensed
//! (✅) sets of the development share, mapped to earshot's labels, and the project's own seed
//! sentences (`seeds/emotion/<lang>.tsv`).

use std::path::Path;

use anyhow::{Context, Result};
use earshot_model::Emotion;
use earshot_text::Lang;

/// Sentiment classes, in model order.
pub const SENTIMENT: [&str; 3] = ["negative", "neutral", "positive"];
pub const NEG: u8 = 0;
pub const NEU: u8 = 1;
pub const POS: u8 = 2;

/// One labelled text; either label may be missing when the source does not say.
#[derive(Debug, Clone)]
pub struct Labelled {
    pub text: String,
    pub lang: Lang,
    pub sentiment: Option<u8>,
    pub emotion: Option<Emotion>,
    /// How much this source counts, relative to the seeds.
    pub weight: f32,
    pub source: &'static str,
    /// Whether the text belongs to the source's held-out fold.
    pub held_out: bool,
}

fn emo_index(e: Emotion) -> u8 {
    Emotion::ALL.iter().position(|x| *x == e).unwrap_or(5) as u8
}

/// The emotion label as the model's class number.
pub fn emotion_class(e: Emotion) -> u8 {
    emo_index(e)
}

/// The sentiment implied by an emotion.
pub fn sentiment_of(e: Emotion) -> u8 {
    match e {
        Emotion::Gratitude => POS,
        Emotion::Neutral => NEU,
        _ => NEG,
    }
}

/// A held-out fold chosen by text hash, so that the same text always falls on the same side.
fn in_fold(text: &str, tenths: u64) -> bool {
    crate::sgd::text_key(earshot_text::normalize(text).as_str()) % 10 < tenths
}

/// GoEmotions (Apache-2.0): `train.tsv` for training, `dev.tsv` held out.
pub fn goemotions(shared: &Path, out: &mut Vec<Labelled>) -> Result<()> {
    // Index = GoEmotions label id; value = (sentiment, emotion).
    use Emotion::*;
    let map: [(Option<u8>, Option<Emotion>); 28] = [
        (Some(POS), Some(Gratitude)),      // admiration
        (Some(POS), None),                 // amusement
        (Some(NEG), Some(Anger)),          // anger
        (Some(NEG), Some(Frustration)),    // annoyance
        (Some(POS), Some(Gratitude)),      // approval
        (Some(POS), None),                 // caring
        (Some(NEU), Some(Neutral)),        // confusion
        (Some(NEU), Some(Neutral)),        // curiosity
        (Some(POS), None),                 // desire
        (Some(NEG), Some(Disappointment)), // disappointment
        (Some(NEG), None),                 // disapproval
        (Some(NEG), Some(Anger)),          // disgust
        (Some(NEG), None),                 // embarrassment
        (Some(POS), Some(Gratitude)),      // excitement
        (Some(NEG), Some(Anxiety)),        // fear
        (Some(POS), Some(Gratitude)),      // gratitude
        (Some(NEG), Some(Disappointment)), // grief
        (Some(POS), Some(Gratitude)),      // joy
        (Some(POS), Some(Gratitude)),      // love
        (Some(NEG), Some(Anxiety)),        // nervousness
        (Some(POS), Some(Gratitude)),      // optimism
        (Some(POS), Some(Gratitude)),      // pride
        (Some(NEU), Some(Neutral)),        // realization
        (Some(POS), Some(Gratitude)),      // relief
        (Some(NEG), None),                 // remorse
        (Some(NEG), Some(Disappointment)), // sadness
        (None, None),                      // surprise
        (Some(NEU), Some(Neutral)),        // neutral
    ];
    for (file, held_out) in [("train.tsv", false), ("dev.tsv", true)] {
        let path = shared.join("data/goemotions-en").join(file);
        let text = std::fs::read_to_string(&path)
            .with_context(|| format!("reading {}", path.display()))?;
        for line in text.lines() {
            let mut cols = line.split('\t');
            let (Some(t), Some(labels)) = (cols.next(), cols.next()) else {
                continue;
            };
            let ids: Vec<usize> = labels
                .split(',')
                .filter_map(|x| x.parse().ok())
                .filter(|i| *i < 28)
                .collect();
            let sents: Vec<u8> = ids.iter().filter_map(|i| map[*i].0).collect();
            let sentiment = sents
                .first()
                .copied()
                .filter(|s| sents.iter().all(|x| x == s));
            // The most specific negative emotion wins; a text mixing upset and pleased is dropped.
            let emos: Vec<Emotion> = ids.iter().filter_map(|i| map[*i].1).collect();
            let emotion = [
                Anger,
                Anxiety,
                Frustration,
                Disappointment,
                Gratitude,
                Neutral,
            ]
            .into_iter()
            .find(|e| emos.contains(e))
            .filter(|e| !(emos.contains(&Gratitude) && e.is_negative()));
            out.push(Labelled {
                text: t
                    .replace("[NAME]", "Alex")
                    .replace("[RELIGION]", "religion"),
                lang: Lang::En,
                sentiment,
                emotion,
                weight: 1.0,
                source: "goemotions",
                held_out,
            });
        }
    }
    Ok(())
}

/// Wisesight sentiment (CC0), Thai social-media posts; a tenth held out by text hash.
pub fn wisesight(shared: &Path, out: &mut Vec<Labelled>) -> Result<()> {
    for (file, s) in [
        ("neg.txt", NEG),
        ("neu.txt", NEU),
        ("pos.txt", POS),
        ("q.txt", NEU),
    ] {
        let path = shared.join("data/wisesight-sentiment-th").join(file);
        let text = std::fs::read_to_string(&path)
            .with_context(|| format!("reading {}", path.display()))?;
        for t in text.lines().filter(|l| !l.trim().is_empty()) {
            let emotion = match s {
                POS => Some(Emotion::Gratitude),
                NEU => Some(Emotion::Neutral),
                _ => None,
            };
            out.push(Labelled {
                text: t.to_string(),
                lang: Lang::Th,
                sentiment: Some(s),
                emotion,
                weight: 1.0,
                source: "wisesight",
                held_out: in_fold(t, 1) && file != "q.txt",
            });
        }
    }
    Ok(())
}

/// Banking77 (CC-BY-4.0): plain customer requests, the neutral baseline of customer service.
pub fn banking77(shared: &Path, out: &mut Vec<Labelled>) -> Result<()> {
    let path = shared.join("data/banking77/train.csv");
    let mut r =
        csv::Reader::from_path(&path).with_context(|| format!("reading {}", path.display()))?;
    for (i, rec) in r.records().enumerate() {
        let rec = rec?;
        // Every third request keeps the set from outweighing the emotional sources.
        if i % 3 != 0 {
            continue;
        }
        if let Some(t) = rec.get(0) {
            out.push(Labelled {
                text: t.to_string(),
                lang: Lang::En,
                sentiment: Some(NEU),
                emotion: Some(Emotion::Neutral),
                weight: 0.7,
                source: "banking77",
                held_out: false,
            });
        }
    }
    Ok(())
}

/// STC-3 helpdesk dialogues (CC-BY-4.0 annotations), Chinese and English: the opening customer
/// turn of dialogues the annotators found clearly unsatisfying is a complaint, and the closing
/// customer turn of clearly satisfying ones is mostly thanks.
pub fn stc3(shared: &Path, out: &mut Vec<Labelled>) -> Result<()> {
    for (file, lang) in [
        ("dialogues_cn.json", Lang::Zh),
        ("dialogues_en.json", Lang::En),
    ] {
        let path = shared.join("data/stc3-helpdesk").join(file);
        let raw = std::fs::read_to_string(&path)
            .with_context(|| format!("reading {}", path.display()))?;
        let v: serde_json::Value = serde_json::from_str(&raw)?;
        for d in v.as_array().into_iter().flatten() {
            let s: Vec<f64> = d["annotations"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|a| a["quality"]["S"].as_f64())
                .collect();
            if s.is_empty() {
                continue;
            }
            let mean = s.iter().sum::<f64>() / s.len() as f64;
            let customer: Vec<String> = d["turns"]
                .as_array()
                .into_iter()
                .flatten()
                .filter(|t| t["sender"] == "customer")
                .map(|t| {
                    t["utterances"]
                        .as_array()
                        .into_iter()
                        .flatten()
                        .filter_map(|u| u.as_str())
                        .collect::<Vec<_>>()
                        .join(" ")
                })
                .collect();
            let pick = if mean <= -0.8 {
                customer.first().map(|t| (t, NEG))
            } else if mean >= 0.8 && customer.len() > 1 {
                customer.last().map(|t| (t, POS))
            } else {
                None
            };
            if let Some((t, label)) = pick {
                out.push(Labelled {
                    text: t.clone(),
                    lang,
                    sentiment: Some(label),
                    emotion: None,
                    weight: 0.5,
                    source: "stc3",
                    held_out: false,
                });
            }
        }
    }
    Ok(())
}

/// The project's own seed sentences, compiled in: `<emotion>\t<text>` per line, `#` comments.
const SEEDS: [(Lang, &str); 9] = [
    (Lang::En, include_str!("../../../seeds/emotion/en.tsv")),
    (Lang::De, include_str!("../../../seeds/emotion/de.tsv")),
    (Lang::Ja, include_str!("../../../seeds/emotion/ja.tsv")),
    (Lang::Es, include_str!("../../../seeds/emotion/es.tsv")),
    (Lang::Fr, include_str!("../../../seeds/emotion/fr.tsv")),
    (Lang::Vi, include_str!("../../../seeds/emotion/vi.tsv")),
    (Lang::Th, include_str!("../../../seeds/emotion/th.tsv")),
    (Lang::Ar, include_str!("../../../seeds/emotion/ar.tsv")),
    (Lang::Zh, include_str!("../../../seeds/emotion/zh.tsv")),
];

/// The seeds, a fifth of each language held out by text hash for the report.
pub fn seeds(out: &mut Vec<Labelled>) {
    for (lang, text) in SEEDS {
        for line in text.lines() {
            let Some((label, t)) = line.split_once('\t') else {
                continue;
            };
            let Some(e) = Emotion::ALL
                .into_iter()
                .find(|e| e.as_str() == label.trim())
            else {
                continue;
            };
            out.push(Labelled {
                text: t.trim().to_string(),
                lang,
                sentiment: Some(sentiment_of(e)),
                emotion: Some(e),
                weight: 3.0,
                source: "seeds",
                held_out: in_fold(t, 2),
            });
        }
    }
}

/// Everything the models train on, held-out folds marked.
pub fn all(shared: &Path) -> Result<Vec<Labelled>> {
    let mut out = Vec::new();
    goemotions(shared, &mut out)?;
    wisesight(shared, &mut out)?;
    banking77(shared, &mut out)?;
    stc3(shared, &mut out)?;
    seeds(&mut out);
    Ok(out)
}
