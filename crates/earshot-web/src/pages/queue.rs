//! `/queue`: the risk queue, riskiest first, with filters as a GET form, pages of 50, the top-1%
//! badge and keyboard navigation (j / k, Enter).

use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use earshot_model::Severity;
use earshot_store::QueueQuery as Filter;
use maud::{Markup, html};
use serde::Deserialize;

use super::{clip, code_tag, conversation_href, one_decimal, severity_badge, top1_badge};
use crate::auth::Ctx;
use crate::i18n::{K, Lang};
use crate::layout::{self, Nav, query};
use crate::{PageResult, Web};

pub(crate) const PAGE_SIZE: usize = 50;
/// A filtered queue counts at most this many matches, then says "10,000+": counting every
/// match of a broad filter over a million conversations would cost more than the page.
pub(crate) const COUNT_CAP: u64 = 10_000;

/// The filters as they arrive; empty fields mean "any". Unknown values are ignored.
#[derive(Debug, Default, Deserialize)]
pub(crate) struct QueueQuery {
    #[serde(default)]
    severity: String,
    #[serde(default)]
    code: String,
    #[serde(default)]
    agent: String,
    #[serde(default)]
    channel: String,
    #[serde(default)]
    language: String,
    #[serde(default)]
    product_line: String,
    #[serde(default)]
    tag: String,
    #[serde(default)]
    country: String,
    #[serde(default)]
    marketplace: String,
    /// Every code starting with it: `threat.`, `abuse.`.
    #[serde(default)]
    code_prefix: String,
    /// `yes` or `no`.
    #[serde(default)]
    reviewed: String,
    /// `YYYY-MM-DD`, inclusive.
    #[serde(default)]
    from: String,
    /// `YYYY-MM-DD`, inclusive.
    #[serde(default)]
    to: String,
    /// `1` for the top 1% only.
    #[serde(default)]
    top: String,
    #[serde(default)]
    page: String,
}

fn date(s: &str) -> Option<jiff::civil::Date> {
    s.trim().parse().ok()
}

impl QueueQuery {
    fn page(&self) -> usize {
        self.page.parse::<usize>().unwrap_or(1).clamp(1, 100_000)
    }

    fn filter(&self, workspace: &str) -> Filter {
        let text = |s: &str| Some(s.trim().to_string()).filter(|s| !s.is_empty());
        Filter {
            workspace: workspace.to_string(),
            min_severity: Severity::parse(&self.severity),
            code: text(&self.code),
            code_prefix: text(&self.code_prefix),
            agent: text(&self.agent),
            channel: text(&self.channel),
            language: text(&self.language),
            product_line: text(&self.product_line),
            tag: text(&self.tag),
            country: text(&self.country),
            marketplace: text(&self.marketplace),
            reviewed: match self.reviewed.trim() {
                "yes" => Some(true),
                "no" => Some(false),
                _ => None,
            },
            from: date(&self.from).map(|d| format!("{d}T00:00:00Z")),
            // The end date is inclusive: up to the next midnight.
            to: date(&self.to)
                .and_then(|d| d.tomorrow().ok())
                .map(|d| format!("{d}T00:00:00Z")),
            top1pct_only: self.top == "1",
            // One more than shown tells whether there is a next page.
            limit: PAGE_SIZE + 1,
            offset: (self.page() - 1) * PAGE_SIZE,
        }
    }

    /// The query string of these filters on page `page`.
    fn href(&self, page: usize) -> String {
        let page = if page > 1 {
            page.to_string()
        } else {
            String::new()
        };
        let from = date(&self.from).map(|d| d.to_string()).unwrap_or_default();
        let to = date(&self.to).map(|d| d.to_string()).unwrap_or_default();
        format!(
            "/queue{}",
            query(&[
                ("severity", &self.severity),
                ("code", &self.code),
                ("agent", &self.agent),
                ("channel", &self.channel),
                ("language", &self.language),
                ("product_line", &self.product_line),
                ("tag", &self.tag),
                ("country", &self.country),
                ("marketplace", &self.marketplace),
                ("code_prefix", &self.code_prefix),
                ("reviewed", &self.reviewed),
                ("from", &from),
                ("to", &to),
                ("top", if self.top == "1" { "1" } else { "" }),
                ("page", &page),
            ])
        )
    }
}

pub(crate) async fn page(
    State(web): State<Web>,
    ctx: Ctx,
    q: Result<Query<QueueQuery>, QueryRejection>,
) -> PageResult {
    let q = q.map(|Query(q)| q).unwrap_or_default();
    let filter = q.filter(&ctx.workspace);
    let ws = ctx.workspace.clone();
    let ((mut rows, total), facets) = web
        .insights(ctx.lang, move |i| {
            Ok((i.queue_page(&filter, COUNT_CAP)?, i.facets(&ws)?))
        })
        .await?;
    let has_next = rows.len() > PAGE_SIZE;
    rows.truncate(PAGE_SIZE);
    let lang = ctx.lang;
    let t = |k| lang.t(k);
    let page_no = q.page();
    let first_rank = (page_no - 1) * PAGE_SIZE;
    let body = html! {
        h1 { (t(K::QueueTitle)) }
        form.filters.card method="get" action="/queue" aria-label=(t(K::Filters)) {
            label { (t(K::MinSeverity))
                select name="severity" {
                    option value="" { (t(K::Any)) }
                    @for s in Severity::ALL.iter().rev().filter(|s| **s != Severity::Info) {
                        option value=(s.as_str()) selected[Severity::parse(&q.severity) == Some(*s)] { (lang.severity(*s)) }
                    }
                }
            }
            label { (t(K::Code))
                select name="code" {
                    option value="" { (t(K::Any)) }
                    @for c in &facets.codes {
                        option value=(c) selected[q.code.trim() == c] { (c) }
                    }
                }
            }
            label { (t(K::Agent))
                input type="text" name="agent" value=(q.agent) list="agents" size="10";
                datalist #agents { @for a in &facets.agents { option value=(a) {} } }
            }
            label { (t(K::Channel))
                select name="channel" {
                    option value="" { (t(K::Any)) }
                    @for c in &facets.channels {
                        option value=(c) selected[q.channel.trim() == c] { (lang.channel(c)) }
                    }
                }
            }
            label { (t(K::Language))
                select name="language" {
                    option value="" { (t(K::Any)) }
                    @for l in &facets.languages {
                        option value=(l) selected[q.language.trim() == l] { (l) }
                    }
                }
            }
            (select(lang, K::ProductLine, "product_line", &facets.product_lines, &q.product_line))
            (select(lang, K::Tag, "tag", &facets.tags, &q.tag))
            (select(lang, K::Country, "country", &facets.countries, &q.country))
            (select(lang, K::Marketplace, "marketplace", &facets.marketplaces, &q.marketplace))
            label { (t(K::ReviewState))
                select name="reviewed" {
                    option value="" { (t(K::Any)) }
                    option value="yes" selected[q.reviewed.trim() == "yes"] { (t(K::ReviewedYes)) }
                    option value="no" selected[q.reviewed.trim() == "no"] { (t(K::ReviewedNo)) }
                }
            }
            @if !q.code_prefix.trim().is_empty() {
                label { (t(K::CodePrefix))
                    input type="text" name="code_prefix" value=(q.code_prefix.trim()) size="10";
                }
            }
            label { (t(K::DateFrom)) input type="date" name="from" value=(date(&q.from).map(|d| d.to_string()).unwrap_or_default()); }
            label { (t(K::DateTo)) input type="date" name="to" value=(date(&q.to).map(|d| d.to_string()).unwrap_or_default()); }
            label.check { input type="checkbox" name="top" value="1" checked[q.top == "1"]; (t(K::Top1pctOnly)) }
            button.primary type="submit" { (t(K::Apply)) }
            a.button href="/queue" { (t(K::Reset)) }
        }
        p.small { strong #match-count { (match_count(lang, total, COUNT_CAP)) } " " (t(K::MatchingConversations)) " · " span.muted { (t(K::KeyboardHint)) } }
        @if rows.is_empty() {
            p.card { (t(K::NoResults)) }
        } @else {
            table #queue {
                thead { tr {
                    th.num { "#" }
                    th.num { (t(K::Risk)) }
                    th { (t(K::Severity)) }
                    th { (t(K::Conversation)) }
                    th { (t(K::Channel)) }
                    th { (t(K::Language)) }
                    th { (t(K::Agent)) }
                    th { (t(K::Findings)) }
                } }
                tbody {
                    @for (i, e) in rows.iter().enumerate() {
                        tr data-href=(conversation_href(&e.id)) {
                            td.num { (first_rank + i + 1) }
                            td.num { strong { (one_decimal(e.risk)) } }
                            td { @if let Some(s) = e.severity { (severity_badge(lang, s)) } }
                            td {
                                a href=(conversation_href(&e.id)) { (e.id) }
                                @if e.top1pct { " " (top1_badge(lang)) }
                            }
                            td { (lang.channel(&e.channel)) }
                            td { (e.language) }
                            td { @if let Some(a) = &e.agent_id { a href=(format!("/agents/{}", layout::pct(a))) { (a) } } }
                            td {
                                @for f in &e.top_findings {
                                    (code_tag(f.code.as_str())) " "
                                }
                                @if let Some(f) = e.top_findings.first().filter(|f| !f.evidence.is_empty()) {
                                    div.quote { "“" (clip(&f.evidence, 90)) "”" }
                                }
                            }
                        }
                    }
                }
            }
        }
        nav.pager aria-label=(t(K::Page)) {
            @if page_no > 1 {
                a.button rel="prev" href=(q.href(page_no - 1)) { "← " (t(K::Previous)) }
            }
            span.muted { (t(K::Page)) " " (page_no) }
            @if has_next {
                a.button rel="next" href=(q.href(page_no + 1)) { (t(K::Next)) " →" }
            }
        }
    };
    Ok(layout::page(&ctx, Nav::Queue, t(K::QueueTitle), body))
}

/// The number of matches as the page shows it: exact, or "10,000+" when counting stopped at
/// `cap` (`None`).
fn match_count(lang: Lang, n: Option<u64>, cap: u64) -> String {
    match n {
        Some(n) => n.to_string(),
        None => lang.t(K::MatchesMoreThan).replace("{n}", &grouped(cap)),
    }
}

/// `10000` as `10,000`.
fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(d);
    }
    out
}

/// A `<select>` of the values a filter can take; a value no longer in the list stays chosen.
fn select(lang: Lang, label: K, name: &str, values: &[String], chosen: &str) -> Markup {
    let chosen = chosen.trim();
    html! {
        label { (lang.t(label))
            select name=(name) {
                option value="" { (lang.t(K::Any)) }
                @if !chosen.is_empty() && !values.iter().any(|v| v == chosen) {
                    option value=(chosen) selected { (chosen) }
                }
                @for v in values {
                    option value=(v) selected[chosen == v] { (v) }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filters_from_the_form() {
        let q = QueueQuery {
            severity: "high".into(),
            code: " abuse.insult ".into(),
            from: "2026-09-01".into(),
            to: "2026-09-30".into(),
            top: "1".into(),
            page: "3".into(),
            ..Default::default()
        };
        let f = q.filter("acme");
        assert_eq!(f.workspace, "acme");
        assert_eq!(f.min_severity, Some(Severity::High));
        assert_eq!(f.code.as_deref(), Some("abuse.insult"));
        assert_eq!(f.from.as_deref(), Some("2026-09-01T00:00:00Z"));
        assert_eq!(f.to.as_deref(), Some("2026-10-01T00:00:00Z"));
        assert!(f.top1pct_only);
        assert_eq!((f.offset, f.limit), (100, PAGE_SIZE + 1));
        assert_eq!(
            q.href(4),
            "/queue?severity=high&code=%20abuse.insult%20&from=2026-09-01&to=2026-09-30&top=1&page=4"
        );
        let more = QueueQuery {
            product_line: "headphones".into(),
            tag: " returns".into(),
            reviewed: "no".into(),
            code_prefix: "threat.".into(),
            ..Default::default()
        };
        let f = more.filter("acme");
        assert_eq!(f.product_line.as_deref(), Some("headphones"));
        assert_eq!(f.tag.as_deref(), Some("returns"));
        assert_eq!(f.reviewed, Some(false));
        assert_eq!(f.code_prefix.as_deref(), Some("threat."));
        assert_eq!(
            more.href(1),
            "/queue?product_line=headphones&tag=%20returns&code_prefix=threat.&reviewed=no"
        );
        let bad = QueueQuery {
            severity: "loud".into(),
            reviewed: "maybe".into(),
            from: "yesterday".into(),
            page: "-1".into(),
            ..Default::default()
        };
        let f = bad.filter("acme");
        assert_eq!((f.min_severity, f.from, f.offset), (None, None, 0));
        assert_eq!(f.reviewed, None);
    }

    #[test]
    fn a_count_past_the_cap_says_more_than() {
        assert_eq!(match_count(Lang::En, Some(0), COUNT_CAP), "0");
        assert_eq!(match_count(Lang::En, Some(10_000), COUNT_CAP), "10000");
        assert_eq!(match_count(Lang::En, None, COUNT_CAP), "10,000+");
        assert_eq!(match_count(Lang::ZhCn, None, COUNT_CAP), "超过 10,000");
        assert_eq!(match_count(Lang::En, None, 999), "999+");
        assert_eq!(grouped(1_234_567), "1,234,567");
    }
}
