//! The hand-written cue lexicon (`lexicon.txt`, one line per language and category, terms separated by `|`): words that carry sentiment or one of the
//! emotions, in each of the nine languages. The models learn one weight per category, shared by
//! every language, so a language with little training data still benefits from its words here.
//!
//! A term ending in `*` matches any word that starts with it (inflections); other Latin-script
//! terms must match whole words. Terms in scripts without spaces match anywhere. A short term is
//! only trusted in its own language, so that a two-letter Vietnamese word does not fire in French;
//! Chinese and Japanese terms only in their own language. Besides the categories, a line may list
//! intensifiers (`int`), contrast words (`but`: what comes before counts half) and masked phrases
//! (`nil`: 不好意思 contains 不好 but is not negative). A negator reaches a few words forward, not
//! past a comma or full stop; Japanese also negates the word before (良くない).

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

/// What a lexicon term does: count in a category, strengthen the next sentiment word, or mark a
/// contrast after which the rest of the message counts more ("good, but it broke").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Cat(Cat),
    Intensifier,
    Contrast,
    /// A phrase that contains a polar word without being polar ("不好意思"): matched, ignored.
    Mask,
}

struct Entry {
    kind: Kind,
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
        let kind = match cat.trim() {
            "int" => Kind::Intensifier,
            "but" => Kind::Contrast,
            "nil" => Kind::Mask,
            c => match Cat::parse(c) {
                Some(c) => Kind::Cat(c),
                None => continue,
            },
        };
        for term in terms.split('|') {
            add(&mut patterns, &mut entries, lang, kind, term);
        }
    }
    let ac = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .build(&patterns)
        .ok()?;
    Some(Lexicon { ac, entries })
}

fn add(patterns: &mut Vec<String>, entries: &mut Vec<Entry>, lang: &str, kind: Kind, term: &str) {
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
        // Except the shortest Arabic words (لا، ما، مش، بس), which would fire inside other words.
        let spaced = first.is_word()
            && !super::features::unspaced(first)
            && (!arabic || term.chars().count() <= 2);
        // Chinese and Japanese share their ideographs but not their words: a CJK term is only
        // trusted in its own language. Other unspaced scripts belong to one language each.
        let cjk = matches!(first as u32, 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF);
        let global = !cjk && (!spaced || term.chars().count() >= 5);
        entries.push(Entry {
            kind,
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

/// What a scan of one message found.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Scan {
    /// Hits per category, in the order of `Cat::ALL`.
    pub counts: [u32; CATS],
    /// Positive and negative evidence, after negation, intensifiers and contrast: each polar word
    /// counts 1 (gratitude 0.7, a negated negative word 0.5 towards positive), an intensifier just
    /// before makes it 1.5, and everything before a contrast word ("but", "aber", "但是") counts half.
    pub pos: f32,
    pub neg: f32,
}

/// How far (bytes of folded text) a negator reaches forward, and how far a sentiment word may sit
/// before a trailing negator (Japanese 「満足していない」, Thai and Chinese do not need it).
fn reach(lang: Lang) -> (usize, usize) {
    match lang {
        // Arabic letters take two bytes, CJK and Thai three.
        Lang::Ja => (12, 15),
        Lang::Zh | Lang::Th => (12, 0),
        Lang::Ar => (18, 0),
        _ => (16, 0),
    }
}

/// Whether a stretch of text ends a clause, which ends a negator's reach ("没有了，再次感谢").
fn clause_break(s: &str) -> bool {
    s.contains(|c| {
        matches!(
            c,
            ',' | '.'
                | '!'
                | '?'
                | ';'
                | ':'
                | '\n'
                | '，'
                | '。'
                | '！'
                | '？'
                | '；'
                | '、'
                | '،'
                | '؛'
                | '؟'
        )
    })
}

/// The valence of a category: (positive, negative) per hit.
fn valence(cat: Cat) -> (f32, f32) {
    match cat {
        Cat::Pos => (1.0, 0.0),
        Cat::Gratitude => (0.7, 0.0),
        Cat::Neg | Cat::Anger => (0.0, 1.0),
        Cat::Disappointment => (0.0, 0.8),
        Cat::NegatedPos => (0.0, 0.8),
        Cat::NegatedNeg => (0.5, 0.0),
        Cat::Frustration | Cat::Anxiety => (0.0, 0.25),
        Cat::Negator | Cat::Laughter => (0.0, 0.0),
    }
}

/// Counts the lexicon hits of each category in folded text and records the first hit of each.
pub fn scan(norm: &str, lang: Lang, evidence: &mut [Option<Range<usize>>; CATS]) -> [u32; CATS] {
    scan_full(norm, lang, evidence).counts
}

/// Like [`scan`], and also weighs the positive and negative evidence.
pub fn scan_full(norm: &str, lang: Lang, evidence: &mut [Option<Range<usize>>; CATS]) -> Scan {
    let mut out = Scan::default();
    let Some(lex) = lexicon() else { return out };
    let counts = &mut out.counts;
    let (ahead, behind) = reach(lang);
    // Where the last negator and intensifier ended; the last sentiment word (end, category,
    // range, weight) so that a trailing negator can turn it.
    let mut last_negator: Option<usize> = None;
    let mut last_intensifier: Option<usize> = None;
    let mut last_sentiment: Option<(usize, Cat, Range<usize>, f32)> = None;
    let (mut pos, mut neg) = (0f32, 0f32);
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
        let mut cat = match e.kind {
            Kind::Cat(c) => c,
            Kind::Intensifier => {
                // Right after a sentiment word it strengthens that word ("سيء جدا", "tệ quá",
                // "ดีมาก"); otherwise the next one ("very good").
                match &last_sentiment {
                    Some((end, c, _, w)) if m.start().saturating_sub(*end) <= 2 && *w <= 1.0 => {
                        let (p, n) = valence(*c);
                        pos += 0.5 * p;
                        neg += 0.5 * n;
                        last_sentiment = None;
                    }
                    _ => last_intensifier = Some(m.end()),
                }
                continue;
            }
            Kind::Mask => continue,
            Kind::Contrast => {
                pos *= 0.5;
                neg *= 0.5;
                last_negator = None;
                last_sentiment = None;
                continue;
            }
        };
        if cat == Cat::Negator {
            // A sentiment word just before a trailing negator ("満足できない") is negated too.
            if let Some((end, c, r, w)) = last_sentiment.take()
                && m.start().saturating_sub(end) <= behind
                && behind > 0
            {
                let slot = if c == Cat::Pos {
                    Cat::NegatedPos
                } else {
                    Cat::NegatedNeg
                };
                let (p0, n0) = valence(c);
                let (p1, n1) = valence(slot);
                pos += w * (p1 - p0);
                neg += w * (n1 - n0);
                counts[c as usize] = counts[c as usize].saturating_sub(1);
                counts[slot as usize] += 1;
                evidence[slot as usize].get_or_insert(r);
            }
            last_negator = Some(m.end());
        } else if matches!(cat, Cat::Pos | Cat::Neg | Cat::Gratitude)
            && last_negator.is_some_and(|n| {
                m.start().saturating_sub(n) <= ahead
                    && !clause_break(&norm[n.min(m.start())..m.start()])
            })
        {
            cat = if cat == Cat::Neg {
                Cat::NegatedNeg
            } else {
                Cat::NegatedPos
            };
            last_negator = None;
        }
        let w = if last_intensifier.is_some_and(|i| m.start().saturating_sub(i) <= ahead) {
            last_intensifier = None;
            1.5
        } else {
            1.0
        };
        let (p, n) = valence(cat);
        pos += w * p;
        neg += w * n;
        counts[cat as usize] += 1;
        evidence[cat as usize].get_or_insert(m.start()..m.end());
        if matches!(cat, Cat::Pos | Cat::Neg) {
            last_sentiment = Some((m.end(), cat, m.start()..m.end(), w));
        }
    }
    out.pos = pos;
    out.neg = neg;
    out
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

    fn polarity(text: &str, lang: Lang) -> (f32, f32) {
        let mut ev = Default::default();
        let s = scan_full(earshot_text::normalize(text).as_str(), lang, &mut ev);
        (s.pos, s.neg)
    }

    #[test]
    fn negation_in_every_language() {
        for (t, l) in [
            ("Das ist nicht gut", Lang::De),
            ("Je ne suis pas content", Lang::Fr),
            ("No es bueno", Lang::Es),
            ("Sản phẩm không tốt", Lang::Vi),
            ("这个不太好用", Lang::Zh),
            ("あまり良くない", Lang::Ja),
            ("المنتج مش كويس", Lang::Ar),
        ] {
            let (p, n) = polarity(t, l);
            assert!(n > p, "{t}: {p} {n}");
        }
    }

    #[test]
    fn a_clause_break_ends_the_negation() {
        // "Nothing else, thanks again!" is thanks, not negated thanks.
        let (p, n) = polarity("没有了，再次感谢！", Lang::Zh);
        assert!(p > 0.0 && n == 0.0, "{p} {n}");
    }

    #[test]
    fn after_a_contrast_the_rest_counts_more() {
        let (p, n) = polarity(
            "Das Produkt ist gut, aber die Lieferung war katastrophal",
            Lang::De,
        );
        assert!(n > p, "{p} {n}");
        let (p, n) = polarity("质量不错，但是物流太慢了", Lang::Zh);
        assert!(n > p, "{p} {n}");
    }

    #[test]
    fn intensifiers_before_and_after() {
        assert!(polarity("very good", Lang::En).0 > polarity("good", Lang::En).0);
        assert!(polarity("رديء جدا", Lang::Ar).1 > polarity("رديء", Lang::Ar).1);
        assert!(polarity("ห่วยสุดๆ", Lang::Th).1 > polarity("ห่วย", Lang::Th).1);
    }

    #[test]
    fn masked_phrases_are_not_polar() {
        assert_eq!(polarity("不好意思，请问一下", Lang::Zh), (0.0, 0.0));
        assert_eq!(polarity("Liebe Grüße", Lang::De), (0.0, 0.0));
        // A Chinese word does not fire in Japanese text.
        assert_eq!(hits("出差", Lang::Ja)[Cat::Neg as usize], 0);
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
