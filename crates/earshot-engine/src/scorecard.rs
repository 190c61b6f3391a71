//! The five QA dimensions, each moved by the findings that concern the agent. Every point taken
//! is listed in `Scores::moved_by`, so an agent sees exactly why a score is what it is.

use earshot_model::{Dimension, Finding, Role, Scores};

use crate::ConversationContext;
use crate::rules::ScorecardSettings;
use crate::rules::catalogue::CATALOGUE_SOURCE;

pub fn score(
    cx: &ConversationContext<'_>,
    findings: &[Finding],
    settings: &ScorecardSettings,
) -> Scores {
    let mut s = Scores::default();
    if cx.turns_by(Role::Agent).next().is_none() {
        return s;
    }
    let idx = |d: Dimension| Dimension::ALL.iter().position(|x| *x == d).unwrap_or(0);
    let mut points = [100.0f32; 5];
    let mut claims_checked = false;
    for f in findings {
        // Findings about the customer's words never lower the agent's score; conversation-wide
        // findings (no role) such as SLAs do.
        if f.role.is_some_and(|r| r != Role::Agent) {
            continue;
        }
        claims_checked |= f.source.as_deref() == Some(CATALOGUE_SOURCE);
        if f.role == Some(Role::Agent)
            && settings
                .auto_fail
                .iter()
                .any(|p| crate::rules::code_matches(p, &f.code))
        {
            s.auto_fail = true;
            s.moved_by
                .push((Dimension::Courtesy, f.code.to_string(), -100.0));
            points[idx(Dimension::Courtesy)] = 0.0;
            continue;
        }
        if let Some((d, p)) = settings.deductions.get(f.code.as_str()) {
            points[idx(*d)] -= p;
            s.moved_by.push((*d, f.code.to_string(), -p));
        }
    }
    let upset = !cx.customer_upset_turns().is_empty();
    let timed = cx.conversation.turns.iter().any(|t| t.at.is_some());
    for d in Dimension::ALL {
        let touched = s.moved_by.iter().any(|(x, _, _)| *x == d);
        let applies = touched
            || match d {
                // Empathy is judged only where the customer needed it.
                Dimension::Empathy => upset,
                // Knowledge is judged only where a claim was checked.
                Dimension::KnowledgeAccuracy => claims_checked,
                // Without timestamps there is no response time to judge.
                Dimension::Efficiency => timed,
                Dimension::Courtesy | Dimension::Patience => true,
            };
        s.set(d, applies.then(|| points[idx(d)].clamp(0.0, 100.0)));
    }
    let (mut sum, mut weights) = (0.0f32, 0.0f32);
    for d in Dimension::ALL {
        if let Some(v) = s.get(d) {
            sum += v * settings.weight(d);
            weights += settings.weight(d);
        }
    }
    s.overall = if s.auto_fail {
        Some(0.0)
    } else if weights > 0.0 {
        Some((sum / weights).round())
    } else {
        None
    };
    s
}
