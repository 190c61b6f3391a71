//! Accuracy of per-turn sentiment and emotion, measured through `Engine::classify` (the shipped
//! models and the whole turn pipeline), on the public sets under `../shared/data`.
//!
//! Sets marked ⚠️ in the data README only measure; the ✅ sets the models train on are measured on
//! folds they never saw (GoEmotions `dev.tsv`; the Wisesight tenth chosen by text hash, as in
//! `earshot train sentiment`).

use std::path::Path;

use anyhow::{Context, Result};
use earshot_engine::Engine;
use earshot_model::{Emotion, Polarity};

/// One measured figure.
#[derive(Debug, Clone)]
pub struct Figure {
    pub set: String,
    pub metric: &'static str,
    pub value: f64,
    pub n: usize,
    /// The goal from the issue, if there is one.
    pub goal: Option<f64>,
}

fn class(p: Polarity) -> u8 {
    match p {
        Polarity::Negative => 0,
        Polarity::Neutral => 1,
        Polarity::Positive => 2,
    }
}

/// Macro-F1 over classes `0..k`.
pub fn macro_f1(gold: &[u8], pred: &[u8], k: u8) -> f64 {
    let mut sum = 0.0;
    for c in 0..k {
        let tp = gold
            .iter()
            .zip(pred)
            .filter(|(g, p)| **g == c && **p == c)
            .count() as f64;
        let fp = gold
            .iter()
            .zip(pred)
            .filter(|(g, p)| **g != c && **p == c)
            .count() as f64;
        let fn_ = gold
            .iter()
            .zip(pred)
            .filter(|(g, p)| **g == c && **p != c)
            .count() as f64;
        if tp > 0.0 {
            sum += 2.0 * tp / (2.0 * tp + fp + fn_);
        }
    }
    sum / k as f64
}

/// F1 of a binary decision.
pub fn binary_f1(gold: &[bool], pred: &[bool]) -> f64 {
    let g: Vec<u8> = gold.iter().map(|b| *b as u8).collect();
    let p: Vec<u8> = pred.iter().map(|b| *b as u8).collect();
    let tp = g
        .iter()
        .zip(&p)
        .filter(|(a, b)| **a == 1 && **b == 1)
        .count() as f64;
    let fp = g
        .iter()
        .zip(&p)
        .filter(|(a, b)| **a == 0 && **b == 1)
        .count() as f64;
    let fn_ = g
        .iter()
        .zip(&p)
        .filter(|(a, b)| **a == 1 && **b == 0)
        .count() as f64;
    if tp == 0.0 {
        0.0
    } else {
        2.0 * tp / (2.0 * tp + fp + fn_)
    }
}

fn read(path: &Path) -> Result<String> {
    std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))
}

/// Texts and 0/1/2 labels from a pair of line files.
fn lines(text: &Path, labels: &Path) -> Result<Vec<(String, u8)>> {
    let t = read(text)?;
    let l = read(labels)?;
    Ok(t.lines()
        .zip(l.lines())
        .filter_map(|(t, l)| Some((t.to_string(), l.trim().parse().ok()?)))
        .collect())
}

fn polarity_f1(engine: &Engine, set: String, rows: &[(String, u8)], goal: Option<f64>) -> Figure {
    let gold: Vec<u8> = rows.iter().map(|r| r.1).collect();
    let pred: Vec<u8> = rows
        .iter()
        .map(|r| class(engine.classify(&r.0).polarity))
        .collect();
    Figure {
        set,
        metric: "macro-F1",
        value: macro_f1(&gold, &pred, 3),
        n: rows.len(),
        goal,
    }
}

/// The text key of `earshot train`: FNV-1a over the folded text with whitespace runs joined.
fn text_key(text: &str) -> u64 {
    let norm = earshot_text::normalize(text);
    let t: String = norm
        .as_str()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    t.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
        (h ^ b as u64).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// Every figure of the sentiment section. `shared` is the development share (holding `data/`).
pub fn evaluate(shared: &Path) -> Result<Vec<Figure>> {
    let data = shared.join("data");
    let engine = Engine::default();
    let mut out = Vec::new();

    let tw = data.join("tweeteval/sentiment");
    let rows = lines(&tw.join("val_text.txt"), &tw.join("val_labels.txt"))?;
    out.push(polarity_f1(
        &engine,
        "tweeteval sentiment val (en)".into(),
        &rows,
        Some(0.62),
    ));

    for (dir, tag) in [
        ("arabic", "ar"),
        ("german", "de"),
        ("french", "fr"),
        ("spanish", "es"),
        ("english", "en"),
    ] {
        let d = data.join("xlm-t-umsab").join(dir);
        let rows = lines(&d.join("val_text.txt"), &d.join("val_labels.txt"))?;
        out.push(polarity_f1(
            &engine,
            format!("xlm-t val ({tag})"),
            &rows,
            Some(0.55),
        ));
    }

    // Wisesight: the held-out tenth by text hash, without questions, deduplicated.
    let mut rows = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for (file, label) in [("neg.txt", 0u8), ("neu.txt", 1), ("pos.txt", 2)] {
        for t in read(&data.join("wisesight-sentiment-th").join(file))?.lines() {
            let k = text_key(t);
            if !t.trim().is_empty() && k % 10 < 1 && seen.insert(k) {
                rows.push((t.to_string(), label));
            }
        }
    }
    out.push(polarity_f1(
        &engine,
        "wisesight held-out tenth (th)".into(),
        &rows,
        Some(0.60),
    ));

    // Chinese reviews, positive or negative: the sign of the sentiment decides.
    let mut gold = Vec::new();
    let mut pred = Vec::new();
    for file in [
        "online_shopping_10_cats.csv",
        "waimai_10k.csv",
        "ChnSentiCorp_htl_all.csv",
    ] {
        let path = data.join("chinese-nlp-corpus-sentiment").join(file);
        let mut r = csv::ReaderBuilder::new().flexible(true).from_path(&path)?;
        let headers = r.headers()?.clone();
        let li = headers.iter().position(|h| h == "label").unwrap_or(0);
        let ti = headers.iter().position(|h| h == "review").unwrap_or(1);
        for rec in r.records().flatten() {
            let (Some(l), Some(t)) = (rec.get(li), rec.get(ti)) else {
                continue;
            };
            gold.push(l.trim() == "1");
            pred.push(engine.classify(t).sentiment >= 0.0);
        }
    }
    let acc =
        gold.iter().zip(&pred).filter(|(a, b)| a == b).count() as f64 / gold.len().max(1) as f64;
    out.push(Figure {
        set: "chinese-nlp-corpus-sentiment (zh)".into(),
        metric: "accuracy",
        value: acc,
        n: gold.len(),
        goal: Some(0.85),
    });

    let d = data.join("uit-vsfc-vi/dev");
    let rows = lines(&d.join("sents.txt"), &d.join("sentiments.txt"))?;
    out.push(polarity_f1(
        &engine,
        "uit-vsfc dev (vi)".into(),
        &rows,
        None,
    ));

    // GoEmotions dev: anger or annoyance (ids 2, 3) against everything else.
    let mut gold = Vec::new();
    let mut pred = Vec::new();
    for line in read(&data.join("goemotions-en/dev.tsv"))?.lines() {
        let mut cols = line.split('\t');
        let (Some(t), Some(l)) = (cols.next(), cols.next()) else {
            continue;
        };
        gold.push(l.split(',').any(|x| x == "2" || x == "3"));
        pred.push(matches!(
            engine.classify(t).emotion,
            Some(Emotion::Anger | Emotion::Frustration)
        ));
    }
    out.push(Figure {
        set: "goemotions dev, anger+annoyance vs rest (en)".into(),
        metric: "F1",
        value: binary_f1(&gold, &pred),
        n: gold.len(),
        goal: None,
    });

    // Mahed (Arabic tweets): anger against everything else.
    let path = data.join("mahed-ar-emotion-offensive/val_df.csv");
    let mut r = csv::ReaderBuilder::new().flexible(true).from_path(&path)?;
    let (mut gold, mut pred) = (Vec::new(), Vec::new());
    for rec in r.records().flatten() {
        let (Some(t), Some(e)) = (rec.get(0), rec.get(1)) else {
            continue;
        };
        gold.push(e.trim() == "anger");
        pred.push(engine.classify(t).emotion == Some(Emotion::Anger));
    }
    out.push(Figure {
        set: "mahed val, anger vs rest (ar)".into(),
        metric: "F1",
        value: binary_f1(&gold, &pred),
        n: gold.len(),
        goal: None,
    });
    Ok(out)
}

/// The figures as the sentiment section of `docs/accuracy.md`.
pub fn markdown(figures: &[Figure], command: &str) -> String {
    let mut s = String::from("## Sentiment and emotion (per turn)\n\n");
    s.push_str(&format!(
        "Reproduce every figure below with `{command}`.\n\n"
    ));
    s.push_str("| set | metric | value | goal | n |\n| --- | --- | --- | --- | --- |\n");
    for f in figures {
        let goal = f.goal.map_or("—".to_string(), |g| {
            format!("≥ {g:.2} {}", if f.value >= g { "✅" } else { "❌" })
        });
        s.push_str(&format!(
            "| {} | {} | {:.3} | {} | {} |\n",
            f.set, f.metric, f.value, goal, f.n
        ));
    }
    s.push_str(
        "\nuit-vsmec (Vietnamese emotions) is not measured yet: its files are `.xlsx`, which the \
         evaluation does not read.\n",
    );
    s
}

/// Replaces the text between `<!-- sentiment:begin -->` and `<!-- sentiment:end -->` in `doc`
/// (creating the file or the markers if absent) and leaves the rest of the file as it was.
pub fn write_section(doc: &Path, section: &str) -> Result<()> {
    const BEGIN: &str = "<!-- sentiment:begin -->";
    const END: &str = "<!-- sentiment:end -->";
    let old = std::fs::read_to_string(doc).unwrap_or_default();
    let block = format!("{BEGIN}\n{section}{END}");
    let new = match (old.find(BEGIN), old.find(END)) {
        (Some(b), Some(e)) if e > b => format!("{}{}{}", &old[..b], block, &old[e + END.len()..]),
        _ if old.is_empty() => format!("# earshot accuracy\n\n{block}\n"),
        _ => format!("{}\n{block}\n", old.trim_end()),
    };
    std::fs::write(doc, new).with_context(|| format!("writing {}", doc.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn metrics_match_hand_counts() {
        assert!(
            (binary_f1(&[true, true, false, false], &[true, false, true, false]) - 0.5).abs()
                < 1e-9
        );
        assert!((macro_f1(&[0, 1, 2], &[0, 1, 2], 3) - 1.0).abs() < 1e-9);
    }

    #[test]
    fn the_section_is_replaced_in_place() {
        let dir =
            std::env::temp_dir().join(format!("earshot-sentiment-doc-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let doc = dir.join("accuracy.md");
        std::fs::write(
            &doc,
            "before\n<!-- sentiment:begin -->\nold\n<!-- sentiment:end -->\nafter\n",
        )
        .unwrap();
        write_section(&doc, "new\n").unwrap();
        let s = std::fs::read_to_string(&doc).unwrap();
        assert_eq!(
            s,
            "before\n<!-- sentiment:begin -->\nnew\n<!-- sentiment:end -->\nafter\n"
        );
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn clear_figures_on_the_shared_data() {
        let shared = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared"));
        if !shared.join("data/goemotions-en").exists() {
            println!("skipped: ../shared not present");
            return;
        }
        let engine = Engine::default();
        let d = shared.join("data/xlm-t-umsab/english");
        let rows = lines(&d.join("val_text.txt"), &d.join("val_labels.txt")).unwrap();
        let f = polarity_f1(&engine, "en".into(), &rows, None);
        // Chance on three classes is about 0.33.
        assert!(f.value > 0.45, "{}", f.value);
    }
}
