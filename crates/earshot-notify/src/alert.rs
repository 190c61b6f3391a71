//! The alert: what a person needs to act on one conversation, with personal data removed.

use earshot_model::{Analysis, Code, Conversation, Role, Severity};
use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use serde::{Deserialize, Serialize};

use crate::redact::Redactor;

/// Longest evidence quote, in characters; chat messages must stay short and under vendor limits.
pub const MAX_EVIDENCE_CHARS: usize = 280;
/// Longest explanation, in characters.
pub const MAX_EXPLANATION_CHARS: usize = 200;

/// One finding code in an alert: the strongest finding of that code in the conversation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AlertItem {
    pub code: Code,
    pub severity: Severity,
    pub confidence: f32,
    /// One line on why, as the engine wrote it (redacted).
    pub explanation: String,
    /// The quote, redacted and shortened; empty for conversation-wide findings.
    pub evidence: String,
    /// Who said it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<Role>,
    /// How many findings of this code the conversation has.
    pub count: u32,
}

impl AlertItem {
    /// ` ×3` when the conversation has several findings of this code, else nothing.
    pub fn times(&self) -> String {
        if self.count > 1 {
            format!(" ×{}", self.count)
        } else {
            String::new()
        }
    }
}

/// An alert about one conversation. It holds every finding code worth telling; the planner
/// keeps, per channel, the ones that channel's policies take.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Alert {
    pub workspace: String,
    pub conversation_id: String,
    /// The highest severity among `items`.
    pub severity: Severity,
    /// The conversation's risk score, 0–100.
    pub risk: f32,
    /// Strongest first.
    pub items: Vec<AlertItem>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agent: Option<String>,
    /// The store or marketplace: the order's marketplace, else the conversation's source.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub store: Option<String>,
    /// Where the conversation took place: chat, email, marketplace, phone, ...
    pub channel: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order_value: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
    /// The conversation's main language (BCP-47).
    pub language: String,
    /// `{base_url}/conversations/{id}`.
    pub url: String,
}

/// The characters kept as they are in a URL path segment or a dedup key component.
const KEEP: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

impl Alert {
    /// Builds the alert for an analysed conversation. `base_url` is the address users open
    /// earshot at; every quote and explanation goes through `redactor`.
    pub fn from_analysis(
        conversation: &Conversation,
        analysis: &Analysis,
        base_url: &str,
        redactor: &dyn Redactor,
    ) -> Alert {
        let mut items: Vec<AlertItem> = Vec::new();
        for f in &analysis.findings {
            let stronger = |i: &AlertItem| (f.severity, f.confidence) > (i.severity, i.confidence);
            match items.iter_mut().find(|i| i.code == f.code) {
                Some(i) => {
                    i.count += 1;
                    if stronger(i) {
                        let count = i.count;
                        *i = item(f, redactor);
                        i.count = count;
                    }
                }
                None => items.push(item(f, redactor)),
            }
        }
        items.sort_by(|a, b| {
            b.severity
                .cmp(&a.severity)
                .then(b.confidence.total_cmp(&a.confidence))
                .then_with(|| a.code.cmp(&b.code))
        });
        let severity = items
            .iter()
            .map(|i| i.severity)
            .max()
            .unwrap_or(Severity::Info);
        let order = conversation.order.as_ref();
        let workspace = if analysis.workspace.is_empty() {
            conversation.workspace_or_default().to_string()
        } else {
            analysis.workspace.clone()
        };
        Alert {
            url: conversation_url(base_url, &conversation.id),
            workspace,
            conversation_id: conversation.id.clone(),
            severity,
            risk: if analysis.risk.is_finite() {
                analysis.risk.clamp(0.0, 100.0)
            } else {
                0.0
            },
            items,
            agent: agent_of(conversation),
            store: order
                .and_then(|o| o.marketplace.clone())
                .or_else(|| conversation.source.clone()),
            channel: conversation.channel.as_str().to_string(),
            source: conversation.source.clone(),
            order_value: order.and_then(|o| o.value).filter(|v| v.is_finite()),
            currency: order.and_then(|o| o.currency.clone()),
            language: analysis.language.clone(),
        }
    }

    /// The key that allows one alert per conversation and code per window:
    /// `workspace:conversation:code`, each part percent-encoded so that no id can collide.
    pub fn dedup_key(&self, code: &Code) -> String {
        dedup_key(&self.workspace, &self.conversation_id, code)
    }

    /// The same alert holding only `items` (the ones a channel takes).
    pub fn with_items(&self, items: Vec<AlertItem>) -> Alert {
        let severity = items
            .iter()
            .map(|i| i.severity)
            .max()
            .unwrap_or(Severity::Info);
        Alert {
            items,
            severity,
            ..self.clone()
        }
    }
}

/// `workspace:conversation:code`, each part percent-encoded.
pub fn dedup_key(workspace: &str, conversation_id: &str, code: &Code) -> String {
    format!(
        "{}:{}:{}",
        utf8_percent_encode(workspace, KEEP),
        utf8_percent_encode(conversation_id, KEEP),
        code.as_str()
    )
}

/// `{base_url}/conversations/{id}` with the id percent-encoded as one path segment.
pub fn conversation_url(base_url: &str, id: &str) -> String {
    format!(
        "{}/conversations/{}",
        base_url.trim_end_matches('/'),
        utf8_percent_encode(id, KEEP)
    )
}

fn item(f: &earshot_model::Finding, redactor: &dyn Redactor) -> AlertItem {
    AlertItem {
        code: f.code.clone(),
        severity: f.severity,
        confidence: if f.confidence.is_finite() {
            f.confidence.clamp(0.0, 1.0)
        } else {
            0.0
        },
        explanation: shorten(
            &redactor.redact(&one_line(&f.explanation)),
            MAX_EXPLANATION_CHARS,
        ),
        evidence: shorten(&redactor.redact(&one_line(&f.evidence)), MAX_EVIDENCE_CHARS),
        role: f.role,
        count: 1,
    }
}

fn agent_of(c: &Conversation) -> Option<String> {
    if let Some(a) = c.agents.first() {
        return Some(a.name.clone().unwrap_or_else(|| a.id.clone()));
    }
    c.turns
        .iter()
        .find(|t| t.role == Role::Agent)
        .and_then(|t| t.author.clone())
}

/// Line breaks and runs of white space become one space, so a quote cannot break the layout.
pub(crate) fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// At most `max` characters, with `…` where text was cut.
pub(crate) fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let mut out: String = s.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::redact::BuiltinRedactor;
    use earshot_model::{Agent, Finding, Order, Span, Turn};

    pub(crate) fn sample() -> (Conversation, Analysis) {
        let text = "You idiot, mail me at anna@example.com or I call my lawyer";
        let mut c = Conversation::new("5521", vec![Turn::new(Role::Customer, text)]);
        c.workspace = Some("acme".into());
        c.source = Some("zendesk".into());
        c.agents = vec![Agent {
            id: "a1".into(),
            name: Some("Marta R.".into()),
            ..Default::default()
        }];
        c.order = Some(Order {
            value: Some(129.9),
            currency: Some("EUR".into()),
            marketplace: Some("amazon.de".into()),
            ..Default::default()
        });
        let findings = vec![
            Finding::new(Code::ABUSE_INSULT, "insult aimed at the agent").at(
                0,
                Role::Customer,
                text,
                Span::new(0, 50),
            ),
            Finding::new(Code::THREAT_LEGAL, "customer threatens legal action").at(
                0,
                Role::Customer,
                text,
                Span::new(44, 58),
            ),
            Finding::new(Code::ABUSE_INSULT, "second insult").confidence(0.5),
        ];
        let a = Analysis {
            id: "5521".into(),
            workspace: "acme".into(),
            language: "en".into(),
            risk: 72.0,
            severity: Some(Severity::High),
            satisfaction: None,
            scores: None,
            findings,
            turns: vec![],
            risk_explanation: vec![],
            diagnostics: vec![],
        };
        (c, a)
    }

    #[test]
    fn builds_from_analysis_with_redaction() {
        let (c, a) = sample();
        let al = Alert::from_analysis(&c, &a, "https://qa.example/", &BuiltinRedactor);
        assert_eq!(al.url, "https://qa.example/conversations/5521");
        assert_eq!(al.items.len(), 2, "one item per code");
        let insult = al
            .items
            .iter()
            .find(|i| i.code == Code::ABUSE_INSULT)
            .unwrap();
        assert_eq!(insult.count, 2);
        assert_eq!(
            insult.explanation, "insult aimed at the agent",
            "the stronger finding wins"
        );
        assert!(insult.evidence.contains("[email]") && !insult.evidence.contains("anna@"));
        assert_eq!(al.agent.as_deref(), Some("Marta R."));
        assert_eq!(al.store.as_deref(), Some("amazon.de"));
        assert_eq!(
            (al.order_value, al.currency.as_deref()),
            (Some(129.9), Some("EUR"))
        );
        assert_eq!(al.dedup_key(&Code::THREAT_LEGAL), "acme:5521:threat.legal");
    }

    #[test]
    fn ids_cannot_collide_in_keys_or_urls() {
        let k1 = dedup_key("a:b", "c", &Code::THREAT_LEGAL);
        let k2 = dedup_key("a", "b:c", &Code::THREAT_LEGAL);
        assert_ne!(k1, k2);
        assert_eq!(
            conversation_url("http://x", "a/b c"),
            "http://x/conversations/a%2Fb%20c"
        );
    }

    #[test]
    fn shorten_counts_characters() {
        assert_eq!(shorten("你好世界", 3), "你好…");
        assert_eq!(one_line("a\n\n b\t c"), "a b c");
    }
}
