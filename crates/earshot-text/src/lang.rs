//! Language identification for the nine languages earshot supports, tuned for short
//! customer-service messages: the script decides for ja, zh, th and ar; Vietnamese is told by
//! its letters; the Latin-script languages by frequent function words and letters.

use crate::CharClass;
use std::collections::HashMap;
use std::fmt;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// A supported language, or `Und` when the text gives no clue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Lang {
    En,
    De,
    Ja,
    Es,
    Fr,
    Vi,
    Th,
    Ar,
    Zh,
    Und,
}

impl Lang {
    pub const SUPPORTED: [Lang; 9] = [
        Lang::En,
        Lang::De,
        Lang::Ja,
        Lang::Es,
        Lang::Fr,
        Lang::Vi,
        Lang::Th,
        Lang::Ar,
        Lang::Zh,
    ];

    /// The BCP-47 tag.
    pub fn as_str(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::De => "de",
            Lang::Ja => "ja",
            Lang::Es => "es",
            Lang::Fr => "fr",
            Lang::Vi => "vi",
            Lang::Th => "th",
            Lang::Ar => "ar",
            Lang::Zh => "zh",
            Lang::Und => "und",
        }
    }

    /// Reads a BCP-47 tag by its primary subtag: `de-AT` is German, `zh-Hant` Chinese.
    pub fn parse(tag: &str) -> Lang {
        let primary = tag
            .split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        Lang::SUPPORTED
            .into_iter()
            .find(|l| l.as_str() == primary)
            .unwrap_or(Lang::Und)
    }

    /// Whether words are separated by spaces (so word boundaries apply to lexicon matches).
    pub fn is_spaced(self) -> bool {
        !matches!(self, Lang::Ja | Lang::Zh | Lang::Th)
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

const EN: &[&str] = &[
    "the", "and", "is", "you", "my", "i", "it", "to", "not", "of", "for", "this", "was", "have",
    "your", "please", "order", "what", "where", "can", "are", "me", "with", "be", "that", "thanks",
    "hi", "hello", "no", "yes", "did", "do", "we", "will", "get", "an", "a", "on", "in",
];
const DE: &[&str] = &[
    "der",
    "die",
    "das",
    "und",
    "ist",
    "ich",
    "nicht",
    "sie",
    "mein",
    "meine",
    "ein",
    "eine",
    "zu",
    "mit",
    "ist",
    "bitte",
    "danke",
    "wo",
    "habe",
    "haben",
    "es",
    "auf",
    "für",
    "noch",
    "bestellung",
    "hallo",
    "wir",
    "ihr",
    "ihre",
    "den",
    "dem",
    "kann",
    "wird",
    "nein",
    "ja",
    "du",
    "bin",
    "sind",
];
const ES: &[&str] = &[
    "el", "la", "de", "que", "y", "es", "mi", "no", "un", "una", "los", "las", "por", "para",
    "con", "gracias", "hola", "pedido", "dónde", "donde", "está", "esta", "su", "lo", "me", "se",
    "muy", "pero", "usted", "puede", "quiero", "favor", "del", "al", "ya", "todavía",
];
const FR: &[&str] = &[
    "le", "la", "les", "de", "et", "est", "je", "ne", "pas", "mon", "ma", "un", "une", "des",
    "pour", "vous", "merci", "bonjour", "commande", "où", "il", "que", "qui", "avec", "sur", "ce",
    "votre", "nous", "suis", "j'ai", "c'est", "au", "du", "toujours", "reçu", "mais",
];

const VI: &[&str] = &[
    "không", "là", "của", "và", "có", "được", "tôi", "bạn", "mày", "tao", "này", "quá", "rồi",
    "đi", "cho", "với", "hàng", "đơn", "giúp", "nhé", "ạ", "em", "anh", "chị", "sao", "gì", "chưa",
    "nhận", "shop", "thì", "mà", "vậy", "lắm", "ơi", "cảm", "ơn", "khong", "duoc", "roi",
];

fn char_class(c: char) -> Option<Lang> {
    match c {
        '\u{3040}'..='\u{30ff}' | '\u{31f0}'..='\u{31ff}' | '\u{ff66}'..='\u{ff9f}' => {
            Some(Lang::Ja)
        }
        '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}' => Some(Lang::Zh),
        '\u{0e00}'..='\u{0e7f}' => Some(Lang::Th),
        '\u{0600}'..='\u{06ff}'
        | '\u{0750}'..='\u{077f}'
        | '\u{fb50}'..='\u{fdff}'
        | '\u{fe70}'..='\u{feff}' => Some(Lang::Ar),
        _ => None,
    }
}

/// Letters that only Vietnamese uses among the supported languages.
fn is_vietnamese_letter(c: char) -> bool {
    matches!(
        c,
        'ă' | 'Ă' | 'đ' | 'Đ' | 'ơ' | 'Ơ' | 'ư' | 'Ư' | '\u{1ea0}'..='\u{1ef9}' // Latin Extended Additional: ạ ả ấ ầ ẩ ẫ ậ ... ỹ
    )
}

/// FNV-1a: the function-word table is looked up once per word, and its keys are short.
#[derive(Default)]
struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for b in bytes {
            h ^= *b as u64;
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
        self.0 = h;
    }
}

/// Which function-word lists hold a lower-case word: bit `i` for `[EN, DE, ES, FR, VI][i]`.
/// One hash lookup instead of a scan of the five lists.
fn function_word_lists(word: &str) -> u8 {
    static TABLE: OnceLock<HashMap<&'static str, u8, BuildHasherDefault<Fnv>>> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let mut t: HashMap<&'static str, u8, BuildHasherDefault<Fnv>> = HashMap::default();
        for (i, list) in [EN, DE, ES, FR, VI].iter().enumerate() {
            for w in *list {
                *t.entry(*w).or_default() |= 1 << i;
            }
        }
        t
    });
    table.get(word).copied().unwrap_or(0)
}

/// Detects the language of one message. Returns `Und` for text with no letters or too little
/// to go on (an order number, "ok").
pub fn detect_language(text: &str) -> Lang {
    let mut counts = [0u32; 4]; // ja, zh, th, ar
    let mut vi = 0u32;
    let mut latin = 0u32;
    let mut german = 0u32;
    let mut spanish = 0u32;
    let mut french = 0u32;
    for c in text.chars() {
        if c.is_ascii() {
            // No script, Vietnamese or accented letter is ASCII.
            if c.is_ascii_alphabetic() {
                latin += 1;
            }
            continue;
        }
        match char_class(c) {
            Some(Lang::Ja) => counts[0] += 1,
            Some(Lang::Zh) => counts[1] += 1,
            Some(Lang::Th) => counts[2] += 1,
            Some(Lang::Ar) => counts[3] += 1,
            _ => {
                if is_vietnamese_letter(c) {
                    vi += 1;
                }
                if c.is_letter() {
                    latin += 1;
                }
                match c {
                    'ä' | 'ö' | 'ü' | 'ß' | 'Ä' | 'Ö' | 'Ü' => german += 1,
                    'ñ' | '¿' | '¡' | 'á' | 'í' | 'ó' | 'ú' => spanish += 1,
                    'ç' | 'è' | 'ê' | 'à' | 'ù' | 'â' | 'î' | 'ô' | 'û' | 'ë' | 'œ' => {
                        french += 1
                    }
                    _ => {}
                }
            }
        }
    }
    // Kana marks Japanese even when most characters are kanji.
    if counts[0] > 0 && counts[0] * 5 >= counts[1] {
        return Lang::Ja;
    }
    let script = [
        (counts[1], Lang::Zh),
        (counts[2], Lang::Th),
        (counts[3], Lang::Ar),
    ]
    .into_iter()
    .max_by_key(|(n, _)| *n)
    .filter(|(n, _)| *n > 0 && *n * 2 >= latin.min(*n * 2));
    if let Some((n, lang)) = script
        && n as f32 >= latin as f32 * 0.3
    {
        return if counts[0] > 0 { Lang::Ja } else { lang };
    }
    if vi >= 2 || (vi >= 1 && latin < 12) {
        return Lang::Vi;
    }
    if latin == 0 {
        return Lang::Und;
    }
    let mut score = [0f32; 5]; // en, de, es, fr, vi
    let mut words = 0;
    let mut buf = [0u8; 32];
    for w in text.split(|c: char| !(c.is_letter() || c == '\'')) {
        if w.is_empty() {
            continue;
        }
        words += 1;
        // An ASCII word is lower-cased on the stack; others as before.
        let lists = if w.is_ascii() && w.len() <= buf.len() {
            let lw = &mut buf[..w.len()];
            lw.copy_from_slice(w.as_bytes());
            lw.make_ascii_lowercase();
            std::str::from_utf8(lw).map_or(0, function_word_lists)
        } else {
            function_word_lists(&w.to_lowercase())
        };
        for (i, s) in score.iter_mut().enumerate() {
            if lists & (1 << i) != 0 {
                *s += 1.0;
            }
        }
    }
    score[1] += german as f32 * 1.5;
    score[2] += spanish as f32 * 1.5;
    score[3] += french as f32 * 1.5;
    let (best, top) = score
        .iter()
        .copied()
        .enumerate()
        .fold(
            (0usize, 0f32),
            |acc, (i, s)| if s > acc.1 { (i, s) } else { acc },
        );
    if top == 0.0 {
        // Latin letters with no function word: most often English product talk ("ok", "refund?").
        return if words > 0 { Lang::En } else { Lang::Und };
    }
    [Lang::En, Lang::De, Lang::Es, Lang::Fr, Lang::Vi][best]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_the_nine_languages_on_short_support_messages() {
        let cases = [
            ("Where is my order? It has been two weeks.", Lang::En),
            (
                "Wo ist meine Bestellung? Ich warte seit zwei Wochen.",
                Lang::De,
            ),
            ("注文した商品がまだ届いていません。", Lang::Ja),
            (
                "¿Dónde está mi pedido? Llevo dos semanas esperando.",
                Lang::Es,
            ),
            ("Bonjour, je n'ai toujours pas reçu ma commande.", Lang::Fr),
            ("Đơn hàng của tôi đâu rồi? Tôi đã chờ hai tuần.", Lang::Vi),
            ("สินค้ายังไม่มาถึงเลยค่ะ", Lang::Th),
            ("أين طلبي؟ لقد انتظرت أسبوعين", Lang::Ar),
            ("我的订单到哪里了？已经两个星期了。", Lang::Zh),
        ];
        for (text, want) in cases {
            assert_eq!(detect_language(text), want, "{text}");
        }
    }

    #[test]
    fn no_letters_is_undetermined() {
        assert_eq!(detect_language("114-1234567-1234567"), Lang::Und);
        assert_eq!(detect_language(""), Lang::Und);
        assert_eq!(Lang::parse("de-AT"), Lang::De);
        assert_eq!(Lang::parse("xx"), Lang::Und);
    }
}
