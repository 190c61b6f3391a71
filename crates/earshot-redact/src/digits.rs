//! The digit-based kinds: phone numbers, card numbers and IBANs. One scanner cuts the text into
//! runs of digit groups ("+49 30 1234567", "4111-1111-1111-1111"), and each run is judged by its
//! shape, its checksum and the words just before it, so that prices, dates, times, quantities
//! and tracking numbers stay as they are.

use crate::{Hit, Kind};

/// Whether the text holds any digit earshot reads (ASCII, Arabic-Indic, fullwidth).
pub(crate) fn has_digit(text: &str) -> bool {
    text.bytes().any(|b| b.is_ascii_digit())
        || (!text.is_ascii() && text.chars().any(|c| digit(c).is_some()))
}

/// The value of a digit in any of the scripts customers type digits in.
pub(crate) fn digit(c: char) -> Option<u8> {
    match c {
        '0'..='9' => Some(c as u8 - b'0'),
        '\u{0660}'..='\u{0669}' => Some((c as u32 - 0x0660) as u8),
        '\u{06F0}'..='\u{06F9}' => Some((c as u32 - 0x06F0) as u8),
        '\u{FF10}'..='\u{FF19}' => Some((c as u32 - 0xFF10) as u8),
        _ => None,
    }
}

/// Whether `start..end` is not glued to ASCII letters or digits on either side.
pub(crate) fn ascii_bounded(b: &[u8], start: usize, end: usize) -> bool {
    let left = start == 0 || !b[start - 1].is_ascii_alphanumeric();
    let right = end >= b.len() || !b[end].is_ascii_alphanumeric();
    left && right
}

fn is_sep(c: char) -> bool {
    matches!(
        c,
        ' ' | '-'
            | '.'
            | '/'
            | '('
            | ')'
            | '\u{00A0}'
            | '\u{2009}'
            | '\u{202F}'
            | '‐'
            | '–'
            | '－'
            | '　'
    )
}

/// A run of digit groups.
struct Run {
    start: usize,
    end: usize,
    plus: bool,
    digits: Vec<u8>,
    groups: Vec<usize>,
    /// The separators used between groups, each as one char (the first of a separator pair).
    seps: Vec<char>,
    parens: bool,
}

impl Run {
    fn has_sep(&self, c: char) -> bool {
        self.seps.contains(&c)
    }
}

/// Pushes phone numbers, card numbers and IBANs found in `text`.
pub(crate) fn find(text: &str, hits: &mut Vec<Hit>) {
    let cs: Vec<(usize, char)> = text.char_indices().collect();
    find_ibans(text, &cs, hits);
    let mut i = 0;
    while i < cs.len() {
        match scan_run(text, &cs, i) {
            Some((run, next)) => {
                if let Some(kind) = judge(text, &run) {
                    hits.push(Hit::new(run.start, run.end, kind));
                }
                i = next;
            }
            None => i += 1,
        }
    }
}

fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Reads the run starting at char index `i`, if one starts there. Returns it and the index to
/// continue from.
fn scan_run(text: &str, cs: &[(usize, char)], i: usize) -> Option<(Run, usize)> {
    let (start, c) = cs[i];
    let next_is_digit = |k: usize| cs.get(k).is_some_and(|&(_, c)| digit(c).is_some());
    let prev = if i > 0 { Some(cs[i - 1].1) } else { None };
    let begins = digit(c).is_some() || ((c == '+' || c == '(') && next_is_digit(i + 1));
    if !begins {
        return None;
    }
    // A run glued to a word, a hash or a currency sign is part of something else: a SKU, an
    // order number, a price.
    if prev.is_some_and(|p| {
        is_word(p) && !is_cjk_or_thai(p)
            || matches!(
                p,
                '#' | '_' | '@' | '$' | '€' | '£' | '¥' | '₫' | '฿' | '+' | '&' | '='
            )
    }) {
        let mut k = i;
        while k < cs.len() && (digit(cs[k].1).is_some() || cs[k].1 == '+' || cs[k].1 == '(') {
            k += 1;
        }
        return Some((empty_run(), k.max(i + 1)));
    }
    let mut run = Run {
        start,
        end: start,
        plus: c == '+',
        digits: Vec::new(),
        groups: Vec::new(),
        seps: Vec::new(),
        parens: c == '(',
    };
    let mut k = i + usize::from(digit(c).is_none());
    let mut group = 0usize;
    while k < cs.len() {
        let ch = cs[k].1;
        if let Some(d) = digit(ch) {
            run.digits.push(d);
            group += 1;
            k += 1;
            run.end = cs.get(k).map_or(text.len(), |&(b, _)| b);
            continue;
        }
        // Up to three separator characters may stand between two groups: ") ", " (", " - ".
        let mut j = k;
        while j < cs.len() && j < k + 3 && is_sep(cs[j].1) {
            j += 1;
        }
        if j > k && next_is_digit(j) && group > 0 {
            run.groups.push(group);
            group = 0;
            run.seps.push(cs[k].1);
            if cs[k..j].iter().any(|&(_, c)| c == '(' || c == ')') {
                run.parens = true;
            }
            k = j;
            continue;
        }
        break;
    }
    if group > 0 {
        run.groups.push(group);
    }
    // A closing parenthesis right after the last digit belongs to the text, not the number.
    let after = cs.iter().position(|&(b, _)| b == run.end).map(|p| cs[p].1);
    if let Some(a) = after {
        if is_word(a) && !is_cjk_or_thai(a)
            || matches!(
                a,
                '%' | '@' | '€' | '$' | '£' | '¥' | '₫' | '円' | '元' | '฿'
            )
        {
            return Some((empty_run(), k.max(i + 1)));
        }
        // "2026-10-01 10:00": the last group is the hour of a time, not part of the number.
        if a == ':' && run.groups.len() > 1 {
            trim_last_group(text, cs, &mut run);
        }
    }
    Some((run, k.max(i + 1)))
}

fn empty_run() -> Run {
    Run {
        start: 0,
        end: 0,
        plus: false,
        digits: Vec::new(),
        groups: Vec::new(),
        seps: Vec::new(),
        parens: false,
    }
}

fn trim_last_group(text: &str, cs: &[(usize, char)], run: &mut Run) {
    let Some(last) = run.groups.pop() else { return };
    run.digits.truncate(run.digits.len() - last);
    run.seps.pop();
    // Walk back over the last group's digits and the separators before it.
    let mut idx = cs
        .iter()
        .position(|&(b, _)| b == run.end)
        .unwrap_or(cs.len());
    let mut seen = 0;
    while idx > 0 && seen < last {
        idx -= 1;
        if digit(cs[idx].1).is_some() {
            seen += 1;
        }
    }
    while idx > 0 && is_sep(cs[idx - 1].1) {
        idx -= 1;
    }
    run.end = cs.get(idx).map_or(text.len(), |&(b, _)| b);
}

pub(crate) fn is_cjk_or_thai(c: char) -> bool {
    matches!(c as u32, 0x0E00..=0x0E7F | 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0xFF00..=0xFFEF | 0x3000..=0x303F | 0xAC00..=0xD7AF)
}

/// Words that, just before a number, say it is not a phone or card number.
const NOT_PHONE: [&str; 34] = [
    "tracking",
    "track",
    "sendungsnummer",
    "sendung",
    "suivi",
    "seguimiento",
    "sku",
    "ean",
    "asin",
    "isbn",
    "artikel",
    "référence",
    "referencia",
    "article",
    "artículo",
    "商品",
    "追跡",
    "快递",
    "单号",
    "编号",
    "vận đơn",
    "sản phẩm",
    "พัสดุ",
    "รหัสสินค้า",
    "التتبع",
    "المنتج",
    "rechnung",
    "invoice",
    "kundennummer",
    "lieferschein",
    "postcode",
    "zip",
    "plz",
    "邮编",
];

/// Words that, just before a number, say it is a phone number.
const PHONE: [&str; 30] = [
    "tel",
    "phone",
    "call",
    "mobile",
    "cell",
    "whatsapp",
    "anruf",
    "ruf",
    "handy",
    "telefon",
    "mobil",
    "téléphone",
    "portable",
    "appel",
    "joindre",
    "llam",
    "móvil",
    "teléfono",
    "電話",
    "携帯",
    "电话",
    "手机",
    "座机",
    "điện thoại",
    "gọi",
    "โทร",
    "เบอร์",
    "هاتف",
    "اتصل",
    "جوال",
];

/// The lowercased text of up to 32 bytes before `at`.
fn before(text: &str, at: usize) -> String {
    let mut s = at.saturating_sub(32);
    while !text.is_char_boundary(s) {
        s += 1;
    }
    text[s..at].to_lowercase()
}

fn judge(text: &str, run: &Run) -> Option<Kind> {
    let n = run.digits.len();
    if n < 7 {
        return None;
    }
    let ctx = before(text, run.start);
    let negative = NOT_PHONE.iter().any(|w| ctx.contains(w));
    if is_card(run) && !negative {
        return Some(Kind::Card);
    }
    if negative && !run.plus {
        return None;
    }
    if looks_like_date_or_amount(run) {
        return None;
    }
    let positive = PHONE.iter().any(|w| ctx.contains(w));
    is_phone(run, positive).then_some(Kind::Phone)
}

fn is_card(run: &Run) -> bool {
    let n = run.digits.len();
    if !(13..=19).contains(&n)
        || run.plus
        || run.parens
        || run.seps.iter().any(|&c| c != ' ' && c != '-')
    {
        return false;
    }
    if !(2..=6).contains(&run.digits[0]) {
        return false;
    }
    let shape = if run.groups.len() == 1 {
        (15..=16).contains(&n)
    } else {
        run.groups.iter().all(|&g| g >= 3)
    };
    shape && luhn(&run.digits)
}

pub(crate) fn luhn(digits: &[u8]) -> bool {
    let mut sum = 0u32;
    for (i, &d) in digits.iter().rev().enumerate() {
        let mut v = u32::from(d);
        if i % 2 == 1 {
            v *= 2;
            if v > 9 {
                v -= 9;
            }
        }
        sum += v;
    }
    sum.is_multiple_of(10)
}

fn looks_like_date_or_amount(run: &Run) -> bool {
    let g = &run.groups;
    // Dates in every order customers write them: 2026-10-01, 01.10.2026, 14/09/2026.
    let date_seps = run.seps.iter().all(|&c| matches!(c, '.' | '-' | '/'));
    if !run.plus && date_seps && matches!(g.as_slice(), [4, 1..=2, 1..=2] | [1..=2, 1..=2, 4]) {
        return true;
    }
    if run.has_sep('/') && run.seps.iter().filter(|&&c| c == '/').count() > 1 {
        return true;
    }
    // "120.000.000", "1 299 000": thousands separators, not a phone number.
    if !run.plus
        && g.len() > 1
        && g[0] <= 3
        && run.digits[0] != 0
        && g[1..].iter().all(|&x| x == 3)
        && (run.has_sep('.') || g.len() > 3)
    {
        return true;
    }
    false
}

fn is_phone(run: &Run, positive: bool) -> bool {
    let n = run.digits.len();
    let g = &run.groups;
    let d = &run.digits;
    if run.plus {
        return (7..=15).contains(&n);
    }
    if d[0] == 0 && d.get(1) == Some(&0) {
        return (11..=15).contains(&n) && g.len() > 1;
    }
    if d[0] == 0 {
        return if g.len() == 1 {
            (10..=11).contains(&n)
        } else {
            (9..=12).contains(&n)
        };
    }
    let shape = match g.as_slice() {
        // North America: (415) 555-0100, 415-555-0100, 1 415 555 0100.
        [3, 3, 4] => d[0] >= 2,
        [1, 3, 3, 4] => d[0] == 1,
        // Chinese mobiles: 138 0013 8000, 13800138000.
        [3, 4, 4] | [11] => d[0] == 1 && (3..=9).contains(&d[1]),
        // Spain: 612 34 56 78, 612 345 678, 91 234 56 78.
        [3, 2, 2, 2] | [3, 3, 3] => (6..=9).contains(&d[0]),
        [2, 3, 2, 2] => (8..=9).contains(&d[0]),
        _ => false,
    };
    shape || (positive && (7..=12).contains(&n) && !(g.len() == 1 && n < 9))
}

/// Official IBAN lengths of the countries earshot's sellers mostly deal with; other countries
/// are accepted at any length the standard allows.
const IBAN_LENGTHS: [(&str, usize); 24] = [
    ("DE", 22),
    ("GB", 22),
    ("FR", 27),
    ("ES", 24),
    ("IT", 27),
    ("NL", 18),
    ("BE", 16),
    ("AT", 20),
    ("CH", 21),
    ("PL", 28),
    ("PT", 25),
    ("IE", 22),
    ("LU", 20),
    ("SE", 24),
    ("DK", 18),
    ("FI", 18),
    ("NO", 15),
    ("CZ", 24),
    ("AE", 23),
    ("SA", 24),
    ("TR", 26),
    ("EG", 29),
    ("QA", 29),
    ("KW", 30),
];

fn find_ibans(text: &str, cs: &[(usize, char)], hits: &mut Vec<Hit>) {
    let b = text.as_bytes();
    let mut i = 0;
    while i + 3 < b.len() {
        let starts = b[i].is_ascii_uppercase()
            && b[i + 1].is_ascii_uppercase()
            && b[i + 2].is_ascii_digit()
            && b[i + 3].is_ascii_digit()
            && (i == 0 || !b[i - 1].is_ascii_alphanumeric());
        if !starts {
            i += 1;
            continue;
        }
        // Collect up to 34 characters, allowing single spaces between groups, and remember
        // where each group ends: an IBAN ends at a group boundary.
        let mut chars = Vec::with_capacity(34);
        let mut ends = Vec::new();
        let mut j = i;
        while j < b.len() && chars.len() < 34 {
            if b[j].is_ascii_uppercase() || b[j].is_ascii_digit() {
                chars.push(b[j]);
                j += 1;
                if j >= b.len() || !b[j].is_ascii_alphanumeric() {
                    ends.push((chars.len(), j));
                }
            } else if b[j] == b' '
                && j + 1 < b.len()
                && b[j + 1].is_ascii_alphanumeric()
                && !chars.is_empty()
            {
                j += 1;
            } else {
                break;
            }
        }
        let country = std::str::from_utf8(&b[i..i + 2]).unwrap_or("");
        let want = IBAN_LENGTHS
            .iter()
            .find(|(c, _)| *c == country)
            .map(|&(_, n)| n);
        let found = ends.iter().rev().find(|&&(len, end)| {
            let ok_len = want.map_or((15..=34).contains(&len), |w| w == len);
            ok_len && (end >= b.len() || !b[end].is_ascii_alphanumeric()) && mod97(&chars[..len])
        });
        match found {
            Some(&(_, end)) => {
                hits.push(Hit::new(i, end, Kind::Iban));
                i = end;
            }
            None => i += 1,
        }
    }
    let _ = cs;
}

/// The ISO 13616 check: move the first four characters to the end, read letters as 10..35, and
/// the number must leave 1 when divided by 97.
pub(crate) fn mod97(chars: &[u8]) -> bool {
    if chars.len() < 5 {
        return false;
    }
    let mut r: u32 = 0;
    for &c in chars[4..].iter().chain(&chars[..4]) {
        let v = match c {
            b'0'..=b'9' => u32::from(c - b'0'),
            b'A'..=b'Z' => u32::from(c - b'A') + 10,
            _ => return false,
        };
        r = if v >= 10 {
            (r * 100 + v) % 97
        } else {
            (r * 10 + v) % 97
        };
    }
    r == 1
}
