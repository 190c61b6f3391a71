//! What earshot catches on the demo data: for each synthetic scenario, the share of its
//! conversations that carry at least one of the finding codes the scenario is meant to show, and
//! how rarely calm conversations are flagged high or critical. The floors sit a margin below what
//! is measured; they guard against regressions, they are not the accuracy figures
//! (docs/accuracy.md has those, on public data).

use std::collections::BTreeMap;

use earshot_engine::Engine;
use earshot_model::Severity;

#[test]
fn scenarios_are_caught_and_calm_conversations_stay_quiet() {
    let engine = Engine::default();
    let mut seen: BTreeMap<&str, (u32, u32)> = BTreeMap::new();
    let (mut calm, mut calm_alarms, mut calm_no_empathy) = (0u32, 0u32, 0u32);
    for conv in earshot_demo::generate(3_000, 7) {
        let scenario = conv.metadata["demo_scenario"]
            .as_str()
            .unwrap_or("")
            .to_string();
        let info = earshot_demo::SCENARIOS
            .iter()
            .find(|s| s.name == scenario)
            .expect("known scenario");
        let a = engine.analyze(&conv);
        if !info.risky {
            calm += 1;
            if a.findings.iter().any(|f| f.severity >= Severity::High) {
                calm_alarms += 1;
            }
            if a.findings
                .iter()
                .any(|f| f.code.as_str() == "conduct.no_empathy")
            {
                calm_no_empathy += 1;
            }
            continue;
        }
        let caught = a
            .findings
            .iter()
            .any(|f| info.expected_codes.contains(&f.code.as_str()));
        let e = seen.entry(info.name).or_default();
        e.0 += 1;
        e.1 += u32::from(caught);
    }
    let mut report = String::new();
    let (mut total, mut caught) = (0, 0);
    for (name, (n, c)) in &seen {
        report.push_str(&format!(
            "{name:<28} {c:>4}/{n:<4} {:.2}\n",
            *c as f64 / *n as f64
        ));
        total += n;
        caught += c;
    }
    let recall = caught as f64 / total as f64;
    let alarm_rate = calm_alarms as f64 / calm as f64;
    eprintln!(
        "{report}overall {caught}/{total} = {recall:.3}; calm conversations flagged high or critical: \
         {calm_alarms}/{calm} = {alarm_rate:.3}; calm with conduct.no_empathy: {calm_no_empathy}/{calm}"
    );
    let no_empathy_rate = calm_no_empathy as f64 / calm as f64;
    assert!(
        no_empathy_rate <= 0.12,
        "calm conversations with conduct.no_empathy: {no_empathy_rate:.3}"
    );
    assert!(
        recall >= 0.68,
        "risky scenarios caught: {recall:.3}\n{report}"
    );
    assert!(
        alarm_rate <= 0.01,
        "calm conversations flagged high: {alarm_rate:.3}"
    );
}

/// Lists what fires high or critical on calm conversations (run with --ignored --nocapture).
#[test]
#[ignore]
fn show_calm_alarms() {
    let engine = Engine::default();
    for conv in earshot_demo::generate(3_000, 7) {
        let scenario = conv.metadata["demo_scenario"].as_str().unwrap_or("");
        if earshot_demo::SCENARIOS
            .iter()
            .any(|s| s.name == scenario && s.risky)
        {
            continue;
        }
        for f in engine
            .analyze(&conv)
            .findings
            .iter()
            .filter(|f| f.severity >= Severity::High)
        {
            let text = f
                .turn
                .map(|t| conv.turns[t as usize].text.as_str())
                .unwrap_or("");
            eprintln!(
                "{scenario} {} {:?} | {} | {}",
                f.code,
                f.role,
                f.evidence,
                text.chars().take(140).collect::<String>()
            );
        }
    }
}

/// Shows no_empathy findings on calm conversations with the turn that made the customer count
/// as upset (run with --ignored --nocapture).
#[test]
#[ignore]
fn show_calm_no_empathy() {
    let engine = Engine::default();
    let mut shown = 0;
    for conv in earshot_demo::generate(3_000, 7) {
        let scenario = conv.metadata["demo_scenario"].as_str().unwrap_or("");
        if earshot_demo::SCENARIOS
            .iter()
            .any(|s| s.name == scenario && s.risky)
        {
            continue;
        }
        let a = engine.analyze(&conv);
        if !a
            .findings
            .iter()
            .any(|f| f.code.as_str() == "conduct.no_empathy")
        {
            continue;
        }
        for (t, s) in conv.turns.iter().zip(&a.turns) {
            if t.role == earshot_model::Role::Customer && s.emotion.is_some_and(|e| e.is_negative())
            {
                eprintln!(
                    "{:?} {:.2} | {}",
                    s.emotion,
                    s.emotion_confidence,
                    t.text.chars().take(120).collect::<String>()
                );
            }
        }
        shown += 1;
        if shown >= 25 {
            break;
        }
    }
}
