//! `/conversations/{id}`: the turns with every finding's evidence marked in the original text,
//! the emotion of each turn, the risk and its explanation, the scorecard, and the review
//! actions (confirm or reject a finding; mark a training case) for reviewers and admins.

use axum::Form;
use axum::extract::rejection::FormRejection;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect};
use earshot_model::{Analysis, Conversation, Dimension, Emotion, Turn, TurnSignal};
use earshot_store::{
    CaseKind, Comment, ReviewRecord, ScoreAdjustment, StoredFinding, TrainingCase, Verdict,
};
use maud::{Markup, html};
use serde::Deserialize;

use super::{code_tag, conversation_href, one_decimal, severity_badge, when, when_str};
use crate::auth::Ctx;
use crate::charts::{self, Bar};
use crate::highlight::{Mark, highlight};
use crate::i18n::{K, Lang};
use crate::layout::{self, Nav};
use crate::{PageResult, Web};

/// Everything the page shows.
struct View {
    conv: Conversation,
    analysis: Analysis,
    findings: Vec<StoredFinding>,
    reviews: Vec<ReviewRecord>,
    case: Option<TrainingCase>,
    adjustments: Vec<ScoreAdjustment>,
    comments: Vec<Comment>,
}

pub(crate) async fn page(State(web): State<Web>, ctx: Ctx, Path(id): Path<String>) -> PageResult {
    let (ws, cid) = (ctx.workspace.clone(), id.clone());
    let found = web
        .store(ctx.lang, move |s| {
            let Some((conv, analysis)) = s.conversation(&ws, &cid)? else {
                return Ok(None);
            };
            let findings = s.stored_findings(&ws, &cid)?;
            Ok(Some((conv, analysis, findings)))
        })
        .await?;
    let Some((conv, analysis, findings)) = found else {
        return Err(ctx.fail(StatusCode::NOT_FOUND, K::NotFoundText));
    };
    let (ws, cid) = (ctx.workspace.clone(), id.clone());
    let (reviews, case, adjustments, comments) = web
        .insights(ctx.lang, move |i| {
            Ok((
                i.finding_reviews(&ws, &cid)?,
                i.training_case(&ws, &cid)?,
                i.score_adjustments(&ws, &cid)?,
                i.comments(&ws, &cid)?,
            ))
        })
        .await?;
    let view = View {
        conv,
        analysis,
        findings,
        reviews,
        case,
        adjustments,
        comments,
    };
    let title = format!("{} {}", ctx.lang.t(K::Conversation), view.conv.id);
    Ok(layout::page(&ctx, Nav::Queue, &title, render(&ctx, &view)))
}

fn finding_note(lang: Lang, f: &StoredFinding) -> String {
    format!(
        "{} · {}: {}",
        f.finding.code,
        lang.severity(f.finding.severity),
        f.finding.explanation
    )
}

fn render(ctx: &Ctx, v: &View) -> Markup {
    let lang = ctx.lang;
    let t = |k| lang.t(k);
    let a = &v.analysis;
    let c = &v.conv;
    let started = c.started_at.or_else(|| c.turns.iter().find_map(|t| t.at));
    html! {
        p.small { a href="/queue" { "← " (t(K::BackToQueue)) } }
        h1 {
            (t(K::Conversation)) " " span #conv-id { (c.id) } " "
            @if let Some(s) = a.severity { (severity_badge(lang, s)) }
        }
        p.muted {
            (lang.channel(c.channel.as_str())) " · " (a.language)
            @if let Some(ag) = c.agents.first() {
                " · " (t(K::Agent)) " " a href=(format!("/agents/{}", layout::pct(&ag.id))) { (ag.id) }
            }
            @if let Some(s) = started { " · " (when(s)) }
        }
        (emotion_strip(lang, &c.turns, &a.turns))
        div.conv {
            section aria-label=(t(K::Turns)) {
                @for (i, turn) in c.turns.iter().enumerate() {
                    (render_turn(lang, i, turn, a.turns.get(i), &v.findings))
                }
            }
            aside {
                (risk_card(lang, a))
                (findings_card(ctx, c, v))
                (scorecard(lang, a))
                (adjust_card(ctx, c, a, &v.adjustments))
                (comments_card(ctx, c, &v.comments))
                (case_card(ctx, c, v.case.as_ref()))
                (details(lang, c))
            }
        }
    }
}

fn emotion_class(e: Option<Emotion>) -> &'static str {
    match e {
        Some(Emotion::Anger) => "e-anger",
        Some(Emotion::Frustration) => "e-frustration",
        Some(Emotion::Disappointment) => "e-disappointment",
        Some(Emotion::Anxiety) => "e-anxiety",
        Some(Emotion::Gratitude) => "e-gratitude",
        Some(Emotion::Neutral) => "e-neutral",
        None => "e-none",
    }
}

/// One square per turn, coloured by its emotion, paler when less sure; a link to the turn.
fn emotion_strip(lang: Lang, turns: &[Turn], signals: &[TurnSignal]) -> Markup {
    const STEP: usize = 28;
    let w = (turns.len() * STEP).max(STEP);
    html! {
        div.card {
            h2 { (lang.t(K::EmotionStrip)) }
            svg.strip #emotion-strip width=(w) height="28" viewBox=(format!("0 0 {w} 28")) role="img" aria-label=(lang.t(K::EmotionStrip)) {
                @for (i, turn) in turns.iter().enumerate() {
                    @let s = signals.get(i);
                    @let e = s.and_then(|s| s.emotion);
                    @let conf = s.map_or(0.0, |s| s.emotion_confidence);
                    a href=(format!("#t-{i}")) {
                        rect class=(emotion_class(e)) x=(i * STEP) y="2" width=(STEP - 4) height="24" rx="3"
                            fill-opacity=(format!("{:.2}", 0.35 + 0.65 * conf.clamp(0.0, 1.0))) {
                            title {
                                (lang.t(K::Turn)) " " (i + 1) " · " (lang.role(turn.role))
                                @if let Some(e) = e { " · " (lang.emotion(e)) " (" (format!("{conf:.2}")) ")" }
                                @if let Some(s) = s { " · " (lang.t(K::Sentiment)) " " (format!("{:+.2}", s.sentiment)) }
                            }
                        }
                    }
                }
            }
            div.legend {
                @for e in Emotion::ALL {
                    span { i class=(emotion_class(Some(e))) {} (lang.emotion(e)) }
                }
            }
        }
    }
}

fn render_turn(
    lang: Lang,
    i: usize,
    turn: &Turn,
    signal: Option<&TurnSignal>,
    findings: &[StoredFinding],
) -> Markup {
    let here: Vec<&StoredFinding> = findings
        .iter()
        .filter(|f| f.finding.turn == Some(i as u32))
        .collect();
    let marks: Vec<Mark> = here
        .iter()
        .filter_map(|f| {
            f.finding.span.map(|s| Mark {
                finding: f.id,
                start: s.start as usize,
                end: s.end as usize,
                severity: f.finding.severity,
                note: finding_note(lang, f),
            })
        })
        .collect();
    // Findings about the turn as a whole (no span, or an empty one) stand under it.
    let unplaced: Vec<&&StoredFinding> = here
        .iter()
        .filter(|f| f.finding.span.is_none_or(|s| s.start >= s.end))
        .collect();
    html! {
        article id=(format!("t-{i}")) class={ "turn role-" (turn.role.as_str()) @if turn.internal { " internal" } } {
            header {
                span { "#" (i + 1) }
                span.who { (lang.role(turn.role)) }
                @if let Some(a) = &turn.author { span { (a) } }
                @if let Some(at) = turn.at { span { (when(at)) } }
                @if let Some(ms) = turn.start_ms { span { (format!("{}:{:02}", ms / 60_000, ms / 1000 % 60)) } }
                @if turn.internal { span.badge.sev-info { (lang.t(K::Internal)) } }
                @if let Some(s) = signal {
                    @if let Some(e) = s.emotion.filter(|e| *e != Emotion::Neutral) {
                        span class={ "badge " (emotion_class(Some(e))) } { (lang.emotion(e)) }
                    }
                    span { (s.lang) }
                }
            }
            p.text { (highlight(&turn.text, &marks)) }
            @if !unplaced.is_empty() {
                div.chips {
                    @for f in unplaced {
                        a href=(format!("#f-{}", f.id)) title=(finding_note(lang, f)) { (code_tag(f.finding.code.as_str())) }
                    }
                }
            }
        }
    }
}

fn risk_card(lang: Lang, a: &Analysis) -> Markup {
    let t = |k| lang.t(k);
    html! {
        div.card #risk {
            h2 { (t(K::Risk)) }
            div { span.riskbig { (one_decimal(a.risk)) } span.muted { " / 100" } }
            @if let Some(s) = a.satisfaction {
                p.small { (t(K::Satisfaction)) ": " strong { (format!("{s:+.2}")) } }
            }
            @if !a.risk_explanation.is_empty() {
                h3 { (t(K::RiskExplanation)) }
                ul.explain { @for line in &a.risk_explanation { li { (line) } } }
            }
        }
    }
}

fn verdict_badge(lang: Lang, v: Option<Verdict>) -> Markup {
    match v {
        Some(Verdict::Confirm) => html! { span.badge.ok { (lang.t(K::Confirmed)) } },
        Some(Verdict::Reject) => html! { span.badge.no { (lang.t(K::Rejected)) } },
        None => html! { span.badge.muted { (lang.t(K::NotReviewed)) } },
    }
}

fn findings_card(ctx: &Ctx, c: &Conversation, v: &View) -> Markup {
    let lang = ctx.lang;
    let t = |k| lang.t(k);
    html! {
        div.card #findings {
            h2 { (t(K::Findings)) " (" (v.findings.len()) ")" }
            @if !ctx.can_review() { p.muted.small { (t(K::ReadOnly)) } }
            @if v.findings.is_empty() { p { (t(K::NoFindings)) } }
            ol.findings {
                @for f in &v.findings {
                    @let fd = &f.finding;
                    li id=(format!("f-{}", f.id)) data-finding=(f.id) data-code=(fd.code.as_str())
                        class=[(f.review == Some(Verdict::Reject)).then_some("rejected")] {
                        div.head {
                            span.code title=[earshot_model::code_info(fd.code.as_str()).map(|i| i.meaning)] { (fd.code.as_str()) }
                            (severity_badge(lang, fd.severity))
                            span.muted.small { (t(K::Confidence)) " " (format!("{:.2}", fd.confidence)) }
                            span.verdict { (verdict_badge(lang, f.review)) }
                        }
                        @let href = match (fd.turn, fd.span) {
                            (_, Some(s)) if s.start < s.end => format!("#ev-{}", f.id),
                            (Some(turn), _) => format!("#t-{turn}"),
                            _ => String::new(),
                        };
                        @if !fd.evidence.is_empty() {
                            blockquote {
                                @if href.is_empty() { (fd.evidence) } @else { a href=(href) { (fd.evidence) } }
                            }
                        } @else if let Some(turn) = fd.turn {
                            p.small { a href=(href) { (t(K::Turn)) " " (turn + 1) } }
                        } @else {
                            p.muted.small { (t(K::ConversationWide)) }
                        }
                        div.small { (fd.explanation) }
                        @let history: Vec<&ReviewRecord> = v.reviews.iter().filter(|r| r.finding_id == f.id).collect();
                        @if !history.is_empty() {
                            ul.history.small.muted {
                                @for r in history {
                                    li {
                                        (verdict_badge(lang, Some(r.verdict))) " "
                                        @if let Some(who) = &r.reviewer { (t(K::By)) " " (who) " · " }
                                        (when_str(&r.created_at))
                                        @if let Some(cm) = &r.comment { " · “" (cm) "”" }
                                    }
                                }
                            }
                        }
                        @if ctx.can_review() {
                            form.review method="post" action=(format!("{}/findings/{}/review", conversation_href(&c.id), f.id)) {
                                input type="hidden" name="csrf" value=(ctx.csrf());
                                input type="text" name="comment" maxlength="2000" placeholder=(t(K::CommentPlaceholder)) aria-label=(t(K::Comment));
                                button.confirm type="submit" name="verdict" value="confirm" { (t(K::Confirm)) }
                                button.danger.reject type="submit" name="verdict" value="reject" { (t(K::Reject)) }
                            }
                        }
                    }
                }
            }
        }
    }
}

fn scorecard(lang: Lang, a: &Analysis) -> Markup {
    let t = |k| lang.t(k);
    html! {
        div.card #scorecard {
            h2 { (t(K::Scorecard)) }
            @if let Some(s) = &a.scores {
                @let items: Vec<Bar> = Dimension::ALL.iter().filter_map(|d| s.get(*d).map(|v| Bar {
                    label: lang.dimension(*d).to_string(),
                    value: v as f64,
                    text: format!("{v:.0}"),
                    href: None,
                    title: format!("{}: {v:.1}", lang.dimension(*d)),
                    class: "",
                })).collect();
                @if let Some(o) = s.overall {
                    p { (t(K::Overall)) ": " span.riskbig { (format!("{o:.0}")) } span.muted { " / 100" } }
                }
                @if s.auto_fail { p.notice.error { (t(K::AutoFail)) } }
                @if items.is_empty() { p.muted { (t(K::NotScored)) } } @else { (charts::bars(&items, Some(100.0), t(K::Scorecard))) }
                @if !s.moved_by.is_empty() {
                    h3 { (t(K::MovedBy)) }
                    table.small {
                        @for (d, code, pts) in &s.moved_by {
                            tr { td { (lang.dimension(*d)) } td { (code_tag(code)) } td.num { (format!("{pts:+.0}")) " " (t(K::Points)) } }
                        }
                    }
                }
            } @else {
                p.muted { (t(K::NotScored)) }
            }
        }
    }
}

/// The reviewers' scores beside earshot's, their history, and the form to adjust one.
fn adjust_card(
    ctx: &Ctx,
    c: &Conversation,
    a: &Analysis,
    adjustments: &[ScoreAdjustment],
) -> Markup {
    let lang = ctx.lang;
    let t = |k| lang.t(k);
    let latest = |d: Dimension| adjustments.iter().rev().find(|x| x.dimension == d);
    let earshot = |d: Dimension| a.scores.as_ref().and_then(|s| s.get(d));
    html! {
        div.card #adjust {
            h2 { (t(K::AdjustTitle)) }
            @if adjustments.is_empty() { p.muted.small { (t(K::NoAdjustments)) } } @else {
                table #adjusted.small {
                    thead { tr { th { (t(K::Dimension)) } th.num { "earshot" } th.num { (t(K::ReviewerScore)) } } }
                    tbody {
                        @for d in Dimension::ALL {
                            @if let Some(x) = latest(d) {
                                tr data-dimension=(d.as_str()) {
                                    td { (lang.dimension(d)) }
                                    td.num.earshot { @if let Some(v) = earshot(d) { (format!("{v:.0}")) } @else { "–" } }
                                    td.num.adjusted { strong { (format!("{:.0}", x.new_score)) } }
                                }
                            }
                        }
                    }
                }
                ul.history.small.muted #adjustments {
                    @for x in adjustments {
                        li {
                            (lang.dimension(x.dimension)) ": "
                            @if let Some(o) = x.old_score { (format!("{o:.0}")) } @else { "–" }
                            " → " strong { (format!("{:.0}", x.new_score)) }
                            @if let Some(who) = &x.reviewer { " · " (t(K::By)) " " (who) }
                            " · " (when_str(&x.created_at))
                            " · “" (x.reason) "”"
                        }
                    }
                }
            }
            @if ctx.can_review() {
                form.adjust method="post" action=(format!("{}/scores", conversation_href(&c.id))) {
                    input type="hidden" name="csrf" value=(ctx.csrf());
                    label { (t(K::Dimension))
                        select name="dimension" {
                            @for d in Dimension::ALL { option value=(d.as_str()) { (lang.dimension(d)) } }
                        }
                    }
                    label { (t(K::NewScore)) input type="text" inputmode="numeric" name="score" size="4" required placeholder="0–100"; }
                    input type="text" name="reason" maxlength="2000" required placeholder=(t(K::Reason)) aria-label=(t(K::Reason));
                    button type="submit" { (t(K::AdjustButton)) }
                }
            }
        }
    }
}

fn comments_card(ctx: &Ctx, c: &Conversation, comments: &[Comment]) -> Markup {
    let lang = ctx.lang;
    let t = |k| lang.t(k);
    html! {
        div.card #comments {
            h2 { (t(K::Comments)) " (" (comments.len()) ")" }
            ul.history.small {
                @for cm in comments {
                    li {
                        span.muted { @if let Some(a) = &cm.author { (a) " · " } (when_str(&cm.created_at)) }
                        br; (cm.body)
                    }
                }
            }
            @if ctx.can_review() {
                form.comment method="post" action=(format!("{}/comments", conversation_href(&c.id))) {
                    input type="hidden" name="csrf" value=(ctx.csrf());
                    textarea name="body" rows="2" maxlength="4000" required aria-label=(t(K::Comment)) placeholder=(t(K::Comment)) {}
                    button type="submit" { (t(K::AddComment)) }
                }
            }
        }
    }
}

fn case_card(ctx: &Ctx, c: &Conversation, case: Option<&TrainingCase>) -> Markup {
    let lang = ctx.lang;
    let t = |k| lang.t(k);
    html! {
        div.card #case {
            h2 { (t(K::TrainingCase)) }
            @if let Some(case) = case {
                p #case-mark {
                    (t(K::MarkedAs)) " "
                    strong { (t(match case.kind { CaseKind::Good => K::CaseGood, CaseKind::Bad => K::CaseBad })) }
                    @if let Some(by) = &case.marked_by { " · " (t(K::By)) " " (by) }
                    " · " (when_str(&case.marked_at))
                    @if let Some(n) = &case.note { br; "“" (n) "”" }
                }
            }
            @if ctx.can_review() {
                form.case method="post" action=(format!("{}/training-case", conversation_href(&c.id))) {
                    input type="hidden" name="csrf" value=(ctx.csrf());
                    input type="text" name="note" maxlength="2000" placeholder=(t(K::Note)) aria-label=(t(K::Note));
                    button type="submit" name="kind" value="good" { (t(K::MarkGood)) }
                    button.danger type="submit" name="kind" value="bad" { (t(K::MarkBad)) }
                }
            }
        }
    }
}

fn details(lang: Lang, c: &Conversation) -> Markup {
    let t = |k| lang.t(k);
    html! {
        div.card {
            h2 { (t(K::Details)) }
            dl.facts {
                dt { (t(K::Channel)) } dd { (lang.channel(c.channel.as_str())) }
                @if let Some(s) = &c.source { dt { (t(K::Source)) } dd { (s) } }
                @if let Some(s) = c.started_at { dt { (t(K::Started)) } dd { (when(s)) } }
                @if let Some(cu) = &c.customer {
                    @if let Some(id) = &cu.id { dt { (t(K::Customer)) } dd { (id) } }
                    @if let Some(cc) = &cu.country { dt { (t(K::Country)) } dd { (cc) } }
                }
                @if let Some(o) = &c.order {
                    @if let Some(id) = &o.id { dt { (t(K::Order)) } dd { (id) } }
                    @if let Some(v) = o.value { dt { (t(K::OrderValue)) } dd { (format!("{v:.2}")) @if let Some(cur) = &o.currency { " " (cur) } } }
                    @if let Some(p) = &o.product_line { dt { (t(K::ProductLine)) } dd { (p) } }
                    @if let Some(m) = &o.marketplace { dt { (t(K::Marketplace)) } dd { (m) } }
                }
            }
        }
    }
}

fn clean_text(s: &str) -> Option<String> {
    let s: String = s.trim().chars().take(2000).collect();
    (!s.is_empty()).then_some(s)
}

#[derive(Deserialize)]
pub(crate) struct ReviewForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    verdict: String,
    #[serde(default)]
    comment: String,
}

/// `POST /conversations/{id}/findings/{finding}/review`: confirm or reject a finding.
pub(crate) async fn review(
    State(web): State<Web>,
    ctx: Ctx,
    Path((id, finding)): Path<(String, String)>,
    form: Result<Form<ReviewForm>, FormRejection>,
) -> PageResult {
    let form = ctx.review_form(form, |f| &f.csrf)?;
    let verdict = match form.verdict.as_str() {
        "confirm" => Verdict::Confirm,
        "reject" => Verdict::Reject,
        _ => return Err(ctx.fail(StatusCode::BAD_REQUEST, K::BadRequest)),
    };
    let Ok(finding) = finding.parse::<i64>() else {
        return Err(ctx.fail(StatusCode::NOT_FOUND, K::NotFoundText));
    };
    let (ws, cid, who) = (ctx.workspace.clone(), id.clone(), ctx.username.clone());
    let comment = clean_text(&form.comment);
    let done = web
        .store(ctx.lang, move |s| {
            // The finding must belong to this conversation of this workspace.
            if !s
                .stored_findings(&ws, &cid)?
                .iter()
                .any(|f| f.id == finding)
            {
                return Ok(false);
            }
            s.review(&ws, finding, verdict, comment.as_deref(), Some(&who))
        })
        .await?;
    if !done {
        return Err(ctx.fail(StatusCode::NOT_FOUND, K::NotFoundText));
    }
    Ok(Redirect::to(&format!("{}#f-{finding}", conversation_href(&id))).into_response())
}

#[derive(Deserialize)]
pub(crate) struct CaseForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    note: String,
}

/// `POST /conversations/{id}/training-case`: mark as a good or bad training case.
pub(crate) async fn training_case(
    State(web): State<Web>,
    ctx: Ctx,
    Path(id): Path<String>,
    form: Result<Form<CaseForm>, FormRejection>,
) -> PageResult {
    let form = ctx.review_form(form, |f| &f.csrf)?;
    let Some(kind) = CaseKind::parse(&form.kind) else {
        return Err(ctx.fail(StatusCode::BAD_REQUEST, K::BadRequest));
    };
    let case = TrainingCase {
        workspace: ctx.workspace.clone(),
        conversation_id: id.clone(),
        kind,
        note: clean_text(&form.note),
        marked_by: Some(ctx.username.clone()),
        marked_at: String::new(),
    };
    let done = web
        .store(ctx.lang, move |s| s.mark_training_case(&case))
        .await?;
    if !done {
        return Err(ctx.fail(StatusCode::NOT_FOUND, K::NotFoundText));
    }
    Ok(Redirect::to(&format!("{}#case", conversation_href(&id))).into_response())
}

#[derive(Deserialize)]
pub(crate) struct ScoreForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    dimension: String,
    #[serde(default)]
    score: String,
    #[serde(default)]
    reason: String,
}

/// A score from the form: a number from 0 to 100.
fn parse_score(s: &str) -> Option<f32> {
    s.trim()
        .replace(',', ".")
        .parse::<f32>()
        .ok()
        .filter(|v| v.is_finite() && (0.0..=100.0).contains(v))
}

/// `POST /conversations/{id}/scores`: a reviewer's score for one dimension, with the reason.
pub(crate) async fn adjust(
    State(web): State<Web>,
    ctx: Ctx,
    Path(id): Path<String>,
    form: Result<Form<ScoreForm>, FormRejection>,
) -> PageResult {
    let form = ctx.review_form(form, |f| &f.csrf)?;
    let Some(dimension) = Dimension::ALL
        .into_iter()
        .find(|d| d.as_str() == form.dimension.trim())
    else {
        return Err(ctx.fail(StatusCode::BAD_REQUEST, K::BadDimension));
    };
    let Some(score) = parse_score(&form.score) else {
        return Err(ctx.fail(StatusCode::BAD_REQUEST, K::BadScore));
    };
    let Some(reason) = clean_text(&form.reason) else {
        return Err(ctx.fail(StatusCode::BAD_REQUEST, K::ReasonRequired));
    };
    let (ws, cid, who) = (ctx.workspace.clone(), id.clone(), ctx.username.clone());
    let done = web
        .insights(ctx.lang, move |i| {
            i.adjust_score(&ws, &cid, dimension, score, &reason, Some(&who))
        })
        .await?;
    if done.is_none() {
        return Err(ctx.fail(StatusCode::NOT_FOUND, K::NotFoundText));
    }
    Ok(Redirect::to(&format!("{}#adjust", conversation_href(&id))).into_response())
}

#[derive(Deserialize)]
pub(crate) struct CommentForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    body: String,
}

/// `POST /conversations/{id}/comments`: a free comment.
pub(crate) async fn comment(
    State(web): State<Web>,
    ctx: Ctx,
    Path(id): Path<String>,
    form: Result<Form<CommentForm>, FormRejection>,
) -> PageResult {
    let form = ctx.review_form(form, |f| &f.csrf)?;
    let body: String = form.body.trim().chars().take(4000).collect();
    if body.is_empty() {
        return Err(ctx.fail(StatusCode::BAD_REQUEST, K::CommentRequired));
    }
    let (ws, cid, who) = (ctx.workspace.clone(), id.clone(), ctx.username.clone());
    let done = web
        .insights(ctx.lang, move |i| {
            i.add_comment(&ws, &cid, &body, Some(&who))
        })
        .await?;
    if !done {
        return Err(ctx.fail(StatusCode::NOT_FOUND, K::NotFoundText));
    }
    Ok(Redirect::to(&format!("{}#comments", conversation_href(&id))).into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_from_the_form() {
        assert_eq!(parse_score(" 75 "), Some(75.0));
        assert_eq!(parse_score("62,5"), Some(62.5));
        for bad in ["", "abc", "-1", "101", "NaN", "inf"] {
            assert_eq!(parse_score(bad), None, "{bad}");
        }
    }
}
