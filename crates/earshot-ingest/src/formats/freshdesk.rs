//! Freshdesk (API v2).
//!
//! Reads a ticket with its conversations (`GET /tickets/{id}?include=conversations`, or
//! `{"ticket": ..., "conversations": [...]}`), a list of such tickets, or a bare conversation list
//! (`GET /tickets/{id}/conversations`), grouped by `ticket_id`.
//!
//! The ticket's `description` is the customer's first message and is not repeated among the
//! conversations, so it becomes the first turn. A conversation with `private: true` is an
//! internal note; otherwise `incoming: true` is the customer and the rest are agents.

use earshot_model::{Channel, Conversation, Customer, Role};

use super::common::{Ctx, add_agent, body_text, group_by, meta, meta_from, records, turn};
use super::json::{Fail, J};

pub(crate) fn import(ctx: &mut Ctx<'_>, data: &[u8]) {
    for doc in ctx.documents(data) {
        let root = J::root(&doc.value, "");
        let ticket = root.get("ticket");
        if ticket.is_object() {
            let convs: Vec<J<'_>> = root.get("conversations").items().collect();
            let line = ctx.line(doc.line, 0);
            ctx.record(line, ticket.get("id").id(), |_| {
                convert(Some(&ticket), None, &convs)
            });
            continue;
        }
        // A ticket fetched with `include=conversations` carries them as a field.
        let recs = if root.get("id").is_present() {
            vec![(ctx.line(doc.line, 0), root)]
        } else {
            records(ctx, &doc, &["tickets", "conversations"])
        };
        // A list whose records name a ticket_id but are no tickets is a conversation list.
        let loose = recs
            .iter()
            .all(|(_, j)| j.get("ticket_id").is_present() && !j.get("requester_id").is_present());
        if loose && !recs.is_empty() {
            for (line, id, convs) in group_by(recs, "ticket_id") {
                let first = convs.first().copied();
                ctx.record(line, id.clone(), |_| match (&id, first) {
                    (Some(id), _) => convert(None, Some(id.clone()), &convs),
                    (None, Some(c)) => Err(c.get("ticket_id").missing("a ticket id")),
                    (None, None) => Err(Fail {
                        field: String::new(),
                        message: "empty record".into(),
                    }),
                });
            }
            continue;
        }
        for (line, t) in recs {
            let convs: Vec<J<'_>> = t.get("conversations").items().collect();
            ctx.record(line, t.get("id").id(), |_| convert(Some(&t), None, &convs));
        }
    }
}

/// Freshdesk's numeric ticket `source`.
fn channel_of(source: i64) -> (Channel, &'static str) {
    match source {
        1 => (Channel::Email, "email"),
        2 => (Channel::Email, "portal"),
        3 => (Channel::Phone, "phone"),
        5 => (Channel::Social, "twitter"),
        6 => (Channel::Social, "facebook"),
        7 => (Channel::Chat, "chat"),
        8 => (Channel::Chat, "mobihelp"),
        9 => (Channel::Other, "feedback_widget"),
        10 => (Channel::Email, "outbound_email"),
        11 => (Channel::Marketplace, "ecommerce"),
        12 => (Channel::Chat, "bot"),
        13 => (Channel::Chat, "whatsapp"),
        _ => (Channel::Other, "other"),
    }
}

fn status_name(status: i64) -> Option<&'static str> {
    Some(match status {
        2 => "open",
        3 => "pending",
        4 => "resolved",
        5 => "closed",
        _ => return None,
    })
}

fn convert(
    t: Option<&J<'_>>,
    loose_id: Option<String>,
    convs: &[J<'_>],
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
    let mut conv = Conversation::new(id, Vec::with_capacity(convs.len() + 1));
    let mut requester = None;
    if let Some(t) = t {
        if let Some(src) = t.get("source").i64() {
            let (channel, name) = channel_of(src);
            conv.channel = channel;
            conv.metadata.insert("via".into(), name.into());
        }
        conv.started_at = t.get("created_at").time()?;
        conv.tags = t
            .get("tags")
            .items()
            .filter_map(|x| x.text().map(str::to_string))
            .collect();
        meta(
            &mut conv,
            "status",
            t.get("status").i64().and_then(status_name).map(Into::into),
        );
        for key in [
            "subject",
            "priority",
            "type",
            "requester_id",
            "responder_id",
            "group_id",
            "company_id",
            "custom_fields",
            "updated_at",
            "due_by",
            "fr_due_by",
        ] {
            meta_from(&mut conv, key, &t.get(key));
        }
        requester = t.get("requester_id").id();
        let embedded = t.get("requester");
        let email = embedded.get("email").text().or(t.get("email").text());
        if requester.is_some() || embedded.is_object() {
            conv.customer = Some(Customer {
                id: email
                    .map(str::to_string)
                    .or(requester.clone())
                    .or(embedded.get("id").id()),
                name: embedded
                    .get("name")
                    .text()
                    .or(t.get("name").text())
                    .map(str::to_string),
                ..Customer::default()
            });
        }
        if let Some(e) = email {
            conv.metadata.insert("customer_email".into(), e.into());
        }
        if let Some(r) = t.get("responder_id").id() {
            add_agent(&mut conv.agents, &r, None);
        }
        let mail = conv.channel == Channel::Email;
        if let Some(text) = body_text(
            t.get("description_text").str(),
            t.get("description").str(),
            mail,
        )
        .filter(|s| !s.is_empty())
        {
            let author = email.map(str::to_string).or(requester.clone());
            conv.turns
                .push(turn(Role::Customer, text, author, conv.started_at, false));
        }
    }
    for c in convs {
        let private = c.get("private").bool().unwrap_or(false);
        let incoming = c.get("incoming").bool();
        let role = match (private, incoming) {
            (true, _) => Role::Agent,
            (false, Some(true)) => Role::Customer,
            (false, Some(false)) => Role::Agent,
            (false, None) => return Err(c.get("incoming").missing("a boolean")),
        };
        let body = c.get("body");
        let mail = c.get("from_email").is_present() || conv.channel == Channel::Email;
        let text = body_text(c.get("body_text").str(), body.str(), mail)
            .ok_or_else(|| body.missing("a string"))?;
        let user = c.get("user_id").id();
        let author = match role {
            Role::Customer => c.get("from_email").text().map(str::to_string).or(user),
            _ => user,
        };
        if role == Role::Agent
            && let Some(a) = &author
        {
            add_agent(&mut conv.agents, a, None);
        }
        if role == Role::Customer && conv.customer.is_none() {
            conv.customer = Some(Customer {
                id: author.clone(),
                ..Customer::default()
            });
        }
        conv.turns.push(turn(
            role,
            text,
            author,
            c.get("created_at").time()?,
            private,
        ));
    }
    let _ = requester;
    Ok(conv)
}
