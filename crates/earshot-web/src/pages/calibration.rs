//! `/calibration`: how often reviewers agree with earshot, per finding code and per language,
//! and the latest rejections.

use axum::extract::State;
use earshot_store::CalibrationRow;
use maud::{Markup, html};

use super::{clip, code_tag, conversation_href, percent, when_str};
use crate::auth::Ctx;
use crate::i18n::{K, Lang};
use crate::layout::{self, Nav, query};
use crate::{PageResult, Web};

pub(crate) async fn page(State(web): State<Web>, ctx: Ctx) -> PageResult {
    let ws = ctx.workspace.clone();
    let c = web.insights(ctx.lang, move |i| i.calibration(&ws)).await?;
    let lang = ctx.lang;
    let t = |k| lang.t(k);
    let body = html! {
        h1 { (t(K::CalibrationTitle)) }
        p.muted { (t(K::CalibrationIntro)) }
        div.card {
            h2 { (t(K::ByCode)) }
            (table(lang, "calibration-codes", K::Code, &c.by_code, true))
        }
        div.card {
            h2 { (t(K::ByLanguage)) }
            @if c.by_language.is_empty() { p.muted { (t(K::NoData)) } } @else {
                (table(lang, "calibration-languages", K::Language, &c.by_language, false))
            }
        }
        div.card {
            h2 { (t(K::KappaTitle)) }
            p.muted.small { (t(K::KappaIntro)) }
            table #kappa {
                thead { tr {
                    th { (t(K::Dimension)) } th.num { (t(K::N)) }
                    th.num { (t(K::ObservedAgreement)) } th.num { "κ" }
                } }
                tbody {
                    @for a in &c.kappa {
                        tr data-dimension=(a.dimension.as_str()) {
                            td { (lang.dimension(a.dimension)) }
                            td.num.n { (a.n()) }
                            td.num.observed { @if let Some(o) = a.observed() { (percent(o as f32)) } @else { "–" } }
                            td.num.kappa { @if let Some(k) = a.kappa() { (format!("{k:.2}")) } @else { "–" } }
                        }
                    }
                }
            }
        }
        div.grid {
            div.card {
                h2 { (t(K::DisagreeCodes)) }
                @if c.disagree_codes.is_empty() { p.muted { (t(K::NoData)) } } @else {
                    table #disagree-codes {
                        thead { tr { th { (t(K::Code)) } th.num { (t(K::RejectedCol)) } th.num { (t(K::Reviewed)) } th.num { (t(K::Precision)) } } }
                        tbody {
                            @for r in &c.disagree_codes {
                                tr data-key=(r.key) {
                                    td { a href=(format!("/queue{}", query(&[("code", &r.key), ("reviewed", "yes")]))) { (code_tag(&r.key)) } }
                                    td.num.rejected { (r.rejected) }
                                    td.num { (r.reviewed) }
                                    td.num { @if let Some(p) = r.precision() { (percent(p)) } @else { "–" } }
                                }
                            }
                        }
                    }
                }
            }
            div.card {
                h2 { (t(K::DisagreeConversations)) }
                @if c.disagree_conversations.is_empty() { p.muted { (t(K::NoData)) } } @else {
                    table #disagree-conversations {
                        thead { tr { th { (t(K::Conversation)) } th.num { (t(K::RejectedCol)) } th.num { (t(K::Reviewed)) } } }
                        tbody {
                            @for d in &c.disagree_conversations {
                                tr data-key=(d.conversation_id) {
                                    td { a href=(conversation_href(&d.conversation_id)) { (d.conversation_id) } }
                                    td.num.rejected { (d.rejected) }
                                    td.num { (d.reviewed) }
                                }
                            }
                        }
                    }
                }
            }
        }
        div.card {
            h2 { (t(K::RecentRejections)) }
            @if c.recent_rejections.is_empty() { p.muted { (t(K::NoData)) } } @else {
                table #rejections {
                    thead { tr {
                        th { (t(K::Code)) } th { (t(K::Evidence)) } th { (t(K::Comment)) }
                        th { (t(K::Reviewer)) } th { (t(K::When)) } th { (t(K::Conversation)) }
                    } }
                    tbody {
                        @for r in &c.recent_rejections {
                            tr {
                                td { (code_tag(&r.code)) }
                                td { (clip(&r.evidence, 80)) }
                                td { @if let Some(cm) = &r.comment { (clip(cm, 120)) } }
                                td { @if let Some(who) = &r.reviewer { (who) } }
                                td.small { (when_str(&r.created_at)) }
                                td { a href=(format!("{}#f-{}", conversation_href(&r.conversation_id), r.finding_id)) { (r.conversation_id) } }
                            }
                        }
                    }
                }
            }
        }
    };
    Ok(layout::page(
        &ctx,
        Nav::Calibration,
        t(K::CalibrationTitle),
        body,
    ))
}

fn table(lang: Lang, id: &str, key: K, rows: &[CalibrationRow], codes: bool) -> Markup {
    let t = |k| lang.t(k);
    html! {
        @if rows.is_empty() { p.muted { (t(K::NoData)) } } @else {
            table id=(id) {
                thead { tr {
                    th { (t(key)) }
                    @if codes { th.num { (t(K::Findings)) } }
                    th.num { (t(K::Reviewed)) }
                    th.num { (t(K::ConfirmedCol)) }
                    th.num { (t(K::RejectedCol)) }
                    th.num { (t(K::Precision)) }
                } }
                tbody {
                    @for r in rows {
                        tr data-key=(r.key) {
                            td {
                                @if codes { a href=(format!("/queue{}", query(&[("code", &r.key)]))) { (code_tag(&r.key)) } }
                                @else { (r.key) }
                            }
                            @if codes { td.num { (r.findings) } }
                            td.num.reviewed { (r.reviewed) }
                            td.num.confirmed { (r.confirmed) }
                            td.num.rejected { (r.rejected) }
                            td.num.precision { @if let Some(p) = r.precision() { (percent(p)) } @else { "–" } }
                        }
                    }
                }
            }
        }
    }
}
