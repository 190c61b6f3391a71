//! The turn stage: what analyzers see of one turn, and what they report.

use earshot_model::{Emotion, Finding, Role, Span};
use earshot_text::{Lang, Normalized};

/// One turn, prepared for the turn-stage analyzers.
pub struct TurnContext<'a> {
    pub index: usize,
    pub role: Role,
    /// The text as written (cut to `MAX_TURN_CHARS`).
    pub text: &'a str,
    /// The folded text with its way back to `text`.
    pub norm: &'a Normalized,
    pub lang: Lang,
    pub internal: bool,
}

impl TurnContext<'_> {
    /// A finding pointing at a byte range of the folded text, mapped back to the original.
    pub fn finding_at(&self, finding: Finding, folded: std::ops::Range<usize>) -> Finding {
        let span = self.norm.original_span(folded);
        finding.at(self.index, self.role, self.text, span)
    }

    /// A finding pointing at a span of the original text.
    pub fn finding_span(&self, finding: Finding, span: Span) -> Finding {
        finding.at(self.index, self.role, self.text, span)
    }
}

/// A fact about a turn that is not a finding itself but that conversation-stage analyzers and
/// rules build on: the agent apologised, the customer asked a question, ...
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Mark {
    Greeting,
    Closing,
    FurtherHelp,
    Apology,
    Empathy,
    Thanks,
    Question,
    ManagerRequest,
    IdentityCheck,
    AccountChange,
    RefundTopic,
    RefundExplained,
    ShippingTopic,
    TrackingConfirmed,
    OrderConfirmed,
    Promise,
}

/// How sure the emotion model must be of a negative emotion before the writer counts as upset.
/// Below this, a "where is my order?" reads as mildly worried; compound checks such as
/// `conduct.no_empathy` should fire on clear upset, not on every question about a parcel.
pub const UPSET_CONFIDENCE: f32 = 0.75;
/// The anger intensity (0..1) that counts as upset on its own.
pub const UPSET_ANGER: f32 = 0.6;

/// What the turn stage found in one turn.
#[derive(Debug, Clone, PartialEq)]
pub struct TurnResult {
    pub lang: Lang,
    /// −1..1.
    pub sentiment: f32,
    pub emotion: Option<Emotion>,
    pub emotion_confidence: f32,
    /// Anger intensity 0..1, used for trajectories.
    pub anger: f32,
    pub findings: Vec<Finding>,
    /// Marks with where they stand (characters of the original text).
    pub marks: Vec<(Mark, Span)>,
    /// The turn's folded text, kept for the conversation stage so no turn is normalised twice.
    pub norm: Normalized,
}

impl TurnResult {
    pub fn new(lang: Lang) -> TurnResult {
        TurnResult {
            lang,
            sentiment: 0.0,
            emotion: None,
            emotion_confidence: 0.0,
            anger: 0.0,
            findings: Vec::new(),
            marks: Vec::new(),
            norm: Normalized::default(),
        }
    }

    pub fn has(&self, m: Mark) -> bool {
        self.marks.iter().any(|(x, _)| *x == m)
    }

    /// Where the first occurrence of a mark stands.
    pub fn mark_span(&self, m: Mark) -> Option<Span> {
        self.marks.iter().find(|(x, _)| *x == m).map(|(_, s)| *s)
    }

    /// Records a mark; only its first occurrence is kept.
    pub fn mark(&mut self, m: Mark, span: Span) {
        if !self.has(m) {
            self.marks.push((m, span));
        }
    }

    /// Whether the writer is upset: clear anger or frustration, abuse, or a threat meant now
    /// (past or hypothetical threats are kept at low confidence). Disappointment and worry are
    /// reported as emotions but do not on their own make a return request or a parcel question
    /// a conversation that demands an apology.
    pub fn is_upset(&self) -> bool {
        self.emotion.is_some_and(|e| {
            matches!(e, Emotion::Anger | Emotion::Frustration)
                && self.emotion_confidence >= UPSET_CONFIDENCE
        }) || self.anger >= UPSET_ANGER
            || self.findings.iter().any(|f| match f.code.category() {
                "abuse" => true,
                "threat" => f.confidence >= crate::analyzers::threat::REPORT_THRESHOLD,
                _ => false,
            })
    }

    /// Whether this turn carries a finding of a category (`abuse`, `threat`, ...).
    pub fn has_category(&self, category: &str) -> bool {
        self.findings.iter().any(|f| f.code.category() == category)
    }
}

/// An analyzer of the turn stage. It must not panic on any text.
pub trait TurnAnalyzer: Send + Sync {
    fn name(&self) -> &'static str;
    fn analyze(&self, turn: &TurnContext<'_>, out: &mut TurnResult);
}
