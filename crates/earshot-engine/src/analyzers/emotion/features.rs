//! The features of the sentiment and emotion models, shared by the analyzer and by
//! `earshot train` so that a model always sees at run time what it saw in training.
//!
//! Two kinds: hashed n-grams (character 1–4-grams, which need no word segmentation for Chinese,
//! Japanese and Thai, plus word unigrams, bigrams and negated unigrams for spaced languages), and a
//! few dozen cues that hold in every language (capitals, `!!!`, angry emoji, stretched words, the
//! hand-written lexicon, the abuse and threat findings of the same turn, the language). Hashing
//! writes bucket numbers into a caller's buffer: nothing is allocated per n-gram.

use earshot_text::CharClass;
use std::ops::Range;

use earshot_text::Lang;

use super::lexicon::{self, Cat};

/// Bumped whenever the features change; a model trained on other features refuses to load.
pub const FEATURE_VERSION: u32 = 2;

/// The number of cue values.
pub const CUES: usize = 40;

/// What earlier analyzers found in the same turn.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Prior {
    pub abuse: bool,
    /// Profanity without an insult, slur or harassment.
    pub profanity_only: bool,
    pub threat: bool,
}

/// The prior of a turn from the findings already made on it.
pub fn prior_of(findings: &[earshot_model::Finding]) -> Prior {
    let abuse = findings.iter().any(|f| f.code.category() == "abuse");
    let strong = findings
        .iter()
        .any(|f| f.code.category() == "abuse" && f.code != earshot_model::Code::ABUSE_PROFANITY);
    Prior {
        abuse,
        profanity_only: abuse && !strong,
        threat: findings.iter().any(|f| f.code.category() == "threat"),
    }
}

/// The features of one message. Reuse one value across messages to keep its buffer.
#[derive(Debug, Clone)]
pub struct Features {
    /// Bucket numbers, already masked.
    pub buckets: Vec<u32>,
    pub cues: [f32; CUES],
    /// The first lexicon hit of each category (bytes of the folded text), for evidence.
    pub evidence: [Option<Range<usize>>; lexicon::CATS],
    /// The lexicon's positive and negative evidence (`lexicon::Scan`), emoji included.
    pub lex_pos: f32,
    pub lex_neg: f32,
}

impl Default for Features {
    fn default() -> Features {
        Features {
            buckets: Vec::with_capacity(1024),
            cues: [0.0; CUES],
            evidence: Default::default(),
            lex_pos: 0.0,
            lex_neg: 0.0,
        }
    }
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

#[inline]
fn step(h: u64, x: u64) -> u64 {
    (h ^ x).wrapping_mul(FNV_PRIME)
}

/// A final mix so that the low bits used for the bucket depend on every input bit.
#[inline]
fn finish(mut h: u64) -> u64 {
    h ^= h >> 30;
    h = h.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    h ^= h >> 27;
    h = h.wrapping_mul(0x94d0_49bb_1331_11eb);
    h ^ (h >> 31)
}

/// Whether a character belongs to a script written without spaces between words.
pub(crate) fn unspaced(c: char) -> bool {
    matches!(c as u32,
        0x0E00..=0x0E7F        // Thai
        | 0x3040..=0x30FF      // kana
        | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF // CJK ideographs
        | 0xAC00..=0xD7AF      // Hangul
    )
}

fn lang_slot(lang: Lang) -> usize {
    match lang {
        Lang::En => 0,
        Lang::De => 1,
        Lang::Ja => 2,
        Lang::Es => 3,
        Lang::Fr => 4,
        Lang::Vi => 5,
        Lang::Th => 6,
        Lang::Ar => 7,
        Lang::Zh => 8,
        Lang::Und => 9,
    }
}

/// Word-level negators of spaced languages, whose scope is the next three words.
const NEGATORS: &[&str] = &[
    "not", "no", "never", "t", "cannot", "nothing", "nicht", "kein", "keine", "keinen", "nie",
    "niemals", "pas", "jamais", "plus", "rien", "nunca", "ni", "tampoco", "nada", "không", "chẳng",
    "chưa", "ko", "đừng", "لا", "لم", "لن", "ليس", "ما", "مش", "مو",
];

fn negator_hashes() -> &'static [u64] {
    static H: std::sync::OnceLock<Vec<u64>> = std::sync::OnceLock::new();
    H.get_or_init(|| {
        NEGATORS
            .iter()
            .map(|w| w.chars().fold(FNV_OFFSET ^ 1, |h, c| step(h, c as u64)))
            .collect()
    })
}

/// Computes the features of a message. `original` is the text as written (for capitals),
/// `norm` its folded form, `mask` the model's bucket mask.
pub fn extract(
    original: &str,
    norm: &str,
    lang: Lang,
    prior: Prior,
    mask: u32,
    out: &mut Features,
) {
    out.buckets.clear();
    out.cues = [0.0; CUES];
    out.evidence = Default::default();
    let stretched = hash_ngrams(norm, mask, &mut out.buckets);
    cues(original, norm, lang, prior, stretched, out);
}

/// Character 1–4-grams and word features; returns how many stretched runs (`soooo`) it saw.
fn hash_ngrams(norm: &str, mask: u32, buckets: &mut Vec<u32>) -> usize {
    let negators = negator_hashes();
    let mut ring = [' '; 4];
    let mut seen = 0usize;
    let mut skipping = false;
    let mut prev: Option<char> = None;
    let mut run = 0usize;
    let mut stretched = 0usize;
    // The word being read, the previous word, and how many more words a negator still covers.
    let mut word = FNV_OFFSET ^ 1;
    let mut word_len = 0usize;
    let mut word_unspaced = false;
    let mut last_word: Option<u64> = None;
    let mut neg_scope = 0u8;
    let mut emit = |h: u64| buckets.push((finish(h) as u32) & mask);
    let mut end_word =
        |word: &mut u64, len: &mut usize, uns: &mut bool, emit: &mut dyn FnMut(u64)| {
            if *len > 0 && !*uns {
                emit(*word);
                if let Some(p) = last_word {
                    emit(step(step(FNV_OFFSET ^ 2, p), *word));
                }
                if neg_scope > 0 {
                    emit(step(FNV_OFFSET ^ 3, *word));
                    neg_scope -= 1;
                }
                if negators.contains(word) {
                    neg_scope = 3;
                }
                last_word = Some(*word);
            }
            *word = FNV_OFFSET ^ 1;
            *len = 0;
            *uns = false;
        };
    let mut rest = norm;
    while let Some(c0) = rest.chars().next() {
        let at_start = prev.is_none_or(char::is_whitespace);
        if at_start
            && (rest.starts_with('@') || rest.starts_with("http") || rest.starts_with("www."))
        {
            skipping = true;
        }
        rest = &rest[c0.len_utf8()..];
        if c0.is_whitespace() {
            skipping = false;
        }
        if skipping {
            continue;
        }
        let c = if c0.is_whitespace() {
            ' '
        } else if c0.is_ascii_digit() {
            '0'
        } else {
            c0
        };
        // Whitespace runs, and whitespace left where a link or mention was cut, count once.
        if c == ' ' && ring[3] == ' ' {
            prev = Some(c);
            continue;
        }
        if Some(c) == prev {
            run += 1;
            // Runs are cut to two so that "sooo" and "soooooo" share their n-grams.
            if run >= 2 {
                if run == 2 && c.is_letter() {
                    stretched += 1;
                }
                continue;
            }
        } else {
            run = 0;
        }
        prev = Some(c);
        if c.is_word() {
            word = step(word, c as u64);
            word_len += 1;
            word_unspaced |= unspaced(c);
        } else {
            end_word(&mut word, &mut word_len, &mut word_unspaced, &mut emit);
        }
        ring = [ring[1], ring[2], ring[3], c];
        seen += 1;
        for n in 1..=4usize.min(seen + 1) {
            let gram = &ring[4 - n..];
            if n == 1 && c == ' ' {
                continue;
            }
            let h = gram
                .iter()
                .fold(FNV_OFFSET ^ (10 + n as u64), |h, ch| step(h, *ch as u64));
            emit(h);
        }
    }
    end_word(&mut word, &mut word_len, &mut word_unspaced, &mut emit);
    // The closing space makes the word-final n-grams.
    if seen > 0 && ring[3] != ' ' {
        ring = [ring[1], ring[2], ring[3], ' '];
        for n in 2..=4usize.min(seen + 1) {
            let h = ring[4 - n..]
                .iter()
                .fold(FNV_OFFSET ^ (10 + n as u64), |h, ch| step(h, *ch as u64));
            emit(h);
        }
    }
    stretched
}

fn is_angry_emoji(c: char) -> bool {
    matches!(c, '😡' | '🤬' | '😠' | '👿' | '💢' | '🖕' | '😤')
}

fn is_sad_emoji(c: char) -> bool {
    matches!(
        c,
        '😢' | '😭'
            | '😞'
            | '😔'
            | '😟'
            | '😥'
            | '😩'
            | '😫'
            | '🙁'
            | '☹'
            | '😕'
            | '💔'
            | '😰'
            | '😨'
            | '😱'
            | '😒'
            | '🙄'
            | '😑'
            | '😓'
            | '😖'
            | '😣'
            | '🤦'
            | '👎'
            | '😪'
            | '🥺'
            | '😿'
            | '🤮'
            | '🤢'
            | '💩'
    )
}

fn is_happy_emoji(c: char) -> bool {
    matches!(
        c,
        '😊' | '🙂'
            | '😀'
            | '😃'
            | '😄'
            | '😁'
            | '😍'
            | '🥰'
            | '😘'
            | '❤'
            | '💕'
            | '💖'
            | '👍'
            | '🙏'
            | '👏'
            | '🎉'
            | '✨'
            | '💯'
            | '😆'
            | '😂'
            | '🤣'
            | '😉'
            | '😎'
            | '🤗'
            | '🥳'
            | '😋'
            | '😌'
            | '☺'
            | '💪'
            | '👌'
            | '💙'
            | '💚'
            | '💛'
            | '💜'
            | '🧡'
            | '💗'
            | '💓'
            | '💞'
            | '😻'
            | '🌹'
            | '⭐'
            | '🌟'
            | '😇'
            | '🙌'
            | '🤩'
            | '♥'
            | '🎊'
    )
}

fn cues(
    original: &str,
    norm: &str,
    lang: Lang,
    prior: Prior,
    stretched: usize,
    out: &mut Features,
) {
    let c = &mut out.cues;
    c[0] = 1.0;
    let (mut upper, mut letters) = (0usize, 0usize);
    let (mut angry, mut sad, mut happy) = (0usize, 0usize, 0usize);
    let (mut bang, mut quest, mut bang_runs, mut quest_runs, mut dots) =
        (false, false, 0usize, 0usize, false);
    let mut run_char = '\0';
    let mut run = 0usize;
    let mut chars = 0usize;
    for ch in original.chars() {
        chars += 1;
        if ch.is_letter() {
            letters += 1;
            if ch.is_uppercase() {
                upper += 1;
            }
        }
        angry += is_angry_emoji(ch) as usize;
        sad += is_sad_emoji(ch) as usize;
        happy += is_happy_emoji(ch) as usize;
        let p = match ch {
            '!' | '！' => '!',
            '?' | '？' => '?',
            '.' | '。' | '…' => '.',
            _ => '\0',
        };
        bang |= p == '!';
        quest |= p == '?';
        if p != '\0'
            && (p == run_char || run > 0 && matches!((p, run_char), ('!', '?') | ('?', '!')))
        {
            run += 1;
            if run == 2 {
                match p {
                    '!' => bang_runs += 1,
                    '?' => quest_runs += 1,
                    _ => {}
                }
            }
            if run == 3 && p == '.' {
                dots = true;
            }
        } else {
            run = if p == '\0' { 0 } else { 1 };
        }
        if ch == '…' {
            dots = true;
        }
        run_char = p;
    }
    if letters >= 6 {
        c[1] = upper as f32 / letters as f32;
        c[2] = (letters >= 8 && upper * 10 >= letters * 7) as u8 as f32;
    }
    c[3] = bang_runs.min(3) as f32 / 3.0;
    c[4] = quest_runs.min(3) as f32 / 3.0;
    c[5] = bang as u8 as f32;
    c[6] = quest as u8 as f32;
    c[7] = angry.min(2) as f32 / 2.0;
    c[8] = sad.min(2) as f32 / 2.0;
    c[9] = happy.min(2) as f32 / 2.0;
    c[10] = stretched.min(2) as f32 / 2.0;
    let scan = lexicon::scan_full(norm, lang, &mut out.evidence);
    let hits = scan.counts;
    out.lex_pos = scan.pos + 0.8 * happy.min(2) as f32;
    out.lex_neg = scan.neg + (angry + sad).min(2) as f32;
    // 11..=21 are the lexicon categories, in the order of `Cat::ALL`.
    for (slot, cat) in c[11..11 + lexicon::CATS].iter_mut().zip(Cat::ALL) {
        *slot = (hits[cat as usize].min(3) as f32) / 3.0;
    }
    c[22] = prior.abuse as u8 as f32;
    c[23] = prior.threat as u8 as f32;
    c[24] = prior.profanity_only as u8 as f32;
    // Slot 25 held the message length until v2: length separated the training sets (short
    // banking requests, longer complaints) rather than the sentiment, and pushed every long message
    // of a language without training data to negative.
    let _ = chars;
    c[26 + lang_slot(lang)] = 1.0;
    c[36] = dots as u8 as f32;
}

#[cfg(test)]
mod tests {
    use super::*;
    use earshot_text::normalize;

    fn feats(text: &str) -> Features {
        let n = normalize(text);
        let mut f = Features::default();
        extract(
            text,
            n.as_str(),
            Lang::En,
            Prior::default(),
            (1 << 18) - 1,
            &mut f,
        );
        f
    }

    #[test]
    fn stretched_words_share_their_ngrams() {
        let a = feats("soooo bad");
        let b = feats("sooooooooo bad");
        assert_eq!(a.buckets, b.buckets);
        assert_eq!(a.cues[10], 0.5);
    }

    #[test]
    fn shouting_and_runs_are_cues() {
        let f = feats("WHERE IS MY ORDER??? NOW!!!");
        assert_eq!(f.cues[2], 1.0);
        assert!(f.cues[3] > 0.0 && f.cues[4] > 0.0);
        assert_eq!(feats("where is my order").cues[2], 0.0);
    }

    #[test]
    fn mentions_and_links_do_not_make_features() {
        assert_eq!(
            feats("great").buckets,
            feats("@someone great http://x.example/abc").buckets
        );
    }

    #[test]
    fn unspaced_text_has_character_grams_only() {
        let f = feats("很好");
        // Two unigrams, three bigrams with the padding, two trigrams, one 4-gram, plus the final
        // space closing 2-, 3- and 4-grams are counted once each.
        assert!(f.buckets.len() >= 6, "{}", f.buckets.len());
    }

    #[test]
    fn any_text_is_accepted() {
        for t in ["", " ", "!!!", "\u{0}\u{200b}", "ab\u{301}c", "🤬🤬🤬"] {
            let _ = feats(t);
        }
    }
}
