//! Business threats: violence, legal action, chargebacks, marketplace claims, bad reviews,
//! regulators, churn.

use aho_corasick::{AhoCorasick, MatchKind};
use earshot_model::{Code, Finding, Role};

use crate::{TurnAnalyzer, TurnContext, TurnResult};

const PATTERNS: &[(&str, Code)] = &[
    ("lawyer", Code::THREAT_LEGAL),
    ("sue you", Code::THREAT_LEGAL),
    ("anwalt", Code::THREAT_LEGAL),
    ("律师", Code::THREAT_LEGAL),
    ("chargeback", Code::THREAT_CHARGEBACK),
    ("paypal dispute", Code::THREAT_CHARGEBACK),
    ("a-to-z", Code::THREAT_MARKETPLACE_CLAIM),
    ("a-z claim", Code::THREAT_MARKETPLACE_CLAIM),
    ("1-star", Code::THREAT_REVIEW),
    ("one star", Code::THREAT_REVIEW),
    ("差评", Code::THREAT_REVIEW),
    ("bbb", Code::THREAT_REGULATOR),
    ("ftc", Code::THREAT_REGULATOR),
    ("12315", Code::THREAT_REGULATOR),
    ("never buy", Code::THREAT_CHURN),
    ("kill you", Code::THREAT_VIOLENCE),
];

pub struct Threats {
    ac: AhoCorasick,
}

impl Threats {
    pub fn new() -> Threats {
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(PATTERNS.iter().map(|(p, _)| p))
            .unwrap_or_else(|_| unreachable!("the built-in patterns are valid"));
        Threats { ac }
    }
}

impl Default for Threats {
    fn default() -> Threats {
        Threats::new()
    }
}

impl TurnAnalyzer for Threats {
    fn name(&self) -> &'static str {
        "threat"
    }

    fn analyze(&self, turn: &TurnContext<'_>, out: &mut TurnResult) {
        if turn.role != Role::Customer {
            return;
        }
        for m in self.ac.find_iter(turn.norm.as_str()) {
            let code = PATTERNS[m.pattern().as_usize()].1.clone();
            let f = Finding::new(code, "threat phrase").confidence(0.7).source("threat");
            out.findings.push(turn.finding_at(f, m.range()));
        }
    }
}
