//! Microsoft Teams through a Workflows webhook: a message envelope with one Adaptive Card 1.4.

use serde_json::{Value, json};

use super::View;
use crate::i18n::Label;
use earshot_model::Severity;

pub(super) fn render(v: &View<'_>) -> Value {
    let color = match v.a.severity {
        Severity::Critical | Severity::High => "Attention",
        Severity::Medium => "Warning",
        Severity::Low | Severity::Info => "Default",
    };
    let facts: Vec<Value> = v
        .facts()
        .into_iter()
        .map(|(k, val)| json!({"title": k, "value": val}))
        .collect();
    let mut body = vec![
        json!({"type": "TextBlock", "text": v.title(), "weight": "Bolder", "size": "Medium",
               "color": color, "wrap": true}),
        json!({"type": "FactSet", "facts": facts}),
    ];
    let (items, rest) = v.items();
    for i in items {
        body.push(json!({"type": "TextBlock", "text": v.item_line(i), "wrap": true}));
    }
    if let Some(m) = v.more(rest) {
        body.push(json!({"type": "TextBlock", "text": m, "wrap": true, "isSubtle": true}));
    }
    if let Some(e) = v.evidence() {
        body.push(
            json!({"type": "TextBlock", "text": format!("“{e}”"), "wrap": true,
                         "isSubtle": true, "fontType": "Monospace"}),
        );
    }
    let card = json!({
        "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
        "type": "AdaptiveCard",
        "version": "1.4",
        "body": body,
        "actions": [{"type": "Action.OpenUrl", "title": v.label(Label::Open), "url": v.a.url}],
    });
    json!({
        "type": "message",
        "attachments": [{
            "contentType": "application/vnd.microsoft.card.adaptive",
            "contentUrl": null,
            "content": card,
        }],
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::payload::tests::hostile;

    #[test]
    fn adaptive_card_envelope() {
        let a = hostile();
        let body = render(&View {
            a: &a,
            lang: Lang::ZhCn,
        });
        assert_eq!(body["type"], "message");
        let att = &body["attachments"][0];
        assert_eq!(
            att["contentType"],
            "application/vnd.microsoft.card.adaptive"
        );
        assert!(att["contentUrl"].is_null());
        let card = &att["content"];
        assert_eq!(
            card["$schema"],
            "http://adaptivecards.io/schemas/adaptive-card.json"
        );
        assert_eq!(
            (card["type"].as_str(), card["version"].as_str()),
            (Some("AdaptiveCard"), Some("1.4"))
        );
        assert_eq!(card["body"][0]["color"], "Attention");
        assert_eq!(card["body"][1]["type"], "FactSet");
        assert_eq!(card["body"][1]["facts"][0]["title"], "店铺");
        assert_eq!(card["actions"][0]["type"], "Action.OpenUrl");
        assert_eq!(
            card["actions"][0]["url"],
            "https://qa.example/conversations/5521"
        );
    }
}
