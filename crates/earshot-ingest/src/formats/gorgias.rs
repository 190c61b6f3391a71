//! Gorgias (REST).
//!
//! Reads a ticket with its `messages`, a list of tickets (`{"data": [...]}` or an array), or a
//! list of messages (`GET /api/messages?ticket_id=`), grouped by `ticket_id`.
//!
//! `from_agent` decides the side; a message sent by a rule (`rule_id`) is the shop's automation
//! and becomes a bot turn. `public: false` or the `internal-note` channel is an internal note.
//! Gorgias already separates quoted history (`stripped_text`), which is preferred over the full
//! body. Datetimes without a zone are UTC.

use earshot_model::{Conversation, Customer, Role};

use super::common::{
    Ctx, add_agent, body_text, channel_from_name, group_by, meta_from, records, turn,
};
use super::json::{Fail, J};

pub(crate) fn import(ctx: &mut Ctx<'_>, data: &[u8]) {
    for doc in ctx.documents(data) {
        let root = J::root(&doc.value, "");
        // A ticket fetched alone carries its messages as a field.
        let recs = if root.get("id").is_present() {
            vec![(ctx.line(doc.line, 0), root)]
        } else {
            records(ctx, &doc, &["data", "tickets", "messages"])
        };
        let is_message =
            |j: &J<'_>| j.get("ticket_id").is_present() && !j.get("messages").is_present();
        if !recs.is_empty() && recs.iter().all(|(_, j)| is_message(j)) {
            for (line, id, msgs) in group_by(recs, "ticket_id") {
                let first = msgs.first().copied();
                ctx.record(line, id.clone(), |_| match (&id, first) {
                    (Some(id), _) => convert(None, Some(id.clone()), &msgs),
                    (None, Some(m)) => Err(m.get("ticket_id").missing("a ticket id")),
                    (None, None) => Err(Fail {
                        field: String::new(),
                        message: "empty record".into(),
                    }),
                });
            }
            continue;
        }
        for (line, t) in recs {
            let msgs: Vec<J<'_>> = t.get("messages").items().collect();
            ctx.record(line, t.get("id").id(), |_| convert(Some(&t), None, &msgs));
        }
    }
}

fn convert(
    t: Option<&J<'_>>,
    loose_id: Option<String>,
    msgs: &[J<'_>],
) -> Result<Conversation, Fail> {
    let id = match (t, loose_id) {
        (_, Some(id)) => id,
        (Some(t), None) => t.get("id").req_id()?,
        (None, None) => {
            return Err(Fail {
                field: "id".into(),
                message: "missing field `id`".into(),
            });
        }
    };
    let mut conv = Conversation::new(id, Vec::with_capacity(msgs.len()));
    if let Some(t) = t {
        if let Some(ch) = t.get("channel").text() {
            conv.channel = channel_from_name(ch);
            conv.metadata.insert("via".into(), ch.into());
        }
        conv.started_at = t.get("created_datetime").time()?;
        conv.language = t.get("language").text().map(str::to_string);
        conv.tags = t
            .get("tags")
            .items()
            .filter_map(|x| x.get("name").text().or(x.text()).map(str::to_string))
            .collect();
        for key in [
            "subject",
            "status",
            "priority",
            "spam",
            "meta",
            "closed_datetime",
            "updated_datetime",
            "satisfaction_survey",
        ] {
            meta_from(&mut conv, key, &t.get(key));
        }
        let c = t.get("customer");
        if c.is_object() {
            conv.customer = Some(Customer {
                id: c
                    .get("email")
                    .text()
                    .map(str::to_string)
                    .or(c.get("id").id()),
                name: c.get("name").text().map(str::to_string),
                ..Customer::default()
            });
        }
        let a = t.get("assignee_user");
        if let Some(key) = a
            .get("email")
            .text()
            .map(str::to_string)
            .or(a.get("id").id())
        {
            add_agent(&mut conv.agents, &key, a.get("name").text());
        }
    }
    for m in msgs {
        let from_agent = m.get("from_agent");
        let role = match from_agent.bool() {
            Some(true) if m.get("rule_id").is_present() => Role::Bot,
            Some(true) => Role::Agent,
            Some(false) => Role::Customer,
            None => return Err(from_agent.missing("a boolean")),
        };
        let channel = m.get("channel").str().unwrap_or_default();
        let internal = m.get("public").bool() == Some(false) || channel == "internal-note";
        let stripped = m.get("stripped_text").text().or(m.get("body_text").text());
        let html = m.get("stripped_html").text().or(m.get("body_html").text());
        let text = body_text(stripped, html, false)
            .ok_or_else(|| m.get("body_text").missing("a string"))?;
        let sender = m.get("sender");
        let author = sender
            .get("email")
            .text()
            .map(str::to_string)
            .or(sender.get("id").id());
        if let Some(a) = &author {
            match role {
                Role::Agent => add_agent(&mut conv.agents, a, sender.get("name").text()),
                Role::Customer if conv.customer.is_none() => {
                    conv.customer = Some(Customer {
                        id: Some(a.clone()),
                        name: sender.get("name").text().map(str::to_string),
                        ..Customer::default()
                    });
                }
                _ => {}
            }
        }
        if conv.channel == earshot_model::Channel::Other && !channel.is_empty() && !internal {
            conv.channel = channel_from_name(channel);
        }
        let at = m
            .get("created_datetime")
            .time()?
            .or(m.get("sent_datetime").time()?);
        conv.turns.push(turn(role, text, author, at, internal));
    }
    Ok(conv)
}
