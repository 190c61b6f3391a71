//! Precision and recall of threat detection on the project's hand-written evaluation set
//! (`eval/threats/<lang>.tsv`), per language and per threat type, on the `dev` and `test` halves.
//!
//! Patterns are tuned against `dev` only; `test` is reported beside it so the gap shows. The floors
//! asserted below sit under the measured figures with a margin, so a change that breaks many
//! patterns fails here. `cargo test -p earshot-engine --release --test threat_eval -- --nocapture`
//! prints the tables; with `THREAT_PROBE="text"` it prints the findings of those lines instead.

use std::collections::BTreeMap;
use std::path::PathBuf;

use earshot_engine::Engine;
use earshot_engine::model::Role;
use earshot_text::Lang;

const LANGS: [&str; 9] = ["en", "de", "ja", "es", "fr", "vi", "th", "ar", "zh"];
const TYPES: [&str; 7] = [
    "violence",
    "legal",
    "chargeback",
    "marketplace_claim",
    "review",
    "regulator",
    "churn",
];
/// Findings at or above this confidence count as threats (the analyzer's report threshold).
const THRESHOLD: f32 = 0.5;

struct Row {
    lang: &'static str,
    split: String,
    label: String,
    ty: String,
    text: String,
}

type Table = BTreeMap<(String, String, String), Counts>;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn rows() -> Vec<Row> {
    let mut out = Vec::new();
    for lang in LANGS {
        let path = root().join(format!("eval/threats/{lang}.tsv"));
        let src =
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        for (n, line) in src.lines().enumerate().skip(1) {
            let cols: Vec<&str> = line.split('\t').collect();
            assert_eq!(
                cols.len(),
                4,
                "{}:{}: expected split, label, type, text",
                path.display(),
                n + 1
            );
            out.push(Row {
                lang,
                split: cols[0].into(),
                label: cols[1].into(),
                ty: cols[2].into(),
                text: cols[3].into(),
            });
        }
    }
    out
}

/// The threat codes the engine reports for a customer's message.
fn predict(engine: &Engine, text: &str) -> Vec<String> {
    let r = engine.analyze_turn(0, Role::Customer, text, false, Lang::Und);
    r.findings
        .iter()
        .filter(|f| f.code.category() == "threat" && f.confidence >= THRESHOLD)
        .map(|f| f.code.as_str().to_string())
        .collect()
}

#[derive(Default, Clone, Copy)]
struct Counts {
    tp: u32,
    fp: u32,
    fn_: u32,
}

impl Counts {
    fn precision(self) -> f64 {
        if self.tp + self.fp == 0 {
            1.0
        } else {
            f64::from(self.tp) / f64::from(self.tp + self.fp)
        }
    }
    fn recall(self) -> f64 {
        if self.tp + self.fn_ == 0 {
            1.0
        } else {
            f64::from(self.tp) / f64::from(self.tp + self.fn_)
        }
    }
    fn add(&mut self, o: Counts) {
        self.tp += o.tp;
        self.fp += o.fp;
        self.fn_ += o.fn_;
    }
}

/// Counts per (split, lang, type): a row labelled `threat.T` is a true positive of T when T fires
/// and a false negative otherwise; any row not labelled T on which T fires is a false positive.
fn evaluate(engine: &Engine, rows: &[Row], verbose: bool) -> Table {
    let mut c = Table::new();
    for r in rows {
        let got = predict(engine, &r.text);
        for ty in TYPES {
            let code = format!("threat.{ty}");
            let fired = got.contains(&code);
            let wanted = r.label == code;
            let e = c
                .entry((r.split.clone(), r.lang.to_string(), ty.to_string()))
                .or_default();
            match (wanted, fired) {
                (true, true) => e.tp += 1,
                (true, false) => e.fn_ += 1,
                (false, true) => e.fp += 1,
                (false, false) => {}
            }
            if verbose && wanted != fired && r.split == "dev" {
                let what = if wanted { "missed" } else { "false alarm" };
                println!("dev {} {what} {code} ({}): {}", r.lang, r.ty, r.text);
            }
        }
    }
    c
}

fn total(c: &Table, split: &str, lang: Option<&str>, ty: Option<&str>) -> Counts {
    let mut t = Counts::default();
    for ((s, l, y), v) in c {
        if s == split && lang.is_none_or(|x| x == l) && ty.is_none_or(|x| x == y) {
            t.add(*v);
        }
    }
    t
}

fn cell(c: Counts) -> String {
    format!("{:.2} / {:.2}", c.precision(), c.recall())
}

/// The markdown table of one split: precision / recall per type (rows) and language (columns).
fn table(c: &Table, split: &str) -> String {
    let mut s = format!("| {split}: P / R | {} | all |\n|---|", LANGS.join(" | "));
    s.push_str(&"---|".repeat(LANGS.len() + 1));
    s.push('\n');
    for ty in TYPES {
        s.push_str(&format!("| {ty} |"));
        for lang in LANGS {
            s.push_str(&format!(
                " {} |",
                cell(total(c, split, Some(lang), Some(ty)))
            ));
        }
        s.push_str(&format!(
            " **{}** |\n",
            cell(total(c, split, None, Some(ty)))
        ));
    }
    s.push_str("| **all** |");
    for lang in LANGS {
        s.push_str(&format!(" {} |", cell(total(c, split, Some(lang), None))));
    }
    s.push_str(&format!(" **{}** |\n", cell(total(c, split, None, None))));
    s
}

#[test]
fn threat_eval() {
    let engine = Engine::new(Default::default());
    if let Ok(probe) = std::env::var("THREAT_PROBE") {
        for t in probe.lines() {
            let r = engine.analyze_turn(0, Role::Customer, t, false, Lang::Und);
            println!("{t}");
            for f in r.findings.iter().filter(|f| f.code.category() == "threat") {
                println!(
                    "   {} {:.2} [{}] {}",
                    f.code, f.confidence, f.evidence, f.explanation
                );
            }
        }
        return;
    }
    let rows = rows();
    for ty in TYPES {
        let pos = rows
            .iter()
            .filter(|r| r.label == format!("threat.{ty}"))
            .count();
        let neg = rows
            .iter()
            .filter(|r| r.label == "none" && r.ty == ty)
            .count();
        assert!(
            pos >= 50 && neg >= 50,
            "{ty}: only {pos} threats and {neg} near misses"
        );
    }
    let verbose = std::env::var("THREAT_EVAL_VERBOSE").is_ok();
    let c = evaluate(&engine, &rows, verbose);
    let report = format!("{}\n{}", table(&c, "dev"), table(&c, "test"));
    println!("{report}");
    if let Ok(path) = std::env::var("THREAT_EVAL_OUT") {
        std::fs::write(&path, &report).expect("the report path is writable");
    }
    let dev = total(&c, "dev", None, None);
    let test = total(&c, "test", None, None);
    assert!(
        dev.precision() >= 0.90 && dev.recall() >= 0.80,
        "dev {}",
        cell(dev)
    );
    assert!(
        test.precision() >= 0.85 && test.recall() >= 0.70,
        "test {}",
        cell(test)
    );
    for ty in TYPES {
        let d = total(&c, "dev", None, Some(ty));
        assert!(
            d.precision() >= 0.80 && d.recall() >= 0.65,
            "dev {ty} {}",
            cell(d)
        );
    }
}
