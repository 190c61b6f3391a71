//! Feishu/Lark custom bot: an interactive card. Every customer-derived string is `plain_text`,
//! so no markup in a quote is ever interpreted. The signature is added at send time.

use serde_json::{Value, json};

use super::View;
use crate::i18n::Label;
use earshot_model::Severity;

pub(super) fn render(v: &View<'_>) -> Value {
    let template = match v.a.severity {
        Severity::Critical | Severity::High => "red",
        Severity::Medium => "orange",
        Severity::Low | Severity::Info => "blue",
    };
    let fields: Vec<Value> = v
        .facts()
        .into_iter()
        .map(|(k, val)| {
            json!({"is_short": true, "text": {"tag": "plain_text", "content": format!("{k}: {val}")}})
        })
        .collect();
    let (items, rest) = v.items();
    let mut lines: Vec<String> = items.iter().map(|i| v.item_line(i)).collect();
    lines.extend(v.more(rest));
    let mut elements = vec![
        json!({"tag": "div", "fields": fields}),
        json!({"tag": "div", "text": {"tag": "plain_text", "content": lines.join("\n")}}),
    ];
    if let Some(e) = v.evidence() {
        let quote = format!("{}: “{e}”", v.label(Label::Evidence));
        elements.push(json!({"tag": "div", "text": {"tag": "plain_text", "content": quote}}));
    }
    elements.push(json!({"tag": "action", "actions": [{
        "tag": "button",
        "type": "primary",
        "text": {"tag": "plain_text", "content": v.label(Label::Open)},
        "url": v.a.url,
    }]}));
    json!({
        "msg_type": "interactive",
        "card": {
            "config": {"wide_screen_mode": true},
            "header": {"title": {"tag": "plain_text", "content": v.title()}, "template": template},
            "elements": elements,
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::payload::tests::hostile;

    #[test]
    fn interactive_card() {
        let a = hostile();
        let body = render(&View {
            a: &a,
            lang: Lang::ZhCn,
        });
        assert_eq!(body["msg_type"], "interactive");
        assert_eq!(
            body["card"]["header"]["title"]["content"],
            "[高] 高风险对话"
        );
        assert_eq!(body["card"]["header"]["template"], "red");
        let els = body["card"]["elements"].as_array().unwrap();
        assert_eq!(els[0]["fields"][0]["text"]["content"], "店铺: shop-de");
        assert_eq!(els[2]["text"]["tag"], "plain_text");
        let button = &els.last().unwrap()["actions"][0];
        assert_eq!(
            (button["url"].as_str(), button["text"]["content"].as_str()),
            (
                Some("https://qa.example/conversations/5521"),
                Some("查看会话")
            )
        );
    }
}
