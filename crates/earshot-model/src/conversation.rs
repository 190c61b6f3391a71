//! The conversation: earshot's unit of analysis, one line of native JSONL.

use jiff::Timestamp;
use serde::{Deserialize, Deserializer, Serialize};

/// Texts longer than this (in Unicode scalar values) are analysed only up to this length; the
/// rest is kept and stored, and a diagnostic says so.
pub const MAX_TURN_CHARS: usize = 100_000;

/// One customer-service conversation: a chat, an e-mail thread, a marketplace message thread or
/// a call transcript.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Conversation {
    /// Unique within a workspace; analysing the same id again replaces the earlier analysis.
    pub id: String,
    #[serde(default)]
    pub channel: Channel,
    /// Where it came from, free text: "amazon", "zendesk", "shopify", ...
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// BCP-47 tag of the main language; detected per turn when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// The brand or tenant the conversation belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub workspace: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub started_at: Option<Timestamp>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ended_at: Option<Timestamp>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer: Option<Customer>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub agents: Vec<Agent>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order: Option<Order>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// Anything else the source system knows; kept and stored, never interpreted.
    #[serde(default, skip_serializing_if = "serde_json::Map::is_empty")]
    pub metadata: serde_json::Map<String, serde_json::Value>,
    pub turns: Vec<Turn>,
}

/// Where the conversation took place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Channel {
    Chat,
    Email,
    Marketplace,
    Social,
    Phone,
    Sms,
    #[default]
    Other,
}

impl Channel {
    pub const ALL: [Channel; 7] = [
        Channel::Chat,
        Channel::Email,
        Channel::Marketplace,
        Channel::Social,
        Channel::Phone,
        Channel::Sms,
        Channel::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Channel::Chat => "chat",
            Channel::Email => "email",
            Channel::Marketplace => "marketplace",
            Channel::Social => "social",
            Channel::Phone => "phone",
            Channel::Sms => "sms",
            Channel::Other => "other",
        }
    }

    pub fn parse(s: &str) -> Option<Channel> {
        Channel::ALL
            .into_iter()
            .find(|c| c.as_str().eq_ignore_ascii_case(s.trim()))
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Customer {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// ISO 3166-1 alpha-2 country code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// The customer's lifetime value, in the workspace's currency.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<f64>,
    /// Free text: "vip", "new", "repeat", ...
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub segment: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Agent {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub team: Option<String>,
    /// The day the agent started; a date (`2025-03-01`) or an RFC 3339 timestamp.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "date_or_timestamp"
    )]
    pub hired_at: Option<jiff::civil::Date>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Order {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<f64>,
    /// ISO 4217 currency code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub product_line: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sku: Option<String>,
    /// "amazon.de", "ebay.com", "shopify", ...
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub marketplace: Option<String>,
}

/// Who wrote or spoke a turn.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    Customer,
    Agent,
    Bot,
    System,
}

impl Role {
    pub const ALL: [Role; 4] = [Role::Customer, Role::Agent, Role::Bot, Role::System];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Customer => "customer",
            Role::Agent => "agent",
            Role::Bot => "bot",
            Role::System => "system",
        }
    }

    pub fn parse(s: &str) -> Option<Role> {
        Role::ALL
            .into_iter()
            .find(|r| r.as_str().eq_ignore_ascii_case(s.trim()))
    }
}

/// One message of a text conversation, or one utterance of a call.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Turn {
    pub role: Role,
    /// Who wrote it: an agent id or name, the customer's handle.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at: Option<Timestamp>,
    #[serde(default)]
    pub text: String,
    /// Voice: start of the utterance in milliseconds from the start of the recording.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_ms: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_ms: Option<u64>,
    /// Voice: the audio channel the utterance came from ("ch_0", "0", "left").
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "string_or_number"
    )]
    pub channel: Option<String>,
    /// An internal note between agents: stored and shown, never scored as customer-facing.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub internal: bool,
}

impl Turn {
    pub fn new(role: Role, text: impl Into<String>) -> Turn {
        Turn {
            role,
            author: None,
            at: None,
            text: text.into(),
            start_ms: None,
            end_ms: None,
            channel: None,
            internal: false,
        }
    }

    /// Customer-facing: neither an internal note nor a system event.
    pub fn is_public(&self) -> bool {
        !self.internal
    }
}

/// Something about a conversation's data that the user should know, though it did not stop the
/// analysis: an empty turn, timestamps out of order, a text cut for length.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    /// The field path, e.g. `turns[3].at`.
    pub field: String,
    pub message: String,
}

impl Conversation {
    pub fn new(id: impl Into<String>, turns: Vec<Turn>) -> Conversation {
        Conversation {
            id: id.into(),
            channel: Channel::Other,
            source: None,
            language: None,
            workspace: None,
            started_at: None,
            ended_at: None,
            customer: None,
            agents: Vec::new(),
            order: None,
            tags: Vec::new(),
            metadata: serde_json::Map::new(),
            turns,
        }
    }

    /// The workspace, with the empty default for conversations that name none.
    pub fn workspace_or_default(&self) -> &str {
        self.workspace.as_deref().unwrap_or("default")
    }

    /// Semantic checks beyond the schema. They never reject a conversation: the analysis goes on
    /// and the diagnostics travel with it.
    pub fn diagnostics(&self) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        if self.id.trim().is_empty() {
            out.push(Diagnostic {
                field: "id".into(),
                message: "id is empty".into(),
            });
        }
        if self.turns.is_empty() {
            out.push(Diagnostic {
                field: "turns".into(),
                message: "conversation has no turns".into(),
            });
        }
        if let (Some(s), Some(e)) = (self.started_at, self.ended_at)
            && e < s
        {
            out.push(Diagnostic {
                field: "ended_at".into(),
                message: format!("ended_at {e} is before started_at {s}"),
            });
        }
        let mut last: Option<Timestamp> = None;
        for (i, t) in self.turns.iter().enumerate() {
            if t.text.trim().is_empty() {
                out.push(Diagnostic {
                    field: format!("turns[{i}].text"),
                    message: "turn has no text".into(),
                });
            }
            let chars = t.text.chars().count();
            if chars > MAX_TURN_CHARS {
                out.push(Diagnostic {
                    field: format!("turns[{i}].text"),
                    message: format!(
                        "turn has {chars} characters; only the first {MAX_TURN_CHARS} are analysed"
                    ),
                });
            }
            if let Some(at) = t.at {
                if let Some(prev) = last
                    && at < prev
                {
                    out.push(Diagnostic {
                        field: format!("turns[{i}].at"),
                        message: format!("timestamp {at} is earlier than the turn before ({prev})"),
                    });
                }
                last = Some(at);
            }
            if let (Some(s), Some(e)) = (t.start_ms, t.end_ms)
                && e < s
            {
                out.push(Diagnostic {
                    field: format!("turns[{i}].end_ms"),
                    message: format!("end_ms {e} is before start_ms {s}"),
                });
            }
        }
        out
    }
}

fn date_or_timestamp<'de, D: Deserializer<'de>>(
    d: D,
) -> Result<Option<jiff::civil::Date>, D::Error> {
    let s: Option<String> = Option::deserialize(d)?;
    let Some(s) = s else { return Ok(None) };
    if let Ok(date) = s.parse::<jiff::civil::Date>() {
        return Ok(Some(date));
    }
    match s.parse::<Timestamp>() {
        Ok(ts) => Ok(Some(ts.to_zoned(jiff::tz::TimeZone::UTC).date())),
        Err(_) => Err(serde::de::Error::custom(format!(
            "expected a date (2025-03-01) or an RFC 3339 timestamp, found {s:?}"
        ))),
    }
}

fn string_or_number<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Either {
        S(String),
        N(i64),
    }
    Ok(match Option::<Either>::deserialize(d)? {
        None => None,
        Some(Either::S(s)) => Some(s),
        Some(Either::N(n)) => Some(n.to_string()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn minimal_conversation_parses_with_defaults() {
        let c: Conversation =
            serde_json::from_str(r#"{"id":"c1","turns":[{"role":"customer","text":"hi"}]}"#)
                .unwrap();
        assert_eq!(c.channel, Channel::Other);
        assert_eq!(c.turns[0].role, Role::Customer);
        assert!(!c.turns[0].internal);
        assert!(c.diagnostics().is_empty());
    }

    #[test]
    fn unknown_field_is_rejected() {
        let err = serde_json::from_str::<Conversation>(r#"{"id":"c1","turns":[],"colour":1}"#)
            .unwrap_err();
        assert!(err.to_string().contains("colour"), "{err}");
    }

    #[test]
    fn hired_at_accepts_date_and_timestamp() {
        let a: Agent = serde_json::from_str(r#"{"id":"a","hired_at":"2025-03-01"}"#).unwrap();
        let b: Agent =
            serde_json::from_str(r#"{"id":"a","hired_at":"2025-03-01T10:00:00Z"}"#).unwrap();
        assert_eq!(a.hired_at, b.hired_at);
    }

    #[test]
    fn out_of_order_timestamps_are_diagnosed() {
        let c: Conversation = serde_json::from_str(
            r#"{"id":"c","turns":[
                {"role":"customer","text":"a","at":"2025-01-02T10:00:00Z"},
                {"role":"agent","text":"","at":"2025-01-02T09:00:00Z"}]}"#,
        )
        .unwrap();
        let d = c.diagnostics();
        assert!(d.iter().any(|d| d.field == "turns[1].at"), "{d:?}");
        assert!(d.iter().any(|d| d.field == "turns[1].text"), "{d:?}");
    }

    #[test]
    fn audio_channel_accepts_numbers() {
        let t: Turn = serde_json::from_str(r#"{"role":"agent","text":"x","channel":1}"#).unwrap();
        assert_eq!(t.channel.as_deref(), Some("1"));
    }
}
