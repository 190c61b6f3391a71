//! `/causes`: which product lines, tags, customer countries and marketplaces drive customer
//! anger, threats and abuse. One table per dimension, counts and rates per 100 conversations;
//! every cell opens the queue filtered to exactly those conversations.

use axum::extract::State;
use earshot_store::CauseRow;
use maud::{Markup, html};

use crate::auth::Ctx;
use crate::i18n::{K, Lang};
use crate::layout::{self, Nav, query};
use crate::{PageResult, Web};

pub(crate) async fn page(State(web): State<Web>, ctx: Ctx) -> PageResult {
    let ws = ctx.workspace.clone();
    let c = web.insights(ctx.lang, move |i| i.causes(&ws)).await?;
    let lang = ctx.lang;
    let t = |k| lang.t(k);
    let body = html! {
        h1 { (t(K::CausesTitle)) }
        p.muted { (t(K::CausesIntro)) }
        div.card {
            h2 { (t(K::WholeWorkspace)) }
            (table(lang, "causes-all", None, std::slice::from_ref(&c.all)))
        }
        @for (id, param, title, rows) in [
            ("causes-product", "product_line", K::ProductLine, &c.by_product_line),
            ("causes-tag", "tag", K::PolicyTag, &c.by_tag),
            ("causes-country", "country", K::Country, &c.by_country),
            ("causes-marketplace", "marketplace", K::Marketplace, &c.by_marketplace),
        ] {
            div.card {
                h2 { (t(title)) }
                @if rows.is_empty() { p.muted { (t(K::NoData)) } } @else {
                    (table(lang, id, Some((param, title)), rows))
                }
            }
        }
    };
    Ok(layout::page(&ctx, Nav::Causes, t(K::CausesTitle), body))
}

/// A table of rows; with `by`, the first column names the value and each link filters by it.
fn table(lang: Lang, id: &str, by: Option<(&str, K)>, rows: &[CauseRow]) -> Markup {
    let t = |k| lang.t(k);
    let href = |row: &CauseRow, extra: (&str, &str)| {
        let mut pairs: Vec<(&str, &str)> = Vec::new();
        if let Some((param, _)) = by {
            pairs.push((param, row.key.as_str()));
        }
        pairs.push(extra);
        format!("/queue{}", query(&pairs))
    };
    let cell = |row: &CauseRow, n: u64, class: &str, extra: (&str, &str)| {
        html! {
            td class=(format!("num {class}")) {
                a href=(href(row, extra)) { (n) }
                " " span.muted.small { "(" (format!("{:.1}", row.rate(n))) ")" }
            }
        }
    };
    html! {
        table id=(id) {
            thead { tr {
                @if let Some((_, title)) = by { th { (t(title)) } }
                th.num { (t(K::Conversations)) }
                th.num { (t(K::EmoAngerCol)) }
                th.num { (t(K::ThreatsCol)) }
                th.num { (t(K::AbuseCol)) }
            } }
            tbody {
                @for r in rows {
                    tr data-key=(r.key) {
                        @if by.is_some() { td { a href=(href(r, ("", ""))) { (r.key) } } }
                        td.num.conversations { (r.conversations) }
                        (cell(r, r.anger, "anger", ("code", "emotion.anger")))
                        (cell(r, r.threat, "threat", ("code_prefix", "threat.")))
                        (cell(r, r.abuse, "abuse", ("code_prefix", "abuse.")))
                    }
                }
            }
        }
        p.legend { (t(K::RateLegend)) }
    }
}
