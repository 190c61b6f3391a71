//! `earshot eval abuse`: precision, recall and F1 of abuse detection per data set and language,
//! recall on disguised lexicon words, and false alarms on ordinary customer-service text and on
//! neutral statements about identity groups.

use std::fmt::Write as _;
use std::path::Path;

use earshot_engine::Engine;
use earshot_engine::analyzers::abuse::lexicon::{self, Cat, Shape};
use earshot_model::Role;
use earshot_text::Lang;

use crate::data::{self, Sample};
use crate::metrics::Counts;

/// One line of the report.
#[derive(Debug, Clone)]
pub struct Row {
    pub name: String,
    pub lang: Lang,
    pub counts: Counts,
    /// The F1 goal (or recall goal for disguises), if the project has one.
    pub goal: Option<f64>,
    pub note: &'static str,
}

#[derive(Debug, Clone, Default)]
pub struct Report {
    pub datasets: Vec<Row>,
    pub disguises: Vec<Row>,
    pub false_alarms: Vec<Row>,
    pub skipped: Vec<String>,
}

/// Whether earshot flags a text as abusive: any abuse finding it is reasonably sure of.
pub fn flags(engine: &Engine, text: &str, lang: Lang) -> bool {
    let r = engine.analyze_turn(0, Role::Customer, text, false, lang);
    r.findings
        .iter()
        .any(|f| f.code.category() == "abuse" && f.confidence >= 0.5)
}

fn measure(engine: &Engine, samples: &[Sample]) -> Counts {
    let mut c = Counts::default();
    for s in samples {
        c.add(s.label, flags(engine, &s.text, s.lang));
    }
    c
}

/// Runs the whole abuse evaluation.
pub fn run_abuse(shared: &Path, engine: &Engine) -> anyhow::Result<Report> {
    let mut report = Report::default();
    let held = |v: Vec<Sample>| {
        v.into_iter()
            .filter(|s| data::is_held_out(&s.text))
            .collect::<Vec<_>>()
    };
    type Loader<'a> = Box<dyn Fn() -> anyhow::Result<Vec<Sample>> + 'a>;
    let sets: Vec<(&str, Lang, Option<f64>, &'static str, Loader)> = vec![
        (
            "Davidson (offensive+hate)",
            Lang::En,
            Some(0.96),
            "held-out fold",
            Box::new(|| data::davidson(shared).map(held)),
        ),
        (
            "TweetEval offensive (val)",
            Lang::En,
            Some(0.72),
            "never trained on",
            Box::new(|| data::tweeteval_offensive_val(shared)),
        ),
        (
            "GermEval 2018 OFFENSE",
            Lang::De,
            Some(0.75),
            "held-out fold",
            Box::new(|| data::germeval2018(shared).map(held)),
        ),
        (
            "COLD (dev)",
            Lang::Zh,
            Some(0.80),
            "dev split",
            Box::new(|| data::cold(shared, "dev.csv")),
        ),
        (
            "ViHSD (dev, offensive+hate)",
            Lang::Vi,
            Some(0.65),
            "never trained on",
            Box::new(|| data::vihsd_dev(shared)),
        ),
        (
            "OSACT 2022 offensive",
            Lang::Ar,
            Some(0.80),
            "never trained on",
            Box::new(|| data::osact2022(shared)),
        ),
        (
            "L-HSAB (abusive+hate)",
            Lang::Ar,
            None,
            "never trained on",
            Box::new(|| data::l_hsab(shared)),
        ),
        (
            "MLMA en (hostile vs normal)",
            Lang::En,
            None,
            "held-out fold",
            Box::new(|| data::mlma(shared, Lang::En).map(held)),
        ),
        (
            "MLMA fr (hostile vs normal)",
            Lang::Fr,
            None,
            "held-out fold",
            Box::new(|| data::mlma(shared, Lang::Fr).map(held)),
        ),
        (
            "MLMA ar (hostile vs normal)",
            Lang::Ar,
            None,
            "held-out fold",
            Box::new(|| data::mlma(shared, Lang::Ar).map(held)),
        ),
    ];
    for (name, lang, goal, note, load) in sets {
        match load() {
            Ok(samples) => {
                let counts = measure(engine, &samples);
                report.datasets.push(Row {
                    name: name.to_string(),
                    lang,
                    counts,
                    goal,
                    note,
                });
            }
            Err(e) => report.skipped.push(format!("{name}: {e:#}")),
        }
    }
    report.disguises = disguises(engine);
    match data::customer_service(shared) {
        Ok(all) => {
            for set in ["stc3-helpdesk", "banking77", "abcd", "evi"] {
                let mut c = Counts::default();
                // Sets that also train the model (as non-abusive text) count only their held-out fold.
                let honest = |s: &Sample| set == "abcd" || data::is_held_out(&s.text);
                for (_, s) in all.iter().filter(|(n, s)| n == set && honest(s)) {
                    c.add(false, flags(engine, &s.text, s.lang));
                }
                report.false_alarms.push(Row {
                    name: set.to_string(),
                    lang: Lang::Und,
                    counts: c,
                    goal: Some(0.01),
                    note: "",
                });
            }
        }
        Err(e) => report.skipped.push(format!("customer service: {e:#}")),
    }
    let neutral = data::written(include_str!("../data/identity_neutral.tsv"));
    let c = measure(engine, &neutral);
    report.false_alarms.push(Row {
        name: "identity-group statements (project-written)".to_string(),
        lang: Lang::Und,
        counts: c,
        goal: Some(0.01),
        note: "",
    });
    Ok(report)
}

/// The disguises applied to every lexicon entry they fit.
const KINDS: &[&str] = &[
    "mask",
    "leet",
    "spaced",
    "dotted",
    "stretched",
    "homoglyph",
    "zero-width",
    "fullwidth",
    "caps",
];

fn disguise(kind: &str, word: &str, shape: Shape) -> Option<String> {
    let chars: Vec<char> = word.chars().collect();
    let n = chars.len();
    let latin = shape == Shape::Word && word.is_ascii();
    let out: String = match kind {
        "mask" if latin && n >= 4 => {
            let mut s = String::new();
            s.push(chars[0]);
            s.extend(std::iter::repeat_n('*', n - 2));
            s.push(chars[n - 1]);
            s
        }
        "leet" if latin => {
            let s: String = chars
                .iter()
                .map(|c| match c {
                    'a' => '@',
                    'e' => '3',
                    'i' => '1',
                    'o' => '0',
                    's' => '$',
                    c => *c,
                })
                .collect();
            if s == word {
                return None;
            }
            s
        }
        "spaced" if latin || shape == Shape::Substring && !is_thai(word) => join(&chars, " "),
        "dotted" if latin => join(&chars, "."),
        "stretched" => {
            let at = chars
                .iter()
                .position(|c| "aeiou".contains(*c))
                .unwrap_or(n.saturating_sub(1));
            let mut s = String::new();
            for (i, c) in chars.iter().enumerate() {
                s.push(*c);
                if i == at {
                    s.extend(std::iter::repeat_n(*c, 4));
                }
            }
            s
        }
        "homoglyph" if latin => {
            let s: String = chars
                .iter()
                .map(|c| match c {
                    'a' => 'а',
                    'e' => 'е',
                    'o' => 'о',
                    'c' => 'с',
                    'p' => 'р',
                    'i' => 'і',
                    c => *c,
                })
                .collect();
            if s == word {
                return None;
            }
            s
        }
        "zero-width" if n >= 2 => {
            let mut s = String::new();
            s.push(chars[0]);
            s.push('\u{200b}');
            s.extend(&chars[1..]);
            s
        }
        "fullwidth" if latin => chars
            .iter()
            .map(|c| char::from_u32(*c as u32 + 0xfee0).unwrap_or(*c))
            .collect(),
        "caps" if latin => word.to_uppercase(),
        _ => return None,
    };
    Some(out)
}

fn is_thai(s: &str) -> bool {
    s.chars().any(|c| matches!(c, '\u{0e00}'..='\u{0e7f}'))
}

fn join(chars: &[char], sep: &str) -> String {
    chars
        .iter()
        .map(|c| c.to_string())
        .collect::<Vec<_>>()
        .join(sep)
}

/// Recall on disguised variants of every strong, unambiguous lexicon word, per language and
/// disguise. Entries that only count in their own language (`strict`) or only when aimed at
/// someone (mild insults) are left out, as are phrases.
fn disguises(engine: &Engine) -> Vec<Row> {
    let mut rows = Vec::new();
    for (lang, text) in lexicon::FILES {
        let (entries, _) = lexicon::parse(*lang, text);
        for kind in KINDS {
            let mut c = Counts::default();
            for e in entries
                .iter()
                .filter(|e| e.cat.is_abuse() && !e.strict && e.severity >= 2)
            {
                if e.written.contains(' ') || e.cat == Cat::Allow {
                    continue;
                }
                let word = e.written.to_lowercase();
                if let Some(v) = disguise(kind, &word, e.shape) {
                    c.add(true, flags(engine, &v, *lang));
                }
            }
            if c.n() > 0 {
                rows.push(Row {
                    name: kind.to_string(),
                    lang: *lang,
                    counts: c,
                    goal: Some(0.97),
                    note: "",
                });
            }
        }
    }
    rows
}

impl Report {
    /// The report as the Markdown section of `docs/accuracy.md`.
    pub fn to_markdown(&self) -> String {
        let mut s = String::new();
        let _ = writeln!(s, "## Abusive language\n");
        let _ = writeln!(
            s,
            "Reproduce: `cargo run --release -- eval abuse` (or `cargo run --release -p earshot-eval \
             --example eval_abuse`). A message counts as flagged when earshot reports any `abuse.*` \
             finding with confidence ≥ 0.5 (reported speech and negated insults stay below).\n"
        );
        let _ = writeln!(s, "### Labelled data sets\n");
        let _ = writeln!(
            s,
            "| data set | lang | n | precision | recall | F1 | goal | fold |"
        );
        let _ = writeln!(s, "| --- | --- | ---: | ---: | ---: | ---: | ---: | --- |");
        for r in &self.datasets {
            let c = &r.counts;
            let goal = r
                .goal
                .map_or("reported".to_string(), |g| format!("≥ {g:.2}"));
            let _ = writeln!(
                s,
                "| {} | {} | {} | {:.3} | {:.3} | **{:.3}** | {} | {} |",
                r.name,
                r.lang,
                c.n(),
                c.precision(),
                c.recall(),
                c.f1(),
                goal,
                r.note
            );
        }
        let _ = writeln!(s, "\n### Disguised lexicon words (recall; goal ≥ 0.97)\n");
        let _ = writeln!(s, "| lang | {} | all |", KINDS.join(" | "));
        let _ = writeln!(s, "| --- |{} ---: |", " ---: |".repeat(KINDS.len()));
        for lang in Lang::SUPPORTED {
            let rows: Vec<&Row> = self.disguises.iter().filter(|r| r.lang == lang).collect();
            if rows.is_empty() {
                continue;
            }
            let mut all = Counts::default();
            let mut line = format!("| {lang} |");
            for k in KINDS {
                match rows.iter().find(|r| r.name == *k) {
                    Some(r) => {
                        all.tp += r.counts.tp;
                        all.fn_ += r.counts.fn_;
                        let _ = write!(line, " {:.3} ({}) |", r.counts.recall(), r.counts.n());
                    }
                    None => line.push_str(" – |"),
                }
            }
            let _ = writeln!(s, "{line} **{:.3}** |", all.recall());
        }
        let _ = writeln!(
            s,
            "\n### False alarms on text that is not abusive (goal ≤ 1%)\n"
        );
        let _ = writeln!(s, "| text | n | flagged |");
        let _ = writeln!(s, "| --- | ---: | ---: |");
        for r in &self.false_alarms {
            let _ = writeln!(
                s,
                "| {} | {} | {:.2}% |",
                r.name,
                r.counts.n(),
                100.0 * r.counts.flagged_rate()
            );
        }
        if !self.skipped.is_empty() {
            let _ = writeln!(s, "\nSkipped: {}", self.skipped.join("; "));
        }
        s
    }
}
