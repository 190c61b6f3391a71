//! Disguises an abusive word the way people do to slip past filters, so that the demo shows
//! earshot catching `b**ch`, `sh1t`, `f u c k`, `ｆｕｃｋ`, Cyrillic look-alikes and hidden
//! zero-width characters.

use crate::rng::Rng;

/// Masks the inner letters with asterisks: `bitch` → `b***h`.
fn mask(word: &str) -> String {
    let n = word.chars().count();
    word.chars()
        .enumerate()
        .map(|(i, c)| if i == 0 || i + 1 == n { c } else { '*' })
        .collect()
}

/// Swaps letters for look-alike digits and symbols: `shit` → `sh1t`, `ass` → `a$$`.
fn leet(word: &str, symbols: bool) -> String {
    word.chars()
        .map(|c| match (c, symbols) {
            ('i', false) => '1',
            ('i', true) => '!',
            ('e', _) => '3',
            ('o', _) => '0',
            ('a', true) => '@',
            ('s', true) => '$',
            _ => c,
        })
        .collect()
}

/// Whether `c` is drawn on the letter before it (a combining mark: Thai vowels and tone
/// marks above and below, Latin accents) rather than standing on its own.
fn is_combining(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{0E31}' | '\u{0E34}'..='\u{0E3A}' | '\u{0E47}'..='\u{0E4E}')
}

/// Whether `c` is a Thai vowel written before the consonant it follows in speech, so it
/// belongs with the next letter.
fn is_leading_vowel(c: char) -> bool {
    ('\u{0E40}'..='\u{0E44}').contains(&c)
}

/// Splits a word into the units a reader sees as one letter, so that separators never land
/// between a letter and its marks (`เหี้ย` → `เหี้`, `ย`).
fn letters(word: &str) -> Vec<&str> {
    let mut out = Vec::with_capacity(word.len());
    let mut start = 0;
    let mut prev: Option<char> = None;
    for (i, c) in word.char_indices() {
        let glued = is_combining(c) || prev.is_some_and(is_leading_vowel);
        if i > 0 && !glued {
            out.push(&word[start..i]);
            start = i;
        }
        prev = Some(c);
    }
    if start < word.len() {
        out.push(&word[start..]);
    }
    out
}

/// Puts `sep` between the letters: `f u c k`, `f.u.c.k`.
fn spaced(word: &str, sep: char) -> String {
    let mut out = String::with_capacity(word.len() * 2);
    for (i, letter) in letters(word).into_iter().enumerate() {
        if i > 0 {
            out.push(sep);
        }
        out.push_str(letter);
    }
    out
}

/// Repeats the first vowel: `fuck` → `fuuuuck`.
fn stretch(word: &str, times: usize) -> String {
    let mut out = String::with_capacity(word.len() + times);
    let mut done = false;
    for c in word.chars() {
        out.push(c);
        if !done && "aeiouy".contains(c) {
            for _ in 1..times {
                out.push(c);
            }
            done = true;
        }
    }
    out
}

/// Turns ASCII letters into their fullwidth forms: `fuck` → `ｆｕｃｋ`.
fn fullwidth(word: &str) -> String {
    word.chars()
        .map(|c| {
            if c.is_ascii_graphic() {
                // The fullwidth block mirrors printable ASCII at a fixed distance.
                char::from_u32(c as u32 + 0xFEE0).unwrap_or(c)
            } else {
                c
            }
        })
        .collect()
}

/// Swaps Latin letters for identical-looking Cyrillic ones: `idiot` → `іdіоt`.
fn homoglyph(word: &str) -> String {
    word.chars()
        .map(|c| match c {
            'a' => 'а',
            'c' => 'с',
            'e' => 'е',
            'i' => 'і',
            'o' => 'о',
            'p' => 'р',
            'x' => 'х',
            'y' => 'у',
            _ => c,
        })
        .collect()
}

/// Hides a zero-width character (space, joiner or non-joiner) inside the word.
fn zero_width(word: &str, which: char) -> String {
    let letters = letters(word);
    let at = (letters.len() / 2).max(1);
    let mut out = String::with_capacity(word.len() + 3);
    for (i, letter) in letters.into_iter().enumerate() {
        if i == at {
            out.push(which);
        }
        out.push_str(letter);
    }
    out
}

/// Stretches Arabic letters with the tatweel (kashida) character, which changes the bytes but
/// not the word a reader sees: `حمار` → `حـمـار`.
fn tatweel(word: &str) -> String {
    // Letters that never join to the next one; a tatweel after them would be dropped visually.
    const NON_JOINING: &str = "اأإآدذرزوؤةىء";
    let n = word.chars().count();
    let mut out = String::with_capacity(word.len() * 2);
    for (i, c) in word.chars().enumerate() {
        out.push(c);
        if i + 1 < n && !NON_JOINING.contains(c) {
            out.push('ـ');
        }
    }
    out
}

/// Disguises `word` with one technique chosen at random among those that suit its script.
/// A technique that would leave the word unchanged (leetspeak on a word without a vowel to
/// swap) falls back to masking, so the result is always disguised.
pub(crate) fn disguise(r: &mut Rng, word: &str) -> String {
    let out = pick_technique(r, word);
    if out == word { mask(word) } else { out }
}

fn pick_technique(r: &mut Rng, word: &str) -> String {
    let latin = word.chars().all(|c| c.is_ascii_alphabetic());
    let arabic = word.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c));
    if latin && word.len() >= 3 {
        match r.below(11) {
            0 => mask(word),
            1 => leet(word, false),
            2 => leet(word, true),
            3 => spaced(word, ' '),
            4 => spaced(word, '.'),
            5 => stretch(word, 4 + r.below(3) as usize),
            6 => fullwidth(word),
            7 => homoglyph(word),
            8 => zero_width(word, '\u{200B}'),
            9 => zero_width(word, '\u{200D}'),
            _ => spaced(word, '-'),
        }
    } else if arabic {
        match r.below(3) {
            0 => tatweel(word),
            1 => spaced(word, ' '),
            _ => zero_width(word, '\u{200C}'),
        }
    } else {
        match r.below(4) {
            0 => spaced(word, ' '),
            1 => spaced(word, '.'),
            2 => zero_width(word, '\u{200B}'),
            _ => zero_width(word, '\u{200D}'),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_technique_does_what_it_says() {
        assert_eq!(mask("bitch"), "b***h");
        assert_eq!(leet("shit", false), "sh1t");
        assert_eq!(leet("bitch", true), "b!tch");
        assert_eq!(spaced("fuck", ' '), "f u c k");
        assert_eq!(spaced("fuck", '.'), "f.u.c.k");
        assert_eq!(stretch("fuck", 5), "fuuuuuck");
        assert_eq!(fullwidth("fuck"), "ｆｕｃｋ");
        assert_eq!(homoglyph("idiot"), "\u{456}d\u{456}\u{43E}t");
        assert_eq!(zero_width("idiot", '\u{200D}'), "id\u{200D}iot");
        assert_eq!(tatweel("حمار"), "حـمـار");
        assert_eq!(spaced("เหี้ย", '.'), "เหี้.ย");
        assert_eq!(spaced("ควาย", ' '), "ค ว า ย");
        assert_eq!(letters("café"), vec!["c", "a", "f", "é"]);
    }

    #[test]
    fn disguised_words_differ_from_the_original() {
        let mut r = Rng::new(1);
        for word in ["idiot", "fuck", "bitch", "傻逼", "حمار", "ควาย"] {
            for _ in 0..50 {
                assert_ne!(disguise(&mut r, word), word);
            }
        }
    }
}
