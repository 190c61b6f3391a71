//! What one pass of the pipeline says about a conversation.

use serde::{Deserialize, Serialize};

use crate::{Diagnostic, Finding, Severity};

/// The emotions earshot tells apart per turn.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Emotion {
    Anger,
    Frustration,
    Disappointment,
    Anxiety,
    Gratitude,
    Neutral,
}

impl Emotion {
    pub const ALL: [Emotion; 6] = [
        Emotion::Anger,
        Emotion::Frustration,
        Emotion::Disappointment,
        Emotion::Anxiety,
        Emotion::Gratitude,
        Emotion::Neutral,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Emotion::Anger => "anger",
            Emotion::Frustration => "frustration",
            Emotion::Disappointment => "disappointment",
            Emotion::Anxiety => "anxiety",
            Emotion::Gratitude => "gratitude",
            Emotion::Neutral => "neutral",
        }
    }

    /// Whether the emotion means the customer is upset.
    pub fn is_negative(self) -> bool {
        matches!(
            self,
            Emotion::Anger | Emotion::Frustration | Emotion::Disappointment | Emotion::Anxiety
        )
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Polarity {
    Negative,
    Neutral,
    Positive,
}

impl Polarity {
    pub fn from_sentiment(s: f32) -> Polarity {
        if s <= -0.2 {
            Polarity::Negative
        } else if s >= 0.2 {
            Polarity::Positive
        } else {
            Polarity::Neutral
        }
    }
}

/// What the per-turn stage measured on one turn.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TurnSignal {
    /// BCP-47 tag of the detected language, `und` when unknown.
    pub lang: String,
    /// −1 (very negative) .. 1 (very positive).
    pub sentiment: f32,
    pub emotion: Option<Emotion>,
    pub emotion_confidence: f32,
}

/// The five QA dimensions, 0–100 each, `None` where a dimension does not apply.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Scores {
    pub knowledge_accuracy: Option<f32>,
    pub courtesy: Option<f32>,
    pub empathy: Option<f32>,
    pub patience: Option<f32>,
    pub efficiency: Option<f32>,
    /// Weighted overall score; 0 when an auto-fail item was found.
    pub overall: Option<f32>,
    /// Why each dimension moved: `(dimension, code, points)`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub moved_by: Vec<(Dimension, String, f32)>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub auto_fail: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Dimension {
    KnowledgeAccuracy,
    Courtesy,
    Empathy,
    Patience,
    Efficiency,
}

impl Dimension {
    pub const ALL: [Dimension; 5] = [
        Dimension::KnowledgeAccuracy,
        Dimension::Courtesy,
        Dimension::Empathy,
        Dimension::Patience,
        Dimension::Efficiency,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Dimension::KnowledgeAccuracy => "knowledge_accuracy",
            Dimension::Courtesy => "courtesy",
            Dimension::Empathy => "empathy",
            Dimension::Patience => "patience",
            Dimension::Efficiency => "efficiency",
        }
    }
}

impl Scores {
    pub fn get(&self, d: Dimension) -> Option<f32> {
        match d {
            Dimension::KnowledgeAccuracy => self.knowledge_accuracy,
            Dimension::Courtesy => self.courtesy,
            Dimension::Empathy => self.empathy,
            Dimension::Patience => self.patience,
            Dimension::Efficiency => self.efficiency,
        }
    }

    pub fn set(&mut self, d: Dimension, v: Option<f32>) {
        let slot = match d {
            Dimension::KnowledgeAccuracy => &mut self.knowledge_accuracy,
            Dimension::Courtesy => &mut self.courtesy,
            Dimension::Empathy => &mut self.empathy,
            Dimension::Patience => &mut self.patience,
            Dimension::Efficiency => &mut self.efficiency,
        };
        *slot = v;
    }
}

/// The result of analysing one conversation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Analysis {
    pub id: String,
    pub workspace: String,
    /// The conversation's main language (BCP-47), given or detected.
    pub language: String,
    /// 0–100: severity × likelihood × business impact.
    pub risk: f32,
    /// The highest severity among the findings, `None` when there are none above info.
    pub severity: Option<Severity>,
    /// Predicted customer satisfaction, −1..1.
    pub satisfaction: Option<f32>,
    pub scores: Option<Scores>,
    pub findings: Vec<Finding>,
    /// One entry per turn, in order.
    pub turns: Vec<TurnSignal>,
    /// Why the risk is what it is, most important first.
    pub risk_explanation: Vec<String>,
    pub diagnostics: Vec<Diagnostic>,
}
