//! The risk score: how likely it is that someone must act on this conversation, and how much is
//! at stake. Findings combine like independent chances (one certain critical finding is enough;
//! many low ones add up slowly), then business impact scales the result.

use earshot_model::{Channel, Finding, Role, Severity};

use crate::ConversationContext;

/// Returns the risk (0–100) and its explanation, most important first.
pub fn risk(cx: &ConversationContext<'_>, findings: &[Finding]) -> (f32, Vec<String>) {
    let mut keep = 1.0f32;
    let mut parts: Vec<(f32, String)> = Vec::new();
    for f in findings.iter().filter(|f| f.severity > Severity::Info) {
        let p = (f.severity.weight() * f.confidence).clamp(0.0, 0.99);
        keep *= 1.0 - p;
        let who = f.role.map(Role::as_str).unwrap_or("conversation");
        let at = f.turn.map(|t| format!(" in turn {}", t + 1)).unwrap_or_default();
        let quote = if f.evidence.is_empty() || f.evidence.chars().count() > 60 {
            String::new()
        } else {
            format!(" \"{}\"", f.evidence)
        };
        parts.push((p, format!("{} ({}, {}){at}{quote}", f.code, f.severity, who)));
    }
    let base = 1.0 - keep;
    let conv = cx.conversation;
    let mut impact = 1.0f32;
    let mut why_impact = Vec::new();
    if let Some(v) = conv.order.as_ref().and_then(|o| o.value).filter(|v| *v >= 200.0) {
        impact += 0.15;
        why_impact.push(format!("order value {v:.0}"));
    }
    if let Some(c) = &conv.customer {
        if c.segment.as_deref().is_some_and(|s| s.eq_ignore_ascii_case("vip")) {
            impact += 0.1;
            why_impact.push("VIP customer".to_string());
        }
        if c.value.is_some_and(|v| v >= 1000.0) {
            impact += 0.1;
            why_impact.push("high-value customer".to_string());
        }
    }
    if conv.channel == Channel::Marketplace && base > 0.0 {
        impact += 0.1;
        why_impact.push("marketplace claim exposure".to_string());
    }
    let risk = (base * impact * 100.0).clamp(0.0, 100.0);
    parts.sort_by(|a, b| b.0.total_cmp(&a.0));
    let mut explanation: Vec<String> = parts.into_iter().take(5).map(|(_, s)| s).collect();
    if !why_impact.is_empty() && base > 0.0 {
        explanation.push(format!("impact ×{impact:.2}: {}", why_impact.join(", ")));
    }
    ((risk * 10.0).round() / 10.0, explanation)
}

/// Predicted customer satisfaction, −1..1: how the customer sounds, weighted toward the end of
/// the conversation, where the outcome shows.
pub fn satisfaction(cx: &ConversationContext<'_>) -> Option<f32> {
    let customer: Vec<usize> = cx.turns_by(Role::Customer).collect();
    if customer.is_empty() {
        return None;
    }
    let n = customer.len() as f32;
    let (mut sum, mut weights) = (0.0f32, 0.0f32);
    for (k, &i) in customer.iter().enumerate() {
        let w = 1.0 + k as f32 / n * 2.0;
        sum += cx.turns[i].sentiment * w;
        weights += w;
    }
    Some(((sum / weights) * 100.0).round() / 100.0)
}
