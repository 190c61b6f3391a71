//! The engine: the analyzers of both stages, run in order.

use earshot_model::{Analysis, Conversation, MAX_TURN_CHARS, Role, Severity, TurnSignal};
use earshot_text::{Lang, detect_language, normalize};

use crate::analyzers;
use crate::{ConversationAnalyzer, ConversationContext, EngineConfig, TurnAnalyzer, TurnContext, TurnResult};

/// A built engine. Cheap to share across threads (`&Engine` is all a worker needs).
pub struct Engine {
    config: EngineConfig,
    turn: Vec<Box<dyn TurnAnalyzer>>,
    conversation: Vec<Box<dyn ConversationAnalyzer>>,
}

impl Engine {
    /// The engine with the built-in analyzers and the given settings.
    pub fn new(config: EngineConfig) -> Engine {
        Engine {
            config,
            turn: analyzers::turn_analyzers(),
            conversation: analyzers::conversation_analyzers(),
        }
    }

    pub fn config(&self) -> &EngineConfig {
        &self.config
    }

    /// The names of the analyzers of both stages, in the order they run.
    pub fn analyzer_names(&self) -> Vec<&'static str> {
        self.turn.iter().map(|a| a.name()).chain(self.conversation.iter().map(|a| a.name())).collect()
    }

    /// Runs the turn stage on one text. `lang_hint` is used when the text is too short to tell.
    pub fn analyze_turn(&self, index: usize, role: Role, text: &str, internal: bool, lang_hint: Lang) -> TurnResult {
        let text = cut(text);
        let norm = normalize(text);
        let lang = if letters(text) < self.config.min_detect_chars && lang_hint != Lang::Und {
            lang_hint
        } else {
            match detect_language(text) {
                Lang::Und => lang_hint,
                l => l,
            }
        };
        let cx = TurnContext { index, role, text, norm: &norm, lang, internal };
        let mut out = TurnResult::new(lang);
        for a in &self.turn {
            a.analyze(&cx, &mut out);
        }
        out
    }

    /// Analyses a whole conversation. Never fails: problems with the data are reported in
    /// `diagnostics`.
    pub fn analyze(&self, conv: &Conversation) -> Analysis {
        let main_lang = self.main_language(conv);
        let turns: Vec<TurnResult> = conv
            .turns
            .iter()
            .enumerate()
            .map(|(i, t)| self.analyze_turn(i, t.role, &t.text, t.internal, main_lang))
            .collect();
        self.analyze_with(conv, turns, main_lang)
    }

    /// The conversation stage over turn results computed earlier (live mode keeps them).
    pub fn analyze_with(&self, conv: &Conversation, turns: Vec<TurnResult>, main_lang: Lang) -> Analysis {
        let mut findings = Vec::new();
        for (t, r) in conv.turns.iter().zip(&turns) {
            // Internal notes are kept and shown but never scored as customer-facing.
            if !t.internal {
                findings.extend(r.findings.iter().cloned());
            }
        }
        let cx = ConversationContext { conversation: conv, turns: &turns, config: &self.config };
        for a in &self.conversation {
            a.analyze(&cx, &mut findings);
        }
        findings.sort_by(|a, b| {
            b.severity
                .cmp(&a.severity)
                .then(a.turn.cmp(&b.turn))
                .then(a.span.map(|s| s.start).cmp(&b.span.map(|s| s.start)))
        });
        let scores = crate::scorecard::score(&cx, &findings);
        let satisfaction = crate::risk::satisfaction(&cx);
        let (risk, risk_explanation) = crate::risk::risk(&cx, &findings);
        let severity = findings.iter().map(|f| f.severity).filter(|s| *s > Severity::Info).max();
        Analysis {
            id: conv.id.clone(),
            workspace: conv.workspace_or_default().to_string(),
            language: main_lang.as_str().to_string(),
            risk,
            severity,
            satisfaction,
            scores: Some(scores),
            findings,
            turns: turns
                .iter()
                .map(|r| TurnSignal {
                    lang: r.lang.as_str().to_string(),
                    sentiment: r.sentiment,
                    emotion: r.emotion,
                    emotion_confidence: r.emotion_confidence,
                })
                .collect(),
            risk_explanation,
            diagnostics: conv.diagnostics(),
        }
    }

    /// The conversation's language: the one given, else the language of most customer text.
    pub fn main_language(&self, conv: &Conversation) -> Lang {
        if let Some(l) = conv.language.as_deref().map(Lang::parse)
            && l != Lang::Und
        {
            return l;
        }
        let mut weight: Vec<(Lang, usize)> = Vec::new();
        for t in conv.turns.iter().filter(|t| !t.internal) {
            let text = cut(&t.text);
            let n = letters(text);
            if n == 0 {
                continue;
            }
            let l = detect_language(text);
            if l == Lang::Und {
                continue;
            }
            // The customer's language is what the conversation is "in".
            let w = if t.role == Role::Customer { n * 2 } else { n };
            match weight.iter_mut().find(|(x, _)| *x == l) {
                Some((_, c)) => *c += w,
                None => weight.push((l, w)),
            }
        }
        weight.into_iter().max_by_key(|(_, w)| *w).map_or(Lang::Und, |(l, _)| l)
    }
}

impl Default for Engine {
    fn default() -> Engine {
        Engine::new(EngineConfig::default())
    }
}

fn letters(text: &str) -> usize {
    text.chars().filter(|c| c.is_alphabetic()).take(64).count()
}

/// The first `MAX_TURN_CHARS` characters of a text.
fn cut(text: &str) -> &str {
    if text.len() <= MAX_TURN_CHARS {
        return text;
    }
    match text.char_indices().nth(MAX_TURN_CHARS) {
        Some((i, _)) => &text[..i],
        None => text,
    }
}
