//! Business threats: violence, legal action, chargebacks, marketplace claims, bad reviews,
//! regulators, churn.
//!
//! A bare keyword is not a threat ("the court case in the news", "PayPal is my payment method"),
//! so most targets count only next to an intent cue ("I will", "werde", "要", "つもり", "sẽ", "จะ",
//! "سوف") in the same sentence, and a negation in reach cancels them ("I'm not going to sue",
//! "不会给差评", "訴えるつもりはない"). A past or hypothetical frame ("last time I had to contact my
//! lawyer") keeps the finding at a low confidence. One Aho-Corasick pass over the folded text
//! finds every anchor and cue of every language at once, because mixed-language turns are normal
//! and language detection on a short turn can be wrong; the window checks run only on turns that
//! hold a target, so ordinary turns cost one scan.
//!
//! Only customers threaten in the business sense: an agent who writes "you may open an A-to-z
//! claim" explains a right, so agent and bot turns are checked for violence alone.

mod lexicon;

use aho_corasick::{AhoCorasick, MatchKind};
use earshot_model::{Code, Finding, Role};

use self::lexicon::{Entry, FILES, Kind, TYPES, is_word_char};
use crate::{TurnAnalyzer, TurnContext, TurnResult};

/// The finding code of each entry of [`TYPES`].
const CODES: [Code; 7] = [
    Code::THREAT_VIOLENCE,
    Code::THREAT_LEGAL,
    Code::THREAT_CHARGEBACK,
    Code::THREAT_MARKETPLACE_CLAIM,
    Code::THREAT_REVIEW,
    Code::THREAT_REGULATOR,
    Code::THREAT_CHURN,
];

/// How far (in characters) an intent cue may stand from its target, for spaced and unspaced
/// scripts. Chinese and Japanese pack a clause into a few characters.
const INTENT_REACH: [usize; 2] = [40, 16];
/// How far before the intent or target a negation still reaches ("not going to", "不会").
const NEG_REACH: [usize; 2] = [12, 1];
/// How far after a target a trailing negation reaches ("訴えるつもりはない").
const NEGPOST_REACH: usize = 10;

/// Confidence of a finding by how it was made; a past frame multiplies by `PAST_FACTOR`.
const CONF_PHRASE: f32 = 0.85;
const CONF_WITH_INTENT: f32 = 0.9;
const CONF_TARGET: f32 = 0.8;
const CONF_ANGRY: f32 = 0.7;
const PAST_FACTOR: f32 = 0.4;

/// Findings below this confidence are still reported (with their reason) but are not counted as
/// threats by the evaluation.
pub const REPORT_THRESHOLD: f32 = 0.5;

pub struct Threats {
    entries: Vec<Entry>,
    ac: Option<AhoCorasick>,
}

/// Builds the analyzer from the compiled-in pattern files, returning the problems found in them.
/// The unit tests require that there are none, so [`Threats::new`] can skip bad lines silently.
pub fn build() -> (Threats, Vec<String>) {
    let mut entries: Vec<Entry> = Vec::new();
    let mut errors = Vec::new();
    for (lang, src) in FILES {
        let mut parsed = Vec::new();
        lexicon::parse(
            &format!("lexicons/threats/{lang}.tsv"),
            src,
            &mut parsed,
            &mut errors,
        );
        for e in parsed {
            match entries.iter().find(|x| x.text == e.text) {
                Some(x) if x.kind == e.kind && x.ty == e.ty => {}
                Some(x) => errors.push(format!(
                    "lexicons/threats/{lang}.tsv: {:?} is already a {:?} elsewhere",
                    e.text, x.kind
                )),
                None => entries.push(e),
            }
        }
    }
    let ac = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .build(entries.iter().map(|e| e.text.as_str()));
    let ac = match ac {
        Ok(ac) => Some(ac),
        Err(e) => {
            errors.push(format!("threat patterns do not compile: {e}"));
            None
        }
    };
    (Threats { entries, ac }, errors)
}

impl Threats {
    pub fn new() -> Threats {
        build().0
    }
}

impl Default for Threats {
    fn default() -> Threats {
        Threats::new()
    }
}

/// One anchor or cue found in the folded text.
#[derive(Debug, Clone, Copy)]
struct Hit {
    kind: Kind,
    ty: usize,
    unspaced: bool,
    start: usize,
    end: usize,
}

impl TurnAnalyzer for Threats {
    fn name(&self) -> &'static str {
        "threat"
    }

    fn analyze(&self, turn: &TurnContext<'_>, out: &mut TurnResult) {
        let Some(ac) = &self.ac else { return };
        let text = turn.norm.as_str();
        let customer = turn.role == Role::Customer;
        let mut hits: Vec<Hit> = Vec::new();
        let mut any_target = false;
        for m in ac.find_iter(text) {
            let Some(e) = self.entries.get(m.pattern().as_usize()) else {
                continue;
            };
            if !on_boundary(text, m.start(), m.end(), e) {
                continue;
            }
            if e.kind.is_threat() && (customer || e.ty == 0) {
                any_target = true;
            }
            hits.push(Hit {
                kind: e.kind,
                ty: e.ty,
                unspaced: e.unspaced,
                start: m.start(),
                end: m.end(),
            });
        }
        if !any_target {
            return;
        }
        let angry_turn = hits.iter().any(|h| h.kind == Kind::Anger) || out.has_category("abuse");
        let mut best: [Option<(f32, usize, usize, String)>; 7] = Default::default();
        for t in hits
            .iter()
            .filter(|h| h.kind.is_threat() && (customer || h.ty == 0))
        {
            let Some(found) = judge(text, &hits, t, angry_turn) else {
                continue;
            };
            let slot = &mut best[t.ty];
            if slot.as_ref().is_none_or(|b| found.0 > b.0) {
                *slot = Some(found);
            }
        }
        for (ty, slot) in best.into_iter().enumerate() {
            let Some((conf, start, end, why)) = slot else {
                continue;
            };
            let f = Finding::new(CODES[ty].clone(), why)
                .confidence(conf)
                .source("threat");
            out.findings.push(turn.finding_at(f, start..end));
        }
    }
}

/// Whether a match stands on word boundaries where its pattern asks for them.
fn on_boundary(text: &str, start: usize, end: usize, e: &Entry) -> bool {
    let before = text.get(..start).and_then(|s| s.chars().next_back());
    let after = text.get(end..).and_then(|s| s.chars().next());
    let first = text.get(start..end).and_then(|s| s.chars().next());
    let last = text.get(start..end).and_then(|s| s.chars().next_back());
    let left_ok =
        e.open_left || !first.is_some_and(is_word_char) || !before.is_some_and(is_word_char);
    let right_ok =
        e.open_right || !last.is_some_and(is_word_char) || !after.is_some_and(is_word_char);
    left_ok && right_ok
}

/// Characters between two byte offsets of the folded text (0 when they touch or overlap).
fn gap(text: &str, from: usize, to: usize) -> usize {
    if to <= from {
        return 0;
    }
    text.get(from..to).map_or(usize::MAX, |s| s.chars().count())
}

/// The byte range of the sentence (or, with `clause`, the clause) around `pos`.
fn segment(text: &str, pos: usize, clause: bool) -> (usize, usize) {
    // A full stop ends a sentence before a space or the end, or after Chinese or Japanese (whose
    // full-width stop folds to '.'), but never after Thai, which uses it for abbreviations
    // alone ("สคบ.").
    let is_break = |c: char, prev: Option<char>, next: Option<char>| match c {
        '!' | '?' | '\n' | ';' | '。' | '؟' | '…' => true,
        '.' => {
            let thai = prev.is_some_and(|p| ('\u{0e00}'..='\u{0e7f}').contains(&p));
            !thai
                && (next.is_none_or(char::is_whitespace) || prev.is_some_and(lexicon::is_unspaced))
        }
        ',' | ':' | '、' | '،' => clause,
        _ => false,
    };
    let head = text.get(..pos).unwrap_or("");
    let mut start = 0;
    let mut prev = None;
    let mut iter = head.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        let next = iter
            .peek()
            .map(|(_, n)| *n)
            .or_else(|| text.get(pos..).and_then(|s| s.chars().next()));
        if is_break(c, prev, next) {
            start = i + c.len_utf8();
        }
        prev = Some(c);
    }
    let tail = text.get(pos..).unwrap_or("");
    let mut end = text.len();
    let mut iter = tail.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        let next = iter.peek().map(|(_, n)| *n);
        if is_break(c, prev, next) {
            end = pos + i;
            break;
        }
        prev = Some(c);
    }
    (start, end)
}

/// Decides whether a target hit is a threat: its confidence, folded span and explanation.
fn judge(
    text: &str,
    hits: &[Hit],
    t: &Hit,
    angry_turn: bool,
) -> Option<(f32, usize, usize, String)> {
    let (ss, se) = segment(text, t.start, false);
    let (cs, ce) = segment(text, t.start, true);
    let in_sentence = |h: &&Hit| h.start >= ss && h.end <= se;
    if t.kind != Kind::Phrase
        && hits
            .iter()
            .any(|h| h.kind == Kind::Block && h.start >= cs && h.end <= ce)
    {
        return None;
    }
    // The nearest intent cue of the sentence within reach, on either side.
    let intent = hits
        .iter()
        .filter(in_sentence)
        .filter(|h| h.kind == Kind::Intent)
        .map(|h| {
            let d = if h.end <= t.start {
                gap(text, h.end, t.start)
            } else {
                gap(text, t.end, h.start)
            };
            (d, h)
        })
        .filter(|(d, h)| *d <= INTENT_REACH[usize::from(t.unspaced || h.unspaced)])
        .min_by_key(|(d, _)| *d)
        .map(|(_, h)| *h);
    let (mut conf, mut why) = match (t.kind, intent) {
        (Kind::Phrase, Some(i)) => (CONF_WITH_INTENT, Some(i)),
        (Kind::Phrase, None) => (CONF_PHRASE, None),
        (Kind::Target, Some(i)) => (CONF_TARGET, Some(i)),
        (Kind::Angry, i) if angry_turn => (CONF_ANGRY, i),
        _ => return None,
    };
    // A negation counts inside the clause, after any condition ("if you don't refund me"), and
    // either between the intent cue and the target or just before whichever comes first.
    let first = intent.map_or(t.start, |i| i.start.min(t.start));
    let cond = hits
        .iter()
        .filter(|h| h.kind == Kind::Cond && h.start >= cs && h.end <= t.start)
        .map(|h| h.end)
        .max()
        .unwrap_or(cs);
    let negated = hits.iter().any(|h| match h.kind {
        Kind::Neg => {
            h.start >= cond
                && h.end <= t.start
                && (h.start >= first
                    || gap(text, h.end, first) <= NEG_REACH[usize::from(h.unspaced)])
        }
        Kind::NegPost => {
            h.start >= t.end && h.end <= ce && gap(text, t.end, h.start) <= NEGPOST_REACH
        }
        _ => false,
    });
    // Churn phrases carry their own negation ("never buy again", "再也不买", "je ne commanderai
    // plus jamais"), so a negation near them confirms rather than cancels.
    let self_negative = t.kind == Kind::Phrase && TYPES[t.ty] == "churn";
    if negated && !self_negative {
        return None;
    }
    let past = hits
        .iter()
        .filter(in_sentence)
        .any(|h| h.kind == Kind::Past);
    if past {
        conf *= PAST_FACTOR;
    }
    if t.kind == Kind::Angry && intent.is_none() {
        why = None;
    }
    // The span runs from the first cue of a chain ("will contact my lawyer") to the target.
    let (start, end) = match why {
        Some(i) => {
            let reach = INTENT_REACH[usize::from(t.unspaced)];
            let first = hits
                .iter()
                .filter(in_sentence)
                .filter(|h| h.kind == Kind::Intent && h.end <= i.start.min(t.start))
                .filter(|h| gap(text, h.end, t.start) <= reach)
                .map(|h| h.start)
                .min()
                .unwrap_or(i.start);
            (first.min(i.start).min(t.start), i.end.max(t.end))
        }
        None => (t.start, t.end),
    };
    let anchor = text.get(t.start..t.end).unwrap_or("");
    let ty = TYPES[t.ty].replace('_', " ");
    // The cue as quoted runs from the first cue of the chain ("will contact"), or is the one cue
    // that follows the target (Japanese "します").
    let cue_range = |i: Hit| {
        if i.start < t.start {
            start..i.end
        } else {
            i.start..i.end
        }
    };
    let mut line = match why.and_then(|i| text.get(cue_range(i))) {
        Some(cue) => format!("{ty} threat: '{cue}' + '{anchor}'"),
        None if t.kind == Kind::Angry => format!("{ty} threat: '{anchor}' in an angry message"),
        None => format!("{ty} threat: '{anchor}'"),
    };
    if past {
        line.push_str(" (told as past or hypothetical)");
    }
    Some((conf, start, end, line))
}

#[cfg(test)]
mod tests;
