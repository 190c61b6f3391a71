//! `earshot rules test`: every rule's examples run through the whole engine with the pack, so a
//! test sees what production sees (emotion, abuse and threat findings included).

use earshot_model::Conversation;

use super::RulePack;
use crate::{Engine, EngineConfig};

/// The examples of one rule, ready to run.
#[derive(Debug, Clone)]
pub struct RuleExamples {
    pub rule: String,
    pub file: String,
    pub line: usize,
    pub trigger: Vec<Conversation>,
    pub pass: Vec<Conversation>,
}

/// The outcome of one example.
#[derive(Debug, Clone)]
pub struct CaseResult {
    pub rule: String,
    pub file: String,
    pub line: usize,
    /// `trigger` or `pass`, and the example's number (from 1).
    pub kind: &'static str,
    pub index: usize,
    pub ok: bool,
    /// On failure: what the engine found instead.
    pub detail: String,
}

#[derive(Debug, Clone, Default)]
pub struct TestReport {
    pub cases: Vec<CaseResult>,
    /// Rules that have no examples at all.
    pub untested: Vec<String>,
}

impl TestReport {
    pub fn failed(&self) -> usize {
        self.cases.iter().filter(|c| !c.ok).count()
    }

    pub fn passed(&self) -> usize {
        self.cases.len() - self.failed()
    }
}

impl RulePack {
    /// Runs every rule's examples. A `trigger` example passes when the rule's finding appears,
    /// a `pass` example when it does not.
    pub fn run_tests(&self) -> TestReport {
        let engine = Engine::with_rules(EngineConfig::default(), self.clone());
        let mut report = TestReport::default();
        for r in &self.inner.rules {
            if !self.inner.examples.iter().any(|e| e.rule == r.id) {
                report.untested.push(r.id.clone());
            }
        }
        for ex in &self.inner.examples {
            let source = format!("rule:{}", ex.rule);
            let sets: [(&'static str, &Vec<Conversation>, bool); 2] =
                [("trigger", &ex.trigger, true), ("pass", &ex.pass, false)];
            for (kind, convs, want) in sets {
                for (k, c) in convs.iter().enumerate() {
                    let a = engine.analyze(c);
                    let got = a
                        .findings
                        .iter()
                        .any(|f| f.source.as_deref() == Some(source.as_str()));
                    let detail = if got == want {
                        String::new()
                    } else {
                        let found: Vec<String> = a
                            .findings
                            .iter()
                            .filter(|f| f.severity > earshot_model::Severity::Info)
                            .map(|f| format!("{} ({})", f.code, f.source.as_deref().unwrap_or("?")))
                            .collect();
                        format!(
                            "expected the rule {}; the engine found: {}",
                            if want { "to trigger" } else { "not to trigger" },
                            if found.is_empty() {
                                "nothing".to_string()
                            } else {
                                found.join(", ")
                            }
                        )
                    };
                    report.cases.push(CaseResult {
                        rule: ex.rule.clone(),
                        file: ex.file.clone(),
                        line: ex.line,
                        kind,
                        index: k + 1,
                        ok: got == want,
                        detail,
                    });
                }
            }
        }
        report
    }
}
