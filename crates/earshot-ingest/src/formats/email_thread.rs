//! Threading e-mail into conversations, and deciding who is the customer.
//!
//! Messages are linked by `Message-ID`, `References` and `In-Reply-To`: every message is joined
//! with every id it names, including ids of messages that are not in the input, so replies to a
//! missing message still meet (the grouping the JWZ algorithm produces, without building its
//! tree, since earshot needs the conversations rather than their shape). Marketplace relays and
//! some clients drop these headers, so a message that names no parent joins an earlier thread
//! between the same two addresses within 30 days when it carries the same order number, or when
//! its subject is a reply ("Re: ...") to the same base subject.

use std::collections::HashMap;

use earshot_model::{Channel, Conversation, Customer, Order, Role};

use super::common::{Ctx, add_agent, amazon_order_id, ebay_order_id, turn};
use super::email::{Mail, base_subject, looks_like_mbox, parse_mail, split_mbox};
use super::{ImportFormat, ImportOptions, guarded};
use crate::RecordError;

/// How far apart two messages may be and still be joined by subject or order number alone.
const FALLBACK_WINDOW_SECS: i64 = 30 * 86_400;

/// Reads every input, threads all messages together and builds one conversation per thread.
pub(crate) fn import_mail(
    format: ImportFormat,
    inputs: &[(&str, &[u8])],
    opts: &ImportOptions,
) -> Vec<Result<Conversation, RecordError>> {
    let name = inputs.first().map_or("-", |(n, _)| *n);
    guarded(name, || {
        let mut errors = Vec::new();
        let mut mails = Vec::new();
        for (idx, (file, data)) in inputs.iter().enumerate() {
            let as_mbox = format == ImportFormat::Mbox || looks_like_mbox(data);
            let raws: Vec<(u64, Vec<u8>)> = if as_mbox {
                split_mbox(data)
            } else {
                vec![(1, data.to_vec())]
            };
            if raws.is_empty() && !data.trim_ascii().is_empty() {
                errors.push(Err(RecordError {
                    file: file.to_string(),
                    line: 1,
                    field: None,
                    id: None,
                    message: "no message found: an mbox starts with a `From ` line".into(),
                }));
            }
            for (line, raw) in raws {
                match parse_mail(&raw, file, idx, line) {
                    Ok(m) => mails.push(m),
                    Err(e) => errors.push(Err(e)),
                }
            }
        }
        let mut ctx = Ctx::new(format, name, opts);
        for thread in thread(mails) {
            let conv = build(thread, opts);
            ctx.push(conv);
        }
        errors.extend(ctx.out);
        errors
    })
}

struct UnionFind {
    parent: Vec<usize>,
}

impl UnionFind {
    fn find(&mut self, mut x: usize) -> usize {
        while let Some(&p) = self.parent.get(x) {
            if p == x {
                break;
            }
            let grand = self.parent.get(p).copied().unwrap_or(p);
            if let Some(slot) = self.parent.get_mut(x) {
                *slot = grand;
            }
            x = p;
        }
        x
    }

    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            // The smaller index stays root so the thread keeps its earliest node as root.
            let (lo, hi) = if ra < rb { (ra, rb) } else { (rb, ra) };
            if let Some(slot) = self.parent.get_mut(hi) {
                *slot = lo;
            }
        }
    }
}

/// Groups messages into threads, each ordered by date (then arrival). Duplicate copies of a
/// message (the same Message-ID in the inbox and in "sent", or in two files) are kept once.
fn thread(mails: Vec<Mail>) -> Vec<Vec<Mail>> {
    let mut seen = std::collections::HashSet::new();
    let mut mails: Vec<Mail> = mails
        .into_iter()
        .filter(|m| seen.insert(m.key.clone()))
        .collect();
    // Dated messages first in time order, so the fallback below meets earlier messages first.
    mails.sort_by_key(|m| (m.date.is_none(), m.date));

    let mut uf = UnionFind { parent: Vec::new() };
    let mut nodes: HashMap<String, usize> = HashMap::new();
    let mut node_of = |id: &str, uf: &mut UnionFind| -> usize {
        if let Some(&n) = nodes.get(id) {
            return n;
        }
        let n = uf.parent.len();
        uf.parent.push(n);
        nodes.insert(id.to_string(), n);
        n
    };
    let mut mail_node = Vec::with_capacity(mails.len());
    for m in &mails {
        let n = node_of(&m.key, &mut uf);
        mail_node.push(n);
        for p in &m.parents {
            let pn = node_of(p, &mut uf);
            uf.union(n, pn);
        }
    }

    // Fallback for relays that drop threading headers.
    let mut by_key: HashMap<(String, String), (usize, Option<i64>)> = HashMap::new();
    for (i, m) in mails.iter().enumerate() {
        let n = mail_node.get(i).copied().unwrap_or(0);
        let secs = m.date.map(|d| d.as_second());
        for (key, may_join) in fallback_keys(m) {
            if may_join
                && m.parents.is_empty()
                && let Some(&(other, when)) = by_key.get(&key)
                && within_window(when, secs)
            {
                uf.union(n, other);
            }
            by_key.insert(key, (n, secs));
        }
    }

    let mut groups: HashMap<usize, Vec<Mail>> = HashMap::new();
    let mut order: Vec<usize> = Vec::new();
    for (i, m) in mails.into_iter().enumerate() {
        let root = uf.find(mail_node.get(i).copied().unwrap_or(0));
        let g = groups.entry(root).or_default();
        if g.is_empty() {
            order.push(root);
        }
        g.push(m);
    }
    order
        .into_iter()
        .filter_map(|r| groups.remove(&r))
        .map(|mut g| {
            g.sort_by_key(|m| (m.date.is_none(), m.date, m.input, m.line));
            g
        })
        .collect()
}

fn within_window(a: Option<i64>, b: Option<i64>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => (a - b).abs() <= FALLBACK_WINDOW_SECS,
        _ => false,
    }
}

/// The keys a message can be grouped by without threading headers: the pair of addresses with
/// the order number, and the pair with the base subject. The flag says whether this message may
/// join an earlier thread by that key (an order number always may; a subject only when the
/// message is a reply).
fn fallback_keys(m: &Mail) -> Vec<((String, String), bool)> {
    let other = m.to.first().cloned().unwrap_or_default();
    let mut pair = [m.from.clone(), other];
    pair.sort();
    let pair = pair.join("|");
    let mut keys = Vec::new();
    let haystack = format!("{}\n{}", m.subject, m.text);
    if let Some(order) = amazon_order_id(&haystack).or_else(|| ebay_order_id(&haystack)) {
        keys.push(((pair.clone(), format!("order:{order}")), true));
    }
    let (base, reply) = base_subject(&m.subject);
    if !base.is_empty() {
        keys.push(((pair, format!("subject:{base}")), reply));
    }
    keys
}

/// Which marketplace relays an address: Amazon's buyer aliases at `marketplace.amazon.<tld>`,
/// eBay's at `members.ebay.<tld>`. Returns the source name and the marketplace (`amazon.de`).
fn marketplace_of(addr: &str) -> Option<(&'static str, String)> {
    let domain = addr.rsplit_once('@')?.1;
    if let Some(tld) = domain.strip_prefix("marketplace.amazon.") {
        return Some(("amazon", format!("amazon.{tld}")));
    }
    if let Some(tld) = domain.strip_prefix("members.ebay.") {
        return Some(("ebay", format!("ebay.{tld}")));
    }
    None
}

/// True when the address is one of the shop's: an exact address, `@domain`, or `domain`.
pub(crate) fn is_support(addr: &str, support: &[String]) -> bool {
    let addr = addr.trim().to_ascii_lowercase();
    let domain = addr.rsplit_once('@').map(|(_, d)| d).unwrap_or_default();
    support.iter().any(|s| {
        let s = s.trim().to_ascii_lowercase();
        if let Some(d) = s.strip_prefix('@') {
            domain == d || domain.ends_with(&format!(".{d}"))
        } else if s.contains('@') {
            addr == s
        } else {
            !s.is_empty() && (domain == s || domain.ends_with(&format!(".{s}")))
        }
    })
}

/// The buyer address of a relayed message, from whichever of its addresses is an alias.
fn relay_of(m: &Mail) -> Option<(String, &'static str, String)> {
    std::iter::once(&m.from)
        .chain(m.reply_to.iter())
        .chain(m.to.iter())
        .chain(m.cc.iter())
        .find_map(|a| marketplace_of(a).map(|(src, mp)| (a.clone(), src, mp)))
}

fn build(mails: Vec<Mail>, opts: &ImportOptions) -> Conversation {
    let relay = mails.iter().find_map(relay_of);
    // Without configured addresses or a relay alias, whoever writes first is the customer
    // (auto-replies aside): shops rarely open a thread by e-mail.
    let first_writer = mails.iter().find(|m| !m.auto).map(|m| m.from.clone());
    let role_of = |m: &Mail| -> Role {
        if m.auto {
            Role::Bot
        } else if marketplace_of(&m.from).is_some() {
            Role::Customer
        } else if is_support(&m.from, &opts.support_addresses) {
            Role::Agent
        } else if !opts.support_addresses.is_empty() {
            Role::Customer
        } else if let Some((alias, _, _)) = &relay {
            // The relay may send the buyer's message from its own address with the alias as
            // Reply-To; a message sent to the alias is the shop's reply.
            if m.reply_to.as_ref() == Some(alias) || !m.to.contains(alias) {
                Role::Customer
            } else {
                Role::Agent
            }
        } else if first_writer.as_deref() == Some(m.from.as_str()) {
            Role::Customer
        } else {
            Role::Agent
        }
    };

    let first = mails.first();
    let id = first
        .map(|m| m.parents.first().cloned().unwrap_or_else(|| m.key.clone()))
        .unwrap_or_default();
    let mut conv = Conversation::new(id, Vec::with_capacity(mails.len()));
    conv.channel = if relay.is_some() {
        Channel::Marketplace
    } else {
        Channel::Email
    };
    conv.source = Some(
        relay
            .as_ref()
            .map_or("email", |(_, src, _)| *src)
            .to_string(),
    );
    if let Some(m) = first {
        if !m.subject.is_empty() {
            conv.metadata
                .insert("subject".into(), m.subject.clone().into());
        }
        if let Some(t) = &m.gmail_thread {
            conv.metadata
                .insert("gmail_thread_id".into(), t.clone().into());
        }
    }
    let mut order_id = None;
    let mut customer: Option<Customer> = None;
    let mut message_ids = Vec::with_capacity(mails.len());
    for m in &mails {
        let role = role_of(m);
        if order_id.is_none() {
            let hay = format!("{}\n{}", m.subject, m.text);
            order_id = match relay.as_ref().map(|r| r.1) {
                Some("ebay") => ebay_order_id(&hay),
                _ => amazon_order_id(&hay),
            };
        }
        // A relay may send the buyer's message from its own address (and name) with the
        // buyer's alias as Reply-To; the buyer is then the alias, and the relay's name is not
        // the buyer's.
        let relayed = role == Role::Customer
            && relay
                .as_ref()
                .is_some_and(|r| m.from != r.0 && m.reply_to.as_deref() == Some(r.0.as_str()));
        let (author, name) = match (&relay, relayed) {
            (Some(r), true) => (r.0.clone(), None),
            _ => (m.from.clone(), m.from_name.clone()),
        };
        match role {
            Role::Customer if customer.is_none() => {
                let id = relay
                    .as_ref()
                    .map_or_else(|| author.clone(), |r| r.0.clone());
                customer = Some(Customer {
                    id: Some(id),
                    name,
                    ..Customer::default()
                });
            }
            Role::Agent => add_agent(&mut conv.agents, &m.from, m.from_name.as_deref()),
            _ => {}
        }
        if m.has_message_id {
            message_ids.push(serde_json::Value::from(m.key.clone()));
        }
        conv.turns
            .push(turn(role, m.text.clone(), Some(author), m.date, false));
    }
    conv.customer = customer;
    if order_id.is_some() || relay.is_some() {
        conv.order = Some(Order {
            id: order_id,
            marketplace: relay.map(|r| r.2),
            ..Order::default()
        });
    }
    if !message_ids.is_empty() {
        conv.metadata
            .insert("message_ids".into(), serde_json::Value::Array(message_ids));
    }
    conv
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn support_addresses_match_address_or_domain() {
        let s = vec![
            "help@shop.example".to_string(),
            "@brand.example".into(),
            "other.example".into(),
        ];
        assert!(is_support("Help@Shop.example", &s));
        assert!(!is_support("sales@shop.example", &s));
        assert!(is_support("a@brand.example", &s));
        assert!(is_support("a@eu.brand.example", &s));
        assert!(is_support("a@other.example", &s));
        assert!(!is_support("a@notbrand.example", &s));
    }

    #[test]
    fn relay_addresses() {
        assert_eq!(
            marketplace_of("k3v9x0q2m7w1abc@marketplace.amazon.co.uk"),
            Some(("amazon", "amazon.co.uk".to_string()))
        );
        assert_eq!(
            marketplace_of("abc@members.ebay.de"),
            Some(("ebay", "ebay.de".to_string()))
        );
        assert_eq!(marketplace_of("x@amazon.de"), None);
    }
}
