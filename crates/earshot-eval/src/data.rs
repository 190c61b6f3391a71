//! Readers for the public data sets under `../shared/data`, each turned into labelled texts.
//!
//! Several sets both train the shipped model and measure it. They are split by a hash of the
//! text ([`fold`]): fold 0 is held out for evaluation and never seen in training, so duplicates
//! of a text always land on the same side.

use std::path::Path;

use anyhow::Context;
use earshot_text::Lang;

/// One labelled text.
#[derive(Debug, Clone)]
pub struct Sample {
    pub text: String,
    pub label: bool,
    pub lang: Lang,
}

/// The number of folds; fold 0 is the held-out evaluation fold.
pub const FOLDS: u64 = 5;

/// The fold of a text, from a stable hash of its trimmed, lower-cased form.
pub fn fold(text: &str) -> u64 {
    let mut h = 0xcbf2_9ce4_8422_2325u64;
    for b in text.trim().to_lowercase().bytes() {
        h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    }
    h % FOLDS
}

pub fn is_held_out(text: &str) -> bool {
    fold(text) == 0
}

fn reader(path: &Path, delimiter: u8, headers: bool) -> anyhow::Result<csv::Reader<std::fs::File>> {
    csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(headers)
        .flexible(true)
        .quoting(delimiter == b',')
        .from_path(path)
        .with_context(|| format!("opening {}", path.display()))
}

/// Reads `text_col` and `label_col` of a delimited file, keeping rows whose label `keep` accepts.
fn table(
    path: &Path,
    delimiter: u8,
    headers: bool,
    text_col: usize,
    label_col: usize,
    lang: Lang,
    label: impl Fn(&str) -> Option<bool>,
) -> anyhow::Result<Vec<Sample>> {
    let mut out = Vec::new();
    for row in reader(path, delimiter, headers)?.records() {
        let Ok(row) = row else { continue };
        let (Some(text), Some(l)) = (row.get(text_col), row.get(label_col)) else {
            continue;
        };
        if let Some(label) = label(l.trim()) {
            out.push(Sample {
                text: text.to_string(),
                label,
                lang,
            });
        }
    }
    Ok(out)
}

pub fn davidson(shared: &Path) -> anyhow::Result<Vec<Sample>> {
    let p = shared.join("davidson-hateoffensive/labeled_data.csv");
    table(&p, b',', true, 6, 5, Lang::En, |l| match l {
        "0" | "1" => Some(true),
        "2" => Some(false),
        _ => None,
    })
}

pub fn tweeteval_offensive_val(shared: &Path) -> anyhow::Result<Vec<Sample>> {
    let dir = shared.join("tweeteval/offensive");
    let texts = std::fs::read_to_string(dir.join("val_text.txt")).context("reading tweeteval")?;
    let labels =
        std::fs::read_to_string(dir.join("val_labels.txt")).context("reading tweeteval")?;
    Ok(texts
        .lines()
        .zip(labels.lines())
        .map(|(t, l)| Sample {
            text: t.to_string(),
            label: l.trim() == "1",
            lang: Lang::En,
        })
        .collect())
}

pub fn germeval2018(shared: &Path) -> anyhow::Result<Vec<Sample>> {
    let p = shared.join("germeval2018/germeval2018.training.txt");
    let text = std::fs::read_to_string(&p).with_context(|| format!("reading {}", p.display()))?;
    Ok(text
        .lines()
        .filter_map(|line| {
            let mut cols = line.split('\t');
            let t = cols.next()?;
            let l = cols.next()?;
            Some(Sample {
                text: t.to_string(),
                label: l == "OFFENSE",
                lang: Lang::De,
            })
        })
        .collect())
}

pub fn cold(shared: &Path, file: &str) -> anyhow::Result<Vec<Sample>> {
    let p = shared.join("cold-zh").join(file);
    table(&p, b',', true, 4, 3, Lang::Zh, |l| match l {
        "1" => Some(true),
        "0" => Some(false),
        _ => None,
    })
}

pub fn vihsd_dev(shared: &Path) -> anyhow::Result<Vec<Sample>> {
    let p = shared.join("vihsd/dev.csv");
    table(&p, b',', true, 0, 1, Lang::Vi, |l| match l {
        "1" | "2" => Some(true),
        "0" => Some(false),
        _ => None,
    })
}

pub fn osact2022(shared: &Path) -> anyhow::Result<Vec<Sample>> {
    let p = shared.join("osact2022-ar/train_data2022.csv");
    table(&p, b',', true, 1, 2, Lang::Ar, |l| match l {
        "OFF" => Some(true),
        "NOT_OFF" => Some(false),
        _ => None,
    })
}

pub fn l_hsab(shared: &Path) -> anyhow::Result<Vec<Sample>> {
    let p = shared.join("l-hsab-ar/L-HSAB");
    table(&p, b'\t', true, 0, 1, Lang::Ar, |l| match l {
        "abusive" | "hate" => Some(true),
        "normal" => Some(false),
        _ => None,
    })
}

/// MLMA: a tweet is abusive unless its hostility type is only "normal".
pub fn mlma(shared: &Path, lang: Lang) -> anyhow::Result<Vec<Sample>> {
    let p = shared.join(format!("mlma-hate/{}_dataset.csv", lang.as_str()));
    table(&p, b',', true, 1, 2, lang, |l| Some(l != "normal"))
}

/// Ordinary customer-service text, all negative: stc3 (zh, en), banking77, abcd, evi.
pub fn customer_service(shared: &Path) -> anyhow::Result<Vec<(String, Sample)>> {
    let mut out = Vec::new();
    for (file, lang) in [
        ("dialogues_en.json", Lang::En),
        ("dialogues_cn.json", Lang::Zh),
    ] {
        let p = shared.join("stc3-helpdesk").join(file);
        let v: serde_json::Value = serde_json::from_str(
            &std::fs::read_to_string(&p).with_context(|| format!("reading {}", p.display()))?,
        )
        .with_context(|| format!("parsing {}", p.display()))?;
        for d in v.as_array().into_iter().flatten() {
            for t in d
                .get("turns")
                .and_then(|t| t.as_array())
                .into_iter()
                .flatten()
            {
                for u in t
                    .get("utterances")
                    .and_then(|u| u.as_array())
                    .into_iter()
                    .flatten()
                {
                    if let Some(s) = u.as_str() {
                        out.push((
                            "stc3-helpdesk".to_string(),
                            Sample {
                                text: s.to_string(),
                                label: false,
                                lang,
                            },
                        ));
                    }
                }
            }
        }
    }
    for s in table(
        &shared.join("banking77/train.csv"),
        b',',
        true,
        0,
        1,
        Lang::En,
        |_| Some(false),
    )? {
        out.push(("banking77".to_string(), s));
    }
    let p = shared.join("evi-identity-verification/dialogues.en.tsv");
    for s in table(&p, b'\t', true, 8, 0, Lang::En, |_| Some(false))? {
        out.push(("evi".to_string(), s));
    }
    let p = shared.join("abcd/abcd_sample.json");
    if let Ok(raw) = std::fs::read_to_string(&p)
        && let Ok(v) = serde_json::from_str::<serde_json::Value>(&raw)
    {
        for d in v.as_array().into_iter().flatten() {
            for turn in d
                .get("original")
                .and_then(|o| o.as_array())
                .into_iter()
                .flatten()
            {
                if let Some(s) = turn.get(1).and_then(|s| s.as_str()) {
                    out.push((
                        "abcd".to_string(),
                        Sample {
                            text: s.to_string(),
                            label: false,
                            lang: Lang::En,
                        },
                    ));
                }
            }
        }
    }
    Ok(out)
}

/// Thai sentiment text (CC0), all non-abusive by assumption; used as negatives in training only.
pub fn wisesight(shared: &Path) -> anyhow::Result<Vec<Sample>> {
    let mut out = Vec::new();
    for f in ["pos.txt", "neu.txt", "q.txt"] {
        let p = shared.join("wisesight-sentiment-th").join(f);
        let text =
            std::fs::read_to_string(&p).with_context(|| format!("reading {}", p.display()))?;
        out.extend(text.lines().map(|l| Sample {
            text: l.to_string(),
            label: false,
            lang: Lang::Th,
        }));
    }
    Ok(out)
}

/// A project-written TSV (`lang \t label \t text`), embedded in the crate.
pub fn written(tsv: &str) -> Vec<Sample> {
    tsv.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| {
            let mut c = l.splitn(3, '\t');
            let lang = Lang::parse(c.next()?);
            let label = c.next()? == "1";
            Some(Sample {
                text: c.next()?.to_string(),
                label,
                lang,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_are_stable_and_spread() {
        assert_eq!(fold("Hello"), fold(" hello "));
        let held = (0..1000)
            .filter(|i| is_held_out(&format!("text {i}")))
            .count();
        assert!((150..250).contains(&held), "{held}");
    }
}
