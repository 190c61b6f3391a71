//! eBay Commerce Message API.
//!
//! Reads `getConversation` output (a conversation with `messages`), `getConversations` output
//! (`{"conversations": [...]}`, where each conversation may carry only its `latestMessage`), or
//! an array of conversations.
//!
//! A message is the shop's when its sender is one of `--support-address` (the seller's eBay
//! user names); without that option, whoever writes first is the buyer, since members'
//! conversations are opened by buyers asking about a listing. Messages in `FROM_EBAY`
//! conversations come from eBay itself and are system turns.

use earshot_model::{Channel, Conversation, Customer, Order, Role};

use super::common::{Ctx, add_agent, maybe_html, records, turn};
use super::email_thread::is_support;
use super::json::{Fail, J};

pub(crate) fn import(ctx: &mut Ctx<'_>, data: &[u8]) {
    let support = ctx.opts.support_addresses.clone();
    for doc in ctx.documents(data) {
        for (line, c) in records(ctx, &doc, &["conversations"]) {
            let id = c.get("conversationId").id();
            ctx.record(line, id, |_| convert(&c, &support));
        }
    }
}

fn is_seller(name: &str, support: &[String]) -> bool {
    support
        .iter()
        .any(|s| s.trim().eq_ignore_ascii_case(name.trim()))
        || is_support(name, support)
}

fn convert(c: &J<'_>, support: &[String]) -> Result<Conversation, Fail> {
    let id = c.get("conversationId").req_id()?;
    let list = c.get("messages");
    let latest = c.get("latestMessage");
    let messages: Vec<J<'_>> = if list.is_array() {
        list.items().collect()
    } else if latest.is_object() {
        vec![latest]
    } else {
        return Err(list.missing("an array of messages"));
    };
    let from_ebay = c.get("conversationType").str() == Some("FROM_EBAY");
    let mut conv = Conversation::new(id, Vec::with_capacity(messages.len()));
    conv.channel = Channel::Marketplace;
    conv.source = Some("ebay".into());
    conv.started_at = c.get("createdDate").time()?;
    for (key, field) in [
        ("title", "conversationTitle"),
        ("status", "conversationStatus"),
        ("type", "conversationType"),
        ("reference_id", "referenceId"),
        ("reference_type", "referenceType"),
    ] {
        if let Some(v) = c.get(field).value() {
            conv.metadata.insert(key.into(), v.clone());
        }
    }
    conv.order = Some(Order {
        marketplace: Some("ebay".into()),
        ..Order::default()
    });
    let mut buyer: Option<String> = None;
    for m in &messages {
        let sender_j = m.get_any(&["senderUsername", "senderUserName"]);
        let sender = sender_j.req_id()?;
        let body = m.get("messageBody");
        let text = maybe_html(body.req_str()?);
        let role = if from_ebay {
            Role::System
        } else if is_seller(&sender, support) {
            Role::Agent
        } else if !support.is_empty() {
            Role::Customer
        } else {
            match &buyer {
                None => Role::Customer,
                Some(b) if *b == sender => Role::Customer,
                Some(_) => Role::Agent,
            }
        };
        match role {
            Role::Customer if buyer.is_none() => {
                buyer = Some(sender.clone());
                conv.customer = Some(Customer {
                    id: Some(sender.clone()),
                    ..Customer::default()
                });
            }
            Role::Agent => add_agent(&mut conv.agents, &sender, None),
            _ => {}
        }
        conv.turns.push(turn(
            role,
            text,
            Some(sender),
            m.get("createdDate").time()?,
            false,
        ));
    }
    Ok(conv)
}
