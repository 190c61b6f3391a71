//! The labelled redaction set of `eval/redaction/*.tsv`, shared by the recall test and the
//! `eval` example. Each line is `split<TAB>names<TAB>text`, with the personal data in the text
//! marked as `[[kind:value]]`; names are the conversation's people, `;`-separated, `-` for none.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use earshot_redact::Kind;

/// A labelled value: kind and character range.
pub type Label = (Kind, u32, u32);

pub struct Item {
    pub lang: String,
    pub split: String,
    pub names: Vec<String>,
    pub text: String,
    /// Labelled values: kind and character range in `text`.
    pub gold: Vec<(Kind, u32, u32)>,
}

pub const LANGS: [&str; 9] = ["en", "de", "ja", "es", "fr", "vi", "th", "ar", "zh"];

pub fn eval_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../eval/redaction")
}

/// Strips the markup of one labelled text, returning the plain text and the labels.
pub fn parse_marked(marked: &str) -> Result<(String, Vec<Label>), String> {
    let mut text = String::new();
    let mut gold = Vec::new();
    let mut rest = marked;
    while let Some(open) = rest.find("[[") {
        text.push_str(&rest[..open]);
        let after = &rest[open + 2..];
        let close = after
            .find("]]")
            .ok_or_else(|| format!("unclosed label in {marked:?}"))?;
        let label = &after[..close];
        let (kind, value) = label
            .split_once(':')
            .ok_or_else(|| format!("bad label {label:?}"))?;
        let kind = Kind::parse(kind).ok_or_else(|| format!("unknown kind {kind:?}"))?;
        let start = text.chars().count() as u32;
        text.push_str(value);
        let end = text.chars().count() as u32;
        gold.push((kind, start, end));
        rest = &after[close + 2..];
    }
    text.push_str(rest);
    Ok((text, gold))
}

pub fn load() -> Vec<Item> {
    let mut items = Vec::new();
    for lang in LANGS {
        let path = eval_dir().join(format!("{lang}.tsv"));
        let data = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
        for (n, line) in data.lines().enumerate().skip(1) {
            if line.trim().is_empty() {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            assert_eq!(
                cols.len(),
                3,
                "{}:{}: expected 3 columns",
                path.display(),
                n + 1
            );
            let (text, gold) = parse_marked(cols[2])
                .unwrap_or_else(|e| panic!("{}:{}: {e}", path.display(), n + 1));
            let names = if cols[1] == "-" {
                Vec::new()
            } else {
                cols[1].split(';').map(str::to_string).collect()
            };
            items.push(Item {
                lang: lang.into(),
                split: cols[0].into(),
                names,
                text,
                gold,
            });
        }
    }
    items
}

/// Counts for one row of the report.
#[derive(Default, Clone, Copy)]
pub struct Counts {
    pub predicted: u32,
    pub predicted_ok: u32,
    pub gold: u32,
    pub covered: u32,
}

impl Counts {
    pub fn precision(&self) -> f64 {
        if self.predicted == 0 {
            1.0
        } else {
            f64::from(self.predicted_ok) / f64::from(self.predicted)
        }
    }
    pub fn recall(&self) -> f64 {
        if self.gold == 0 {
            1.0
        } else {
            f64::from(self.covered) / f64::from(self.gold)
        }
    }
    pub fn add(&mut self, o: Counts) {
        self.predicted += o.predicted;
        self.predicted_ok += o.predicted_ok;
        self.gold += o.gold;
        self.covered += o.covered;
    }
}

/// Scores one item: a redaction is right when it overlaps a labelled value; a labelled value is
/// found when every character of it is redacted (so nothing of it leaks). Returns per-kind
/// counts, indexed like `Kind::ALL`, and the misses and false alarms for reading.
pub fn score(item: &Item, predicted: &[(Kind, u32, u32)]) -> ([Counts; 7], Vec<String>) {
    let mut c = [Counts::default(); 7];
    let mut notes = Vec::new();
    let idx = |k: Kind| Kind::ALL.iter().position(|x| *x == k).unwrap_or(0);
    let chars: Vec<char> = item.text.chars().collect();
    let slice = |s: u32, e: u32| chars[s as usize..e as usize].iter().collect::<String>();
    for &(k, s, e) in predicted {
        let i = idx(k);
        c[i].predicted += 1;
        if item.gold.iter().any(|&(_, gs, ge)| s < ge && gs < e) {
            c[i].predicted_ok += 1;
        } else {
            notes.push(format!("false {k}: {:?}", slice(s, e)));
        }
    }
    for &(k, gs, ge) in &item.gold {
        let i = idx(k);
        c[i].gold += 1;
        let covered = (gs..ge).all(|p| predicted.iter().any(|&(_, s, e)| s <= p && p < e));
        if covered {
            c[i].covered += 1;
        } else {
            notes.push(format!("missed {k}: {:?}", slice(gs, ge)));
        }
    }
    (c, notes)
}
