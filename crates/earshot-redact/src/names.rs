//! People's names: those known from the conversation's metadata (customer, agents, the roster),
//! and those a message introduces ("my name is …", "我叫…", "ฉันชื่อ…", Frau …, 王先生).

use std::collections::HashMap;

use regex::Regex;

use crate::digits::is_cjk_or_thai;
use crate::triggers::{Fired, NameCue};
use crate::{Error, Hit, Kind};

/// Short first names that are also everyday words; alone they are redacted only when written
/// with a capital, so "I will call" keeps its "will" while "Will called" loses it.
const COMMON_WORDS: [&str; 24] = [
    "will", "mark", "rose", "grace", "hope", "may", "june", "april", "bill", "pat", "sue", "art",
    "max", "jack", "ray", "dawn", "eve", "joy", "faith", "summer", "an", "hoa", "lan", "mai",
];

/// Words that may follow a greeting or a cue but are not names.
const NOT_NAMES: [&str; 40] = [
    "I",
    "The",
    "We",
    "Our",
    "My",
    "You",
    "Your",
    "This",
    "Team",
    "Support",
    "Sir",
    "Madam",
    "Madame",
    "Monsieur",
    "Herr",
    "Frau",
    "Señor",
    "Señora",
    "Sr",
    "Sra",
    "Mr",
    "Mrs",
    "Ms",
    "Shop",
    "Amazon",
    "There",
    "Everyone",
    "All",
    "Again",
    "Guys",
    "Customer",
    "Service",
    "Kundenservice",
    "Equipo",
    "Équipe",
    "Admin",
    "Hi",
    "Hello",
    "Dear",
    "Thanks",
];

/// The most common Chinese surnames, for "我是…" and "…先生" without metadata.
const SURNAMES: &str = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";

const HONORIFICS: [&str; 12] = [
    "先生",
    "女士",
    "小姐",
    "太太",
    "老师",
    "さん",
    "様",
    "さま",
    "氏",
    "くん",
    "ちゃん",
    "殿",
];

#[derive(Debug, Clone, Copy)]
struct Variant {
    person: u32,
    capital_only: bool,
}

/// The names of the people in one conversation, compiled for matching.
#[derive(Debug, Clone, Default)]
pub struct KnownNames {
    regex: Option<Regex>,
    variants: HashMap<String, Variant>,
}

fn no_space_script(s: &str) -> bool {
    s.chars().next().is_some_and(is_cjk_or_thai)
}

fn is_thai(s: &str) -> bool {
    s.chars()
        .next()
        .is_some_and(|c| ('\u{0E00}'..='\u{0E7F}').contains(&c))
}

impl KnownNames {
    /// Compiles the full names, first and last names, the joined form of spaced CJK names and
    /// surname-plus-honorific forms (王先生, 山田様).
    pub fn new<'a>(names: impl IntoIterator<Item = &'a str>) -> Result<KnownNames, Error> {
        let mut variants: HashMap<String, Variant> = HashMap::new();
        for (person, name) in names.into_iter().enumerate() {
            let person = person as u32;
            let mut add = |v: &str, capital_only: bool| {
                let v = v.trim_matches(|c: char| c.is_ascii_punctuation() && c != '\'');
                if v.chars().count() >= 2 {
                    variants.entry(v.to_lowercase()).or_insert(Variant {
                        person,
                        capital_only,
                    });
                }
            };
            let name = name.split_whitespace().collect::<Vec<_>>();
            if name.is_empty() {
                continue;
            }
            let full = name.join(" ");
            add(&full, false);
            if no_space_script(&full) {
                let joined: String = name.concat();
                add(&joined, false);
                let chars: Vec<char> = joined.chars().collect();
                let (surname, given): (String, String) = if name.len() > 1 {
                    (name[0].to_string(), name[1..].concat())
                } else if is_thai(&joined) {
                    (String::new(), String::new())
                } else {
                    let cut = if chars.len() >= 4 { 2 } else { 1 };
                    (chars[..cut].iter().collect(), chars[cut..].iter().collect())
                };
                if !is_thai(&joined) {
                    for h in HONORIFICS {
                        add(&format!("{surname}{h}"), false);
                        add(&format!("{joined}{h}"), false);
                    }
                }
                if name.len() > 1 || !is_thai(&joined) {
                    add(&surname, false);
                    add(&given, false);
                }
                if is_thai(&joined) && name.len() > 1 {
                    // Thai surnames are long and often ordinary words; people are addressed by
                    // their first name.
                    variants.retain(|k, v| v.person != person || *k != name[1..].concat());
                }
                continue;
            }
            let parts: Vec<&str> = name.clone();
            if parts.len() > 1 {
                for p in [parts[0], parts[parts.len() - 1]] {
                    let lower = p.to_lowercase();
                    let short = p.chars().count() <= 3 || COMMON_WORDS.contains(&lower.as_str());
                    add(p, short);
                }
            }
        }
        if variants.is_empty() {
            return Ok(KnownNames::default());
        }
        let mut keys: Vec<&String> = variants.keys().collect();
        keys.sort_by(|a, b| b.chars().count().cmp(&a.chars().count()).then(a.cmp(b)));
        let alternation: Vec<String> = keys.iter().map(|k| regex::escape(k)).collect();
        let pattern = format!("(?i)(?:{})", alternation.join("|"));
        let regex = Regex::new(&pattern).map_err(|e| Error::Names(e.to_string()))?;
        Ok(KnownNames {
            regex: Some(regex),
            variants,
        })
    }

    pub fn is_empty(&self) -> bool {
        self.regex.is_none()
    }

    pub(crate) fn find(&self, text: &str, hits: &mut Vec<Hit>) {
        let Some(re) = &self.regex else { return };
        for m in re.find_iter(text) {
            let found = m.as_str();
            let Some(v) = self.variants.get(&found.to_lowercase()) else {
                continue;
            };
            if v.capital_only && !found.chars().next().is_some_and(char::is_uppercase) {
                continue;
            }
            if !no_space_script(found) && !word_bounded(text, m.start(), m.end()) {
                continue;
            }
            hits.push(Hit {
                start: m.start(),
                end: m.end(),
                kind: Kind::Name,
                person: Some(v.person),
            });
        }
    }
}

/// Whether the letters before `start` and after `end` end the word, counting a neighbouring
/// Han, kana or Thai character as a boundary (names are written straight into such text).
fn word_bounded(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    let ok = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric() || is_cjk_or_thai(c));
    ok(before) && ok(after)
}

/// Pushes the names introduced by the cues the trigger pass found.
pub(crate) fn find_patterns(text: &str, fired: &Fired, hits: &mut Vec<Hit>) {
    for &(cue, start, end) in &fired.names {
        if let Some((s, e)) = capture(text, cue, start, end)
            && e > s
        {
            hits.push(Hit::new(s, e, Kind::Name));
        }
    }
}

fn capture(text: &str, cue: NameCue, start: usize, end: usize) -> Option<(usize, usize)> {
    let latin_cue = matches!(
        cue,
        NameCue::After | NameCue::Title | NameCue::Greeting | NameCue::Signoff | NameCue::ViPronoun
    );
    if latin_cue && !word_bounded(text, start, end.min(text.len())) && !text[..end].ends_with(' ') {
        return None;
    }
    if latin_cue
        && start > 0
        && text[..start]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric)
    {
        return None;
    }
    match cue {
        NameCue::After => capitalised(text, end, 3, false),
        NameCue::Title => {
            let first = text[start..].chars().next()?;
            let lower_ok = ["madame", "monsieur", "señor", "señora"]
                .iter()
                .any(|t| text[start..].to_lowercase().starts_with(t));
            if !first.is_uppercase() && !lower_ok {
                return None;
            }
            capitalised(text, end, 2, false)
        }
        NameCue::Greeting => capitalised(text, end, 2, true),
        NameCue::Signoff => capitalised(text, end, 3, false),
        NameCue::ViPronoun => capitalised(text, end, 2, false),
        NameCue::JaAfter => {
            let (s, e) = run(text, end, |c| is_han(c) || is_katakana(c), 8)?;
            let rest = &text[e..];
            ["です", "と申します", "と言います", "。", "、", ","]
                .iter()
                .any(|t| rest.starts_with(t))
                .then_some((s, e))
        }
        NameCue::JaBefore => {
            let mut s = start;
            let mut n = 0;
            for (i, c) in text[..start].char_indices().rev() {
                if !(is_han(c) || is_katakana(c)) || n == 6 {
                    break;
                }
                s = i;
                n += 1;
            }
            (n > 0).then_some((s, start))
        }
        NameCue::ZhAfter => {
            let (s, e) = run(text, end, is_han, 3)?;
            (text[s..e].chars().count() >= 2).then_some((s, e))
        }
        NameCue::ZhShi => {
            let (s, e) = run(text, end, is_han, 4)?;
            let n = text[s..e].chars().count();
            let first = text[s..].chars().next()?;
            ((2..=3).contains(&n) && SURNAMES.contains(first)).then_some((s, e))
        }
        NameCue::ZhHonorific => {
            let (i, c) = text[..start].char_indices().next_back()?;
            SURNAMES.contains(c).then_some((i, start))
        }
        NameCue::ThAfter => thai_name(text, end),
        NameCue::ThKhun => {
            if text[..start].ends_with("ขอบ") {
                return None;
            }
            thai_name(text, end)
        }
        NameCue::ArAfter | NameCue::ArTitle => arabic_words(text, end, 2),
    }
}

fn is_han(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF)
}

fn is_katakana(c: char) -> bool {
    matches!(c as u32, 0x30A0..=0x30FF)
}

/// The run of characters satisfying `ok` right after `at`, at most `max` long.
fn run(text: &str, at: usize, ok: impl Fn(char) -> bool, max: usize) -> Option<(usize, usize)> {
    let mut e = at;
    for (n, (i, c)) in text[at..].char_indices().enumerate() {
        if !ok(c) || n == max {
            break;
        }
        e = at + i + c.len_utf8();
    }
    (e > at).then_some((at, e))
}

/// Up to `max` capitalised words after `at` (skipping spaces and a colon). With `needs_end`, the
/// words must be followed by punctuation or the end, as a greeting's name is.
fn capitalised(text: &str, at: usize, max: usize, needs_end: bool) -> Option<(usize, usize)> {
    let rest = &text[at..];
    let skip = rest.len() - rest.trim_start_matches([' ', ':', '\u{00A0}']).len();
    let mut pos = at + skip;
    let (start, mut end, mut words) = (pos, pos, 0);
    while words < max {
        let word_end = text[pos..]
            .char_indices()
            .find(|&(_, c)| !(c.is_alphabetic() || c == '\'' || c == '’' || c == '-'))
            .map_or(text.len(), |(i, _)| pos + i);
        let word = &text[pos..word_end];
        let first = word.chars().next();
        if word.chars().count() < 2
            || !first.is_some_and(char::is_uppercase)
            || NOT_NAMES.contains(&word.trim_end_matches('.'))
        {
            break;
        }
        if word.chars().any(is_cjk_or_thai) {
            break;
        }
        words += 1;
        end = word_end;
        if !text[end..].starts_with(' ') {
            break;
        }
        pos = end + 1;
    }
    if words == 0 {
        return None;
    }
    if needs_end {
        let next = text[end..].chars().next();
        if !next.is_none_or(|c| matches!(c, ',' | '!' | '.' | ':' | '\n' | '，' | '、')) {
            return None;
        }
    }
    Some((start, end))
}

const THAI_PARTICLES: [&str; 8] = ["ครับผม", "ครับ", "ค่ะ", "คะ", "นะคะ", "นะ", "จ้ะ", "จ้า"];

const THAI_NOT_NAME_START: [&str; 24] = [
    "ได้",
    "จะ",
    "ต้อง",
    "ช่วย",
    "สามารถ",
    "ครับ",
    "ค่ะ",
    "คะ",
    "มาก",
    "เป็น",
    "ไม่",
    "ก็",
    "ที่",
    "คือ",
    "มี",
    "ยัง",
    "ลูกค้า",
    "ทำ",
    "อยาก",
    "ควร",
    "กรุณา",
    "เคย",
    "รอ",
    "ส่ง",
];

/// A Thai first name after a cue: Thai letters up to a space, without a trailing polite
/// particle, two to twelve characters long.
fn thai_name(text: &str, at: usize) -> Option<(usize, usize)> {
    let rest = &text[at..];
    let at = at + (rest.len() - rest.trim_start().len());
    let (s, mut e) = run(text, at, |c| ('\u{0E01}'..='\u{0E4E}').contains(&c), 24)?;
    loop {
        let word = &text[s..e];
        match THAI_PARTICLES
            .iter()
            .find(|p| word.ends_with(*p) && word.len() > p.len())
        {
            Some(p) => e -= p.len(),
            None => break,
        }
    }
    let name = &text[s..e];
    let n = name.chars().count();
    if !(2..=12).contains(&n) || THAI_NOT_NAME_START.iter().any(|w| name.starts_with(w)) {
        return None;
    }
    if THAI_PARTICLES.contains(&name) {
        return None;
    }
    Some((s, e))
}

const ARABIC_STOP: [&str; 16] = [
    "في", "من", "إلى", "على", "عن", "مع", "هذا", "هذه", "رقم", "طلبي", "أريد", "لقد", "هل", "و",
    "لم", "تم",
];

fn is_arabic_letter(c: char) -> bool {
    matches!(c as u32, 0x0620..=0x065F | 0x066E..=0x06D3 | 0x06FA..=0x06FF)
}

/// Up to `max` Arabic words after a cue, stopping at function words and at words joined with
/// "و" (and), which start the next clause.
fn arabic_words(text: &str, at: usize, max: usize) -> Option<(usize, usize)> {
    let mut pos = at;
    let (mut start, mut end, mut words) = (None, at, 0);
    while words < max {
        let rest = &text[pos..];
        let lead = rest.len() - rest.trim_start_matches(' ').len();
        let Some((s, e)) = run(text, pos + lead, is_arabic_letter, 20) else {
            break;
        };
        let word = &text[s..e];
        let joined_and = word.starts_with('و') && word.chars().count() > 3 && words > 0;
        if ARABIC_STOP.contains(&word) || joined_and {
            break;
        }
        start.get_or_insert(s);
        end = e;
        words += 1;
        pos = e;
        if !text[pos..].starts_with(' ') {
            break;
        }
    }
    start.map(|s| (s, end))
}
