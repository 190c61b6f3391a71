//! `/sampling`: review assignments. A reviewer or admin draws a sample of conversations (a random
//! share of a date range, or targeted: new agents, high-value orders, low scores, a finding code)
//! for a reviewer of the workspace; everyone sees the assignments and how far each has come. A
//! conversation is done when its assignee reviewed a finding or adjusted a score there after the
//! assignment was made. `/sampling/{id}`: one assignment's conversations.

use axum::Form;
use axum::extract::rejection::FormRejection;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use earshot_store::{AssignError, Assignment, Sample, SampleSpec};
use maud::{Markup, html};
use serde::Deserialize;

use super::{conversation_href, one_decimal, percent, when_str};
use crate::auth::Ctx;
use crate::i18n::{K, Lang};
use crate::layout::{self, Nav};
use crate::{PageResult, Web};

/// What the form needs besides the assignments.
struct Data {
    reviewers: Vec<String>,
    codes: Vec<String>,
    assignments: Vec<Assignment>,
}

async fn load(web: &Web, ctx: &Ctx) -> Result<Data, crate::Failure> {
    let ws = ctx.workspace.clone();
    web.insights(ctx.lang, move |i| {
        Ok(Data {
            reviewers: i.reviewers(&ws)?,
            codes: i.facets(&ws)?.codes,
            assignments: i.assignments(&ws)?,
        })
    })
    .await
}

pub(crate) async fn page(State(web): State<Web>, ctx: Ctx) -> PageResult {
    let data = load(&web, &ctx).await?;
    Ok(render(&ctx, &data, None, &SampleForm::default()))
}

/// The sample in words: `random 10%`, `order value ≥ 200`, with the date range.
pub(crate) fn describe(lang: Lang, a: &Assignment) -> String {
    let t = |k| lang.t(k);
    let what = match &a.sample {
        Sample::Random { percent } => format!("{} {percent}%", t(K::SampleRandom)),
        Sample::NewAgents => t(K::SampleNewAgents).to_string(),
        Sample::HighValue { min_value } => format!("{} ≥ {min_value}", t(K::OrderValue)),
        Sample::LowScore { below } => format!("{} < {below}", t(K::SampleLowScore)),
        Sample::Code { code } => format!("{} {code}", t(K::Code)),
    };
    match (&a.from, &a.to) {
        (None, None) => what,
        (f, to) => format!(
            "{what} · {}–{}",
            f.as_deref().unwrap_or("…"),
            to.as_deref().unwrap_or("…")
        ),
    }
}

fn progress(a: &Assignment) -> Markup {
    let share = if a.total == 0 {
        0.0
    } else {
        a.done as f32 / a.total as f32
    };
    html! {
        span.progress { strong.done { (a.done) } " / " span.total { (a.total) } " · " (percent(share)) }
    }
}

fn assignment_table(lang: Lang, id: &str, list: &[&Assignment]) -> Markup {
    let t = |k| lang.t(k);
    html! {
        @if list.is_empty() { p.muted { (t(K::NoData)) } } @else {
            table id=(id) {
                thead { tr {
                    th { "#" } th { (t(K::Assignee)) } th { (t(K::Criteria)) }
                    th { (t(K::CreatedBy)) } th { (t(K::When)) } th { (t(K::Progress)) }
                } }
                tbody {
                    @for a in list {
                        @let href = format!("/sampling/{}", a.id);
                        tr data-href=(href) data-id=(a.id) {
                            td { a href=(href) { (a.id) } }
                            td { (a.assignee) }
                            td { (describe(lang, a)) }
                            td { @if let Some(by) = &a.created_by { (by) } }
                            td.small { (when_str(&a.created_at)) }
                            td { (progress(a)) }
                        }
                    }
                }
            }
        }
    }
}

fn render(ctx: &Ctx, d: &Data, error: Option<K>, f: &SampleForm) -> Response {
    let lang = ctx.lang;
    let t = |k| lang.t(k);
    let mine: Vec<&Assignment> = d
        .assignments
        .iter()
        .filter(|a| a.assignee == ctx.username)
        .collect();
    let all: Vec<&Assignment> = d.assignments.iter().collect();
    let kind = if f.kind.is_empty() {
        "random"
    } else {
        f.kind.as_str()
    };
    let body = html! {
        h1 { (t(K::SamplingTitle)) }
        p.muted { (t(K::SamplingIntro)) }
        @if let Some(e) = error { p.notice.error role="alert" #form-error { (t(e)) } }
        div.card {
            h2 { (t(K::YourAssignments)) }
            (assignment_table(lang, "mine", &mine))
        }
        @if ctx.can_review() {
            div.card {
                h2 { (t(K::NewAssignment)) }
                form.sample method="post" action="/sampling" {
                    input type="hidden" name="csrf" value=(ctx.csrf());
                    label { (t(K::Assignee))
                        select name="assignee" required {
                            @for r in &d.reviewers {
                                option value=(r) selected[f.assignee == *r || (f.assignee.is_empty() && *r == ctx.username)] { (r) }
                            }
                        }
                    }
                    label { (t(K::SampleKind))
                        select name="kind" {
                            @for (v, k) in [("random", K::SampleRandom), ("new_agents", K::SampleNewAgents),
                                ("high_value", K::SampleHighValue), ("low_score", K::SampleLowScore), ("code", K::SampleCode)] {
                                option value=(v) selected[kind == v] { (t(k)) }
                            }
                        }
                    }
                    label { (t(K::SamplePercent)) input type="text" inputmode="decimal" name="percent" value=(f.percent) size="5" placeholder="10"; }
                    label { (t(K::SampleMinValue)) input type="text" inputmode="decimal" name="min_value" value=(f.min_value) size="7" placeholder="200"; }
                    label { (t(K::SampleBelow)) input type="text" inputmode="decimal" name="below" value=(f.below) size="5" placeholder="60"; }
                    label { (t(K::SampleCode))
                        select name="code" {
                            option value="" { "–" }
                            @for c in &d.codes { option value=(c) selected[f.code == *c] { (c) } }
                        }
                    }
                    label { (t(K::DateFrom)) input type="date" name="from" value=(f.from); }
                    label { (t(K::DateTo)) input type="date" name="to" value=(f.to); }
                    label { (t(K::SampleLimit)) input type="text" inputmode="numeric" name="limit" value=(if f.limit.is_empty() { "50" } else { f.limit.as_str() }) size="5"; }
                    button.primary type="submit" { (t(K::CreateAssignment)) }
                }
                p.muted.small { (t(K::SamplingHelp)) }
            }
        } @else {
            p.muted.small { (t(K::ReadOnly)) }
        }
        div.card {
            h2 { (t(K::AllAssignments)) }
            (assignment_table(lang, "assignments", &all))
        }
    };
    let status = if error.is_some() {
        StatusCode::BAD_REQUEST
    } else {
        StatusCode::OK
    };
    let mut r = layout::page(ctx, Nav::Sampling, t(K::SamplingTitle), body);
    *r.status_mut() = status;
    r
}

#[derive(Debug, Default, Deserialize)]
pub(crate) struct SampleForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    assignee: String,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    percent: String,
    #[serde(default)]
    min_value: String,
    #[serde(default)]
    below: String,
    #[serde(default)]
    code: String,
    #[serde(default)]
    from: String,
    #[serde(default)]
    to: String,
    #[serde(default)]
    limit: String,
}

fn number(s: &str) -> Option<f64> {
    s.trim()
        .replace(',', ".")
        .parse::<f64>()
        .ok()
        .filter(|v| v.is_finite())
}

fn day(s: &str) -> Result<Option<String>, K> {
    let s = s.trim();
    if s.is_empty() {
        return Ok(None);
    }
    s.parse::<jiff::civil::Date>()
        .map(|d| Some(d.to_string()))
        .map_err(|_| K::SampleBadDate)
}

impl SampleForm {
    /// The assignment asked for, or the message that says what is wrong.
    fn spec(&self, workspace: &str, by: &str) -> Result<SampleSpec, K> {
        let sample = match self.kind.trim() {
            "random" | "" => match number(&self.percent) {
                Some(p) if p > 0.0 && p <= 100.0 => Sample::Random { percent: p },
                _ => return Err(K::SampleBadPercent),
            },
            "new_agents" => Sample::NewAgents,
            "high_value" => match number(&self.min_value) {
                Some(v) if v >= 0.0 => Sample::HighValue { min_value: v },
                _ => return Err(K::SampleBadValue),
            },
            "low_score" => match number(&self.below) {
                Some(v) if (0.0..=100.0).contains(&v) => Sample::LowScore { below: v },
                _ => return Err(K::SampleBadScore),
            },
            "code" => match self.code.trim() {
                "" => return Err(K::SampleBadCode),
                c => Sample::Code {
                    code: c.chars().take(200).collect(),
                },
            },
            _ => return Err(K::BadRequest),
        };
        let (from, to) = (day(&self.from)?, day(&self.to)?);
        if let (Some(f), Some(t)) = (&from, &to)
            && f > t
        {
            return Err(K::SampleBadDate);
        }
        let limit = match self.limit.trim() {
            "" => 50,
            l => match l.parse::<usize>() {
                Ok(n) if (1..=1000).contains(&n) => n,
                _ => return Err(K::SampleBadLimit),
            },
        };
        if self.assignee.trim().is_empty() {
            return Err(K::SampleBadAssignee);
        }
        Ok(SampleSpec {
            workspace: workspace.to_string(),
            assignee: self.assignee.trim().to_string(),
            sample,
            from,
            to,
            limit,
            created_by: Some(by.to_string()),
        })
    }
}

/// `POST /sampling`: draws the sample and assigns it.
pub(crate) async fn create(
    State(web): State<Web>,
    ctx: Ctx,
    form: Result<Form<SampleForm>, FormRejection>,
) -> PageResult {
    let form = ctx.review_form(form, |f| &f.csrf)?;
    let spec = match form.spec(&ctx.workspace, &ctx.username) {
        Ok(s) => s,
        Err(k) => {
            let data = load(&web, &ctx).await?;
            return Ok(render(&ctx, &data, Some(k), &form));
        }
    };
    let made = web
        .insights(ctx.lang, move |i| i.create_assignment(&spec))
        .await?;
    match made {
        Ok(a) => Ok(Redirect::to(&format!("/sampling/{}", a.id)).into_response()),
        Err(e) => {
            let k = match e {
                AssignError::NotAReviewer => K::SampleBadAssignee,
                AssignError::Empty => K::SampleEmpty,
            };
            let data = load(&web, &ctx).await?;
            Ok(render(&ctx, &data, Some(k), &form))
        }
    }
}

/// `GET /sampling/{id}`.
pub(crate) async fn assignment(
    State(web): State<Web>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> PageResult {
    let Ok(id) = id.parse::<i64>() else {
        return Err(ctx.fail(StatusCode::NOT_FOUND, K::NotFoundText));
    };
    let ws = ctx.workspace.clone();
    let found = web
        .insights(ctx.lang, move |i| i.assignment(&ws, id))
        .await?;
    let Some((a, items)) = found else {
        return Err(ctx.fail(StatusCode::NOT_FOUND, K::NotFoundText));
    };
    let lang = ctx.lang;
    let t = |k| lang.t(k);
    let title = format!("{} #{}", t(K::Assignment), a.id);
    let body = html! {
        p.small { a href="/sampling" { "← " (t(K::NavSampling)) } }
        h1 { (title) }
        p { (t(K::Assignee)) ": " strong #assignee { (a.assignee) } " · " (describe(lang, &a)) " · " (progress(&a)) }
        table #items {
            thead { tr { th { (t(K::Conversation)) } th.num { (t(K::Risk)) } th { (t(K::ReviewState)) } } }
            tbody {
                @for it in &items {
                    tr data-href=(conversation_href(&it.conversation_id)) class=[it.done.then_some("done")] {
                        td { a href=(conversation_href(&it.conversation_id)) { (it.conversation_id) } }
                        td.num { (one_decimal(it.risk)) }
                        td.state { @if it.done { span.badge.ok { (t(K::Done)) } } @else { span.badge.muted { (t(K::ToDo)) } } }
                    }
                }
            }
        }
    };
    Ok(layout::page(&ctx, Nav::Sampling, &title, body))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(kind: &str) -> SampleForm {
        SampleForm {
            assignee: "rita".into(),
            kind: kind.into(),
            ..Default::default()
        }
    }

    #[test]
    fn bad_input_names_the_field() {
        let spec = |f: &SampleForm| f.spec("acme", "ada");
        assert_eq!(spec(&form("random")).unwrap_err(), K::SampleBadPercent);
        let mut f = form("random");
        f.percent = "150".into();
        assert_eq!(spec(&f).unwrap_err(), K::SampleBadPercent);
        f.percent = "12,5".into();
        assert_eq!(spec(&f).unwrap().sample, Sample::Random { percent: 12.5 });
        f.from = "2026-13-01".into();
        assert_eq!(spec(&f).unwrap_err(), K::SampleBadDate);
        f.from = "2026-09-30".into();
        f.to = "2026-09-01".into();
        assert_eq!(spec(&f).unwrap_err(), K::SampleBadDate);
        f.to = "2026-10-01".into();
        f.limit = "0".into();
        assert_eq!(spec(&f).unwrap_err(), K::SampleBadLimit);
        f.limit = "20".into();
        let s = spec(&f).unwrap();
        assert_eq!((s.limit, s.from.as_deref()), (20, Some("2026-09-30")));
        assert_eq!(spec(&form("high_value")).unwrap_err(), K::SampleBadValue);
        assert_eq!(spec(&form("low_score")).unwrap_err(), K::SampleBadScore);
        assert_eq!(spec(&form("code")).unwrap_err(), K::SampleBadCode);
        assert_eq!(spec(&form("everything")).unwrap_err(), K::BadRequest);
        assert_eq!(spec(&form("new_agents")).unwrap().sample, Sample::NewAgents);
        let mut nobody = form("new_agents");
        nobody.assignee = " ".into();
        assert_eq!(spec(&nobody).unwrap_err(), K::SampleBadAssignee);
    }
}
