//! The engine: the analyzers of both stages, run in order.

use earshot_model::{Analysis, Conversation, MAX_TURN_CHARS, Role, Severity, TurnSignal};
use earshot_text::CharClass;
use earshot_text::{Lang, detect_language, normalize};

use crate::analyzers;
use crate::risk::CustomerHistory;
use crate::rules::{RulePack, RulesAnalyzer};
use crate::{
    ConversationAnalyzer, ConversationContext, EngineConfig, TurnAnalyzer, TurnContext, TurnResult,
};

/// A built engine. Cheap to share across threads (`&Engine` is all a worker needs).
pub struct Engine {
    /// Process-unique, so that the per-thread memory of turn results is never shared between
    /// engines (`turn_cache`).
    id: u64,
    config: EngineConfig,
    turn: Vec<Box<dyn TurnAnalyzer>>,
    conversation: Vec<Box<dyn ConversationAnalyzer>>,
    rules: RulePack,
}

impl Engine {
    /// The engine with the built-in analyzers, the built-in rule pack and the given settings.
    pub fn new(config: EngineConfig) -> Engine {
        // The turn analyzers are built before the built-in pack is asked for: the pack is built
        // once per process, and a caller that starts it on another thread beforehand (the batch
        // pipeline does) gets both built at the same time.
        let turn = analyzers::turn_analyzers();
        Engine::assemble(config, turn, RulePack::builtin())
    }

    /// The engine with the built-in analyzers and a rule pack of the user's. The settings'
    /// forbidden words join the pack's `forbidden` phrase set.
    pub fn with_rules(config: EngineConfig, pack: RulePack) -> Engine {
        Engine::assemble(config, analyzers::turn_analyzers(), pack)
    }

    fn assemble(config: EngineConfig, turn: Vec<Box<dyn TurnAnalyzer>>, pack: RulePack) -> Engine {
        // Forbidden words are plain phrases; one that cannot compile (it cannot, short of an
        // empty word) leaves the pack as it was rather than failing the engine.
        let rules = pack
            .with_forbidden_words(&config.forbidden_words)
            .unwrap_or(pack);
        let mut conversation = analyzers::conversation_analyzers();
        conversation.push(Box::new(RulesAnalyzer::new(&rules)));
        Engine {
            id: crate::turn_cache::engine_id(),
            config,
            turn,
            conversation,
            rules,
        }
    }

    /// The rule pack this engine runs.
    pub fn rules(&self) -> &RulePack {
        &self.rules
    }

    pub fn config(&self) -> &EngineConfig {
        &self.config
    }

    /// The names of the analyzers of both stages, in the order they run.
    pub fn analyzer_names(&self) -> Vec<&'static str> {
        self.turn
            .iter()
            .map(|a| a.name())
            .chain(self.conversation.iter().map(|a| a.name()))
            .collect()
    }

    /// Runs the turn stage on one text. `lang_hint` is used when the text is too short to tell.
    pub fn analyze_turn(
        &self,
        index: usize,
        role: Role,
        text: &str,
        internal: bool,
        lang_hint: Lang,
    ) -> TurnResult {
        let text = cut(text);
        let lang = self.turn_language(text, detect_language(text), lang_hint);
        self.turn_in(index, role, text, internal, lang)
    }

    /// A turn's language: its own when it says enough, else the conversation's.
    fn turn_language(&self, text: &str, detected: Lang, hint: Lang) -> Lang {
        if hint != Lang::Und && letters(text) < self.config.min_detect_chars {
            return hint;
        }
        if detected == Lang::Und {
            hint
        } else {
            detected
        }
    }

    /// The turn stage on a text already cut, in a known language.
    fn turn_in(
        &self,
        index: usize,
        role: Role,
        text: &str,
        internal: bool,
        lang: Lang,
    ) -> TurnResult {
        crate::turn_cache::turn(self.id, index, role, text, internal, lang, || {
            self.turn_uncached(index, role, text, internal, lang)
        })
    }

    fn turn_uncached(
        &self,
        index: usize,
        role: Role,
        text: &str,
        internal: bool,
        lang: Lang,
    ) -> TurnResult {
        let norm = normalize(text);
        let cx = TurnContext {
            index,
            role,
            text,
            norm: &norm,
            lang,
            internal,
        };
        let mut out = TurnResult::new(lang);
        for a in &self.turn {
            a.analyze(&cx, &mut out);
        }
        out.norm = norm;
        out
    }

    /// Analyses a whole conversation. Never fails: problems with the data are reported in
    /// `diagnostics`.
    pub fn analyze(&self, conv: &Conversation) -> Analysis {
        self.analyze_with_history(conv, &CustomerHistory::default())
    }

    /// Like [`Engine::analyze`], knowing the customer's earlier conversations: a customer who
    /// complains again weighs more in the risk score.
    pub fn analyze_with_history(&self, conv: &Conversation, history: &CustomerHistory) -> Analysis {
        // Each turn's language is detected once and serves both the main language and the turn.
        let detected: Vec<Lang> = conv
            .turns
            .iter()
            .map(|t| detect_language(cut(&t.text)))
            .collect();
        let main_lang = self.main_language_of(conv, &detected);
        let turns: Vec<TurnResult> = conv
            .turns
            .iter()
            .zip(&detected)
            .enumerate()
            .map(|(i, (t, d))| {
                let text = cut(&t.text);
                let lang = self.turn_language(text, *d, main_lang);
                self.turn_in(i, t.role, text, t.internal, lang)
            })
            .collect();
        self.analyze_turns(conv, turns, main_lang, history)
    }

    /// Scores an analysis again knowing the customer's earlier conversations: only the risk and
    /// its explanation change. Cheaper than [`Engine::analyze_with_history`] for a caller that
    /// learns the history after the analysis (the pipeline asks its store only about customers
    /// who complain).
    pub fn rescore(&self, conv: &Conversation, analysis: &mut Analysis, history: &CustomerHistory) {
        let (risk, explanation) = crate::risk::risk(conv, &analysis.findings, history);
        analysis.risk = risk;
        analysis.risk_explanation = explanation;
    }

    /// The conversation stage over turn results computed earlier (live mode keeps them).
    pub fn analyze_with(
        &self,
        conv: &Conversation,
        turns: Vec<TurnResult>,
        main_lang: Lang,
    ) -> Analysis {
        self.analyze_turns(conv, turns, main_lang, &CustomerHistory::default())
    }

    /// The conversation stage over turn results computed earlier, with the customer's history.
    pub fn analyze_turns(
        &self,
        conv: &Conversation,
        turns: Vec<TurnResult>,
        main_lang: Lang,
        history: &CustomerHistory,
    ) -> Analysis {
        let mut findings = Vec::new();
        for (t, r) in conv.turns.iter().zip(&turns) {
            // Internal notes are kept and shown but never scored as customer-facing.
            if !t.internal {
                findings.extend(r.findings.iter().cloned());
            }
        }
        let cx = ConversationContext {
            conversation: conv,
            turns: &turns,
            config: &self.config,
        };
        for a in &self.conversation {
            a.analyze(&cx, &mut findings);
        }
        findings.sort_by(|a, b| {
            b.severity
                .cmp(&a.severity)
                .then(a.turn.cmp(&b.turn))
                .then(a.span.map(|s| s.start).cmp(&b.span.map(|s| s.start)))
        });
        let scores = crate::scorecard::score(&cx, &findings, self.rules.scorecard());
        let satisfaction = crate::risk::satisfaction(&cx);
        let (risk, risk_explanation) = crate::risk::risk(conv, &findings, history);
        let severity = findings
            .iter()
            .map(|f| f.severity)
            .filter(|s| *s > Severity::Info)
            .max();
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
        let detected: Vec<Lang> = conv
            .turns
            .iter()
            .map(|t| detect_language(cut(&t.text)))
            .collect();
        self.main_language_of(conv, &detected)
    }

    /// The main language from each turn's detected language, weighted by its letters.
    fn main_language_of(&self, conv: &Conversation, detected: &[Lang]) -> Lang {
        if let Some(l) = conv.language.as_deref().map(Lang::parse)
            && l != Lang::Und
        {
            return l;
        }
        let mut weight: Vec<(Lang, usize)> = Vec::new();
        for (t, &l) in conv.turns.iter().zip(detected) {
            if t.internal || l == Lang::Und {
                continue;
            }
            let n = letters(cut(&t.text));
            // The customer's language is what the conversation is "in".
            let w = if t.role == Role::Customer { n * 2 } else { n };
            match weight.iter_mut().find(|(x, _)| *x == l) {
                Some((_, c)) => *c += w,
                None => weight.push((l, w)),
            }
        }
        weight
            .into_iter()
            .max_by_key(|(_, w)| *w)
            .map_or(Lang::Und, |(l, _)| l)
    }
}

impl Default for Engine {
    fn default() -> Engine {
        Engine::new(EngineConfig::default())
    }
}

/// Letters in a text, counted up to 64 (enough to tell whether it says anything).
fn letters(text: &str) -> usize {
    text.chars()
        .filter(|c| {
            if c.is_ascii() {
                c.is_ascii_alphabetic()
            } else {
                c.is_letter()
            }
        })
        .take(64)
        .count()
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
