//! LiveChat (Agent Chat API v3.x).
//!
//! Reads a chat (`get_chat`, or `{"chat": ...}`), or `list_archives` / `list_chats` output
//! (`{"chats": [...]}`), each chat with `threads[]` (or one `thread`). The chat is the
//! conversation; its threads (one per visit) follow one another. Events of type `message`,
//! `rich_message` and `file` are turns of their author (joined to `users[]`: `customer` or
//! `agent`); `system_message` events are system turns; forms and custom events are left out.
//! `visibility: agents` is an internal note.

use std::collections::HashMap;

use earshot_model::{Conversation, Customer, Role};

use super::common::{Ctx, add_agent, meta_from, records, turn};
use super::json::{Fail, J};

pub(crate) fn import(ctx: &mut Ctx<'_>, data: &[u8]) {
    for doc in ctx.documents(data) {
        let root = J::root(&doc.value, "");
        let chat = root.get("chat");
        if chat.is_object() {
            let line = ctx.line(doc.line, 0);
            ctx.record(line, chat.get("id").id(), |_| convert(&chat));
            continue;
        }
        for (line, c) in records(ctx, &doc, &["chats", "archives"]) {
            ctx.record(line, c.get("id").id(), |_| convert(&c));
        }
    }
}

fn convert(c: &J<'_>) -> Result<Conversation, Fail> {
    let id = c.get("id").req_id()?;
    let mut users: HashMap<String, (Role, Option<&str>, Option<&str>)> = HashMap::new();
    for u in c.get("users").items() {
        if let Some(uid) = u.get("id").id() {
            let role = match u.get("type").str() {
                Some("customer") => Role::Customer,
                Some("bot") => Role::Bot,
                _ => Role::Agent,
            };
            users.insert(uid, (role, u.get("name").text(), u.get("email").text()));
        }
    }
    let mut conv = Conversation::new(id, Vec::new());
    conv.channel = earshot_model::Channel::Chat;
    if let Some((uid, (_, name, email))) = users.iter().find(|(_, u)| u.0 == Role::Customer) {
        conv.customer = Some(Customer {
            id: email.map(str::to_string).or(Some(uid.clone())),
            name: name.map(str::to_string),
            ..Customer::default()
        });
    }
    meta_from(&mut conv, "properties", &c.get("properties"));
    meta_from(&mut conv, "access", &c.get("access"));
    let threads = c.get("threads");
    let single = c.get("thread");
    let threads: Vec<J<'_>> = if threads.is_array() {
        threads.items().collect()
    } else if single.is_object() {
        vec![single]
    } else {
        return Err(threads.missing("an array of threads"));
    };
    let mut thread_ids = Vec::new();
    for t in &threads {
        if let Some(tid) = t.get("id").id() {
            thread_ids.push(serde_json::Value::from(tid));
        }
        for tag in t.get("tags").items().filter_map(|x| x.text()) {
            if !conv.tags.iter().any(|x| x == tag) {
                conv.tags.push(tag.to_string());
            }
        }
        if conv.started_at.is_none() {
            conv.started_at = t.get("created_at").time()?;
        }
        for e in t.get("events").items() {
            let ty = e.get("type").str().unwrap_or("message");
            let text = match ty {
                "message" | "system_message" => e.get("text").str().map(str::to_string),
                "rich_message" => rich_text(&e),
                "file" => e.get("name").text().map(|n| format!("[file: {n}]")),
                _ => continue,
            };
            let Some(text) = text.filter(|t| !t.trim().is_empty()) else {
                continue;
            };
            let internal = matches!(e.get("visibility").str(), Some("agents"));
            let at = e.get("created_at").time()?;
            if ty == "system_message" {
                conv.turns
                    .push(turn(Role::System, text, None, at, internal));
                continue;
            }
            let author = e.get("author_id").req_id()?;
            let (role, name, email) =
                users
                    .get(&author)
                    .copied()
                    .unwrap_or((Role::Customer, None, None));
            let key = email.map_or_else(|| author.clone(), str::to_string);
            if role == Role::Agent {
                add_agent(&mut conv.agents, &key, name);
            }
            conv.turns.push(turn(role, text, Some(key), at, internal));
        }
    }
    if !thread_ids.is_empty() {
        conv.metadata.insert("thread_ids".into(), thread_ids.into());
    }
    Ok(conv)
}

/// The visible text of a rich message: its elements' titles and subtitles.
fn rich_text(e: &J<'_>) -> Option<String> {
    let parts: Vec<&str> = e
        .get("elements")
        .items()
        .flat_map(|el| [el.get("title").text(), el.get("subtitle").text()])
        .flatten()
        .collect();
    (!parts.is_empty()).then(|| parts.join("\n"))
}
