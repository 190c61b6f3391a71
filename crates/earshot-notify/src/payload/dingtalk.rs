//! DingTalk custom robot: a `markdown` message. The signature goes into the URL at send time.

use serde_json::{Value, json};

use super::{View, cut_bytes, neutralise_markdown as n};
use crate::i18n::Label;

/// A conservative bound on `markdown.text`; DingTalk documents none we could confirm.
pub const MAX_BYTES: usize = 4096;

pub(super) fn render(v: &View<'_>) -> Value {
    let mut s = format!("### {}\n", v.title());
    for (k, val) in v.facts() {
        s.push_str(&format!("- {k}: {}\n", n(&val)));
    }
    s.push_str(&format!("\n**{}**\n", v.label(Label::Findings)));
    let (items, rest) = v.items();
    for i in items {
        let sev = v.lang.severity(i.severity);
        let times = i.times();
        s.push_str(&format!(
            "- [{sev}] {}{times} — {}\n",
            i.code,
            n(&i.explanation)
        ));
    }
    if let Some(m) = v.more(rest) {
        s.push_str(&format!("- {m}\n"));
    }
    if let Some(e) = v.evidence() {
        s.push_str(&format!("\n> “{}”\n", n(e)));
    }
    let link = format!("\n[{}]({})", v.label(Label::Open), v.a.url);
    let mut text = cut_bytes(&s, MAX_BYTES.saturating_sub(link.len()));
    text.push_str(&link);
    // The title is what the notification shows; it is plain text.
    json!({"msgtype": "markdown", "markdown": {"title": v.title(), "text": text},
           "at": {"isAtAll": false}})
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::payload::tests::hostile;

    #[test]
    fn markdown_shape() {
        let a = hostile();
        let body = render(&View {
            a: &a,
            lang: Lang::En,
        });
        assert_eq!(body["msgtype"], "markdown");
        assert_eq!(body["markdown"]["title"], "[HIGH] High-risk conversation");
        let t = body["markdown"]["text"].as_str().unwrap();
        assert!(
            t.starts_with("### [HIGH] High-risk conversation\n- Store: shop-de\n"),
            "{t}"
        );
        assert!(
            t.contains("- [HIGH] threat.legal ×2 — customer threatens legal action"),
            "{t}"
        );
        assert!(!t.contains("[click](http://evil)"), "{t}");
        assert!(t.ends_with("[Open conversation](https://qa.example/conversations/5521)"));
        assert_eq!(body["at"]["isAtAll"], false);
    }
}
