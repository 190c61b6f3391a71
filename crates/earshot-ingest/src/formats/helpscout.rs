//! Help Scout (Mailbox API 2.0).
//!
//! Reads a conversation with embedded threads (`?embed=threads`), a conversation list
//! (`{"_embedded": {"conversations": [...]}}` or an array), or a thread list alone
//! (`GET /v2/conversations/{id}/threads`; the file name is then the id). Threads come newest
//! first and are put in time order.
//!
//! Thread `type` decides the role: `customer` is the customer, `message` and `reply` the agent,
//! `note` an internal note; `chat` and `phone` threads go by `createdBy.type`. Forwards are
//! internal, since the customer does not see them. Activity (`lineitem`) and unsent drafts are
//! left out.

use earshot_model::{Channel, Conversation, Customer, Role};

use super::aws_transcribe::file_id;
use super::common::{Ctx, add_agent, body_text, channel_from_name, meta_from, records, turn};
use super::json::{Fail, J};

pub(crate) fn import(ctx: &mut Ctx<'_>, data: &[u8]) {
    for doc in ctx.documents(data) {
        let root = J::root(&doc.value, "");
        let threads_only = root.get("_embedded").get("threads");
        if threads_only.is_array() && !root.get("id").is_present() {
            let id = file_id(ctx.file);
            let line = ctx.line(doc.line, 0);
            ctx.record(line, Some(id.clone()), |_| {
                convert(&root, &threads_only, Some(id))
            });
            continue;
        }
        let list = root.get("_embedded").get("conversations");
        let recs = if list.is_array() {
            list.items()
                .enumerate()
                .map(|(i, j)| (ctx.line(doc.line, i), j))
                .collect()
        } else {
            records(ctx, &doc, &["conversations"])
        };
        for (line, c) in recs {
            let threads = c.get("_embedded").get("threads");
            let threads = if threads.is_array() {
                threads
            } else {
                c.get("threads")
            };
            ctx.record(line, c.get("id").id(), |_| convert(&c, &threads, None));
        }
    }
}

fn person_name(p: &J<'_>) -> Option<String> {
    let name = [p.get("first").text(), p.get("last").text()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    (!name.is_empty()).then_some(name)
}

fn person_key(p: &J<'_>) -> Option<String> {
    p.get("email")
        .text()
        .map(str::to_string)
        .or(p.get("id").id())
}

fn convert(c: &J<'_>, threads: &J<'_>, id_override: Option<String>) -> Result<Conversation, Fail> {
    let id = match id_override {
        Some(id) => id,
        None => c.get("id").req_id()?,
    };
    let mut conv = Conversation::new(id, Vec::with_capacity(threads.len()));
    if let Some(ty) = c.get("type").text() {
        conv.channel = channel_from_name(ty);
        conv.metadata.insert("via".into(), ty.into());
    }
    conv.started_at = c.get("createdAt").time()?;
    conv.tags = c
        .get("tags")
        .items()
        .filter_map(|t| {
            t.get("tag")
                .text()
                .or(t.get("name").text())
                .or(t.text())
                .map(str::to_string)
        })
        .collect();
    for key in [
        "number",
        "subject",
        "status",
        "mailboxId",
        "customFields",
        "closedAt",
    ] {
        meta_from(&mut conv, key, &c.get(key));
    }
    let primary = c.get("primaryCustomer");
    if primary.is_object() {
        conv.customer = Some(Customer {
            id: person_key(&primary),
            name: person_name(&primary),
            ..Customer::default()
        });
    }
    let assignee = c.get("assignee");
    if let Some(k) = person_key(&assignee) {
        add_agent(&mut conv.agents, &k, person_name(&assignee).as_deref());
    }
    for t in threads.items() {
        let ty = t.get("type");
        let kind = ty.req_str()?;
        if kind == "lineitem" || t.get("state").str() == Some("draft") {
            continue;
        }
        let by = t.get("createdBy");
        let by_customer = by.get("type").str() == Some("customer");
        let (role, internal) = match kind {
            "customer" => (Role::Customer, false),
            "message" | "reply" => (Role::Agent, false),
            "note" => (Role::Agent, true),
            "forwardparent" | "forwardchild" => (Role::Agent, true),
            _ if by_customer => (Role::Customer, false),
            _ if by.is_object() => (Role::Agent, false),
            _ => return Err(by.missing("an object with a `type`")),
        };
        let mail =
            t.get("source").get("type").str() == Some("email") || conv.channel == Channel::Email;
        let body = t.get("body");
        let Some(text) = body_text(None, body.str(), mail) else {
            // Threads without a body are activity, such as a status change.
            continue;
        };
        let customer = t.get("customer");
        let who = if role == Role::Customer && !by.is_object() {
            customer
        } else {
            by
        };
        let key = person_key(&who);
        if let Some(k) = &key {
            match role {
                Role::Agent => add_agent(&mut conv.agents, k, person_name(&who).as_deref()),
                Role::Customer if conv.customer.is_none() => {
                    conv.customer = Some(Customer {
                        id: Some(k.clone()),
                        name: person_name(&who),
                        ..Customer::default()
                    });
                }
                _ => {}
            }
        }
        conv.turns
            .push(turn(role, text, key, t.get("createdAt").time()?, internal));
    }
    Ok(conv)
}
