//! The stable finding codes of `FINDINGS.md`. Users build alert policies, dashboards and reports
//! on these strings: extend the table, never rename an entry.

use std::borrow::Cow;
use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::Severity;

/// A finding code, `category.name`. The built-in codes are constants on this type
/// (`Code::ABUSE_INSULT`); rule packs may define their own codes in new categories.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Code(Cow<'static, str>);

impl Code {
    pub const fn from_static(s: &'static str) -> Code {
        Code(Cow::Borrowed(s))
    }

    pub fn new(s: impl Into<String>) -> Code {
        let s = s.into();
        match CODES.iter().find(|c| c.code.as_str() == s) {
            Some(info) => info.code.clone(),
            None => Code(Cow::Owned(s)),
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The part before the dot: `abuse`, `threat`, `emotion`, ...
    pub fn category(&self) -> &str {
        self.0.split('.').next().unwrap_or("")
    }

    /// Whether a code string is well formed: lowercase ASCII `category.name`, with `_` and
    /// further dots allowed in the name.
    pub fn is_well_formed(s: &str) -> bool {
        let Some((cat, name)) = s.split_once('.') else {
            return false;
        };
        let ok = |p: &str| {
            !p.is_empty()
                && p.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'.')
        };
        ok(cat) && ok(name) && !cat.contains('.')
    }
}

impl fmt::Debug for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Serialize for Code {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Code {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Code, D::Error> {
        let s = String::deserialize(d)?;
        if !Code::is_well_formed(&s) {
            return Err(serde::de::Error::custom(format!(
                "finding code {s:?} is not of the form category.name"
            )));
        }
        Ok(Code::new(s))
    }
}

/// What the table says about a built-in code.
#[derive(Debug, Clone)]
pub struct CodeInfo {
    pub code: Code,
    pub severity: Severity,
    pub meaning: &'static str,
}

/// The built-in code's entry, if it is one.
pub fn code_info(code: &str) -> Option<&'static CodeInfo> {
    CODES.iter().find(|c| c.code.as_str() == code)
}

macro_rules! codes {
    ($($konst:ident = $code:literal, $sev:ident, $meaning:literal;)*) => {
        impl Code {
            $(pub const $konst: Code = Code::from_static($code);)*
        }
        /// Every built-in code with its default severity and meaning, in `FINDINGS.md` order.
        pub static CODES: &[CodeInfo] = &[
            $(CodeInfo { code: Code::$konst, severity: Severity::$sev, meaning: $meaning },)*
        ];
    };
}

codes! {
    ABUSE_INSULT = "abuse.insult", High, "insult aimed at a person";
    ABUSE_PROFANITY = "abuse.profanity", Low, "profanity aimed at nobody";
    ABUSE_SLUR = "abuse.slur", High, "slur or hate against a group";
    ABUSE_SEXUAL = "abuse.sexual", High, "sexual harassment";
    THREAT_VIOLENCE = "threat.violence", Critical, "threat of violence";
    THREAT_LEGAL = "threat.legal", High, "lawyer, lawsuit, court";
    THREAT_CHARGEBACK = "threat.chargeback", High, "chargeback, payment dispute with bank, PayPal or card issuer";
    THREAT_MARKETPLACE_CLAIM = "threat.marketplace_claim", High, "A-to-z claim, eBay case, marketplace complaint";
    THREAT_REVIEW = "threat.review", High, "bad review, rating, social-media exposure";
    THREAT_REGULATOR = "threat.regulator", High, "complaint to a regulator or consumer body";
    THREAT_CHURN = "threat.churn", Medium, "cancel, never buy again, switch to a competitor";
    EMOTION_ANGER = "emotion.anger", Info, "customer anger";
    EMOTION_FRUSTRATION = "emotion.frustration", Info, "customer frustration or annoyance";
    EMOTION_DISAPPOINTMENT = "emotion.disappointment", Info, "customer disappointment";
    EMOTION_ANXIETY = "emotion.anxiety", Info, "customer anxiety or worry";
    EMOTION_GRATITUDE = "emotion.gratitude", Info, "thanks, satisfaction";
    ESCALATION_RISING = "escalation.rising", Medium, "emotion worsening across the conversation";
    ESCALATION_PERSISTENT = "escalation.persistent", Medium, "dissatisfaction sustained over several turns";
    ESCALATION_MANAGER_REQUEST = "escalation.manager_request", Medium, "asks for a manager or supervisor";
    ESCALATION_REPEATED_QUESTION = "escalation.repeated_question", Medium, "the same question asked again";
    ESCALATION_IMPLICIT_COMPLAINT = "escalation.implicit_complaint", Low, "complaint without saying so";
    CONDUCT_RUDE = "conduct.rude", High, "agent rude, blaming, dismissive or sarcastic";
    CONDUCT_NO_EMPATHY = "conduct.no_empathy", Medium, "customer upset and the agent offers no apology or empathy";
    CONDUCT_IMPROPER_PROMISE = "conduct.improper_promise", High, "promise beyond policy";
    CONDUCT_WRONG_INFO = "conduct.wrong_info", Medium, "agent claim contradicts the product-facts catalogue";
    CONDUCT_SENSITIVE_WORD = "conduct.sensitive_word", Medium, "a word the workspace forbids";
    CONDUCT_INTERRUPTION = "conduct.interruption", Low, "agent talks over the customer";
    PROCESS_IDENTITY_NOT_VERIFIED = "process.identity_not_verified", High, "account details discussed or changed without identity check";
    PROCESS_NEED_NOT_CONFIRMED = "process.need_not_confirmed", Low, "agent acted without confirming what the customer needs";
    PROCESS_ORDER_NOT_CONFIRMED = "process.order_not_confirmed", Low, "order not identified or confirmed";
    PROCESS_TRACKING_NOT_CONFIRMED = "process.tracking_not_confirmed", Low, "shipping question answered without confirming tracking";
    PROCESS_REFUND_NOT_EXPLAINED = "process.refund_not_explained", Medium, "refund or return discussed but the process or timeline not explained";
    PROCESS_INCONSISTENT_EXPLANATION = "process.inconsistent_explanation", Medium, "contradictory explanations";
    PROCESS_NO_FURTHER_HELP = "process.no_further_help", Low, "closing without offering further help";
    COURTESY_NO_GREETING = "courtesy.no_greeting", Low, "no greeting";
    COURTESY_NO_CLOSING = "courtesy.no_closing", Low, "no closing";
    COURTESY_NO_SIGNATURE = "courtesy.no_signature", Low, "no signature";
    COURTESY_NO_THANKS = "courtesy.no_thanks", Low, "no thanks";
    SLA_FIRST_RESPONSE = "sla.first_response", Medium, "first response later than the SLA";
    SLA_RESPONSE_GAP = "sla.response_gap", Low, "an agent reply later than the SLA";
    SLA_RESOLUTION_TIME = "sla.resolution_time", Low, "resolution later than the SLA";
    SLA_MARKETPLACE = "sla.marketplace", High, "marketplace response rule broken";
    VOICE_SILENCE = "voice.silence", Low, "non-talk time above threshold";
    VOICE_OVERTALK = "voice.overtalk", Low, "both talking at once above threshold";
    VOICE_LONG_HOLD = "voice.long_hold", Low, "hold longer than threshold";
    VOICE_SPEECH_RATE = "voice.speech_rate", Info, "customer speaking markedly faster or agent too fast";
    VOICE_LOUDNESS_RISE = "voice.loudness_rise", Medium, "customer getting louder";
    VOICE_LINE_QUALITY = "voice.line_quality", Medium, "jitter, packet loss, one-way audio, cut-off speech";
    VOICE_REPEATED_CALLS = "voice.repeated_calls", Medium, "the same customer called again within a window";
    PRIVACY_SENSITIVE_DATA = "privacy.sensitive_data", High, "card number, password or ID shared in the conversation";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_well_formed() {
        let mut seen = std::collections::HashSet::new();
        for c in CODES {
            assert!(Code::is_well_formed(c.code.as_str()), "{}", c.code);
            assert!(seen.insert(c.code.as_str()), "duplicate {}", c.code);
        }
        assert!(CODES.len() >= 50);
    }

    #[test]
    fn code_round_trips_and_rejects_garbage() {
        let c: Code = serde_json::from_str("\"threat.legal\"").unwrap();
        assert_eq!(c, Code::THREAT_LEGAL);
        assert!(serde_json::from_str::<Code>("\"Threat Legal\"").is_err());
        assert_eq!(Code::new("custom.my_rule").category(), "custom");
    }

    /// The table must stay in step with FINDINGS.md when that file is at hand.
    #[test]
    fn table_matches_findings_md() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../../shared/design/FINDINGS.md"
        );
        let Ok(text) = std::fs::read_to_string(path) else {
            eprintln!("skipped: ../shared/design/FINDINGS.md is not present");
            return;
        };
        for line in text
            .lines()
            .filter(|l| l.starts_with("| ") && l.contains('.'))
        {
            let first = line.split('|').nth(1).unwrap_or("").trim();
            if !first.contains('.') || first.contains(' ') && !first.contains('/') {
                continue;
            }
            // "emotion.anger / .frustration / ..." lists several codes in one row.
            let mut parts = first.split(" / ");
            let head = parts.next().unwrap();
            let (cat, _) = head.split_once('.').unwrap();
            let mut names = vec![head.to_string()];
            names.extend(parts.map(|p| format!("{cat}{}", p.trim())));
            for name in names {
                assert!(
                    code_info(&name).is_some(),
                    "FINDINGS.md lists {name}, the table does not"
                );
            }
        }
    }
}
