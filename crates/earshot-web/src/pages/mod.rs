//! One module per page, and the small pieces they share.

pub(crate) mod agents;
pub(crate) mod calibration;
pub(crate) mod causes;
pub(crate) mod conversation;
pub(crate) mod overview;
pub(crate) mod queue;
pub(crate) mod rules;
pub(crate) mod sampling;

use earshot_model::Severity;
use maud::{Markup, html};

use crate::i18n::{K, Lang};

pub(crate) fn severity_badge(lang: Lang, s: Severity) -> Markup {
    html! { span class={ "badge sev-" (s.as_str()) } { (lang.severity(s)) } }
}

pub(crate) fn top1_badge(lang: Lang) -> Markup {
    html! { span.badge.top1 title=(lang.t(K::Top1pct)) { (lang.t(K::Top1pct)) } }
}

pub(crate) fn code_tag(code: &str) -> Markup {
    html! { span.code { (code) } }
}

/// At most `max` characters, with an ellipsis when cut.
pub(crate) fn clip(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let mut out: String = s.chars().take(max.saturating_sub(1)).collect();
        out.push('…');
        out
    }
}

pub(crate) fn one_decimal(x: f32) -> String {
    format!("{x:.1}")
}

pub(crate) fn percent(x: f32) -> String {
    format!("{:.0}%", x * 100.0)
}

/// A timestamp as `2026-09-03 14:05 UTC`.
pub(crate) fn when(t: jiff::Timestamp) -> String {
    t.strftime("%Y-%m-%d %H:%M UTC").to_string()
}

/// An RFC 3339 string shortened the same way; other text as it is.
pub(crate) fn when_str(s: &str) -> String {
    s.parse::<jiff::Timestamp>()
        .map(when)
        .unwrap_or_else(|_| s.to_string())
}

pub(crate) fn conversation_href(id: &str) -> String {
    format!("/conversations/{}", crate::layout::pct(id))
}
