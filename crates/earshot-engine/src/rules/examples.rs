//! The small conversations rule tests are written in: `role: text` lines, with `role@+2h: text`
//! to say when a turn was written, relative to the example's start.

use earshot_model::{Channel, Conversation, Customer, Order, Turn};
use jiff::{SignedDuration, Timestamp};

use super::compile::{parse_hours, parse_role};
use super::model::{ExampleDef, FullExample};

/// Monday 2025-03-03 09:00 UTC: a working morning, so business-hour examples read naturally.
const DEFAULT_START: &str = "2025-03-03T09:00:00Z";

pub fn to_conversation(id: &str, e: &ExampleDef) -> Result<Conversation, String> {
    let full = match e {
        ExampleDef::Lines(lines) => FullExample {
            name: None,
            channel: None,
            source: None,
            language: None,
            workspace: None,
            start: None,
            order_value: None,
            segment: None,
            tags: Vec::new(),
            product: None,
            turns: lines.clone(),
        },
        ExampleDef::Full(f) => (**f).clone(),
    };
    let start: Timestamp = full
        .start
        .as_deref()
        .unwrap_or(DEFAULT_START)
        .parse()
        .map_err(|_| format!("start {:?} is not an RFC 3339 time", full.start))?;
    let mut turns = Vec::new();
    for line in &full.turns {
        let (head, text) = line
            .split_once(':')
            .ok_or_else(|| format!("turn {line:?} is not `role: text`"))?;
        let (role, offset) = match head.split_once('@') {
            Some((r, o)) => (r, Some(o)),
            None => (head, None),
        };
        let mut t = Turn::new(parse_role(role)?, text.trim());
        if let Some(o) = offset {
            let h = parse_hours(o.trim().trim_start_matches('+'))?;
            let d = SignedDuration::from_secs_f64(h * 3600.0);
            t.at = Some(
                start
                    .checked_add(d)
                    .map_err(|e| format!("offset {o:?}: {e}"))?,
            );
        }
        turns.push(t);
    }
    if turns.is_empty() {
        return Err("an example needs at least one turn".into());
    }
    let mut c = Conversation::new(id, turns);
    if let Some(ch) = &full.channel {
        c.channel = Channel::parse(ch).ok_or_else(|| format!("unknown channel {ch:?}"))?;
    }
    // The example's name is for the reader of the rule file; failures cite the example number.
    let _ = &full.name;
    c.source = full.source;
    c.language = full.language;
    c.workspace = full.workspace;
    c.tags = full.tags;
    c.started_at = Some(start);
    if full.order_value.is_some() || full.product.is_some() {
        c.order = Some(Order {
            value: full.order_value,
            product_line: full.product,
            ..Order::default()
        });
    }
    if full.segment.is_some() {
        c.customer = Some(Customer {
            segment: full.segment,
            ..Customer::default()
        });
    }
    Ok(c)
}
