//! WeCom group robot: a `markdown` message of at most 4096 UTF-8 bytes.

use serde_json::{Value, json};

use super::{View, cut_bytes, neutralise_markdown as n};
use crate::i18n::Label;

/// WeCom's limit on `markdown.content`, in bytes.
pub const MAX_BYTES: usize = 4096;

pub(super) fn render(v: &View<'_>) -> Value {
    let mut s = format!("## {}\n", v.title());
    for (k, val) in v.facts() {
        s.push_str(&format!("> {k}：{}\n", n(&val)));
    }
    s.push_str(&format!("**{}**\n", v.label(Label::Findings)));
    let (items, rest) = v.items();
    for i in items {
        let sev = v.lang.severity(i.severity);
        let times = i.times();
        s.push_str(&format!(
            "<font color=\"warning\">[{sev}] {}{times}</font> {}\n",
            i.code,
            n(&i.explanation)
        ));
    }
    if let Some(m) = v.more(rest) {
        s.push_str(&format!("<font color=\"comment\">{m}</font>\n"));
    }
    if let Some(e) = v.evidence() {
        s.push_str(&format!("> <font color=\"comment\">“{}”</font>\n", n(e)));
    }
    // The link goes last and is never cut, so the message always leads to the conversation.
    let link = format!("[{}]({})", v.label(Label::Open), v.a.url);
    let mut content = cut_bytes(&s, MAX_BYTES.saturating_sub(link.len() + 1));
    if !content.ends_with('\n') {
        content.push('\n');
    }
    content.push_str(&link);
    json!({"msgtype": "markdown", "markdown": {"content": content}})
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::payload::tests::hostile;

    #[test]
    fn markdown_neutralises_mentions_and_fits_the_limit() {
        let mut a = hostile();
        let body = render(&View {
            a: &a,
            lang: Lang::ZhCn,
        });
        assert_eq!(body["msgtype"], "markdown");
        let c = body["markdown"]["content"].as_str().unwrap();
        assert!(
            c.starts_with("## [高] 高风险对话\n> 店铺：shop-de\n"),
            "{c}"
        );
        assert!(!c.contains("<@all>") && c.contains("＜＠all＞"), "{c}");
        assert!(c.ends_with("[查看会话](https://qa.example/conversations/5521)"));
        a.items[0].explanation = "很长".repeat(3000);
        let body = render(&View {
            a: &a,
            lang: Lang::ZhCn,
        });
        let c = body["markdown"]["content"].as_str().unwrap();
        assert!(c.len() <= MAX_BYTES && c.ends_with("(https://qa.example/conversations/5521)"));
    }
}
