//! Fast character classes. `char::is_alphabetic` and `is_alphanumeric` binary-search Unicode
//! tables for every non-ASCII character; the analyzers ask several times per character of text
//! in Chinese, Japanese, Thai, Arabic and Vietnamese, where that search was the largest single
//! cost. These answer from a bitmap of the Basic Multilingual Plane built once, and agree with
//! the standard library exactly (a test checks every code point).

use std::sync::OnceLock;

/// One bit per BMP code point, for letters and for letters-or-digits.
struct Tables {
    letter: Box<[u64; 1024]>,
    word: Box<[u64; 1024]>,
}

fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(|| {
        let mut letter = Box::new([0u64; 1024]);
        let mut word = Box::new([0u64; 1024]);
        for cp in 0u32..0x1_0000 {
            let Some(c) = char::from_u32(cp) else {
                continue;
            };
            let bit = 1u64 << (cp % 64);
            if c.is_alphabetic() {
                letter[(cp / 64) as usize] |= bit;
            }
            if c.is_alphanumeric() {
                word[(cp / 64) as usize] |= bit;
            }
        }
        Tables { letter, word }
    })
}

/// Letter and word-character tests with the standard library's meaning, in constant time.
// `char` is `Copy` and the standard library's own `char::is_alphabetic` takes `self`; the trait
// mirrors it so call sites read the same.
#[allow(clippy::wrong_self_convention)]
pub trait CharClass {
    /// Same as `char::is_alphabetic`.
    fn is_letter(self) -> bool;
    /// Same as `char::is_alphanumeric`.
    fn is_word(self) -> bool;
}

impl CharClass for char {
    #[inline]
    fn is_letter(self) -> bool {
        if self.is_ascii() {
            return self.is_ascii_alphabetic();
        }
        let cp = self as u32;
        if cp < 0x1_0000 {
            tables().letter[(cp / 64) as usize] & (1 << (cp % 64)) != 0
        } else {
            self.is_alphabetic()
        }
    }

    #[inline]
    fn is_word(self) -> bool {
        if self.is_ascii() {
            return self.is_ascii_alphanumeric();
        }
        let cp = self as u32;
        if cp < 0x1_0000 {
            tables().word[(cp / 64) as usize] & (1 << (cp % 64)) != 0
        } else {
            self.is_alphanumeric()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agrees_with_the_standard_library_everywhere() {
        for cp in 0u32..=0x10_FFFF {
            let Some(c) = char::from_u32(cp) else {
                continue;
            };
            assert_eq!(c.is_letter(), c.is_alphabetic(), "U+{cp:04X}");
            assert_eq!(c.is_word(), c.is_alphanumeric(), "U+{cp:04X}");
        }
    }
}
