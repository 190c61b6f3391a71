//! Intercom (REST).
//!
//! Reads a conversation (`GET /conversations/{id}`), a list of them (`{"conversations": [...]}`
//! or an array). The conversation's `source` is its first message; `conversation_parts` follow.
//! Parts of type `note` are internal; event parts (assignment, open, close, snooze) count only
//! when they carry a message body. The author's `type` decides the role: `user`, `lead` and
//! `contact` are the customer, `admin` and `team` the agent, `bot` (and admin answers written by
//! the AI agent) a bot. Times are Unix seconds.

use earshot_model::{Channel, Conversation, Customer, Role};

use super::common::{Ctx, add_agent, channel_from_name, meta_from, records, turn};
use super::html::html_to_text;
use super::json::{Fail, J};

pub(crate) fn import(ctx: &mut Ctx<'_>, data: &[u8]) {
    for doc in ctx.documents(data) {
        for (line, c) in records(ctx, &doc, &["conversations", "data"]) {
            ctx.record(line, c.get("id").id(), |_| convert(&c));
        }
    }
}

fn role_of(author: &J<'_>) -> Result<Role, Fail> {
    let ty = author.get("type");
    let ai = author.get("from_ai_agent").bool() == Some(true)
        || author.get("is_ai_answer").bool() == Some(true);
    Ok(match ty.req_str()? {
        "user" | "lead" | "contact" => Role::Customer,
        "admin" | "team" if ai => Role::Bot,
        "admin" | "team" => Role::Agent,
        "bot" => Role::Bot,
        other => {
            return Err(ty.fail(format!(
                "unknown author type {other:?}; expected user, lead, contact, admin, team or bot"
            )));
        }
    })
}

/// The key of an author: the e-mail when known, else the id.
fn author_key(author: &J<'_>) -> Option<String> {
    author
        .get("email")
        .text()
        .map(str::to_string)
        .or(author.get("id").id())
}

fn convert(c: &J<'_>) -> Result<Conversation, Fail> {
    let id = c.get("id").req_id()?;
    let parts_list = c.get("conversation_parts");
    let parts: Vec<J<'_>> = if parts_list.is_array() {
        parts_list.items().collect()
    } else {
        parts_list.get("conversation_parts").items().collect()
    };
    let mut conv = Conversation::new(id, Vec::with_capacity(parts.len() + 1));
    conv.started_at = c.get("created_at").time()?;
    let source = c.get("source");
    if let Some(ty) = source.get("type").text() {
        conv.channel = match ty {
            // Messenger conversations are chats.
            "conversation" | "push" | "chat" => Channel::Chat,
            "phone_call" | "call" => Channel::Phone,
            other => channel_from_name(other),
        };
        conv.metadata.insert("via".into(), ty.into());
    }
    conv.tags = c
        .get("tags")
        .get("tags")
        .items()
        .filter_map(|t| t.get("name").text().map(str::to_string))
        .collect();
    for key in [
        "title",
        "state",
        "priority",
        "conversation_rating",
        "statistics",
        "custom_attributes",
        "admin_assignee_id",
        "team_assignee_id",
        "updated_at",
    ] {
        meta_from(&mut conv, key, &c.get(key));
    }
    meta_from(&mut conv, "subject", &source.get("subject"));

    if source.is_object() {
        let at = conv.started_at;
        push(
            &mut conv,
            &source.get("author"),
            &source.get("body"),
            at,
            false,
        )?;
    }
    for p in &parts {
        let part_type = p.get("part_type").str().unwrap_or("comment");
        let internal = part_type.contains("note");
        let at = p.get("created_at").time()?;
        push(&mut conv, &p.get("author"), &p.get("body"), at, internal)?;
    }
    if conv.customer.is_none()
        && let Some(contact) = c.get("contacts").get("contacts").items().next()
    {
        conv.customer = Some(Customer {
            id: contact.get("external_id").id().or(contact.get("id").id()),
            ..Customer::default()
        });
    }
    Ok(conv)
}

/// Adds a message of `author` with an HTML `body`; parts without a body (pure events) add
/// nothing.
fn push(
    conv: &mut Conversation,
    author: &J<'_>,
    body: &J<'_>,
    at: Option<jiff::Timestamp>,
    internal: bool,
) -> Result<(), Fail> {
    let Some(html) = body.text() else {
        return Ok(());
    };
    let role = role_of(author)?;
    let key = author_key(author);
    match role {
        Role::Agent => {
            if let Some(k) = &key {
                add_agent(&mut conv.agents, k, author.get("name").text());
            }
        }
        Role::Customer if conv.customer.is_none() => {
            conv.customer = Some(Customer {
                id: key.clone(),
                name: author.get("name").text().map(str::to_string),
                ..Customer::default()
            });
        }
        _ => {}
    }
    conv.turns
        .push(turn(role, html_to_text(html, false), key, at, internal));
    Ok(())
}
