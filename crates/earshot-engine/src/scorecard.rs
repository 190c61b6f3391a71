//! The five QA dimensions, each moved by the findings that concern the agent.

use earshot_model::{Code, Dimension, Finding, Role, Scores};

use crate::ConversationContext;

/// Which dimension a code lowers, and by how many points per finding.
fn effect(code: &Code) -> Option<(Dimension, f32)> {
    Some(match code.as_str() {
        "conduct.rude" => (Dimension::Courtesy, 40.0),
        "courtesy.no_greeting" | "courtesy.no_closing" | "courtesy.no_signature" | "courtesy.no_thanks" => {
            (Dimension::Courtesy, 10.0)
        }
        "process.no_further_help" => (Dimension::Courtesy, 8.0),
        "conduct.no_empathy" => (Dimension::Empathy, 50.0),
        "escalation.repeated_question" => (Dimension::Patience, 20.0),
        "conduct.interruption" => (Dimension::Patience, 15.0),
        "voice.overtalk" => (Dimension::Patience, 10.0),
        "sla.first_response" => (Dimension::Efficiency, 25.0),
        "sla.marketplace" => (Dimension::Efficiency, 40.0),
        "sla.response_gap" => (Dimension::Efficiency, 15.0),
        "sla.resolution_time" => (Dimension::Efficiency, 15.0),
        "voice.long_hold" | "voice.silence" => (Dimension::Efficiency, 10.0),
        "conduct.wrong_info" => (Dimension::KnowledgeAccuracy, 35.0),
        "conduct.improper_promise" => (Dimension::KnowledgeAccuracy, 30.0),
        "process.inconsistent_explanation" => (Dimension::KnowledgeAccuracy, 25.0),
        "process.refund_not_explained" => (Dimension::KnowledgeAccuracy, 15.0),
        "process.tracking_not_confirmed" | "process.order_not_confirmed" => (Dimension::Efficiency, 8.0),
        "process.identity_not_verified" => (Dimension::KnowledgeAccuracy, 30.0),
        _ => return None,
    })
}

pub fn score(cx: &ConversationContext<'_>, findings: &[Finding]) -> Scores {
    let mut s = Scores::default();
    let has_agent = cx.turns_by(Role::Agent).next().is_some();
    if !has_agent {
        return s;
    }
    let mut points = [100.0f32; 5];
    let idx = |d: Dimension| Dimension::ALL.iter().position(|x| *x == d).unwrap_or(0);
    for f in findings {
        let agent_side = f.role.is_none_or(|r| r == Role::Agent);
        if agent_side && f.role == Some(Role::Agent) && matches!(f.code.category(), "abuse" | "threat") {
            s.auto_fail = true;
            s.moved_by.push((Dimension::Courtesy, f.code.to_string(), -100.0));
            points[idx(Dimension::Courtesy)] = 0.0;
            continue;
        }
        if !agent_side {
            continue;
        }
        if let Some((d, p)) = effect(&f.code) {
            points[idx(d)] -= p;
            s.moved_by.push((d, f.code.to_string(), -p));
        }
    }
    let upset = !cx.customer_upset_turns().is_empty();
    for d in Dimension::ALL {
        let touched = s.moved_by.iter().any(|(x, _, _)| *x == d);
        let applies = match d {
            // Empathy is judged only where the customer needed it.
            Dimension::Empathy => upset,
            // Knowledge is judged only where a claim was checked.
            Dimension::KnowledgeAccuracy => touched,
            _ => true,
        };
        s.set(d, applies.then(|| points[idx(d)].clamp(0.0, 100.0)));
    }
    let present: Vec<f32> = Dimension::ALL.iter().filter_map(|d| s.get(*d)).collect();
    s.overall = if s.auto_fail {
        Some(0.0)
    } else if present.is_empty() {
        None
    } else {
        Some((present.iter().sum::<f32>() / present.len() as f32).round())
    };
    s
}
