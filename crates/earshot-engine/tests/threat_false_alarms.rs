//! How often threat detection fires on ordinary customer-service text, which holds almost no
//! threats: banking77 questions, ABCD and STC3 helpdesk dialogues (customer turns) and EVI
//! identity-verification transcripts, all under `../shared/data`. The test skips with a message
//! when the data is absent. `THREAT_FA_SHOW=1` prints every message that fires.

use std::path::PathBuf;

use earshot_engine::model::Role;
use earshot_engine::{Engine, TurnAnalyzer, TurnContext, TurnResult};
use earshot_text::Lang;

/// Findings at or above this confidence count as threats (the analyzer's report threshold).
const THRESHOLD: f32 = 0.5;

fn data() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data")
}

/// The customer messages of each corpus that is present.
fn corpora() -> Vec<(&'static str, Vec<String>)> {
    let d = data();
    let mut out = Vec::new();
    if let Ok(src) = std::fs::read_to_string(d.join("banking77/train.csv")) {
        let msgs = src
            .lines()
            .skip(1)
            .filter_map(|l| l.rsplit_once(','))
            .map(|(t, _)| t.trim_matches('"').to_string())
            .collect();
        out.push(("banking77", msgs));
    }
    if let Ok(src) = std::fs::read_to_string(d.join("evi-identity-verification/dialogues.en.tsv")) {
        let msgs = src
            .lines()
            .skip(1)
            .filter_map(|l| l.split('\t').nth(8))
            .map(str::to_string)
            .collect();
        out.push(("evi", msgs));
    }
    if let Ok(v) = read_json(d.join("abcd/abcd_sample.json")) {
        let mut msgs = Vec::new();
        for convo in v.as_array().into_iter().flatten() {
            for turn in convo["original"].as_array().into_iter().flatten() {
                if turn[0] == "customer" {
                    msgs.extend(turn[1].as_str().map(str::to_string));
                }
            }
        }
        out.push(("abcd", msgs));
    }
    for (name, file) in [
        ("stc3-en", "dialogues_en.json"),
        ("stc3-zh", "dialogues_cn.json"),
    ] {
        if let Ok(v) = read_json(d.join("stc3-helpdesk").join(file)) {
            let mut msgs = Vec::new();
            for convo in v.as_array().into_iter().flatten() {
                for turn in convo["turns"].as_array().into_iter().flatten() {
                    if turn["sender"] == "customer" {
                        let utts = turn["utterances"].as_array().into_iter().flatten();
                        msgs.extend(utts.filter_map(|u| u.as_str()).map(str::to_string));
                    }
                }
            }
            out.push((name, msgs));
        }
    }
    out
}

fn read_json(path: PathBuf) -> Result<serde_json::Value, String> {
    let src = std::fs::read_to_string(&path).map_err(|e| e.to_string())?;
    serde_json::from_str(&src).map_err(|e| e.to_string())
}

#[test]
fn threat_false_alarms_on_ordinary_service_text() {
    let corpora = corpora();
    if corpora.is_empty() {
        println!(
            "skipped: no customer-service data under {}",
            data().display()
        );
        return;
    }
    let engine = Engine::new(Default::default());
    let show = std::env::var("THREAT_FA_SHOW").is_ok();
    let (mut all, mut all_flagged, mut all_low) = (0usize, 0usize, 0usize);
    for (name, msgs) in &corpora {
        let (mut flagged, mut low) = (0usize, 0usize);
        for m in msgs {
            let r = engine.analyze_turn(0, Role::Customer, m, false, Lang::Und);
            let threats: Vec<_> = r
                .findings
                .iter()
                .filter(|f| f.code.category() == "threat")
                .collect();
            if threats.iter().any(|f| f.confidence >= THRESHOLD) {
                flagged += 1;
                if show {
                    for f in &threats {
                        println!(
                            "{name}: {} {:.2} [{}] in {m}",
                            f.code, f.confidence, f.evidence
                        );
                    }
                }
            } else if !threats.is_empty() {
                low += 1;
            }
        }
        let rate = 100.0 * flagged as f64 / msgs.len().max(1) as f64;
        println!(
            "| {name} | {} | {flagged} | {rate:.2}% | {low} |",
            msgs.len()
        );
        all += msgs.len();
        all_flagged += flagged;
        all_low += low;
    }
    // The threat analyzer's own cost per message, with normalisation done beforehand.
    let threats = earshot_engine::analyzers::threat::Threats::new();
    let msgs: Vec<&String> = corpora.iter().flat_map(|(_, m)| m).collect();
    let norms: Vec<_> = msgs.iter().map(|m| earshot_text::normalize(m)).collect();
    let started = std::time::Instant::now();
    for (m, norm) in msgs.iter().zip(&norms) {
        let cx = TurnContext {
            index: 0,
            role: Role::Customer,
            text: m,
            norm,
            lang: Lang::Und,
            internal: false,
        };
        let mut out = TurnResult::new(Lang::Und);
        threats.analyze(&cx, &mut out);
    }
    let per = started.elapsed().as_nanos() as f64 / msgs.len().max(1) as f64;
    println!(
        "threat analyzer: {per:.0} ns per message over {} messages",
        msgs.len()
    );
    let rate = 100.0 * all_flagged as f64 / all.max(1) as f64;
    println!("| all | {all} | {all_flagged} | {rate:.2}% | {all_low} |");
    assert!(
        rate < 0.5,
        "threat detection flags {rate:.2}% of ordinary customer-service messages"
    );
}
