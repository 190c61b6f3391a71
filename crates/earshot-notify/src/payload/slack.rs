//! Slack incoming webhook: Block Kit with a plain `text` fallback for notifications.

use serde_json::{Value, json};

use super::View;
use crate::alert::shorten;
use crate::i18n::Label;

/// Escapes the three characters Slack's mrkdwn gives meaning to, so customer text cannot
/// produce `<!channel>` or a disguised link.
pub fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

pub(super) fn render(v: &View<'_>) -> Value {
    let fields: Vec<Value> = v
        .facts()
        .into_iter()
        .map(|(k, val)| json!({"type": "mrkdwn", "text": format!("*{k}:*\n{}", escape(&val))}))
        .collect();
    let (items, rest) = v.items();
    let mut lines: Vec<String> = items.iter().map(|i| escape(&v.item_line(i))).collect();
    lines.extend(v.more(rest));
    let mut quote = String::new();
    if let Some(e) = v.evidence() {
        quote.push_str(&format!("> {}\n", escape(e)));
    }
    quote.push_str(&format!("<{}|{}>", escape(&v.a.url), v.label(Label::Open)));
    let blocks = json!([
        {"type": "header", "text": {"type": "plain_text", "text": shorten(&v.title(), 150)}},
        {"type": "section", "fields": fields},
        {"type": "section", "text": {"type": "mrkdwn", "text": shorten(&lines.join("\n"), 3000)}},
        {"type": "section", "text": {"type": "mrkdwn", "text": shorten(&quote, 3000)}},
        {"type": "context", "elements": [
            {"type": "mrkdwn", "text": format!("earshot · {}", escape(&v.a.workspace))}
        ]}
    ]);
    json!({"text": shorten(&escape(&v.summary()), 3000), "blocks": blocks})
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::payload::tests::hostile;

    #[test]
    fn blocks_have_the_documented_shape_and_escape_customer_text() {
        let a = hostile();
        let body = render(&View {
            a: &a,
            lang: Lang::En,
        });
        assert!(
            body["text"]
                .as_str()
                .unwrap()
                .starts_with("[HIGH] threat.legal")
        );
        let blocks = body["blocks"].as_array().unwrap();
        let types: Vec<&str> = blocks.iter().map(|b| b["type"].as_str().unwrap()).collect();
        assert_eq!(
            types,
            ["header", "section", "section", "section", "context"]
        );
        assert_eq!(blocks[0]["text"]["type"], "plain_text");
        assert_eq!(blocks[1]["fields"][0]["text"], "*Store:*\nshop-de");
        let quote = blocks[3]["text"]["text"].as_str().unwrap();
        assert!(
            quote.starts_with("> &lt;!channel&gt; &lt;b&gt;lawyer&lt;/b&gt; &amp; "),
            "{quote}"
        );
        assert!(quote.ends_with("<https://qa.example/conversations/5521|Open conversation>"));
        assert!(!body.to_string().contains("<!channel>"));
    }
}
