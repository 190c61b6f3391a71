//! Zendesk Support (REST v2).
//!
//! Reads a ticket with its comments and side-loaded users (`{"ticket", "comments", "users"}`),
//! the incremental ticket export (`{"tickets": [...], "users": [...]}`, page after page as JSON
//! Lines too; a ticket may carry `comments`, or top-level `comments` name their `ticket_id`), a
//! bare ticket or array of tickets, or a comments page alone (the file name is then the id).
//!
//! A comment's role comes from its author's user record (`end-user` → customer, `agent` and
//! `admin` → agent); without one, the requester is the customer and anyone else an agent.
//! `public: false` comments are internal notes. A ticket without comments contributes its
//! `description`, which is the requester's first message. Tickets repeated across export pages
//! are read once, in their latest version.

use std::collections::HashMap;

use earshot_model::{Channel, Conversation, Customer, Role};

use super::aws_transcribe::file_id;
use super::common::{Ctx, add_agent, body_text, channel_from_name, meta_from, turn};
use super::json::{Fail, J};

struct User<'a> {
    role: Option<Role>,
    name: Option<&'a str>,
    email: Option<&'a str>,
    locale: Option<&'a str>,
}

type Users<'a> = HashMap<String, User<'a>>;

pub(crate) fn import(ctx: &mut Ctx<'_>, data: &[u8]) {
    let docs = ctx.documents(data);
    let roots: Vec<J<'_>> = docs.iter().map(|d| J::root(&d.value, "")).collect();

    let mut users: Users<'_> = HashMap::new();
    for r in &roots {
        let arr = r.get("users");
        for u in arr.items() {
            if let Some(id) = u.get("id").id() {
                let user = User {
                    role: u.get("role").str().and_then(crate::csv_map::parse_role),
                    name: u.get("name").text(),
                    email: u.get("email").text(),
                    locale: u.get("locale").text(),
                };
                users.insert(id, user);
            }
        }
    }

    // Export pages may repeat a ticket; only its last occurrence is read.
    let mut last_seen: HashMap<String, (usize, usize)> = HashMap::new();
    for (di, r) in roots.iter().enumerate() {
        let arr = r.get("tickets");
        let list = if arr.is_array() { arr } else { *r };
        for (ti, t) in list.items().enumerate() {
            if let Some(id) = t.get("id").id() {
                last_seen.insert(id, (di, ti));
            }
        }
    }

    for ((di, r), doc) in roots.iter().enumerate().zip(&docs) {
        let loose = r.get("comments");
        let arr = r.get("tickets");
        if arr.is_array() || r.is_array() {
            let list = if arr.is_array() { arr } else { *r };
            // Top-level comments of an export page, by the ticket they name.
            let mut by_ticket: HashMap<String, Vec<J<'_>>> = HashMap::new();
            for c in loose.items() {
                if let Some(tid) = c.get("ticket_id").id() {
                    by_ticket.entry(tid).or_default().push(c);
                }
            }
            for (ti, t) in list.items().enumerate() {
                let id = t.get("id").id();
                if id
                    .as_ref()
                    .and_then(|i| last_seen.get(i))
                    .is_some_and(|pos| *pos != (di, ti))
                {
                    continue;
                }
                let line = ctx.line(doc.line, ti);
                let named = id
                    .as_ref()
                    .and_then(|i| by_ticket.get(i))
                    .map_or(&[][..], Vec::as_slice);
                ctx.record(line, id, |_| convert(&t, named, &users, None));
            }
            continue;
        }
        let single = r.get("ticket");
        let line = ctx.line(doc.line, 0);
        if single.is_object() {
            let id = single.get("id").id();
            let all: Vec<J<'_>> = loose.items().collect();
            ctx.record(line, id, |_| convert(&single, &all, &users, None));
        } else if r.get("id").is_present() || r.get("description").is_present() {
            let id = r.get("id").id();
            let all: Vec<J<'_>> = loose.items().collect();
            ctx.record(line, id, |_| convert(r, &all, &users, None));
        } else if loose.is_array() {
            // A comments page alone: the ticket id is the file's name.
            let id = file_id(ctx.file);
            let all: Vec<J<'_>> = loose.items().collect();
            ctx.record(line, Some(id.clone()), |_| {
                convert(r, &all, &users, Some(id))
            });
        } else {
            ctx.error(line, None, r.get("ticket").missing("a ticket object"));
        }
    }
}

/// Converts one ticket; `loose` are the comments given beside it, used when the ticket carries
/// none of its own.
fn convert(
    t: &J<'_>,
    loose: &[J<'_>],
    users: &Users<'_>,
    id_override: Option<String>,
) -> Result<Conversation, Fail> {
    let id = match id_override {
        Some(id) => id,
        None => t.get("id").req_id()?,
    };
    let own = t.get("comments");
    let comments: Vec<J<'_>> = if own.is_array() {
        own.items().collect()
    } else {
        loose.to_vec()
    };
    let requester = t.get("requester_id").id();

    let mut conv = Conversation::new(id, Vec::with_capacity(comments.len().max(1)));
    let via = t.get("via").get("channel");
    if let Some(v) = via.str() {
        conv.channel = match v {
            // A help-centre form is answered by e-mail.
            "web" | "web_form" | "help_center" => Channel::Email,
            other => channel_from_name(other),
        };
        conv.metadata.insert("via".into(), v.into());
    }
    conv.started_at = t.get("created_at").time()?;
    conv.tags = t
        .get("tags")
        .items()
        .filter_map(|x| x.text().map(str::to_string))
        .collect();
    for (key, field) in [
        ("subject", "subject"),
        ("status", "status"),
        ("priority", "priority"),
        ("type", "type"),
        ("requester_id", "requester_id"),
        ("assignee_id", "assignee_id"),
        ("group_id", "group_id"),
        ("organization_id", "organization_id"),
        ("external_id", "external_id"),
        ("satisfaction_rating", "satisfaction_rating"),
        ("custom_fields", "custom_fields"),
        ("updated_at", "updated_at"),
    ] {
        meta_from(&mut conv, key, &t.get(field));
    }
    if let Some(r) = &requester {
        let user = users.get(r);
        conv.customer = Some(Customer {
            id: Some(
                user.and_then(|u| u.email)
                    .map_or_else(|| r.clone(), str::to_string),
            ),
            name: user.and_then(|u| u.name).map(str::to_string),
            ..Customer::default()
        });
        if let Some(email) = user.and_then(|u| u.email) {
            conv.metadata.insert("customer_email".into(), email.into());
        }
        if let Some(locale) = user.and_then(|u| u.locale) {
            conv.metadata
                .insert("customer_locale".into(), locale.into());
        }
    }
    if let Some(a) = t.get("assignee_id").id()
        && let Some(u) = users.get(&a)
    {
        add_agent(
            &mut conv.agents,
            &u.email.map_or_else(|| a.clone(), str::to_string),
            u.name,
        );
    }

    for c in &comments {
        let author_j = c.get("author_id");
        let author = author_j.req_id()?;
        let user = users.get(&author);
        let role = match user.and_then(|u| u.role) {
            Some(r) => r,
            None if requester.as_deref() == Some(author.as_str()) => Role::Customer,
            None => Role::Agent,
        };
        let plain = c.get("plain_body");
        let body = c.get("body");
        let html = c.get("html_body");
        let mail = c.get("via").get("channel").str() == Some("email");
        let text = body_text(plain.str().or(body.str()), html.str(), mail)
            .ok_or_else(|| body.missing("a string"))?;
        let internal = c.get("public").bool() == Some(false);
        let key = user
            .and_then(|u| u.email)
            .map_or_else(|| author.clone(), str::to_string);
        if role == Role::Agent {
            add_agent(&mut conv.agents, &key, user.and_then(|u| u.name));
        }
        let at = c.get("created_at").time()?;
        conv.turns.push(turn(role, text, Some(key), at, internal));
    }
    if conv.turns.is_empty()
        && let Some(d) = t.get("description").text()
    {
        let author = requester.as_ref().map(|r| {
            users
                .get(r)
                .and_then(|u| u.email)
                .map_or_else(|| r.clone(), str::to_string)
        });
        conv.turns.push(turn(
            Role::Customer,
            d.trim().to_string(),
            author,
            conv.started_at,
            false,
        ));
    }
    Ok(conv)
}
