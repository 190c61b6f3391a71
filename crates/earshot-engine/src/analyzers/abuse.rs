//! Abusive language: insults, profanity, slurs, sexual harassment, in both directions.
//!
//! A first lexicon over the folded text; see `docs/accuracy.md` for what it catches.

use aho_corasick::{AhoCorasick, MatchKind};
use earshot_model::{Code, Finding, Role, Severity};

use crate::{TurnAnalyzer, TurnContext, TurnResult};

const INSULTS: &[&str] = &[
    "idiot", "stupid", "moron", "bitch", "asshole", "dumbass", "idiota", "imbécile", "connard",
    "arschloch", "vollidiot", "バカ", "馬鹿", "傻逼", "傻b", "白痴", "ngu", "غبي", "ควาย",
];
const PROFANITY: &[&str] = &["fuck", "shit", "damn", "scheiße", "scheisse", "merde", "mierda", "クソ", "他妈的"];

pub struct Abuse {
    ac: AhoCorasick,
    n_insults: usize,
}

impl Abuse {
    pub fn new() -> Abuse {
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(INSULTS.iter().chain(PROFANITY))
            .unwrap_or_else(|_| unreachable!("the built-in word list is valid"));
        Abuse { ac, n_insults: INSULTS.len() }
    }
}

impl Default for Abuse {
    fn default() -> Abuse {
        Abuse::new()
    }
}

impl TurnAnalyzer for Abuse {
    fn name(&self) -> &'static str {
        "abuse"
    }

    fn analyze(&self, turn: &TurnContext<'_>, out: &mut TurnResult) {
        let text = turn.norm.as_str();
        for m in self.ac.find_iter(text) {
            let spaced = turn.lang.is_spaced() && text[m.range()].is_ascii();
            if spaced {
                let before = text[..m.start()].chars().next_back();
                let after = text[m.end()..].chars().next();
                if before.is_some_and(char::is_alphanumeric) || after.is_some_and(char::is_alphanumeric) {
                    continue;
                }
            }
            let insult = m.pattern().as_usize() < self.n_insults;
            let (code, why) = if insult {
                (Code::ABUSE_INSULT, "insulting word")
            } else {
                (Code::ABUSE_PROFANITY, "profanity")
            };
            let mut f = Finding::new(code, why).confidence(0.8).source("abuse");
            if insult && turn.role == Role::Agent {
                f = f.severity(Severity::Critical);
            }
            out.findings.push(turn.finding_at(f, m.range()));
        }
    }
}
