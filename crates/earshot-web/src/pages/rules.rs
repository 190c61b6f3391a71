//! `/rules`: every rule of the built-in pack and every finding code, with how often each hit in
//! this workspace and how precise reviewers found it (confirmed ÷ (confirmed + rejected), with n).

use std::collections::BTreeMap;

use axum::extract::State;
use earshot_engine::RulePack;
use earshot_store::CalibrationRow;
use maud::{Markup, html};

use super::{code_tag, percent, severity_badge};
use crate::auth::Ctx;
use crate::i18n::{K, Lang};
use crate::layout::{self, Nav, query};
use crate::{PageResult, Web};

pub(crate) async fn page(State(web): State<Web>, ctx: Ctx) -> PageResult {
    let ws = ctx.workspace.clone();
    let c = web.insights(ctx.lang, move |i| i.calibration(&ws)).await?;
    let stats: BTreeMap<String, CalibrationRow> =
        c.by_code.into_iter().map(|r| (r.key.clone(), r)).collect();
    let pack = RulePack::builtin();
    let rules = pack.rules();
    // Every built-in code, then any other code found here (from a workspace's own pack).
    let mut codes: Vec<(String, Option<&'static earshot_model::CodeInfo>)> = earshot_model::CODES
        .iter()
        .map(|i| (i.code.as_str().to_string(), Some(i)))
        .collect();
    for k in stats.keys() {
        if earshot_model::code_info(k).is_none() {
            codes.push((k.clone(), None));
        }
    }
    let lang = ctx.lang;
    let t = |k| lang.t(k);
    let empty = CalibrationRow::default();
    let body = html! {
        h1 { (t(K::RulesTitle)) }
        p.muted { (t(K::RulesIntro)) }
        div.card {
            h2 { (t(K::BuiltinRules)) " · " (pack.name()) " " (pack.version()) " (" (rules.len()) ")" }
            table #rules {
                thead { tr {
                    th { (t(K::Rule)) } th { (t(K::Code)) } th { (t(K::Severity)) }
                    th { (t(K::Meaning)) } th.num { (t(K::Hits)) } th.num { (t(K::Precision)) }
                } }
                tbody {
                    @for r in &rules {
                        @let st = stats.get(&r.code).unwrap_or(&empty);
                        tr data-rule=(r.id) data-code=(r.code) {
                            td { code { (r.id) } }
                            td { a href=(format!("/queue{}", query(&[("code", &r.code)]))) { (code_tag(&r.code)) } }
                            td { (severity_badge(lang, r.severity)) }
                            td.small { (r.explain) }
                            td.num.hits { (st.findings) }
                            td.num.precision { (precision(lang, st)) }
                        }
                    }
                }
            }
        }
        div.card {
            h2 { (t(K::AllCodes)) " (" (codes.len()) ")" }
            table #codes {
                thead { tr {
                    th { (t(K::Code)) } th { (t(K::Severity)) } th { (t(K::Meaning)) }
                    th.num { (t(K::Hits)) } th.num { (t(K::ConfirmedCol)) } th.num { (t(K::RejectedCol)) }
                    th.num { (t(K::Precision)) }
                } }
                tbody {
                    @for (code, info) in &codes {
                        @let st = stats.get(code).unwrap_or(&empty);
                        tr data-key=(code) {
                            td { a href=(format!("/queue{}", query(&[("code", code)]))) { (code_tag(code)) } }
                            td { @if let Some(i) = info { (severity_badge(lang, i.severity)) } }
                            td.small { @if let Some(i) = info { (i.meaning) } }
                            td.num.hits { (st.findings) }
                            td.num.confirmed { (st.confirmed) }
                            td.num.rejected { (st.rejected) }
                            td.num.precision { (precision(lang, st)) }
                        }
                    }
                }
            }
        }
    };
    Ok(layout::page(&ctx, Nav::Rules, t(K::RulesTitle), body))
}

/// `83% (n = 12)`, or a dash when nobody reviewed.
fn precision(lang: Lang, r: &CalibrationRow) -> Markup {
    let n = r.confirmed + r.rejected;
    html! {
        @if let Some(p) = r.precision() {
            (percent(p)) " " span.muted.small { "(" (lang.t(K::N)) " = " (n) ")" }
        } @else { "–" }
    }
}
