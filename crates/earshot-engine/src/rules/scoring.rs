//! Scorecard settings: how many points a finding takes from which dimension, the dimensions'
//! weights in the overall score, and the codes that fail a conversation outright. Defaults here;
//! a pack changes them in `pack.toml` (`[scorecard]`) or per rule (`score:`, `auto_fail:`).

use std::collections::HashMap;

use earshot_model::Dimension;

use super::compile::{Rule, parse_dimension};
use super::model::ScorecardDef;

#[derive(Debug, Clone)]
pub struct ScorecardSettings {
    /// Weights in [`Dimension::ALL`] order.
    pub weights: [f32; 5],
    /// Code → (dimension, points taken per finding).
    pub deductions: HashMap<String, (Dimension, f32)>,
    /// Codes or `category.*` that fail the conversation when the agent produces them.
    pub auto_fail: Vec<String>,
}

const DEFAULTS: &[(&str, Dimension, f32)] = &[
    ("conduct.rude", Dimension::Courtesy, 40.0),
    ("conduct.sensitive_word", Dimension::Courtesy, 15.0),
    ("courtesy.no_greeting", Dimension::Courtesy, 10.0),
    ("courtesy.no_closing", Dimension::Courtesy, 10.0),
    ("courtesy.no_signature", Dimension::Courtesy, 10.0),
    ("courtesy.no_thanks", Dimension::Courtesy, 5.0),
    ("process.no_further_help", Dimension::Courtesy, 8.0),
    ("conduct.no_empathy", Dimension::Empathy, 50.0),
    ("escalation.repeated_question", Dimension::Patience, 20.0),
    ("escalation.manager_request", Dimension::Patience, 10.0),
    ("conduct.interruption", Dimension::Patience, 15.0),
    ("voice.overtalk", Dimension::Patience, 10.0),
    ("sla.first_response", Dimension::Efficiency, 25.0),
    ("sla.marketplace", Dimension::Efficiency, 40.0),
    ("sla.response_gap", Dimension::Efficiency, 15.0),
    ("sla.resolution_time", Dimension::Efficiency, 15.0),
    ("voice.long_hold", Dimension::Efficiency, 10.0),
    ("voice.silence", Dimension::Efficiency, 10.0),
    ("process.tracking_not_confirmed", Dimension::Efficiency, 8.0),
    ("process.order_not_confirmed", Dimension::Efficiency, 8.0),
    ("process.need_not_confirmed", Dimension::Efficiency, 8.0),
    ("conduct.wrong_info", Dimension::KnowledgeAccuracy, 35.0),
    (
        "conduct.improper_promise",
        Dimension::KnowledgeAccuracy,
        30.0,
    ),
    (
        "process.inconsistent_explanation",
        Dimension::KnowledgeAccuracy,
        25.0,
    ),
    (
        "process.refund_not_explained",
        Dimension::KnowledgeAccuracy,
        15.0,
    ),
    (
        "process.identity_not_verified",
        Dimension::KnowledgeAccuracy,
        30.0,
    ),
];

impl Default for ScorecardSettings {
    fn default() -> ScorecardSettings {
        ScorecardSettings {
            weights: [1.0; 5],
            deductions: DEFAULTS
                .iter()
                .map(|(c, d, p)| (c.to_string(), (*d, *p)))
                .collect(),
            auto_fail: vec!["abuse.*".into(), "threat.*".into()],
        }
    }
}

impl ScorecardSettings {
    pub fn from_def(def: &ScorecardDef, rules: &[Rule]) -> Result<ScorecardSettings, String> {
        let mut s = ScorecardSettings::default();
        for r in rules {
            if let Some((d, p)) = r.score {
                s.deductions.insert(r.code.to_string(), (d, p));
            }
            if r.auto_fail && !s.auto_fail.iter().any(|c| c == r.code.as_str()) {
                s.auto_fail.push(r.code.to_string());
            }
        }
        for (code, d) in &def.deductions {
            s.deductions
                .insert(code.clone(), (parse_dimension(&d.dimension)?, d.points));
        }
        for (name, w) in &def.weights {
            let d = parse_dimension(name)?;
            if *w < 0.0 || !w.is_finite() {
                return Err(format!("weight of {name} must be 0 or more"));
            }
            s.weights[Dimension::ALL.iter().position(|x| *x == d).unwrap_or(0)] = *w;
        }
        if let Some(list) = &def.auto_fail {
            s.auto_fail = list.clone();
        }
        Ok(s)
    }

    pub fn weight(&self, d: Dimension) -> f32 {
        self.weights[Dimension::ALL.iter().position(|x| *x == d).unwrap_or(0)]
    }
}
