//! Telegram Bot API `sendMessage` with `parse_mode` HTML, where only `<`, `>` and `&` need
//! escaping (and `"` inside an attribute).

use serde_json::{Value, json};

use super::View;
use crate::alert::shorten;
use crate::i18n::Label;

/// Escapes text for Telegram's HTML parse mode.
pub fn escape_html(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

pub(super) fn render(v: &View<'_>, chat_id: &str) -> Value {
    let mut s = format!("<b>{}</b>\n", escape_html(&v.title()));
    for (k, val) in v.facts() {
        s.push_str(&format!("{k}: {}\n", escape_html(&val)));
    }
    let (items, rest) = v.items();
    for i in items {
        s.push_str(&format!(
            "{}\n",
            escape_html(&shorten(&v.item_line(i), 300))
        ));
    }
    if let Some(m) = v.more(rest) {
        s.push_str(&format!("{m}\n"));
    }
    if let Some(e) = v.evidence() {
        s.push_str(&format!("<blockquote>{}</blockquote>\n", escape_html(e)));
    }
    s.push_str(&format!(
        "<a href=\"{}\">{}</a>",
        escape_html(&v.a.url),
        v.label(Label::Open)
    ));
    // A numeric id is sent as a number, as the Bot API documents; `@channel` as a string.
    let chat: Value = chat_id
        .trim()
        .parse::<i64>()
        .map_or_else(|_| json!(chat_id.trim()), |n| json!(n));
    json!({
        "chat_id": chat,
        "parse_mode": "HTML",
        "text": s,
        "link_preview_options": {"is_disabled": true},
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::payload::tests::hostile;

    #[test]
    fn html_escapes_customer_text() {
        let a = hostile();
        let body = render(
            &View {
                a: &a,
                lang: Lang::En,
            },
            "-1001234567890",
        );
        assert_eq!(body["chat_id"], json!(-1001234567890_i64));
        assert_eq!(body["parse_mode"], "HTML");
        let t = body["text"].as_str().unwrap();
        assert!(
            t.starts_with("<b>[HIGH] High-risk conversation</b>\nStore: shop-de\n"),
            "{t}"
        );
        assert!(t.contains(
            "<blockquote>&lt;!channel&gt; &lt;b&gt;lawyer&lt;/b&gt; &amp; [click](http://evil) &lt;@all&gt;</blockquote>"
        ), "{t}");
        assert!(
            t.ends_with("<a href=\"https://qa.example/conversations/5521\">Open conversation</a>")
        );
        assert_eq!(
            render(
                &View {
                    a: &a,
                    lang: Lang::En
                },
                "@ops"
            )["chat_id"],
            "@ops"
        );
    }
}
