//! Normalisation for matching: the text folded to a canonical form in which disguises are undone,
//! with a map from every byte of the folded text back to the user's characters.
//!
//! Two views are built:
//! - the **folded** view ([`Normalized::as_str`]): NFKC (fullwidth, math-script and circled
//!   letters to plain ones), lower case, invisible characters and disguising combining marks
//!   removed, Cyrillic/Greek look-alikes mapped to Latin. Words, digits and punctuation stay as
//!   written, so analyzers that read numbers or sentences can use it.
//! - the **skeleton** view ([`Normalized::skeleton`]): the folded view with leetspeak undone
//!   inside words (`sh1t`, `a$$`), spelled-out words joined (`f.u.c.k`, `f u c k`), stretched
//!   letters collapsed (`fuuuuck`), Latin diacritics stripped (`dit me` = `địt mẹ`) and hiragana
//!   read as katakana. Lexicons are matched here, after their entries went through the same
//!   function, so both sides agree.
//!
//! Both views map every byte back to a range of characters of the original text.

use crate::CharClass;
use std::ops::Range;

use earshot_model::Span;
use unicode_normalization::UnicodeNormalization;

use crate::fold;

/// A text derived from the user's text, with a map from each of its bytes back to the
/// characters (Unicode scalar values) of the original.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct View {
    text: String,
    /// For each byte of `text`, the index of the first original character it came from.
    start: Vec<u32>,
    /// For each byte of `text`, one past the index of the last original character it came from.
    end: Vec<u32>,
}

impl View {
    fn with_capacity(n: usize) -> View {
        View {
            text: String::with_capacity(n),
            start: Vec::with_capacity(n),
            end: Vec::with_capacity(n),
        }
    }

    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The original characters behind a byte range of this view. Any range is accepted: parts
    /// outside the view are clamped, an empty range gives an empty span where it starts.
    pub fn original_span(&self, bytes: Range<usize>) -> Span {
        let n = self.start.len();
        if n == 0 {
            return Span::new(0, 0);
        }
        if bytes.start >= n {
            let last = self.end[n - 1] as usize;
            return Span::new(last, last);
        }
        let s = self.start[bytes.start] as usize;
        if bytes.end <= bytes.start {
            return Span::new(s, s);
        }
        let e = self.end[bytes.end.min(n) - 1] as usize;
        Span::new(s, e.max(s))
    }

    #[inline]
    fn push(&mut self, c: char, from: u32, to: u32) {
        let n = c.len_utf8();
        self.text.push(c);
        self.start.extend(std::iter::repeat_n(from, n));
        self.end.extend(std::iter::repeat_n(to, n));
    }

    /// The characters of the view with the original range each came from.
    fn items(&self) -> impl Iterator<Item = (char, u32, u32)> + '_ {
        self.text
            .char_indices()
            .map(|(b, c)| (c, self.start[b], self.end[b]))
    }
}

/// A folded text and its way back to the original, plus the skeleton view for lexicons.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Normalized {
    folded: View,
    skeleton: View,
}

impl Normalized {
    /// The folded view.
    pub fn as_str(&self) -> &str {
        self.folded.as_str()
    }

    /// The original characters behind a byte range of the folded view.
    pub fn original_span(&self, bytes: Range<usize>) -> Span {
        self.folded.original_span(bytes)
    }

    /// The folded view with its map.
    pub fn folded(&self) -> &View {
        &self.folded
    }

    /// The skeleton view (leetspeak, spacing, stretching and diacritics undone) with its map.
    pub fn skeleton(&self) -> &View {
        &self.skeleton
    }
}

/// Folds `input` for matching and builds its skeleton. Any input is accepted.
pub fn normalize(input: &str) -> Normalized {
    let folded = fold_text(input);
    let skeleton = skeleton_of(&folded);
    Normalized { folded, skeleton }
}

/// The skeleton of a short text such as a lexicon entry, so entries and messages are folded by
/// the same function.
pub fn skeleton(input: &str) -> String {
    normalize(input).skeleton.text
}

fn fold_text(input: &str) -> View {
    if input.is_ascii() {
        // The fast path: most messages are plain ASCII and need only lower-casing; byte `i` is
        // character `i`.
        let n = input.len() as u32;
        return View {
            text: input.to_ascii_lowercase(),
            start: (0..n).collect(),
            end: (1..=n).collect(),
        };
    }
    let mut out = View::with_capacity(input.len());
    let chars: Vec<char> = input.chars().collect();
    let mut i = 0usize;
    let mut cluster = String::new();
    while i < chars.len() {
        let c = chars[i];
        let mut j = i + 1;
        while j < chars.len() && (fold::joins_previous(chars[j]) || fold::is_invisible(chars[j])) {
            j += 1;
        }
        let (from, to) = (i as u32, j as u32);
        if fold::is_invisible(c) {
            i += 1;
            continue;
        }
        if c.is_ascii() && j == i + 1 {
            out.push(c.to_ascii_lowercase(), from, to);
            i = j;
            continue;
        }
        if j == i + 1
            && unicode_normalization::is_nfkc_quick(std::iter::once(c))
                == unicode_normalization::IsNormalized::Yes
        {
            // A character alone that NFKC keeps as it is (most CJK, Thai, Arabic, accented
            // Latin): no need to run the normaliser over it.
            if !fold::is_disguising_mark(c) {
                for l in c.to_lowercase() {
                    out.push(fold::confusable(l).unwrap_or(l), from, to);
                }
            }
            i = j;
            continue;
        }
        cluster.clear();
        cluster.extend(chars[i..j].iter().filter(|c| !fold::is_invisible(**c)));
        for n in cluster.nfkc() {
            if fold::is_disguising_mark(n) || fold::is_invisible(n) {
                continue;
            }
            for l in n.to_lowercase() {
                out.push(fold::confusable(l).unwrap_or(l), from, to);
            }
        }
        i = j;
    }
    out
}

/// One character of the skeleton under construction.
#[derive(Clone, Copy)]
struct Item {
    c: char,
    from: u32,
    to: u32,
    dropped: bool,
}

fn is_word_char(c: char) -> bool {
    c.is_word() || matches!(c, '@' | '$' | '!')
}

fn skeleton_of(folded: &View) -> View {
    let src: Vec<(char, u32, u32)> = folded.items().collect();
    let mut items: Vec<Item> = Vec::with_capacity(src.len());
    // Pass 1: leetspeak inside words, diacritics, kana.
    let mut k = 0;
    while k < src.len() {
        if !is_word_char(src[k].0) {
            items.push(Item {
                c: src[k].0,
                from: src[k].1,
                to: src[k].2,
                dropped: false,
            });
            k += 1;
            continue;
        }
        let mut end = k;
        while end < src.len() && is_word_char(src[end].0) {
            end += 1;
        }
        let word = &src[k..end];
        let letters = word.iter().filter(|w| w.0.is_letter()).count();
        let ascii_letters = word.iter().filter(|w| w.0.is_ascii_alphabetic()).count();
        // Leetspeak only inside words that have letters ("sh1t", "a$$"), never in numbers.
        let leet_ok = ascii_letters >= 1 && (letters >= 2 || word.len() >= 3);
        for (p, &(c, from, to)) in word.iter().enumerate() {
            let next_is_letter = word.get(p + 1).is_some_and(|n| n.0.is_letter());
            let mapped = if leet_ok && (c != '!' || next_is_letter) {
                fold::leet(c)
            } else {
                None
            };
            if let Some(m) = mapped {
                items.push(Item {
                    c: m,
                    from,
                    to,
                    dropped: false,
                });
            } else if let Some(base) = fold::strip_diacritic(c) {
                for b in base.chars() {
                    items.push(Item {
                        c: b,
                        from,
                        to,
                        dropped: false,
                    });
                }
            } else {
                items.push(Item {
                    c: fold::kana(c),
                    from,
                    to,
                    dropped: false,
                });
            }
        }
        k = end;
    }
    join_spelled_out(&mut items);
    // Pass 3: collapse stretched letters (three or more of the same) into one.
    let mut out = View::with_capacity(items.len());
    items.retain(|i| !i.dropped);
    let kept = items;
    let mut p = 0;
    while p < kept.len() {
        let it = kept[p];
        let mut q = p + 1;
        while q < kept.len() && kept[q].c == it.c {
            q += 1;
        }
        if it.c.is_letter() && q - p >= 3 {
            out.push(it.c, it.from, kept[q - 1].to);
        } else {
            for x in &kept[p..q] {
                out.push(x.c, x.from, x.to);
            }
        }
        p = q;
    }
    out
}

fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30ff}' | '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}')
}

/// Pass 2: a run of three or more single letters separated by one or two separator characters
/// ("f.u.c.k", "f u c k", "f-u-c-k") is joined into one word.
fn join_spelled_out(items: &mut [Item]) {
    // The test on the next item comes first: inside a word it fails at once.
    #[inline(always)]
    fn single(items: &[Item], p: usize) -> bool {
        items.get(p + 1).is_none_or(|n| !n.c.is_word())
            && items[p].c.is_letter()
            && (p == 0 || !items[p - 1].c.is_word())
    }
    let mut p = 0;
    while p < items.len() {
        if !single(items, p) {
            p += 1;
            continue;
        }
        // Collect the run: letter, separators, letter, ...
        let mut letters = vec![p];
        let mut q = p + 1;
        loop {
            let mut s = q;
            while s < items.len() && s - q < 3 && fold::is_letter_separator(items[s].c) {
                s += 1;
            }
            let gap = s - q;
            if (1..=2).contains(&gap) && s < items.len() && single(items, s) {
                letters.push(s);
                q = s + 1;
            } else {
                break;
            }
        }
        // Chinese and Japanese words are often two characters long, and their writers do not put
        // spaces between characters, so two spaced characters are already one disguised word.
        let cjk = letters.iter().all(|&i| is_cjk(items[i].c));
        if letters.len() >= 3 || (cjk && letters.len() == 2) {
            for w in letters.windows(2) {
                for it in &mut items[w[0] + 1..w[1]] {
                    it.dropped = true;
                }
            }
        }
        p = q;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn skel(s: &str) -> String {
        skeleton(s)
    }

    #[test]
    fn folds_fullwidth_case_and_invisibles_and_maps_back() {
        let input = "Hey ＦＵ\u{200b}ＣＫ you";
        let n = normalize(input);
        assert_eq!(n.as_str(), "hey fuck you");
        let at = n.as_str().find("fuck").unwrap();
        let span = n.original_span(at..at + 4);
        assert_eq!(span.slice(input), Some("ＦＵ\u{200b}ＣＫ"));
    }

    #[test]
    fn undoes_common_disguises_in_the_skeleton() {
        assert_eq!(skel("sh1t"), "shit");
        assert_eq!(skel("a$$hole"), "asshole");
        assert_eq!(skel("b!tch"), "bitch");
        assert_eq!(skel("f.u.c.k you"), "fuck you");
        assert_eq!(skel("f u c k"), "fuck");
        assert_eq!(skel("f_u_c_k"), "fuck");
        assert_eq!(skel("fuuuuuck"), "fuck");
        assert_eq!(skel("ѕhіt"), "shit");
        assert_eq!(skel("𝐟𝐮𝐜𝐤"), "fuck");
        assert_eq!(skel("f\u{0336}u\u{0336}c\u{0336}k\u{0336}"), "fuck");
        assert_eq!(skel("Địt mẹ"), "dit me");
        assert_eq!(skel("ばか"), "バカ");
        assert_eq!(skel("傻 逼"), "傻逼");
        assert_eq!(skel("Scheiße"), "scheisse");
    }

    #[test]
    fn leaves_numbers_and_ordinary_words_alone() {
        assert_eq!(skel("order 1234 for $50"), "order 1234 for $50");
        assert_eq!(skel("wow! great"), "wow! great");
        assert_eq!(skel("I got a B"), "i got a b");
        assert_eq!(skel("good"), "good");
        assert_eq!(skel("สินค้ายังไม่มา"), "สินค้ายังไม่มา");
    }

    #[test]
    fn skeleton_spans_point_at_what_was_written() {
        let input = "you f.u.c.k.i.n.g idiot";
        let n = normalize(input);
        let sk = n.skeleton();
        let at = sk.as_str().find("fucking").unwrap();
        let span = sk.original_span(at..at + "fucking".len());
        assert_eq!(span.slice(input), Some("f.u.c.k.i.n.g"));
        let input = "fuuuuck";
        let n = normalize(input);
        assert_eq!(
            n.skeleton().original_span(0..4).slice(input),
            Some("fuuuuck")
        );
    }

    #[test]
    fn empty_and_odd_input_do_not_panic() {
        let n = normalize("");
        assert_eq!(n.original_span(0..0), Span::new(0, 0));
        let n = normalize("\u{200b}\u{feff}");
        assert_eq!(n.as_str(), "");
        let _ = normalize("ǅ\u{0301}\u{fdfa}");
        let n = normalize("abc");
        let (five, two, one) = (5, 2, 1);
        assert_eq!(n.original_span(five..two), Span::new(3, 3));
        assert_eq!(n.original_span(two..one), Span::new(2, 2));
    }
}
