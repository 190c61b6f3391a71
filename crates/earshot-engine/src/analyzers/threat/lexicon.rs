//! The threat pattern files: one per language under `lexicons/threats/`, compiled into the binary.
//!
//! Each line is `kind<TAB>type<TAB>pattern`. A pattern is matched against the folded text; a
//! leading or trailing `*` leaves that side open (a stem such as `verklag*` matches `verklage`,
//! `verklagt`), otherwise a side that ends in a letter of a spaced script must sit on a word
//! boundary. Lines starting with `#` are comments.

use earshot_text::CharClass;
use earshot_text::normalize;

/// The seven threat types, in the order of [`super::CODES`].
pub const TYPES: [&str; 7] = [
    "violence",
    "legal",
    "chargeback",
    "marketplace_claim",
    "review",
    "regulator",
    "churn",
];

/// What a pattern contributes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A threat on its own ("see you in court", "chargeback", "nie wieder").
    Phrase,
    /// A threat only next to an intent cue ("lawyer" needs "I will ...").
    Target,
    /// A threat only when the turn is angry ("cancel my order").
    Angry,
    /// Will, going to, werde, 要, つもり, sẽ, จะ, سوف: the speaker means to act.
    Intent,
    /// A negation that cancels what follows it ("not", "nicht", "不会", "لن").
    Neg,
    /// A negation that cancels what precedes it (Japanese "ない", "ません").
    NegPost,
    /// A past or hypothetical frame ("last time", "上次"): lowers confidence.
    Past,
    /// A condition ("if", "wenn", "如果"): a negation after it belongs to the condition.
    Cond,
    /// An anger cue for `Angry` targets ("ridiculous", "太离谱").
    Anger,
    /// A near-miss phrase ("5-star", "lawyer-approved", "legal in"): no target in its clause
    /// counts, and a target it contains is hidden because the longest match wins.
    Block,
    /// A word that only hides a cue inside it ("需要" holds "要" but means "need").
    Skip,
}

impl Kind {
    fn parse(s: &str) -> Option<Kind> {
        Some(match s {
            "phrase" => Kind::Phrase,
            "target" => Kind::Target,
            "angry" => Kind::Angry,
            "intent" => Kind::Intent,
            "neg" => Kind::Neg,
            "negpost" => Kind::NegPost,
            "past" => Kind::Past,
            "cond" => Kind::Cond,
            "anger" => Kind::Anger,
            "block" => Kind::Block,
            "skip" => Kind::Skip,
            _ => return None,
        })
    }

    /// Whether the kind names a threat and so needs a type.
    pub fn is_threat(self) -> bool {
        matches!(self, Kind::Phrase | Kind::Target | Kind::Angry)
    }
}

/// One compiled pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub kind: Kind,
    /// Index into [`TYPES`] for threat kinds.
    pub ty: usize,
    /// The folded pattern without its `*` markers.
    pub text: String,
    pub open_left: bool,
    pub open_right: bool,
    /// Whether the pattern is written in a script without spaces (Chinese, Japanese, Thai), which
    /// sets how far its cues may stand.
    pub unspaced: bool,
}

/// The pattern files, by language tag.
pub const FILES: [(&str, &str); 9] = [
    ("en", include_str!("../../../../../lexicons/threats/en.tsv")),
    ("de", include_str!("../../../../../lexicons/threats/de.tsv")),
    ("ja", include_str!("../../../../../lexicons/threats/ja.tsv")),
    ("es", include_str!("../../../../../lexicons/threats/es.tsv")),
    ("fr", include_str!("../../../../../lexicons/threats/fr.tsv")),
    ("vi", include_str!("../../../../../lexicons/threats/vi.tsv")),
    ("th", include_str!("../../../../../lexicons/threats/th.tsv")),
    ("ar", include_str!("../../../../../lexicons/threats/ar.tsv")),
    ("zh", include_str!("../../../../../lexicons/threats/zh.tsv")),
];

/// Characters of scripts written without spaces between words.
pub fn is_unspaced(c: char) -> bool {
    matches!(c,
        '\u{3040}'..='\u{30ff}' | '\u{31f0}'..='\u{31ff}' | '\u{3400}'..='\u{4dbf}'
        | '\u{4e00}'..='\u{9fff}' | '\u{f900}'..='\u{faff}' | '\u{ff66}'..='\u{ff9f}'
        | '\u{0e00}'..='\u{0e7f}' | '\u{ac00}'..='\u{d7af}'
    )
}

/// A character that continues a word of a spaced script, so a match next to it is inside a word.
pub fn is_word_char(c: char) -> bool {
    c.is_word() && !is_unspaced(c)
}

/// Parses one file. Bad lines are skipped and described in `errors` as `file:line: why`.
pub fn parse(name: &str, src: &str, out: &mut Vec<Entry>, errors: &mut Vec<String>) {
    for (n, line) in src.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let mut cols = line.split('\t');
        let (Some(kind), Some(ty), Some(pat), None) =
            (cols.next(), cols.next(), cols.next(), cols.next())
        else {
            errors.push(format!(
                "{name}:{}: expected three tab-separated columns",
                n + 1
            ));
            continue;
        };
        let Some(kind) = Kind::parse(kind) else {
            errors.push(format!("{name}:{}: unknown kind {kind:?}", n + 1));
            continue;
        };
        let ty = if kind.is_threat() {
            match TYPES.iter().position(|t| *t == ty) {
                Some(i) => i,
                None => {
                    errors.push(format!("{name}:{}: unknown threat type {ty:?}", n + 1));
                    continue;
                }
            }
        } else if ty == "-" {
            0
        } else {
            errors.push(format!("{name}:{}: a {kind:?} cue takes type '-'", n + 1));
            continue;
        };
        let open_left = pat.starts_with('*');
        let open_right = pat.len() > 1 && pat.ends_with('*');
        let bare = pat.trim_matches('*');
        let folded = normalize(bare).as_str().to_string();
        if folded.trim().is_empty() {
            errors.push(format!("{name}:{}: empty pattern", n + 1));
            continue;
        }
        let unspaced = folded.chars().any(is_unspaced);
        // Curly and straight apostrophes are both common; the pattern files use the straight one.
        let variants = if folded.contains('\'') {
            vec![folded.clone(), folded.replace('\'', "\u{2019}")]
        } else {
            vec![folded]
        };
        for text in variants {
            out.push(Entry {
                kind,
                ty,
                text,
                open_left,
                open_right,
                unspaced,
            });
        }
    }
}
