//! Redacting a whole conversation: every turn's text with the names its metadata knows, and the
//! customer's own fields.

use earshot_model::Conversation;
use serde::{Deserialize, Serialize};

use crate::{Kind, OffsetMap, Redaction, Redactor, Session};

/// What was replaced in one turn, with the map for moving that turn's spans.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TurnRedactions {
    pub turn: usize,
    pub redactions: Vec<Redaction>,
    pub map: OffsetMap,
}

/// Redacts every turn with the customer's and the agents' names (and the turn authors' names)
/// as known names, with pseudonyms shared across the turns when the config asks for them. The
/// customer's name and an e-mail address used as the customer's id are replaced too, as are turn
/// authors that are names or addresses rather than agent ids, the order id when order numbers are
/// redacted, and every string in the free-form metadata.
pub fn redact_conversation(
    conversation: &Conversation,
    redactor: &Redactor,
) -> (Conversation, Vec<TurnRedactions>) {
    let mut names: Vec<&str> = Vec::new();
    if let Some(n) = conversation
        .customer
        .as_ref()
        .and_then(|c| c.name.as_deref())
    {
        names.push(n);
    }
    names.extend(conversation.agents.iter().filter_map(|a| a.name.as_deref()));
    let mut session = redactor.session(names.iter().copied());
    let mut out = conversation.clone();
    let mut per_turn = Vec::with_capacity(out.turns.len());
    for (i, turn) in out.turns.iter_mut().enumerate() {
        let r = session.redact(&turn.text);
        if let Some(author) = &turn.author {
            let is_agent_id = conversation.agents.iter().any(|a| &a.id == author);
            if !is_agent_id {
                let a = session.redact(author);
                turn.author = Some(a.text);
            }
        }
        turn.text = r.text;
        if !r.redactions.is_empty() {
            per_turn.push(TurnRedactions {
                turn: i,
                redactions: r.redactions,
                map: r.map,
            });
        }
    }
    if let Some(c) = out.customer.as_mut() {
        let config = redactor.config();
        if config.redacts(Kind::Name) && c.name.is_some() {
            c.name = Some(session.redact(c.name.as_deref().unwrap_or_default()).text)
                .filter(|t| t.contains('['))
                .or_else(|| Some(config.token(Kind::Name).to_string()));
        }
        if let Some(id) = &c.id
            && id.contains('@')
        {
            c.id = Some(session.redact(id).text);
        }
    }
    if let Some(o) = out.order.as_mut()
        && o.id.is_some()
        && redactor.config().redacts(Kind::Order)
    {
        o.id = Some(redactor.config().token(Kind::Order).to_string());
    }
    // Metadata is free-form and may carry anything the source system knew about the customer;
    // every string in it goes through the redactor.
    for v in out.metadata.values_mut() {
        redact_json(v, &mut session);
    }
    for a in out.agents.iter_mut() {
        if redactor.config().redacts(Kind::Name) && a.name.is_some() {
            a.name = Some(session.redact(a.name.as_deref().unwrap_or_default()).text);
        }
    }
    (out, per_turn)
}

fn redact_json(v: &mut serde_json::Value, session: &mut Session<'_>) {
    match v {
        serde_json::Value::String(s) => *s = session.redact(s).text,
        serde_json::Value::Array(items) => items.iter_mut().for_each(|i| redact_json(i, session)),
        serde_json::Value::Object(map) => map.values_mut().for_each(|i| redact_json(i, session)),
        _ => {}
    }
}
