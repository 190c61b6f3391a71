//! Per-turn sentiment and emotion.
//!
//! A first version from cues that hold in every language: exclamation and question runs, capitals,
//! angry emoji, and the abuse and threat findings of the same turn.

pub mod features;
pub mod lexicon;
pub mod model;

use earshot_model::{Code, Emotion, Finding, Role};

use crate::{TurnAnalyzer, TurnContext, TurnResult};

pub struct Emotions;

impl Emotions {
    pub fn new() -> Emotions {
        Emotions
    }
}

impl Default for Emotions {
    fn default() -> Emotions {
        Emotions::new()
    }
}

const THANKS: &[&str] = &["thank", "danke", "merci", "gracias", "ありがとう", "谢谢", "cảm ơn", "ขอบคุณ", "شكرا"];

impl TurnAnalyzer for Emotions {
    fn name(&self) -> &'static str {
        "emotion"
    }

    fn analyze(&self, turn: &TurnContext<'_>, out: &mut TurnResult) {
        let text = turn.norm.as_str();
        let bangs = text.matches("!!").count() + text.matches("?!").count();
        let caps = turn.text.chars().filter(|c| c.is_uppercase()).count();
        let letters = turn.text.chars().filter(|c| c.is_alphabetic()).count().max(1);
        let shouting = letters >= 8 && caps * 10 >= letters * 6;
        let angry_emoji = turn.text.chars().any(|c| matches!(c, '😡' | '🤬' | '😠' | '👿'));
        let hostile = out.has_category("abuse") || out.has_category("threat");
        let mut anger = 0.0f32;
        if hostile {
            anger += 0.6;
        }
        if shouting {
            anger += 0.3;
        }
        if angry_emoji {
            anger += 0.3;
        }
        anger += (bangs as f32 * 0.15).min(0.3);
        out.anger = anger.min(1.0);
        let thanks = THANKS.iter().any(|t| text.contains(t));
        out.sentiment = (if thanks { 0.5 } else { 0.0 } - out.anger).clamp(-1.0, 1.0);
        let (emotion, conf) = if out.anger >= 0.5 {
            (Emotion::Anger, out.anger)
        } else if out.anger > 0.0 {
            (Emotion::Frustration, 0.5)
        } else if thanks {
            (Emotion::Gratitude, 0.7)
        } else {
            (Emotion::Neutral, 0.5)
        };
        out.emotion = Some(emotion);
        out.emotion_confidence = conf;
        if turn.role == Role::Customer {
            let code = match emotion {
                Emotion::Anger => Some(Code::EMOTION_ANGER),
                Emotion::Frustration => Some(Code::EMOTION_FRUSTRATION),
                Emotion::Gratitude => Some(Code::EMOTION_GRATITUDE),
                _ => None,
            };
            if let Some(code) = code {
                let n = turn.text.chars().count();
                let f = Finding::new(code, format!("customer {}", emotion.as_str()))
                    .confidence(conf)
                    .source("emotion");
                out.findings.push(turn.finding_span(f, earshot_model::Span::new(0, n)));
            }
        }
    }
}
