//! The JSON Schema in docs/ and the model's serde shape must describe the same fields.

use std::collections::BTreeSet;

use earshot_model::{Agent, Channel, Conversation, Customer, Order, Role, Turn};
use serde_json::Value;

fn schema() -> Value {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/docs/conversation.schema.json"
    ))
    .expect("docs/conversation.schema.json exists");
    serde_json::from_str(&text).expect("the schema is valid JSON")
}

fn keys(v: &Value) -> BTreeSet<String> {
    v.as_object()
        .map(|o| o.keys().cloned().collect())
        .unwrap_or_default()
}

/// A conversation with every field set, so that serialisation shows every key.
fn full() -> Conversation {
    let mut turn = Turn::new(Role::Agent, "hello");
    turn.author = Some("a1".into());
    turn.at = Some("2026-01-01T00:00:00Z".parse().unwrap());
    turn.start_ms = Some(0);
    turn.end_ms = Some(10);
    turn.channel = Some("ch_0".into());
    turn.internal = true;
    let mut c = Conversation::new("c1", vec![turn]);
    c.channel = Channel::Phone;
    c.source = Some("x".into());
    c.language = Some("en".into());
    c.workspace = Some("w".into());
    c.started_at = Some("2026-01-01T00:00:00Z".parse().unwrap());
    c.ended_at = Some("2026-01-01T00:01:00Z".parse().unwrap());
    c.customer = Some(Customer {
        id: Some("c".into()),
        name: Some("n".into()),
        country: Some("DE".into()),
        value: Some(1.0),
        segment: Some("vip".into()),
    });
    c.agents = vec![Agent {
        id: "a1".into(),
        name: Some("A".into()),
        team: Some("t".into()),
        hired_at: Some("2025-01-01".parse().unwrap()),
    }];
    c.order = Some(Order {
        id: Some("o".into()),
        value: Some(2.0),
        currency: Some("EUR".into()),
        product_line: Some("p".into()),
        sku: Some("s".into()),
        marketplace: Some("m".into()),
    });
    c.tags = vec!["t".into()];
    c.metadata.insert("k".into(), Value::from(1));
    c
}

#[test]
fn schema_and_model_have_the_same_fields() {
    let s = schema();
    let v = serde_json::to_value(full()).unwrap();
    let props = &s["properties"];
    assert_eq!(keys(&v), keys(props), "conversation fields");
    for (field, path) in [
        ("customer", "/properties/customer/properties"),
        ("order", "/properties/order/properties"),
    ] {
        assert_eq!(
            keys(&v[field]),
            keys(s.pointer(path).unwrap()),
            "{field} fields"
        );
    }
    assert_eq!(
        keys(&v["agents"][0]),
        keys(s.pointer("/properties/agents/items/properties").unwrap())
    );
    assert_eq!(
        keys(&v["turns"][0]),
        keys(s.pointer("/properties/turns/items/properties").unwrap())
    );
    let channels: BTreeSet<String> = s["properties"]["channel"]["enum"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_str().unwrap().to_string())
        .collect();
    let model: BTreeSet<String> = Channel::ALL
        .iter()
        .map(|c| c.as_str().to_string())
        .collect();
    assert_eq!(channels, model);
    let roles: Vec<&str> = s
        .pointer("/properties/turns/items/properties/role/enum")
        .unwrap()
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_str().unwrap())
        .collect();
    assert_eq!(roles, Role::ALL.map(Role::as_str).to_vec());
    let required: Vec<&str> = s["required"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_str().unwrap())
        .collect();
    assert_eq!(required, ["id", "turns"]);
}

#[test]
fn the_documented_example_parses() {
    let doc =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/format.md")).unwrap();
    let start = doc
        .find("```json\n{\"id\":\"T-1042\"")
        .expect("example present")
        + 8;
    let end = start + doc[start..].find("```").unwrap();
    let one_line: String = doc[start..end]
        .lines()
        .map(str::trim)
        .collect::<Vec<_>>()
        .join("");
    let c: Conversation = serde_json::from_str(&one_line).expect("the documented example is valid");
    assert_eq!(c.turns.len(), 3);
    assert!(c.turns[2].internal);
}
