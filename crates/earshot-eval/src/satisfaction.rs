//! Whole-conversation figures on stc3-helpdesk: real customer ↔ helpdesk dialogues (Weibo, in
//! Chinese and in English translation), each rated by 19 annotators for customer satisfaction
//! (S, −2..2). earshot never trains on this set; every dialogue is evaluated.
//!
//! - Spearman's ρ between earshot's predicted satisfaction (`Analysis::satisfaction`) and the
//!   annotators' mean S.
//! - Precision of `escalation.*` findings: the share of dialogues earshot says escalate whose
//!   mean S is −1 or lower, with the recall of those dialogues beside it.

use std::path::Path;

use anyhow::{Context, Result};
use earshot_engine::Engine;
use earshot_model::{Conversation, Role, Turn};
use serde_json::Value;

/// The figures of one language.
#[derive(Debug, Clone)]
pub struct Figures {
    pub lang: &'static str,
    pub dialogues: usize,
    pub spearman: f64,
    /// Dialogues with an `escalation.*` finding.
    pub escalated: usize,
    /// Of those, how many have mean S ≤ −1.
    pub escalated_unhappy: usize,
    /// Dialogues with mean S ≤ −1.
    pub unhappy: usize,
}

impl Figures {
    pub fn precision(&self) -> f64 {
        ratio(self.escalated_unhappy, self.escalated)
    }

    pub fn recall(&self) -> f64 {
        ratio(self.escalated_unhappy, self.unhappy)
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

/// Reads one stc3 file into conversations with the annotators' mean S.
pub fn load(path: &Path, lang: &str) -> Result<Vec<(Conversation, f64)>> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let items: Vec<Value> =
        serde_json::from_str(&text).with_context(|| format!("parsing {}", path.display()))?;
    let mut out = Vec::with_capacity(items.len());
    for (i, d) in items.iter().enumerate() {
        let scores: Vec<f64> = d["annotations"]
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|x| x["quality"]["S"].as_f64())
                    .collect()
            })
            .unwrap_or_default();
        if scores.is_empty() {
            anyhow::bail!("{}: dialogue {i} has no S annotations", path.display());
        }
        let mean = scores.iter().sum::<f64>() / scores.len() as f64;
        let mut turns = Vec::new();
        for t in d["turns"].as_array().into_iter().flatten() {
            let role = match t["sender"].as_str() {
                Some("customer") => Role::Customer,
                Some("helpdesk") => Role::Agent,
                other => {
                    anyhow::bail!("{}: dialogue {i}: unknown sender {other:?}", path.display())
                }
            };
            let text: Vec<&str> = t["utterances"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(Value::as_str)
                .collect();
            turns.push(Turn::new(role, text.join(" ")));
        }
        let id = d["id"]
            .as_str()
            .map(str::to_string)
            .unwrap_or_else(|| i.to_string());
        let mut c = Conversation::new(id, turns);
        c.language = Some(lang.to_string());
        out.push((c, mean));
    }
    Ok(out)
}

/// Runs the engine over both languages.
pub fn evaluate(data: &Path, engine: &Engine) -> Result<Vec<Figures>> {
    let mut out = Vec::new();
    for (file, lang, label) in [
        ("dialogues_en.json", "en", "en"),
        ("dialogues_cn.json", "zh", "zh"),
    ] {
        let dialogues = load(&data.join("stc3-helpdesk").join(file), lang)?;
        let mut predicted = Vec::with_capacity(dialogues.len());
        let mut gold = Vec::with_capacity(dialogues.len());
        let (mut escalated, mut escalated_unhappy, mut unhappy) = (0, 0, 0);
        for (c, s) in &dialogues {
            let a = engine.analyze(c);
            predicted.push(f64::from(a.satisfaction.unwrap_or(0.0)));
            gold.push(*s);
            let esc = a
                .findings
                .iter()
                .any(|f| f.code.as_str().starts_with("escalation."));
            let sad = *s <= -1.0;
            escalated += usize::from(esc);
            escalated_unhappy += usize::from(esc && sad);
            unhappy += usize::from(sad);
        }
        out.push(Figures {
            lang: label,
            dialogues: dialogues.len(),
            spearman: spearman(&predicted, &gold),
            escalated,
            escalated_unhappy,
            unhappy,
        });
    }
    Ok(out)
}

/// Ranks with ties sharing their mean rank.
fn ranks(x: &[f64]) -> Vec<f64> {
    let mut idx: Vec<usize> = (0..x.len()).collect();
    idx.sort_by(|&a, &b| x[a].total_cmp(&x[b]));
    let mut r = vec![0.0; x.len()];
    let mut i = 0;
    while i < idx.len() {
        let mut j = i;
        while j + 1 < idx.len() && x[idx[j + 1]] == x[idx[i]] {
            j += 1;
        }
        let mean = (i + j) as f64 / 2.0 + 1.0;
        for k in i..=j {
            r[idx[k]] = mean;
        }
        i = j + 1;
    }
    r
}

/// Spearman's ρ: Pearson's correlation of the ranks.
pub fn spearman(a: &[f64], b: &[f64]) -> f64 {
    let (ra, rb) = (ranks(a), ranks(b));
    let n = ra.len() as f64;
    if n < 2.0 {
        return 0.0;
    }
    let (ma, mb) = (ra.iter().sum::<f64>() / n, rb.iter().sum::<f64>() / n);
    let (mut cov, mut va, mut vb) = (0.0, 0.0, 0.0);
    for (x, y) in ra.iter().zip(&rb) {
        cov += (x - ma) * (y - mb);
        va += (x - ma).powi(2);
        vb += (y - mb).powi(2);
    }
    if va == 0.0 || vb == 0.0 {
        0.0
    } else {
        cov / (va * vb).sqrt()
    }
}

/// The Markdown section of docs/accuracy.md.
pub fn markdown(figures: &[Figures], command: &str) -> String {
    let mut s = format!(
        "Reproduce: `{command}`. stc3-helpdesk: real customer ↔ helpdesk dialogues, each rated by 19 \
         annotators; never trained on, every dialogue evaluated. Goal: Spearman ρ ≥ 0.45.\n\n\
         | lang | dialogues | Spearman ρ (predicted satisfaction vs mean S) | dialogues with `escalation.*` | precision (mean S ≤ −1) | recall of mean S ≤ −1 |\n\
         | --- | ---: | ---: | ---: | ---: | ---: |\n"
    );
    for f in figures {
        s.push_str(&format!(
            "| {} | {} | **{:.3}** | {} | {:.3} | {:.3} ({} of {}) |\n",
            f.lang,
            f.dialogues,
            f.spearman,
            f.escalated,
            f.precision(),
            f.recall(),
            f.escalated_unhappy,
            f.unhappy,
        ));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spearman_handles_order_ties_and_inversions() {
        assert!((spearman(&[1.0, 2.0, 3.0], &[10.0, 20.0, 30.0]) - 1.0).abs() < 1e-12);
        assert!((spearman(&[1.0, 2.0, 3.0], &[3.0, 2.0, 1.0]) + 1.0).abs() < 1e-12);
        assert_eq!(ranks(&[5.0, 1.0, 5.0]), vec![2.5, 1.0, 2.5]);
        assert_eq!(spearman(&[1.0, 1.0], &[1.0, 2.0]), 0.0);
    }
}
