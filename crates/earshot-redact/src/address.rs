//! Postal addresses: street and house number in the shapes of each language, with the postcode
//! and city when they follow; a postcode next to a known city; full UK postcodes. A postcode
//! alone ("PLZ 10115", "zip 49007") covers thousands of households and is kept.

use regex::Regex;

use crate::triggers::{CITIES, Fired, addr, prefectures};
use crate::{Hit, Kind};

#[derive(Debug, Clone)]
pub(crate) struct Addresses {
    families: Vec<(u16, Regex)>,
    uk_postcode: Option<Regex>,
}

/// The families whose every address has a house number or postcode in ASCII digits.
const NEEDS_DIGIT: u16 = addr::EN | addr::DE | addr::FR | addr::ES | addr::VI | addr::CITY;

const AR_LETTER: &str = r"[\x{0620}-\x{065F}\x{066E}-\x{06D3}\x{06FA}-\x{06FF}]";

fn patterns() -> Vec<(u16, String)> {
    let cap = r"\p{Lu}[\p{L}'’\-]*";
    let uk_pc = r"[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}";
    let en = format!(
        r"(?-u:\b)\d{{1,5}}[A-Za-z]?\s+(?:{cap}\.?\s+){{1,4}}(?:Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Drive|Dr|Boulevard|Blvd|Way|Court|Ct|Place|Pl|Terrace|Close|Crescent|Parkway|Square|Sq|Highway|Hwy)(?-u:\b)\.?(?:\s+(?:NW|NE|SW|SE|N|S|E|W)(?-u:\b))?(?:,?\s*(?:Apt|Apartment|Suite|Ste|Unit|Flat)\.?\s*\#?\w+)?(?:,\s*(?:{cap}\s+){{0,2}}{uk_pc}(?-u:\b))?"
    );
    let de_city = r"(?:,?\s*\d{5}\s+\p{Lu}[\p{L}\-]+(?:\s\p{Lu}[\p{L}\-]+)?)?";
    let de = format!(
        r"(?:\p{{Lu}}[\p{{L}}\-]+\s)?(?:\p{{Lu}}[\p{{Ll}}äöüß\-]*(?:straße|strasse|str\.|weg|platz|allee|gasse|ring|damm|ufer|chaussee)|Straße|Str\.|Platz|Allee|Am\s\p{{Lu}}\p{{Ll}}+|An\sder\s\p{{Lu}}\p{{Ll}}+)\s*\d{{1,4}}\s?[a-zA-Z]?(?-u:\b){de_city}"
    );
    let fr = format!(
        r"(?-u:\b)\d{{1,4}}(?:\s?(?:bis|ter))?,?\s+(?i:rue|avenue|av\.|boulevard|bd|place|chemin|allée|impasse|quai|route|cours|square)\s+(?:(?:de\s+la|de\s+l['’]|du|des|de|d['’])\s*)?[\p{{L}}'’\-]+(?:\s+(?:(?:de\s+la|de|du|des|d['’])\s*)?{cap}){{0,3}}(?:,?\s*\d{{5}}\s+{cap})?"
    );
    let es = format!(
        r"(?:(?-u:\b)[Cc]alle|C/|(?-u:\b)[Aa]venida|(?-u:\b)Avda\.?|(?-u:\b)Av\.|(?-u:\b)[Pp]aseo|(?-u:\b)[Pp]laza|(?-u:\b)Pza\.|(?-u:\b)[Cc]arrera|(?-u:\b)[Cc]amino|(?-u:\b)[Rr]onda|(?-u:\b)Travesía|(?-u:\b)[Cc]arretera)\s*(?:(?:de\s+la|de\s+los|de\s+las|del|de)\s+)?{cap}(?:\s+(?:(?:de\s+la|de\s+los|del|de|y)\s+)?{cap}){{0,3}},?\s+(?:n[º°o]\.?\s*)?\d{{1,4}}[A-Za-z]?(?-u:\b)(?:,?\s*\d{{1,2}}\s?[º°ª]\s?[A-Za-z]?(?-u:\b))?(?:,?\s*\d{{5}}\s+{cap})?"
    );
    let prefs = prefectures().join("|");
    let ja_tail = r"[\p{Han}\p{Katakana}ー0-9０-９\-－−ノ丁目番地号]";
    let ja = format!(
        r"〒\s?\d{{3}}[-－]\d{{4}}\s*(?:{prefs})?{ja_tail}{{0,40}}|(?:{prefs}){ja_tail}{{2,40}}"
    );
    let num = r"(?:\d{1,5}|[一二三四五六七八九十百]+)";
    let extra = r"(?:[\d\-]*(?:号楼|栋|楼|室|单元|层))*";
    let street = r"\p{Han}{1,8}?(?:路|街|大道|巷|胡同)";
    let zh = format!(
        r"\p{{Han}}{{2,3}}(?:省|自治区)?\p{{Han}}{{0,4}}?市\p{{Han}}{{1,4}}?(?:区|县)(?:{street}(?:{num}号{extra})?)?|{street}{num}号{extra}"
    );
    let vi_unit = r"(?:Phường|phường|P\.|Quận|quận|Q\.|Huyện|huyện|Xã|xã|TP\.|Thành phố|Tỉnh)\s*(?:\d{1,2}(?-u:\b)|\p{Lu}\p{Ll}*(?:\s\p{Lu}\p{Ll}*){0,3})";
    let vi = format!(
        r"(?-u:\b)\d{{1,4}}[A-Za-z]?(?:/\d{{1,4}})?\s+(?:(?:đường|Đường|phố|Phố|Đ\.)\s+)?\p{{Lu}}\p{{Ll}}*(?:\s+\p{{Lu}}\p{{Ll}}*){{0,3}}(?:,\s*{vi_unit})*"
    );
    let th_unit = r"(?:แขวง|เขต|ตำบล|ต\.|อำเภอ|อ\.|จังหวัด|จ\.)\s*[\p{Thai}]+";
    let th_city = r"(?:\s*(?:กรุงเทพฯ|กรุงเทพมหานคร|กรุงเทพ))?";
    let th = format!(
        r"(?:\d{{1,5}}(?:/\d{{1,4}})?\s*(?:หมู่(?:ที่)?\s*\d{{1,3}}\s*)?)?(?:(?:ซอย|ซ\.)\s*[\p{{Thai}}\d]+\s*)?(?:ถนน|ถ\.)\s*[\p{{Thai}}]+(?:\s*{th_unit})*{th_city}(?:\s*\d{{5}})?|{th_unit}(?:\s*{th_unit})+{th_city}(?:\s*\d{{5}})?"
    );
    let ar = format!(
        r"(?:\d{{1,5}}\s+)?شارع\s+{AR_LETTER}+(?:\s+{AR_LETTER}+){{0,2}}(?:،?\s*(?:رقم\s*)?\d{{1,5}})?"
    );
    let city = format!(r"(?-u:\b)\d{{5}}\s+(?:{})(?-u:\b)", CITIES.join("|"));
    vec![
        (addr::EN, en),
        (addr::DE, de),
        (addr::FR, fr),
        (addr::ES, es),
        (addr::JA, ja),
        (addr::ZH, zh),
        (addr::VI, vi),
        (addr::TH, th),
        (addr::AR, ar),
        (addr::CITY, city),
    ]
}

impl Addresses {
    pub fn new() -> Addresses {
        // The patterns are fixed; a family that failed to compile would only lose its own
        // addresses, so it is dropped instead of failing the redactor.
        let families = patterns()
            .into_iter()
            .filter_map(|(bit, p)| Regex::new(&p).ok().map(|r| (bit, r)))
            .collect();
        let uk_postcode = Regex::new(r"(?-u:\b)[A-Z]{1,2}\d[A-Z\d]?\s\d[A-Z]{2}(?-u:\b)").ok();
        Addresses {
            families,
            uk_postcode,
        }
    }

    pub fn find(&self, text: &str, fired: &Fired, has_digit: bool, hits: &mut Vec<Hit>) {
        for (bit, re) in &self.families {
            if fired.addr & bit == 0 || (*bit & NEEDS_DIGIT != 0 && !has_digit) {
                continue;
            }
            for m in re.find_iter(text) {
                if let Some((s, e)) = tidy(text, *bit, m.start(), m.end()) {
                    hits.push(Hit::new(s, e, Kind::Address));
                }
            }
        }
    }

    /// Full UK postcodes ("NW1 6XE"): about fifteen households each, so one is as telling as an
    /// address.
    pub fn find_postcodes(&self, text: &str, hits: &mut Vec<Hit>) {
        let Some(re) = &self.uk_postcode else { return };
        let b = text.as_bytes();
        if !b
            .windows(2)
            .any(|w| w[0].is_ascii_uppercase() && w[1].is_ascii_digit())
        {
            return;
        }
        for m in re.find_iter(text) {
            hits.push(Hit::new(m.start(), m.end(), Kind::Address));
        }
    }
}

const THAI_PARTICLES: [&str; 5] = ["ครับ", "ค่ะ", "คะ", "นะ", "จ้ะ"];
const ARABIC_STOP: [&str; 10] = [
    "في",
    "من",
    "إلى",
    "على",
    "عن",
    "مع",
    "هذا",
    "اليوم",
    "لو",
    "لكن",
];
const ZH_LEAD: &str = "是在到址为给：:的寄送住往";
const VI_MARKERS: [&str; 16] = [
    "đường",
    "Đường",
    "phố",
    "Phố",
    "Đ.",
    "Phường",
    "phường",
    "P.",
    "Quận",
    "quận",
    "Q.",
    "Huyện",
    "huyện",
    "Xã",
    "xã",
    "TP.",
];

/// Trims what a family's pattern takes too much of, and drops matches that lack what makes
/// them an address. Returns the byte range to redact.
fn tidy(text: &str, family: u16, mut s: usize, mut e: usize) -> Option<(usize, usize)> {
    match family {
        addr::ZH => {
            // The pattern may start a few characters early ("寄到北京市"): cut after the last
            // verb or particle that cannot be part of a place name.
            let head: Vec<(usize, char)> = text[s..e].char_indices().take(5).collect();
            if let Some(&(i, c)) = head.iter().rev().find(|(_, c)| ZH_LEAD.contains(*c)) {
                s += i + c.len_utf8();
            }
        }
        addr::VI => {
            let m = &text[s..e];
            if !VI_MARKERS.iter().any(|k| m.contains(k)) {
                return None;
            }
        }
        addr::TH => loop {
            let m = &text[s..e];
            match THAI_PARTICLES.iter().find(|p| m.ends_with(*p)) {
                Some(p) => e -= p.len(),
                None => break,
            }
        },
        addr::AR => loop {
            let m = &text[s..e];
            let Some((head, last)) = m.rsplit_once(' ') else {
                break;
            };
            let joined_and = last.starts_with('و') && last.chars().count() > 3;
            if ARABIC_STOP.contains(&last) || joined_and {
                e = s + head.len();
            } else {
                break;
            }
        },
        _ => {}
    }
    let m = &text[s..e];
    let trimmed = m.trim_end_matches([' ', ',', '،', '、']);
    e = s + trimmed.len();
    (e > s).then_some((s, e))
}
