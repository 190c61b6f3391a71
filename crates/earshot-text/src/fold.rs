//! Per-character tables used by normalisation: invisible characters, disguising combining marks,
//! look-alike letters from other scripts, leetspeak digits and symbols, and Latin diacritics.
//!
//! Every table here applies to single characters, so it can never reorder or garble a script it
//! does not know: Thai, Arabic and CJK characters pass through untouched.

/// Characters that render as nothing (or only steer direction) and are used to split a word
/// so that filters miss it.
#[inline]
pub(crate) fn is_invisible(c: char) -> bool {
    // The first invisible character is U+00AD: most text answers here.
    if (c as u32) < 0xad {
        return false;
    }
    matches!(c,
        '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{2069}' | '\u{feff}' | '\u{00ad}' | '\u{180e}' | '\u{034f}'
        | '\u{061c}' | '\u{fe00}'..='\u{fe0f}' | '\u{e0000}'..='\u{e007f}'
        | '\u{115f}' | '\u{1160}' | '\u{3164}' | '\u{ffa0}'
    )
}

/// Generic combining diacritics (and the Cyrillic ones used for "zalgo" text). Marks that belong
/// to a script (Thai vowels and tones, Arabic harakat, Japanese dakuten) are not in these blocks.
pub(crate) fn is_disguising_mark(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036f}' | '\u{0483}'..='\u{0489}' | '\u{1ab0}'..='\u{1aff}'
        | '\u{1dc0}'..='\u{1dff}' | '\u{20d0}'..='\u{20ff}' | '\u{fe20}'..='\u{fe2f}'
    )
}

/// Whether `c` continues the cluster of the character before it (so both go through NFKC
/// together and compose, as `e` + U+0301 does into `é`).
pub(crate) fn joins_previous(c: char) -> bool {
    unicode_normalization::char::is_combining_mark(c) || matches!(c, '\u{ff9e}' | '\u{ff9f}')
}

/// Lower-case look-alikes from Cyrillic and Greek, small capitals, and a few symbols, mapped to
/// the Latin letter they imitate. Applied after lower-casing.
pub(crate) fn confusable(c: char) -> Option<char> {
    let m = match c {
        // Cyrillic.
        'а' => 'a',
        'в' => 'b',
        'с' => 'c',
        'ԁ' => 'd',
        'е' | 'ё' | 'є' => 'e',
        'һ' => 'h',
        'і' | 'ї' | 'ӏ' => 'i',
        'ј' => 'j',
        'к' => 'k',
        'м' => 'm',
        'н' => 'h',
        'о' => 'o',
        'р' => 'p',
        'ԛ' => 'q',
        'ѕ' => 's',
        'т' => 't',
        'ц' => 'u',
        'ѵ' => 'v',
        'ԝ' => 'w',
        'х' => 'x',
        'у' | 'ү' => 'y',
        'ь' => 'b',
        'г' => 'r',
        'п' => 'n',
        // Greek.
        'α' | 'ά' => 'a',
        'β' => 'b',
        'ε' | 'έ' => 'e',
        'η' => 'n',
        'ι' | 'ί' | 'ϊ' => 'i',
        'κ' => 'k',
        'ν' => 'v',
        'ο' | 'ό' => 'o',
        'ρ' => 'p',
        'τ' => 't',
        'υ' | 'ύ' => 'u',
        'χ' => 'x',
        'γ' => 'y',
        'ω' => 'w',
        'μ' => 'u',
        // Small capitals and other Latin-like letters NFKC leaves alone.
        'ᴀ' => 'a',
        'ʙ' => 'b',
        'ᴄ' => 'c',
        'ᴅ' => 'd',
        'ᴇ' => 'e',
        'ғ' => 'f',
        'ɢ' => 'g',
        'ʜ' => 'h',
        'ɪ' => 'i',
        'ᴊ' => 'j',
        'ᴋ' => 'k',
        'ʟ' => 'l',
        'ᴍ' => 'm',
        'ɴ' => 'n',
        'ᴏ' => 'o',
        'ᴘ' => 'p',
        'ʀ' => 'r',
        'ꜱ' => 's',
        'ᴛ' => 't',
        'ᴜ' => 'u',
        'ᴠ' => 'v',
        'ᴡ' => 'w',
        'ʏ' => 'y',
        'ᴢ' => 'z',
        'ı' => 'i',
        'ȷ' => 'j',
        'ɑ' => 'a',
        'ɡ' => 'g',
        // Regional indicator symbols (flag letters).
        '\u{1f1e6}'..='\u{1f1ff}' => {
            return char::from_u32(c as u32 - 0x1f1e6 + 'a' as u32);
        }
        _ => return None,
    };
    Some(m)
}

/// The letter a leetspeak character stands for inside a word.
pub(crate) fn leet(c: char) -> Option<char> {
    Some(match c {
        '4' | '@' => 'a',
        '3' => 'e',
        '1' | '!' => 'i',
        '0' => 'o',
        '$' | '5' => 's',
        '7' => 't',
        _ => return None,
    })
}

/// Latin letters with diacritics, to their base letter(s), so that "dit me" matches "địt mẹ" and
/// "scheiss" matches "scheiß". `None` for characters that are not Latin letters with marks.
#[inline]
pub(crate) fn strip_diacritic(c: char) -> Option<&'static str> {
    if c.is_ascii() || !matches!(c, '\u{00c0}'..='\u{024f}' | '\u{1e00}'..='\u{1eff}') {
        return None;
    }
    strip_latin_diacritic(c)
}

fn strip_latin_diacritic(c: char) -> Option<&'static str> {
    Some(match c {
        'ß' => "ss",
        'æ' => "ae",
        'œ' => "oe",
        'đ' | 'ď' => "d",
        'ø' => "o",
        'ł' => "l",
        'ħ' => "h",
        'ŧ' => "t",
        _ => {
            use unicode_normalization::UnicodeNormalization;
            let base = std::iter::once(c).nfd().next().unwrap_or(c);
            return if base.is_ascii_alphabetic() {
                ascii_str(base)
            } else {
                None
            };
        }
    })
}

fn ascii_str(c: char) -> Option<&'static str> {
    const LETTERS: &str = "abcdefghijklmnopqrstuvwxyz";
    let i = (c.to_ascii_lowercase() as u8).checked_sub(b'a')? as usize;
    LETTERS.get(i..i + 1)
}

/// Hiragana to katakana, so that "ばか" and "バカ" read the same.
pub(crate) fn kana(c: char) -> char {
    if matches!(c, '\u{3041}'..='\u{3096}') {
        char::from_u32(c as u32 + 0x60).unwrap_or(c)
    } else {
        c
    }
}

/// Characters that separate the letters of a spelled-out word ("f.u.c.k", "f u c k").
pub(crate) fn is_letter_separator(c: char) -> bool {
    matches!(
        c,
        ' ' | '.' | '-' | '_' | '*' | '/' | '|' | '+' | '~' | '·' | '•' | ',' | '\''
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_map_what_they_should() {
        assert_eq!(confusable('о'), Some('o'));
        assert_eq!(confusable('\u{1f1e6}'), Some('a'));
        assert_eq!(confusable('x'), None);
        assert_eq!(strip_diacritic('ị'), Some("i"));
        assert_eq!(strip_diacritic('đ'), Some("d"));
        assert_eq!(strip_diacritic('ß'), Some("ss"));
        assert_eq!(strip_diacritic('ก'), None);
        assert_eq!(kana('ば'), 'バ');
        assert!(is_invisible('\u{200b}'));
        assert!(!is_disguising_mark('\u{0e31}'));
    }
}
