//! `classify`: one message in, one verdict out. This is the contract benchmarks and other tools
//! use (`docs/format.md`); keep its shape stable.

use earshot_model::{Emotion, Polarity, Role, Severity};
use earshot_text::Lang;
use serde::Serialize;

use crate::Engine;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LabelSpan {
    pub start: u32,
    pub end: u32,
    pub label: String,
}

/// The verdict on one message.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Classification {
    pub lang: &'static str,
    /// The finding codes, most severe first, each once.
    pub labels: Vec<String>,
    pub abusive: bool,
    pub threat: bool,
    pub sentiment: f32,
    pub polarity: Polarity,
    pub emotion: Option<Emotion>,
    /// `none` when nothing above info was found.
    pub severity: &'static str,
    pub spans: Vec<LabelSpan>,
}

impl Engine {
    /// Classifies one message as if a customer had written it.
    pub fn classify(&self, text: &str) -> Classification {
        let r = self.analyze_turn(0, Role::Customer, text, false, Lang::Und);
        let mut labels: Vec<String> = Vec::new();
        let mut findings: Vec<_> = r.findings.iter().collect();
        findings.sort_by_key(|f| std::cmp::Reverse(f.severity));
        for f in &findings {
            if !labels.iter().any(|l| l == f.code.as_str()) {
                labels.push(f.code.as_str().to_string());
            }
        }
        let severity = findings
            .iter()
            .map(|f| f.severity)
            .filter(|s| *s > Severity::Info)
            .max()
            .map_or("none", Severity::as_str);
        let mut spans: Vec<LabelSpan> = r
            .findings
            .iter()
            .filter_map(|f| {
                f.span.map(|s| LabelSpan {
                    start: s.start,
                    end: s.end,
                    label: f.code.as_str().to_string(),
                })
            })
            .collect();
        spans.sort_by_key(|s| (s.start, s.end));
        Classification {
            lang: r.lang.as_str(),
            abusive: r.findings.iter().any(|f| f.code.category() == "abuse"),
            // Past or hypothetical threats are kept as findings at low confidence; they do not
            // make the message a threat.
            threat: r.findings.iter().any(|f| {
                f.code.category() == "threat"
                    && f.confidence >= crate::analyzers::threat::REPORT_THRESHOLD
            }),
            labels,
            sentiment: r.sentiment,
            polarity: Polarity::from_sentiment(r.sentiment),
            emotion: r.emotion,
            severity,
            spans,
        }
    }
}
