//! Chatwoot (REST `api/v1`).
//!
//! Reads a message list (`{"meta": {...}, "payload": [messages]}`), a conversation with its
//! `messages`, or a conversation list (`{"data": {"payload": [...]}}` or an array).
//!
//! `message_type` (0 or `incoming`, 1 `outgoing`, 2 `activity`, 3 `template`) decides the role:
//! incoming is the customer, outgoing and template the agent (a bot when `sender_type` is
//! `AgentBot`), activity a system event. `private: true` is an internal note. Times are Unix
//! seconds (webhooks write RFC 3339).

use earshot_model::{Channel, Conversation, Customer, Role};

use super::common::{Ctx, add_agent, group_by, maybe_html, meta_from, turn};
use super::json::{Fail, J};

pub(crate) fn import(ctx: &mut Ctx<'_>, data: &[u8]) {
    for doc in ctx.documents(data) {
        let root = J::root(&doc.value, "");
        let payload = root.get("payload");
        let nested = root.get("data").get("payload");
        let list = if payload.is_array() {
            payload
        } else if nested.is_array() {
            nested
        } else if root.is_array() {
            root
        } else {
            let line = ctx.line(doc.line, 0);
            let msgs: Vec<J<'_>> = root.get("messages").items().collect();
            ctx.record(line, root.get("id").id(), |_| {
                convert(Some(&root), None, &msgs, None)
            });
            continue;
        };
        let recs: Vec<(u64, J<'_>)> = list
            .items()
            .enumerate()
            .map(|(i, j)| (ctx.line(doc.line, i), j))
            .collect();
        let messages =
            !recs.is_empty() && recs.iter().all(|(_, j)| j.get("message_type").is_present());
        if messages {
            let meta = root.get("meta");
            for (line, id, msgs) in group_by(recs, "conversation_id") {
                let first = msgs.first().copied();
                ctx.record(line, id.clone(), |_| match (&id, first) {
                    (Some(id), _) => convert(None, Some(id.clone()), &msgs, Some(&meta)),
                    (None, Some(m)) => Err(m.get("conversation_id").missing("a conversation id")),
                    (None, None) => Err(Fail {
                        field: String::new(),
                        message: "empty record".into(),
                    }),
                });
            }
        } else {
            for (line, c) in recs {
                let msgs: Vec<J<'_>> = c.get("messages").items().collect();
                ctx.record(line, c.get("id").id(), |_| {
                    convert(Some(&c), None, &msgs, None)
                });
            }
        }
    }
}

fn role_of(m: &J<'_>) -> Result<Role, Fail> {
    let mt = m.get("message_type");
    let kind = match (mt.i64(), mt.str()) {
        (Some(n), _) => n,
        (None, Some("incoming")) => 0,
        (None, Some("outgoing")) => 1,
        (None, Some("activity")) => 2,
        (None, Some("template")) => 3,
        _ => return Err(mt.missing("0-3 or incoming, outgoing, activity, template")),
    };
    let bot = matches!(
        m.get("sender_type").str(),
        Some("AgentBot" | "Captain::Assistant")
    );
    Ok(match kind {
        0 => Role::Customer,
        1 | 3 if bot => Role::Bot,
        1 | 3 => Role::Agent,
        2 => Role::System,
        other => return Err(mt.fail(format!("unknown message_type {other}"))),
    })
}

fn channel_of(name: &str) -> Channel {
    let n = name.to_ascii_lowercase();
    let n = n.strip_prefix("channel::").unwrap_or(&n);
    match n {
        "email" => Channel::Email,
        "webwidget" | "whatsapp" | "line" | "telegram" | "api" => Channel::Chat,
        "sms" | "twilio_sms" | "twiliosms" => Channel::Sms,
        "facebookpage" | "twitterprofile" | "instagram" | "tiktok" => Channel::Social,
        "voice" => Channel::Phone,
        _ => Channel::Other,
    }
}

fn convert(
    c: Option<&J<'_>>,
    loose_id: Option<String>,
    msgs: &[J<'_>],
    list_meta: Option<&J<'_>>,
) -> Result<Conversation, Fail> {
    let id = match (c, loose_id) {
        (_, Some(id)) => id,
        (Some(c), None) => c.get("id").req_id()?,
        (None, None) => {
            return Err(Fail {
                field: "id".into(),
                message: "missing field `id`".into(),
            });
        }
    };
    let mut conv = Conversation::new(id, Vec::with_capacity(msgs.len()));
    let meta = match (c, list_meta) {
        (Some(c), _) => c.get("meta"),
        (None, Some(m)) => *m,
        (None, None) => J::root(&serde_json::Value::Null, ""),
    };
    let contact = if meta.get("contact").is_object() {
        meta.get("contact")
    } else {
        meta.get("sender")
    };
    if contact.is_object() {
        conv.customer = Some(Customer {
            id: contact
                .get("email")
                .text()
                .map(str::to_string)
                .or(contact.get("id").id()),
            name: contact.get("name").text().map(str::to_string),
            ..Customer::default()
        });
    }
    let assignee = meta.get("assignee");
    if let Some(k) = assignee
        .get("email")
        .text()
        .map(str::to_string)
        .or(assignee.get("id").id())
    {
        add_agent(&mut conv.agents, &k, assignee.get("name").text());
    }
    let labels = if meta.get("labels").is_array() {
        meta.get("labels")
    } else {
        c.map_or(meta.get("labels"), |c| c.get("labels"))
    };
    conv.tags = labels
        .items()
        .filter_map(|l| l.text().map(str::to_string))
        .collect();
    if let Some(ch) = meta
        .get("channel")
        .text()
        .or(c.and_then(|c| c.get("channel").text()))
    {
        conv.channel = channel_of(ch);
        conv.metadata.insert("via".into(), ch.into());
    }
    if let Some(c) = c {
        conv.started_at = c.get("created_at").time()?;
        for key in [
            "status",
            "inbox_id",
            "account_id",
            "priority",
            "custom_attributes",
            "additional_attributes",
        ] {
            meta_from(&mut conv, key, &c.get(key));
        }
    }
    for m in msgs {
        let role = role_of(m)?;
        let text = match m.get("content").text() {
            Some(t) => maybe_html(t),
            None => {
                let files: Vec<String> = m
                    .get("attachments")
                    .items()
                    .filter_map(|a| {
                        a.get("file_type")
                            .text()
                            .map(|t| format!("[attachment: {t}]"))
                    })
                    .collect();
                if files.is_empty() {
                    continue;
                }
                files.join("\n")
            }
        };
        if m.get("content_type").str() == Some("input_csat") {
            meta_from(&mut conv, "csat", &m.get("content_attributes"));
        }
        let sender = m.get("sender");
        let key = sender
            .get("email")
            .text()
            .map(str::to_string)
            .or(sender.get("id").id());
        if role == Role::Agent
            && let Some(k) = &key
        {
            add_agent(&mut conv.agents, k, sender.get("name").text());
        }
        if role == Role::Customer && conv.customer.is_none() {
            conv.customer = Some(Customer {
                id: key.clone(),
                name: sender.get("name").text().map(str::to_string),
                ..Customer::default()
            });
        }
        let internal = m.get("private").bool() == Some(true);
        conv.turns
            .push(turn(role, text, key, m.get("created_at").time()?, internal));
    }
    Ok(conv)
}
