//! The message body each vendor expects (specs/05-alerts.md), built from one [`Alert`]. Bodies are
//! rendered once, when a delivery is planned, and stored in the outbox, so every retry sends the
//! same message; signatures that carry a timestamp are added at send time (see `request`).

mod dingtalk;
mod feishu;
mod slack;
mod teams;
mod telegram;
mod webhook;
mod wecom;

use jiff::Timestamp;
use serde_json::Value;

use crate::alert::{Alert, AlertItem};
use crate::config::ChannelKind;
use crate::i18n::{Label, Lang};

pub use telegram::escape_html;
pub use webhook::WEBHOOK_EVENT;

/// Findings listed in one message; the rest are counted ("and 3 more").
pub const MAX_ITEMS_SHOWN: usize = 8;

/// Renders the body for `kind`. `chat_id` is used by Telegram only.
pub fn render(
    kind: ChannelKind,
    lang: Lang,
    alert: &Alert,
    delivery_id: &str,
    created_at: Timestamp,
    chat_id: Option<&str>,
) -> Value {
    let v = View { a: alert, lang };
    match kind {
        ChannelKind::Slack => slack::render(&v),
        ChannelKind::Teams => teams::render(&v),
        ChannelKind::Feishu => feishu::render(&v),
        ChannelKind::Wecom => wecom::render(&v),
        ChannelKind::Dingtalk => dingtalk::render(&v),
        ChannelKind::Telegram => telegram::render(&v, chat_id.unwrap_or_default()),
        ChannelKind::Webhook => webhook::render(alert, delivery_id, created_at),
    }
}

/// What every chat message shows, in the channel's language. Vendors differ only in markup.
pub(crate) struct View<'a> {
    pub a: &'a Alert,
    pub lang: Lang,
}

impl View<'_> {
    pub fn label(&self, l: Label) -> &'static str {
        self.lang.label(l)
    }

    pub fn severity(&self) -> &'static str {
        self.lang.severity(self.a.severity)
    }

    /// `[HIGH] High-risk conversation` / `[高] 高风险对话`.
    pub fn title(&self) -> String {
        format!("[{}] {}", self.severity(), self.label(Label::Title))
    }

    /// The plain one-line summary that notifications show.
    pub fn summary(&self) -> String {
        let top = self.a.items.first();
        let what = top.map_or(String::new(), |i| format!(" {}: {}", i.code, i.explanation));
        let more = self.a.items.len().saturating_sub(1);
        let more = if more > 0 {
            format!(" (+{more})")
        } else {
            String::new()
        };
        let conv = self.label(Label::Conversation);
        format!(
            "[{}]{what}{more} — {conv} {}",
            self.severity(),
            self.a.conversation_id
        )
    }

    /// The label/value pairs that are known, in display order.
    pub fn facts(&self) -> Vec<(&'static str, String)> {
        let a = self.a;
        let mut out = Vec::new();
        if let Some(s) = &a.store {
            out.push((self.label(Label::Store), s.clone()));
        }
        if let Some(s) = &a.agent {
            out.push((self.label(Label::Agent), s.clone()));
        }
        out.push((self.label(Label::Channel), a.channel.clone()));
        if let Some(v) = a.order_value {
            let cur = a.currency.as_deref().unwrap_or("");
            out.push((
                self.label(Label::Order),
                format!("{v:.2} {cur}").trim_end().to_string(),
            ));
        }
        out.push((self.label(Label::Workspace), a.workspace.clone()));
        out.push((self.label(Label::Conversation), a.conversation_id.clone()));
        out.push((self.label(Label::Risk), format!("{:.0}/100", a.risk)));
        out
    }

    /// The findings to list, strongest first, and how many are left out.
    pub fn items(&self) -> (&[AlertItem], usize) {
        let n = self.a.items.len().min(MAX_ITEMS_SHOWN);
        (&self.a.items[..n], self.a.items.len() - n)
    }

    /// `[HIGH] threat.legal ×2 — explanation`, unescaped.
    pub fn item_line(&self, i: &AlertItem) -> String {
        let times = i.times();
        format!(
            "[{}] {}{times} — {}",
            self.lang.severity(i.severity),
            i.code,
            i.explanation
        )
    }

    /// `… and 3 more` in the channel's language.
    pub fn more(&self, n: usize) -> Option<String> {
        (n > 0).then(|| match self.lang {
            Lang::En => format!("… and {n} more"),
            Lang::ZhCn => format!("… 另有 {n} 项"),
        })
    }

    /// The quote of the strongest finding that has one.
    pub fn evidence(&self) -> Option<&str> {
        self.a
            .items
            .iter()
            .map(|i| i.evidence.as_str())
            .find(|e| !e.is_empty())
    }
}

/// Replaces the characters that open markup, links or mentions in the markdown dialects of
/// WeCom and DingTalk with their fullwidth look-alikes: neither documents an escape syntax, and
/// customer text must not be able to ping `<@all>` or hide a link.
pub(crate) fn neutralise_markdown(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '<' => '＜',
            '>' => '＞',
            '[' => '［',
            ']' => '］',
            '*' => '＊',
            '#' => '＃',
            '`' => '｀',
            '@' => '＠',
            other => other,
        })
        .collect()
}

/// Cuts `s` to at most `max` bytes at a character boundary, for limits counted in UTF-8 bytes.
pub(crate) fn cut_bytes(s: &str, max: usize) -> String {
    if s.len() <= max {
        return s.to_string();
    }
    let mut end = max.saturating_sub('…'.len_utf8());
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}…", &s[..end])
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::alert::Alert;
    use earshot_model::{Code, Severity};

    /// An alert with hostile customer text, to check every renderer's escaping.
    pub fn hostile() -> Alert {
        Alert {
            workspace: "acme".into(),
            conversation_id: "5521".into(),
            severity: Severity::High,
            risk: 72.4,
            items: vec![AlertItem {
                code: Code::THREAT_LEGAL,
                severity: Severity::High,
                confidence: 0.9,
                explanation: "customer threatens legal action".into(),
                evidence: "<!channel> <b>lawyer</b> & [click](http://evil) <@all>".into(),
                role: None,
                count: 2,
            }],
            agent: Some("Marta R.".into()),
            store: Some("shop-de".into()),
            channel: "chat".into(),
            source: Some("zendesk".into()),
            order_value: Some(129.9),
            currency: Some("EUR".into()),
            language: "en".into(),
            url: "https://qa.example/conversations/5521".into(),
        }
    }

    #[test]
    fn facts_and_summary() {
        let a = hostile();
        let v = View {
            a: &a,
            lang: Lang::En,
        };
        let facts = v.facts();
        assert!(facts.contains(&("Order value", "129.90 EUR".into())));
        assert!(facts.contains(&("Risk", "72/100".into())));
        assert_eq!(
            v.summary(),
            "[HIGH] threat.legal: customer threatens legal action — Conversation 5521"
        );
        let zh = View {
            a: &a,
            lang: Lang::ZhCn,
        };
        assert_eq!(zh.title(), "[高] 高风险对话");
        assert!(zh.facts().contains(&("店铺", "shop-de".into())));
    }

    #[test]
    fn byte_cut_respects_characters() {
        let s = "高风险".repeat(10);
        let c = cut_bytes(&s, 10);
        assert!(c.len() <= 10 && c.ends_with('…'), "{c}");
        assert_eq!(neutralise_markdown("<@all> [x](y)"), "＜＠all＞ ［x］(y)");
    }
}
