//! A finding: one piece of evidence, with its code, severity, span and explanation.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::{Code, Role};

/// How urgently someone should look. Ordered: `Info < Low < ... < Critical`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Context, such as a per-turn emotion.
    Info,
    /// Coaching material.
    Low,
    /// Review soon.
    Medium,
    /// Alert the group.
    High,
    /// Act now.
    Critical,
}

impl Severity {
    pub const ALL: [Severity; 5] = [
        Severity::Info,
        Severity::Low,
        Severity::Medium,
        Severity::High,
        Severity::Critical,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Low => "low",
            Severity::Medium => "medium",
            Severity::High => "high",
            Severity::Critical => "critical",
        }
    }

    pub fn parse(s: &str) -> Option<Severity> {
        Severity::ALL
            .into_iter()
            .find(|v| v.as_str().eq_ignore_ascii_case(s.trim()))
    }

    /// The chance, 0..1, that one certain finding of this severity alone makes a conversation one
    /// that someone must act on. The risk score combines these (see the engine's `risk` module).
    pub fn weight(self) -> f32 {
        match self {
            Severity::Info => 0.0,
            Severity::Low => 0.05,
            Severity::Medium => 0.22,
            Severity::High => 0.55,
            Severity::Critical => 0.85,
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A range of a turn's text in Unicode scalar values (`chars()`), end exclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        Span {
            start: start as u32,
            end: end.max(start) as u32,
        }
    }

    /// The text the span covers, if it lies within `text`.
    pub fn slice<'a>(&self, text: &'a str) -> Option<&'a str> {
        let mut idx = text
            .char_indices()
            .map(|(i, _)| i)
            .chain(std::iter::once(text.len()));
        let start = idx.nth(self.start as usize)?;
        let len = (self.end - self.start) as usize;
        let end = if len == 0 { start } else { idx.nth(len - 1)? };
        text.get(start..end)
    }
}

/// A range of a recording in milliseconds, for voice findings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimeRange {
    pub start_ms: u64,
    pub end_ms: u64,
}

/// One thing earshot found, with the evidence that makes it so.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    pub code: Code,
    pub severity: Severity,
    /// How sure earshot is, 0..1.
    pub confidence: f32,
    /// The index of the turn that holds the evidence; `None` for conversation-wide findings.
    pub turn: Option<u32>,
    /// Where in that turn's text the evidence stands.
    pub span: Option<Span>,
    /// Who said it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<Role>,
    /// The words, as the user wrote them.
    pub evidence: String,
    /// One line on why this is a finding.
    pub explanation: String,
    /// Voice findings: where in the recording.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time: Option<TimeRange>,
    /// The rule or analyzer that produced it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

impl Finding {
    /// A finding with the code's default severity and no location yet.
    pub fn new(code: Code, explanation: impl Into<String>) -> Finding {
        let severity = crate::code_info(code.as_str()).map_or(Severity::Medium, |i| i.severity);
        Finding {
            code,
            severity,
            confidence: 1.0,
            turn: None,
            span: None,
            role: None,
            evidence: String::new(),
            explanation: explanation.into(),
            time: None,
            source: None,
        }
    }

    /// Points the finding at `span` of turn `turn`, taking the evidence from `text`.
    pub fn at(mut self, turn: usize, role: Role, text: &str, span: Span) -> Finding {
        self.turn = Some(turn as u32);
        self.role = Some(role);
        self.evidence = span.slice(text).unwrap_or_default().to_string();
        self.span = Some(span);
        self
    }

    pub fn severity(mut self, s: Severity) -> Finding {
        self.severity = s;
        self
    }

    pub fn confidence(mut self, c: f32) -> Finding {
        self.confidence = c.clamp(0.0, 1.0);
        self
    }

    pub fn source(mut self, s: impl Into<String>) -> Finding {
        self.source = Some(s.into());
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn span_slices_by_scalar_values() {
        let t = "你好 idiot!";
        assert_eq!(Span::new(3, 8).slice(t), Some("idiot"));
        assert_eq!(Span::new(0, 2).slice(t), Some("你好"));
        assert_eq!(Span::new(3, 9).slice(t), Some("idiot!"));
        assert_eq!(Span::new(3, 99).slice(t), None);
        assert_eq!(Span::new(9, 9).slice(t), Some(""));
    }

    #[test]
    fn severity_orders() {
        assert!(Severity::Critical > Severity::High && Severity::Low > Severity::Info);
        assert_eq!(Severity::parse("HIGH"), Some(Severity::High));
    }
}
