//! Masked words: `B**h`, `f***`, `sh*t`, `a**hole`, and grawlix runs such as `#$%&`.
//!
//! A masked word is read as a pattern in which each run of mask characters stands for a few
//! letters, and matched only against Latin-script lexicon entries: the visible letters must agree
//! and the word must start with a visible letter (or end with one and show at least two), so
//! `*important*` or a masked card number `**** 1234` never match.

use earshot_text::CharClass;
use earshot_text::Lang;

use super::lexicon::{Cat, Lexicon, Shape};

/// A masked word that matched an entry, in bytes of the skeleton view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MaskHit {
    /// `None` for a grawlix run, which stands for profanity without naming it.
    pub entry: Option<usize>,
    pub start: usize,
    pub end: usize,
}

fn is_mask(c: char) -> bool {
    matches!(c, '*' | '#' | '%' | '&' | '@' | '$' | '_')
}

#[derive(Clone, Copy)]
enum El {
    Lit(char),
    Mask(usize),
}

/// Finds masked words in a skeleton text.
pub fn find(lex: &Lexicon, text: &str, lang: Lang) -> Vec<MaskHit> {
    let mut out = Vec::new();
    if !text.chars().any(is_mask) {
        return out;
    }
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut p = 0;
    while p < chars.len() {
        let c = chars[p].1;
        if !(c.is_word() || is_mask(c)) {
            p += 1;
            continue;
        }
        let mut q = p;
        while q < chars.len() && (chars[q].1.is_word() || is_mask(chars[q].1)) {
            q += 1;
        }
        let start = chars[p].0;
        let end = chars.get(q).map_or(text.len(), |x| x.0);
        let token: Vec<char> = chars[p..q].iter().map(|x| x.1).collect();
        if let Some(hit) = match_token(lex, &token, start, end, lang) {
            out.push(hit);
        }
        p = q;
    }
    out
}

fn match_token(
    lex: &Lexicon,
    token: &[char],
    start: usize,
    end: usize,
    lang: Lang,
) -> Option<MaskHit> {
    let masks = token.iter().filter(|c| is_mask(**c)).count();
    if masks == 0 {
        return None;
    }
    let letters = token.iter().filter(|c| c.is_letter()).count();
    if letters == 0 {
        // A grawlix: three or more symbols, at least two different ones, not just asterisks
        // (masked card numbers are `**** 1234`).
        let mut kinds: Vec<char> = token.to_vec();
        kinds.sort_unstable();
        kinds.dedup();
        let grawlix = token.len() >= 3 && kinds.len() >= 3 && token.iter().all(|c| is_mask(*c));
        return grawlix.then_some(MaskHit {
            entry: None,
            start,
            end,
        });
    }
    // Mentions and hashtags ("@user", "#sale") start with what looks like a mask.
    if matches!(token.first(), Some('@' | '#')) {
        return None;
    }
    // A leetspeak digit beside a letter is a visible letter too (Arabizi `7**r` for 7mar).
    let visible = |c: &char| c.is_letter() || super::lexicon::leet_digit(*c).is_some();
    let first_visible = token.first().is_some_and(visible);
    let last_visible = token.last().is_some_and(visible);
    if !(first_visible || (last_visible && letters >= 2)) || letters > 12 {
        return None;
    }
    let mut els: Vec<El> = Vec::new();
    for &c in token {
        if is_mask(c) {
            if let Some(El::Mask(k)) = els.last_mut() {
                *k += 1;
            } else {
                els.push(El::Mask(1));
            }
        } else {
            els.push(El::Lit(super::lexicon::leet_digit(c).unwrap_or(c)));
        }
    }
    // First try each mask character as exactly one letter, then allow a little slack.
    for relaxed in [false, true] {
        let mut best: Option<usize> = None;
        for (id, e) in lex.entries.iter().enumerate() {
            if !e.cat.is_abuse() || e.shape != Shape::Word || e.open_start || e.key.contains(' ') {
                continue;
            }
            // Words that only count in their own language ("dm", "clgt", "con") do so masked too.
            if e.strict && e.lang != lang {
                continue;
            }
            let key: Vec<char> = e.key.chars().collect();
            if key.len() < 3 || !matches(&els, 0, &key, 0, e.open_end, relaxed, false) {
                continue;
            }
            let better = match best {
                None => true,
                Some(b) => rank(lex, id, lang) > rank(lex, b, lang),
            };
            if better {
                best = Some(id);
            }
        }
        if let Some(id) = best {
            return Some(MaskHit {
                entry: Some(id),
                start,
                end,
            });
        }
    }
    None
}

/// Prefers curses and insults over slurs (masked slurs are much rarer than masked curses), then
/// the message's language, then English (the most masked), then stronger entries.
fn rank(lex: &Lexicon, id: usize, lang: Lang) -> (bool, bool, bool, u8, bool) {
    let e = &lex.entries[id];
    (
        e.cat != Cat::Slur,
        e.lang == lang,
        e.lang == Lang::En,
        e.severity,
        e.cat == Cat::Insult,
    )
}

/// `shown`: a visible letter of the word already stood for a letter of the entry. A word must
/// show at least one, or a short open entry ("hoe*") would take any mask followed by letters
/// (`*hello`, `*省市`) for itself with the letters as its open end.
fn matches(
    els: &[El],
    ti: usize,
    key: &[char],
    ki: usize,
    open_end: bool,
    relaxed: bool,
    shown: bool,
) -> bool {
    let Some(el) = els.get(ti) else {
        return ki == key.len() && shown;
    };
    if ki == key.len() {
        // The entry is used up: an open entry ("fuck*") may go on with visible letters.
        return open_end
            && shown
            && els[ti..]
                .iter()
                .all(|e| matches!(e, El::Lit(c) if c.is_letter()));
    }
    match *el {
        El::Lit(c) => key[ki] == c && matches(els, ti + 1, key, ki + 1, open_end, relaxed, true),
        El::Mask(k) => {
            let (lo, hi) = if relaxed {
                (k.saturating_sub(1).max(1), k + 2)
            } else {
                (k, k)
            };
            (lo..=hi).any(|n| {
                ki + n <= key.len() && matches(els, ti + 1, key, ki + n, open_end, relaxed, shown)
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use earshot_text::skeleton;

    fn word(text: &str) -> Option<String> {
        let lex = Lexicon::abuse();
        let sk = skeleton(text);
        let hits = find(&lex, &sk, Lang::Und);
        hits.first().map(|h| {
            h.entry
                .map_or("#grawlix".to_string(), |e| lex.entries[e].key.clone())
        })
    }

    #[test]
    fn masked_words_resolve_against_the_lexicon() {
        assert_eq!(word("crossing-eye B**h").as_deref(), Some("bitch"));
        assert_eq!(word("f***").as_deref(), Some("fuck"));
        assert_eq!(word("this f***ing box").as_deref(), Some("fuck"));
        assert_eq!(word("sh*t").as_deref(), Some("shit"));
        assert_eq!(word("a**hole").as_deref(), Some("asshole"));
        assert_eq!(word("you #$%&").as_deref(), Some("#grawlix"));
    }

    #[test]
    fn ordinary_symbols_are_not_masks() {
        assert_eq!(word("card **** 1234"), None);
        assert_eq!(word("*important* note"), None);
        assert_eq!(word("@user #sale file_name"), None);
        assert_eq!(word("5* rating, 100% sure"), None);
        assert_eq!(word("*hello there"), None);
        assert_eq!(word("地址（*省*市*区*路*号*层）"), None);
    }
}
