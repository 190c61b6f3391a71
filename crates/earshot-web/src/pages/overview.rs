//! `/`: the workspace at a glance: volume, the risk trend by day or week, the most frequent
//! findings, and conversations by language, channel and marketplace. Bars lead to the queue.

use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use earshot_store::{Count, Period};
use maud::{Markup, html};
use serde::Deserialize;

use crate::auth::Ctx;
use crate::charts::{self, Bar, Point};
use crate::i18n::{K, Lang};
use crate::layout::{self, Nav, query};
use crate::{PageResult, Web};

#[derive(Default, Deserialize)]
pub(crate) struct OverviewQuery {
    #[serde(default)]
    period: String,
}

pub(crate) async fn page(
    State(web): State<Web>,
    ctx: Ctx,
    q: Result<Query<OverviewQuery>, QueryRejection>,
) -> PageResult {
    let q = q.map(|Query(q)| q).unwrap_or_default();
    let period = if q.period == "day" {
        Period::Day
    } else {
        Period::Week
    };
    let ws = ctx.workspace.clone();
    let o = web
        .insights(ctx.lang, move |i| i.overview(&ws, period))
        .await?;
    let lang = ctx.lang;
    let t = |k| lang.t(k);
    let kpi = |v: String, k: K, id: &str| {
        html! { div.kpi id=(id) { div.v { (v) } div.l { (t(k)) } } }
    };
    let points: Vec<Point> = o
        .trend
        .iter()
        .map(|p| Point {
            label: p.period.get(5..).unwrap_or(&p.period).to_string(),
            volume: p.conversations as f64,
            line: Some(p.mean_risk as f64),
            title: format!(
                "{} · {} {} · {} {:.1} · {} {}",
                p.period,
                p.conversations,
                t(K::ConversationsShort),
                t(K::MeanRisk),
                p.mean_risk,
                t(K::HighRisk),
                p.high
            ),
        })
        .collect();
    let body = html! {
        h1 { (t(K::OverviewTitle)) " · " (ctx.workspace) }
        div.kpis {
            (kpi(o.conversations.to_string(), K::Conversations, "kpi-conversations"))
            (kpi(o.flagged.to_string(), K::Flagged, "kpi-flagged"))
            (kpi(o.high.to_string(), K::HighRisk, "kpi-high"))
            (kpi(o.top1pct.to_string(), K::Top1pct, "kpi-top1"))
            (kpi(format!("{:.1}", o.mean_risk), K::MeanRisk, "kpi-risk"))
        }
        div.card #trend {
            h2 {
                (t(K::RiskTrend)) " "
                span.small {
                    @for (p, label, key) in [(Period::Day, "day", K::ByDay), (Period::Week, "week", K::ByWeek)] {
                        " "
                        @if p == period { strong { (t(key)) } } @else { a href=(format!("/?period={label}")) { (t(key)) } }
                    }
                }
            }
            @if points.is_empty() { p.muted { (t(K::NoData)) } } @else {
                (charts::trend(&points, t(K::RiskTrend)))
                p.legend { (t(K::TrendLegend)) }
            }
        }
        div.grid {
            (count_card(lang, K::TopCodes, "codes", &o.top_codes, Some("code")))
            (count_card(lang, K::ByLanguage, "languages", &o.by_language, Some("language")))
            (count_card(lang, K::ByChannel, "channels", &o.by_channel, Some("channel")))
            (count_card(lang, K::ByMarketplace, "marketplaces", &o.by_marketplace, None))
        }
    };
    Ok(layout::page(&ctx, Nav::Overview, t(K::OverviewTitle), body))
}

/// A card with one bar per key; with `filter`, each bar opens the queue filtered by it.
fn count_card(lang: Lang, title: K, id: &str, counts: &[Count], filter: Option<&str>) -> Markup {
    let t = |k| lang.t(k);
    let items: Vec<Bar> = counts
        .iter()
        .map(|c| Bar {
            label: if filter == Some("channel") {
                lang.channel(&c.key)
            } else {
                c.key.clone()
            },
            value: c.conversations as f64,
            text: c.conversations.to_string(),
            href: filter.map(|f| format!("/queue{}", query(&[(f, &c.key)]))),
            title: format!(
                "{} · {} {} · {} {:.1}",
                c.key,
                c.conversations,
                t(K::ConversationsShort),
                t(K::MeanRisk),
                c.mean_risk
            ),
            class: if filter == Some("code") { "risk" } else { "" },
        })
        .collect();
    html! {
        div.card id=(id) {
            h2 { (t(title)) }
            @if items.is_empty() { p.muted { (t(K::NoData)) } } @else { (charts::bars(&items, None, t(title))) }
        }
    }
}
