//! The risk score: how likely it is that someone must act on this conversation, and how much is
//! at stake. Findings combine like independent chances (one certain critical finding is enough;
//! many low ones add up slowly), then business impact scales the result.

use earshot_model::{Channel, Conversation, Finding, Role, Severity};
use jiff::{SignedDuration, Timestamp};

use crate::ConversationContext;

/// What earshot knows of the customer's earlier conversations. Earshot's core keeps no state
/// between conversations: the caller (the pipeline, from the store) passes it in.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CustomerHistory {
    /// Earlier conversations of the same customer within the window the caller chose.
    pub conversations: u32,
    /// How many of them had a complaint: a finding of medium severity or more.
    pub complaints: u32,
    /// How many of them had a threat (claim, chargeback, review, legal).
    pub threats: u32,
    /// The highest risk among them.
    pub max_risk: f32,
}

/// How far back a customer's earlier conversations count: long enough to cover an order's
/// delivery, a return and its refund.
pub const HISTORY_DAYS: i64 = 90;

/// Which earlier conversations to ask the store about: the customer and the window
/// `[from, to)` of starts (RFC 3339 in UTC, as the store keeps them). `None` when the history
/// cannot change the risk: the conversation has no complaint (no finding of medium severity or
/// more) or no customer id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HistoryQuery {
    pub customer_id: String,
    pub from: String,
    pub to: String,
}

impl HistoryQuery {
    /// The query for a conversation and its findings; `now` stands in for a conversation
    /// without any time.
    pub fn of(conv: &Conversation, findings: &[Finding], now: Timestamp) -> Option<HistoryQuery> {
        if !findings.iter().any(|f| f.severity >= Severity::Medium) {
            return None;
        }
        let customer_id = conv.customer.as_ref()?.id.as_deref()?;
        if customer_id.trim().is_empty() {
            return None;
        }
        let to = conv
            .started_at
            .or_else(|| conv.turns.iter().find_map(|t| t.at))
            .unwrap_or(now);
        let from = to
            .checked_sub(SignedDuration::from_hours(24 * HISTORY_DAYS))
            .unwrap_or(Timestamp::MIN);
        Some(HistoryQuery {
            customer_id: customer_id.to_string(),
            from: from.to_string(),
            to: to.to_string(),
        })
    }
}

/// Returns the risk (0–100) and its explanation, most important first.
pub fn risk(
    conv: &Conversation,
    findings: &[Finding],
    history: &CustomerHistory,
) -> (f32, Vec<String>) {
    let mut keep = 1.0f32;
    let mut parts: Vec<(f32, String)> = Vec::new();
    for f in findings.iter().filter(|f| f.severity > Severity::Info) {
        let p = (f.severity.weight() * f.confidence).clamp(0.0, 0.99);
        keep *= 1.0 - p;
        let who = f.role.map(Role::as_str).unwrap_or("conversation");
        let at = f
            .turn
            .map(|t| format!(" in turn {}", t + 1))
            .unwrap_or_default();
        let quote = if f.evidence.is_empty() || f.evidence.chars().count() > 60 {
            String::new()
        } else {
            format!(" \"{}\"", f.evidence)
        };
        parts.push((
            p,
            format!("{} ({}, {}){at}{quote}", f.code, f.severity, who),
        ));
    }
    let base = 1.0 - keep;
    let mut impact = 1.0f32;
    let mut why_impact = Vec::new();
    let currency = conv.order.as_ref().and_then(|o| o.currency.as_deref());
    if let Some(v) = conv
        .order
        .as_ref()
        .and_then(|o| o.value)
        .filter(|v| usd(*v, currency) >= 200.0)
    {
        impact += 0.15;
        why_impact.push(
            format!("order value {v:.0} {}", currency.unwrap_or(""))
                .trim_end()
                .to_string(),
        );
    }
    if let Some(c) = &conv.customer {
        if c.segment
            .as_deref()
            .is_some_and(|s| s.eq_ignore_ascii_case("vip"))
        {
            impact += 0.1;
            why_impact.push("VIP customer".to_string());
        }
        if c.value.is_some_and(|v| usd(v, currency) >= 1000.0) {
            impact += 0.1;
            why_impact.push("high-value customer".to_string());
        }
    }
    // A marketplace buyer can open a claim that counts against the seller's account health; a
    // threat of one in a marketplace conversation is the costliest combination.
    let marketplace = conv.channel == Channel::Marketplace
        || conv.order.as_ref().is_some_and(|o| {
            o.marketplace
                .as_deref()
                .is_some_and(|m| !m.eq_ignore_ascii_case("shopify"))
        });
    if marketplace && base > 0.0 {
        let claim = findings.iter().any(|f| {
            matches!(
                f.code.as_str(),
                "threat.marketplace_claim" | "sla.marketplace"
            )
        });
        impact += if claim { 0.2 } else { 0.1 };
        why_impact.push(
            if claim {
                "marketplace claim likely"
            } else {
                "marketplace claim exposure"
            }
            .to_string(),
        );
    }
    let complaining = findings.iter().any(|f| f.severity >= Severity::Medium);
    if complaining && history.complaints > 0 {
        let add = (0.1 * history.complaints as f32).min(0.3)
            + if history.threats > 0 { 0.1 } else { 0.0 };
        impact += add;
        why_impact.push(format!(
            "repeat complainer: {} earlier complaint{} in {} conversation{}",
            history.complaints,
            if history.complaints == 1 { "" } else { "s" },
            history.conversations,
            if history.conversations == 1 { "" } else { "s" }
        ));
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

/// A rough value in US dollars, so that thresholds mean the same in every market (1,000,000 VND
/// is about 40 USD, not a high-value order). Unknown currencies count as dollars.
fn usd(value: f64, currency: Option<&str>) -> f64 {
    let per_usd = match currency.map(|c| c.to_ascii_uppercase()).as_deref() {
        Some("EUR") => 0.92,
        Some("GBP") => 0.79,
        Some("JPY") => 150.0,
        Some("CNY" | "RMB") => 7.2,
        Some("VND") => 25_000.0,
        Some("THB") => 35.0,
        Some("AED" | "SAR") => 3.7,
        Some("MXN") => 18.0,
        Some("CAD") => 1.37,
        Some("AUD") => 1.5,
        _ => 1.0,
    };
    value / per_usd
}
