//! `/agents`: the team, riskiest first; `/agents/{id}`: one agent's scorecard, weekly trend
//! and most frequent findings.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use earshot_store::AgentScorecard;
use maud::html;

use earshot_model::Dimension;

use super::{one_decimal, percent};
use crate::auth::Ctx;
use crate::charts::{self, Bar, Point};
use crate::i18n::K;
use crate::layout::{self, Nav, pct, query};
use crate::{PageResult, Web};

pub(crate) async fn list(State(web): State<Web>, ctx: Ctx) -> PageResult {
    let ws = ctx.workspace.clone();
    let (agents, teams) = web
        .insights(ctx.lang, move |i| Ok((i.agents(&ws, 500)?, i.teams(&ws)?)))
        .await?;
    let lang = ctx.lang;
    let t = |k| lang.t(k);
    let body = html! {
        h1 { (t(K::AgentsTitle)) }
        div.card {
            h2 { (t(K::Teams)) }
            @if teams.is_empty() { p.muted { (t(K::NoData)) } } @else {
                table #teams {
                    thead { tr {
                        th { (t(K::Team)) }
                        th.num { (t(K::AgentsCount)) }
                        th.num { (t(K::Conversations)) }
                        th.num { (t(K::MeanRisk)) }
                        @for d in Dimension::ALL { th.num { (lang.dimension(d)) } }
                        th.num { (t(K::FindingsPer100)) }
                    } }
                    tbody {
                        @for tm in &teams {
                            tr data-team=(tm.team) {
                                td { @if tm.team.is_empty() { span.muted { (t(K::NoTeam)) } } @else { (tm.team) } }
                                td.num.agents { (tm.agents) }
                                td.num.conversations { (tm.conversations) }
                                td.num { (one_decimal(tm.mean_risk)) }
                                @for (_, v) in &tm.dimensions {
                                    td.num { @if let Some(v) = v { (one_decimal(*v)) } @else { "–" } }
                                }
                                td.num.per100 { (one_decimal(tm.findings_per_100)) }
                            }
                        }
                    }
                }
            }
        }
        h2 { (t(K::AgentsTitle)) }
        p.muted.small { (t(K::KeyboardHint)) }
        @if agents.is_empty() { p.card { (t(K::NoData)) } } @else {
            table #agents {
                thead { tr {
                    th { (t(K::Agent)) }
                    th.num { (t(K::Conversations)) }
                    th.num { (t(K::MeanRisk)) }
                    th.num { (t(K::HighRisk)) }
                    th.num { (t(K::Top1pct)) }
                    th.num { (t(K::MeanOverall)) }
                } }
                tbody {
                    @for a in &agents {
                        @let href = format!("/agents/{}", pct(&a.agent_id));
                        tr data-href=(href) {
                            td { a href=(href) { (a.agent_id) } }
                            td.num { (a.conversations) }
                            td.num { (one_decimal(a.mean_risk)) }
                            td.num { (a.high) }
                            td.num { (a.top1pct) }
                            td.num { @if let Some(o) = a.mean_overall { (one_decimal(o)) } @else { "–" } }
                        }
                    }
                }
            }
        }
    };
    Ok(layout::page(&ctx, Nav::Agents, t(K::AgentsTitle), body))
}

pub(crate) async fn page(State(web): State<Web>, ctx: Ctx, Path(id): Path<String>) -> PageResult {
    let (ws, aid) = (ctx.workspace.clone(), id.clone());
    let card: Option<AgentScorecard> = web
        .store(ctx.lang, move |s| s.agent_scorecard(&ws, &aid))
        .await?;
    let Some(card) = card else {
        return Err(ctx.fail(StatusCode::NOT_FOUND, K::NotFoundText));
    };
    let (ws, aid) = (ctx.workspace.clone(), id.clone());
    let (trend, stats) = web
        .insights(ctx.lang, move |i| {
            Ok((i.agent_trend(&ws, &aid)?, i.agent_stats(&ws, &aid)?))
        })
        .await?;
    let lang = ctx.lang;
    let t = |k| lang.t(k);
    let dims: Vec<Bar> = card
        .dimensions
        .iter()
        .filter_map(|(d, v)| {
            v.map(|v| Bar {
                label: lang.dimension(*d).to_string(),
                value: v as f64,
                text: format!("{v:.1}"),
                href: None,
                title: format!("{}: {v:.1}", lang.dimension(*d)),
                class: "",
            })
        })
        .collect();
    let codes: Vec<Bar> = card
        .top_codes
        .iter()
        .map(|(code, n)| Bar {
            label: code.clone(),
            value: *n as f64,
            text: n.to_string(),
            href: Some(format!(
                "/queue{}",
                query(&[("agent", &card.agent_id), ("code", code)])
            )),
            title: format!("{code}: {n}"),
            class: "risk",
        })
        .collect();
    let points: Vec<Point> = trend
        .iter()
        .map(|p| Point {
            label: p.period.get(5..).unwrap_or(&p.period).to_string(),
            volume: p.conversations as f64,
            line: Some(p.mean_risk as f64),
            title: format!(
                "{} · {} {} · {} {:.1}{}",
                p.period,
                p.conversations,
                t(K::ConversationsShort),
                t(K::MeanRisk),
                p.mean_risk,
                p.mean_overall
                    .map(|o| format!(" · {} {o:.1}", t(K::Overall)))
                    .unwrap_or_default()
            ),
        })
        .collect();
    let title = format!("{} {}", t(K::AgentScorecard), card.agent_id);
    let body = html! {
        p.small { a href="/agents" { "← " (t(K::AgentsTitle)) } }
        h1 { (t(K::AgentScorecard)) " · " span #agent-id { (card.agent_id) } }
        div.kpis {
            div.kpi { div.v { (card.conversations) } div.l { (t(K::Conversations)) } }
            div.kpi { div.v { @if let Some(o) = card.overall { (one_decimal(o)) } @else { "–" } } div.l { (t(K::MeanOverall)) } }
            div.kpi { div.v { (card.auto_fails) } div.l { (t(K::AutoFails)) } }
        }
        @if let Some(st) = &stats {
            p.muted #agent-team {
                (t(K::Team)) ": " @if let Some(tm) = &st.team { (tm) } @else { (t(K::NoTeam)) }
                @if let Some(h) = &st.hired_at { " · " (t(K::HiredAt)) " " (h) }
            }
            div.kpis {
                div.kpi #process-rate { div.v { (st.share(st.process_complete).map(percent).unwrap_or_default()) } div.l { (t(K::ProcessCompletion)) } }
                div.kpi #stability { div.v { (st.share(st.stable).map(percent).unwrap_or_default()) } div.l { (t(K::EmotionalStability)) } }
                div.kpi #efficiency { div.v { @if let Some(e) = st.mean_efficiency { (one_decimal(e)) } @else { "–" } } div.l { (t(K::HandlingEfficiency)) } }
                div.kpi #turns { div.v { (one_decimal(st.mean_turns)) } div.l { (t(K::TurnsPerConversation)) } }
                div.kpi #minutes { div.v { @if let Some(m) = st.mean_minutes { (one_decimal(m)) } @else { "–" } } div.l { (t(K::MinutesPerConversation)) } }
                div.kpi #per100 { div.v { (one_decimal(st.findings_per_100)) } div.l { (t(K::FindingsPer100)) } }
            }
            p.legend { (t(K::AgentStatsLegend)) }
        }
        p { a href=(format!("/queue{}", query(&[("agent", &card.agent_id)]))) { (t(K::TheirConversations)) " →" } }
        div.grid {
            div.card {
                h2 { (t(K::Scorecard)) }
                @if dims.is_empty() { p.muted { (t(K::NotScored)) } } @else { (charts::bars(&dims, Some(100.0), t(K::Scorecard))) }
            }
            div.card {
                h2 { (t(K::TopCodes)) }
                @if codes.is_empty() { p.muted { (t(K::NoData)) } } @else { (charts::bars(&codes, None, t(K::TopCodes))) }
            }
        }
        div.card {
            h2 { (t(K::TrendByWeek)) }
            @if points.is_empty() { p.muted { (t(K::NoData)) } } @else {
                (charts::trend(&points, t(K::TrendByWeek)))
                p.legend { (t(K::TrendLegend)) }
            }
        }
    };
    Ok(layout::page(&ctx, Nav::Agents, &title, body))
}
