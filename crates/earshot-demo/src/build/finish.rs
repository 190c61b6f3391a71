//! Turning a built conversation into the model's [`Conversation`].

use earshot_model::{Agent, Channel, Conversation, Customer, Order};
use jiff::Timestamp;
use serde_json::{Map, Value};

use super::{Ctx, OrderInfo};
use crate::lang::Lang;
use crate::rng::Rng;
use crate::roster::ROSTER;
use crate::world::CustomerProfile;

impl Ctx {
    /// Turns the built context into the model's conversation.
    pub(crate) fn finish(mut self, id: String, scenario: &'static str) -> Conversation {
        let source = source_for(
            self.channel,
            self.order.as_ref(),
            &mut self.rng,
            &self.customer,
        );
        let first_at = self.turns.iter().find_map(|t| t.at);
        let last_at = self.turns.iter().rev().find_map(|t| t.at);
        let (started_at, ended_at) = if self.is_phone() {
            let start = Timestamp::from_second(self.started).ok();
            let end = Timestamp::from_second(self.started + (self.call_ms / 1000) as i64 + 1).ok();
            (start, end)
        } else {
            (first_at, last_at)
        };
        let cust = &self.customer;
        let customer = Customer {
            id: Some(cust.id.clone()),
            name: Some(cust.name.full()),
            country: Some(cust.country.code.to_string()),
            value: Some(cust.value_cents as f64 / 100.0),
            segment: Some(cust.segment.to_string()),
        };
        let agents = self
            .agents_used
            .iter()
            .map(|&i| {
                let a = &ROSTER[i];
                Agent {
                    id: a.id.to_string(),
                    name: Some(a.name.to_string()),
                    team: Some(a.team.to_string()),
                    hired_at: jiff::civil::Date::new(a.hired.0, a.hired.1, a.hired.2).ok(),
                }
            })
            .collect();
        let product = self.product;
        let order = self.order.as_ref().map(|o| Order {
            id: Some(o.id.clone()),
            value: Some(crate::world::major_units(o.minor, o.currency)),
            currency: Some(o.currency.to_string()),
            product_line: Some(product.line.to_string()),
            sku: Some(product.sku.to_string()),
            marketplace: Some(o.marketplace.clone()),
        });
        let mut tags: Vec<String> = self.topic.tags().iter().map(|t| t.to_string()).collect();
        for t in &self.extra_tags {
            if !tags.iter().any(|x| x == t) {
                tags.push(t.to_string());
            }
        }
        if cust.segment == "vip" {
            tags.push("vip".to_string());
        }
        // Keys go in in alphabetical order, so the JSON is the same whether serde_json keeps
        // maps sorted (its default) or in insertion order (its `preserve_order` feature, which
        // another crate of the workspace may switch on).
        let mut metadata = Map::new();
        if self.ab.lang != self.cb.lang {
            metadata.insert(
                "demo_agent_language".into(),
                Value::from(self.ab.lang.code()),
            );
        }
        metadata.insert("demo_language".into(), Value::from(self.cb.lang.code()));
        metadata.insert("demo_scenario".into(), Value::from(scenario));
        metadata.insert("demo_topic".into(), Value::from(self.topic.name()));
        metadata.insert("synthetic".into(), Value::Bool(true));
        Conversation {
            id,
            channel: self.channel,
            source,
            language: None,
            workspace: Some(cust.brand.slug.to_string()),
            started_at,
            ended_at,
            customer: Some(customer),
            agents,
            order,
            tags,
            metadata,
            turns: self.turns,
        }
    }
}

/// The system the conversation was exported from.
fn source_for(
    channel: Channel,
    order: Option<&OrderInfo>,
    rng: &mut Rng,
    cust: &CustomerProfile,
) -> Option<String> {
    let s = match channel {
        Channel::Marketplace => {
            let domain = order.map_or("amazon.com", |o| o.marketplace.as_str());
            return Some(domain.split('.').next().unwrap_or(domain).to_string());
        }
        Channel::Chat => rng.pick(&["gorgias", "zendesk", "intercom", "livechat"]),
        Channel::Email => rng.pick(&["zendesk", "freshdesk", "helpscout", "gorgias"]),
        Channel::Social => match cust.country.lang {
            Lang::Ja | Lang::Th => "line",
            Lang::Vi => "zalo",
            Lang::Zh if cust.country.code == "CN" => "wechat",
            Lang::Es | Lang::Ar | Lang::Zh => "whatsapp",
            _ => rng.pick(&["instagram", "facebook"]),
        },
        Channel::Phone => rng.pick(&["aircall", "ringcentral"]),
        Channel::Sms => "twilio",
        Channel::Other => "shopify",
    };
    Some(s.to_string())
}
