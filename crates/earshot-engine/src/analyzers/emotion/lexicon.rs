//! The hand-written cue lexicon (`lexicon.txt`, one line per language and category, terms separated by `|`): words that carry sentiment or one of the
//! emotions, in each of the nine languages. The models learn one weight per category, shared by
//! every language, so a language with little training data still benefits from its words here.
//!
//! A term ending in `*` matches any word that starts with it (inflections); other Latin-script
//! terms must match whole words. Terms in scripts without spaces match anywhere. A short term is
//! only trusted in its own language, so that a two-letter Vietnamese word does not fire in French.

use earshot_text::CharClass;
use std::ops::Range;
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, MatchKind};
use earshot_text::Lang;

/// A lexicon category. The order is the order of the cue values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cat {
    Pos,
    Neg,
    Anger,
    Frustration,
    Disappointment,
    Anxiety,
    Gratitude,
    Negator,
    Laughter,
    /// A positive word under negation ("not happy").
    NegatedPos,
    /// A negative word under negation ("not bad").
    NegatedNeg,
}

pub const CATS: usize = 11;

impl Cat {
    pub const ALL: [Cat; CATS] = [
        Cat::Pos,
        Cat::Neg,
        Cat::Anger,
        Cat::Frustration,
        Cat::Disappointment,
        Cat::Anxiety,
        Cat::Gratitude,
        Cat::Negator,
        Cat::Laughter,
        Cat::NegatedPos,
        Cat::NegatedNeg,
    ];

    fn parse(s: &str) -> Option<Cat> {
        Some(match s {
            "pos" => Cat::Pos,
            "neg" => Cat::Neg,
            "ang" => Cat::Anger,
            "fru" => Cat::Frustration,
            "dis" => Cat::Disappointment,
            "anx" => Cat::Anxiety,
            "gra" => Cat::Gratitude,
            "not" => Cat::Negator,
            "lol" => Cat::Laughter,
            _ => return None,
        })
    }
}

struct Entry {
    cat: Cat,
    lang: Lang,
    prefix: bool,
    /// Whether the term needs word boundaries (spaced scripts).
    spaced: bool,
    /// Whether the term may fire in a message of another language.
    global: bool,
}

struct Lexicon {
    ac: AhoCorasick,
    entries: Vec<Entry>,
}

const SOURCE: &str = include_str!("lexicon.txt");

fn lexicon() -> Option<&'static Lexicon> {
    static LEX: OnceLock<Option<Lexicon>> = OnceLock::new();
    LEX.get_or_init(build).as_ref()
}

fn build() -> Option<Lexicon> {
    let mut patterns = Vec::new();
    let mut entries = Vec::new();
    for line in SOURCE.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let Some((head, terms)) = line.split_once(':') else {
            continue;
        };
        let Some((lang, cat)) = head.trim().split_once(' ') else {
            continue;
        };
        let Some(cat) = Cat::parse(cat.trim()) else {
            continue;
        };
        for term in terms.split('|') {
            add(&mut patterns, &mut entries, lang, cat, term);
        }
    }
    let ac = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .build(&patterns)
        .ok()?;
    Some(Lexicon { ac, entries })
}

fn add(patterns: &mut Vec<String>, entries: &mut Vec<Entry>, lang: &str, cat: Cat, term: &str) {
    if !term.trim().is_empty() {
        let term = earshot_text::normalize(term.trim()).as_str().to_string();
        let (term, prefix) = match term.strip_suffix('*') {
            Some(t) => (t.to_string(), true),
            None => (term, false),
        };
        if term.is_empty() {
            return;
        }
        let first = term.chars().next().unwrap_or(' ');
        // Arabic attaches clitics (و، ال، ب) to the front of words, so its terms match anywhere too.
        let arabic = ('\u{0600}'..='\u{06FF}').contains(&first);
        let spaced = first.is_word() && !super::features::unspaced(first) && !arabic;
        let global = !spaced || term.chars().count() >= 5;
        entries.push(Entry {
            cat,
            lang: Lang::parse(lang),
            prefix,
            spaced,
            global,
        });
        patterns.push(term);
    }
}

fn boundary_before(text: &str, at: usize) -> bool {
    text[..at].chars().next_back().is_none_or(|c| !c.is_word())
}

fn boundary_after(text: &str, at: usize) -> bool {
    text[at..].chars().next().is_none_or(|c| !c.is_word())
}

/// Counts the lexicon hits of each category in folded text and records the first hit of each.
pub fn scan(norm: &str, lang: Lang, evidence: &mut [Option<Range<usize>>; CATS]) -> [u32; CATS] {
    let mut counts = [0u32; CATS];
    let Some(lex) = lexicon() else { return counts };
    // Where the last negator ended, to negate a sentiment word soon after it; Japanese and Arabic
    // also negate with a word right after, handled by looking back from the negator.
    let mut last_negator: Option<usize> = None;
    let mut last_sentiment: Option<(usize, Cat, Range<usize>)> = None;
    for m in lex.ac.find_iter(norm) {
        let Some(e) = lex.entries.get(m.pattern().as_usize()) else {
            continue;
        };
        if !e.global && e.lang != lang {
            continue;
        }
        if e.spaced
            && (!boundary_before(norm, m.start()) || (!e.prefix && !boundary_after(norm, m.end())))
        {
            continue;
        }
        let mut cat = e.cat;
        if cat == Cat::Negator {
            // A sentiment word just before a trailing negator ("満足できない") is negated too.
            if let Some((end, c, r)) = last_sentiment.take()
                && m.start().saturating_sub(end) <= 6
                && lang == Lang::Ja
            {
                let slot = if c == Cat::Pos {
                    Cat::NegatedPos
                } else {
                    Cat::NegatedNeg
                };
                counts[c as usize] = counts[c as usize].saturating_sub(1);
                counts[slot as usize] += 1;
                evidence[slot as usize].get_or_insert(r);
            }
            last_negator = Some(m.end());
        } else if matches!(cat, Cat::Pos | Cat::Neg | Cat::Gratitude)
            && last_negator.is_some_and(|n| m.start().saturating_sub(n) <= 16)
        {
            cat = if cat == Cat::Neg {
                Cat::NegatedNeg
            } else {
                Cat::NegatedPos
            };
            last_negator = None;
        }
        counts[cat as usize] += 1;
        evidence[cat as usize].get_or_insert(m.start()..m.end());
        if matches!(cat, Cat::Pos | Cat::Neg) {
            last_sentiment = Some((m.end(), cat, m.start()..m.end()));
        }
    }
    counts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hits(text: &str, lang: Lang) -> [u32; CATS] {
        let mut ev = Default::default();
        scan(earshot_text::normalize(text).as_str(), lang, &mut ev)
    }

    #[test]
    fn the_lexicon_loads() {
        assert!(lexicon().is_some_and(|l| l.entries.len() > 300));
    }

    #[test]
    fn negation_turns_a_positive_word() {
        assert_eq!(hits("I am happy", Lang::En)[Cat::Pos as usize], 1);
        let h = hits("I am not happy at all", Lang::En);
        assert_eq!(h[Cat::Pos as usize], 0);
        assert_eq!(h[Cat::NegatedPos as usize], 1);
    }

    #[test]
    fn whole_words_only_unless_marked() {
        assert_eq!(hits("I made it", Lang::En)[Cat::Anger as usize], 0);
    }

    #[test]
    fn cues_in_every_language() {
        for (t, l) in [
            ("Ich bin total enttäuscht", Lang::De),
            ("Estoy muy enfadado", Lang::Es),
            ("Je suis vraiment déçu", Lang::Fr),
            ("本当にありがとうございます", Lang::Ja),
            ("太失望了", Lang::Zh),
            ("ขอบคุณมากครับ", Lang::Th),
            ("Tôi rất thất vọng", Lang::Vi),
            ("شكرا جزيلا", Lang::Ar),
        ] {
            assert!(hits(t, l).iter().sum::<u32>() > 0, "{t}");
        }
    }
}
