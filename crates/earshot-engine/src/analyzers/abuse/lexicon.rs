//! The abuse lexicons (`lexicons/abuse/<lang>.tsv`, embedded at build time) compiled into one
//! Aho-Corasick automaton over the skeleton view of `earshot-text`.
//!
//! Entries go through the same `skeleton` function as messages, so `Scheiße` in the file matches
//! `scheisse`, `SCHEIẞE` and `sch3isse` in a message. Latin-script entries need word boundaries
//! (a leading or trailing `*` in the file lifts one side); Arabic entries may carry the usual
//! one-letter prefixes; Chinese, Japanese and Thai entries match as substrings, with allowlist
//! entries (category `allow`) vetoing any hit they cover.

use aho_corasick::{AhoCorasick, MatchKind};
use earshot_text::CharClass;
use earshot_text::{Lang, View, skeleton};

/// What an entry means.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Cat {
    Profanity,
    Insult,
    Slur,
    Sexual,
    /// An ordinary word that contains an entry ("Scunthorpe"); it vetoes hits it covers.
    Allow,
    /// A second-person word: who an insult is aimed at.
    You,
    /// A negation, which drops an insult ("not calling you an idiot").
    Neg,
    /// Reported speech, which lowers an insult ("he called me an idiot").
    Report,
}

impl Cat {
    fn parse(s: &str) -> Option<Cat> {
        Some(match s {
            "profanity" => Cat::Profanity,
            "insult" => Cat::Insult,
            "slur" => Cat::Slur,
            "sexual" => Cat::Sexual,
            "allow" => Cat::Allow,
            "you" => Cat::You,
            "neg" => Cat::Neg,
            "report" => Cat::Report,
            _ => return None,
        })
    }

    /// Whether hits of this category are abuse themselves (rather than context around it).
    pub fn is_abuse(self) -> bool {
        matches!(self, Cat::Profanity | Cat::Insult | Cat::Slur | Cat::Sexual)
    }
}

/// How a hit must sit in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// Latin script: word boundaries on both sides unless lifted by `*`.
    Word,
    /// Arabic script: a word start (after an optional one-letter prefix); short entries also
    /// need a word end.
    Arabic,
    /// Chinese, Japanese, Thai: any substring.
    Substring,
}

#[derive(Debug, Clone)]
pub struct Entry {
    /// The entry as written in the file (for explanations).
    pub written: String,
    /// The entry's skeleton, as matched.
    pub key: String,
    pub lang: Lang,
    pub cat: Cat,
    /// 1 (mild) to 3 (strong).
    pub severity: u8,
    /// `*` before: other letters may precede ("*idiot" finds "vollidiot").
    pub open_start: bool,
    /// `*` after: other letters may follow ("fuck*" finds "fucking").
    pub open_end: bool,
    /// Only counts when the message is in the entry's language.
    pub strict: bool,
    pub shape: Shape,
}

/// The compiled lexicon.
pub struct Lexicon {
    pub entries: Vec<Entry>,
    ac: AhoCorasick,
}

/// A hit of an entry in the skeleton view, in bytes of that view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub entry: usize,
    pub start: usize,
    pub end: usize,
}

pub const FILES: &[(Lang, &str)] = &[
    (
        Lang::En,
        include_str!("../../../../../lexicons/abuse/en.tsv"),
    ),
    (
        Lang::De,
        include_str!("../../../../../lexicons/abuse/de.tsv"),
    ),
    (
        Lang::Es,
        include_str!("../../../../../lexicons/abuse/es.tsv"),
    ),
    (
        Lang::Fr,
        include_str!("../../../../../lexicons/abuse/fr.tsv"),
    ),
    (
        Lang::Ja,
        include_str!("../../../../../lexicons/abuse/ja.tsv"),
    ),
    (
        Lang::Zh,
        include_str!("../../../../../lexicons/abuse/zh.tsv"),
    ),
    (
        Lang::Vi,
        include_str!("../../../../../lexicons/abuse/vi.tsv"),
    ),
    (
        Lang::Th,
        include_str!("../../../../../lexicons/abuse/th.tsv"),
    ),
    (
        Lang::Ar,
        include_str!("../../../../../lexicons/abuse/ar.tsv"),
    ),
];

fn shape_of(key: &str) -> Shape {
    if key.chars().any(|c| matches!(c, '\u{0600}'..='\u{06ff}' | '\u{0750}'..='\u{077f}')) {
        Shape::Arabic
    } else if key.chars().any(|c| {
        matches!(c, '\u{0e00}'..='\u{0e7f}' | '\u{3040}'..='\u{30ff}' | '\u{3400}'..='\u{9fff}')
    }) {
        Shape::Substring
    } else {
        Shape::Word
    }
}

/// Parses one lexicon file. Lines that do not parse are skipped; the `lexicon_files_parse` test
/// makes sure the shipped files have none.
pub fn parse(lang: Lang, text: &str) -> (Vec<Entry>, Vec<String>) {
    let mut entries = Vec::new();
    let mut bad = Vec::new();
    for line in text.lines() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        let cat = cols.get(1).and_then(|c| Cat::parse(c.trim()));
        let (Some(pattern), Some(cat)) = (cols.first(), cat) else {
            bad.push(line.to_string());
            continue;
        };
        let severity = cols
            .get(2)
            .and_then(|s| s.trim().parse::<u8>().ok())
            .unwrap_or(1)
            .clamp(1, 3);
        let strict = cols
            .get(3)
            .is_some_and(|f| f.split(',').any(|f| f.trim() == "strict"));
        let open_start = pattern.starts_with('*');
        let open_end = pattern.ends_with('*') && pattern.len() > 1;
        let written = pattern.trim_matches('*').trim().to_string();
        let key = skeleton(&written);
        let key = ArabicFold::new(&key).map_or(key, |f| f.text);
        if key.is_empty() {
            bad.push(line.to_string());
            continue;
        }
        let shape = shape_of(&key);
        entries.push(Entry {
            written,
            key,
            lang,
            cat,
            severity,
            open_start,
            open_end,
            strict,
            shape,
        });
    }
    (entries, bad)
}

impl Lexicon {
    /// The lexicon of all nine languages.
    pub fn abuse() -> Lexicon {
        let mut entries = Vec::new();
        for (lang, text) in FILES {
            entries.extend(parse(*lang, text).0);
        }
        Lexicon::from_entries(entries)
    }

    pub fn from_entries(entries: Vec<Entry>) -> Lexicon {
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .build(entries.iter().map(|e| e.key.as_str()))
            .or_else(|_| AhoCorasick::new(Vec::<&str>::new()));
        // Building from valid UTF-8 keys cannot fail; the fallback keeps this infallible anyway.
        let ac = ac.unwrap_or_else(|_| unreachable!("an empty automaton always builds"));
        Lexicon { entries, ac }
    }

    /// Every hit in the skeleton `text` that sits right (boundaries, prefixes) and applies to a
    /// message in `lang`, with allowlisted hits removed. Arabic spelling variants are folded
    /// first (see [`ArabicFold`]); hits are in bytes of `text`.
    pub fn find(&self, text: &str, lang: Lang) -> Vec<Hit> {
        let Some(f) = ArabicFold::new(text) else {
            return self.find_folded(text, lang);
        };
        let mut hits = self.find_folded(&f.text, lang);
        for h in &mut hits {
            (h.start, h.end) = f.back(h.start, h.end);
        }
        hits
    }

    /// Words spelled out with a leetspeak digit among the letters, which the skeleton leaves
    /// apart because a lone digit is not a letter: Arabizi `7 m a r` or `y.i.l.3.a.n`
    /// (3 = ع, 7 = ح). A run of spelled-out pieces (single characters, or letters the skeleton
    /// already joined from a spelled-out run) with at least one such digit is read as one word,
    /// and counts when it is a whole abuse entry. `sk` is the skeleton view of `original`.
    pub fn find_spelled(&self, sk: &View, original: &str, lang: Lang) -> Vec<Hit> {
        let text = sk.as_str();
        if !text.bytes().any(|b| leet_digit(b as char).is_some()) {
            return Vec::new();
        }
        // The word pieces of the text, in bytes.
        let mut pieces: Vec<(usize, usize)> = Vec::new();
        let mut at: Option<usize> = None;
        for (i, c) in text
            .char_indices()
            .chain(std::iter::once((text.len(), ' ')))
        {
            match (at, is_word(c) && i < text.len()) {
                (None, true) => at = Some(i),
                (Some(s), false) => {
                    pieces.push((s, i));
                    at = None;
                }
                _ => {}
            }
        }
        // Where each character of the original starts (one pass, not one per piece).
        let starts: Vec<usize> = original
            .char_indices()
            .map(|(i, _)| i)
            .chain(std::iter::once(original.len()))
            .collect();
        let spelled = |(s, e): (usize, usize)| -> bool {
            let span = sk.original_span(s..e);
            text[s..e].chars().count() == 1
                || starts
                    .get(span.start as usize)
                    .zip(starts.get(span.end as usize))
                    .and_then(|(&a, &b)| original.get(a..b))
                    .is_some_and(|o| o.chars().any(|c| !is_word(c)))
        };
        let digit = |(s, e): (usize, usize)| -> bool {
            let mut cs = text[s..e].chars();
            matches!((cs.next().and_then(leet_digit), cs.next()), (Some(_), None))
        };
        // Pieces apart by one or two separators on one line.
        let close = |a: (usize, usize), b: (usize, usize)| -> bool {
            let gap = &text[a.1..b.0];
            (1..=2).contains(&gap.chars().count()) && !gap.contains('\n')
        };
        let mut hits = Vec::new();
        let mut i = 0;
        while i < pieces.len() {
            let mut j = i;
            while j < pieces.len()
                && spelled(pieces[j])
                && (j == i || close(pieces[j - 1], pieces[j]))
            {
                j += 1;
            }
            let run = &pieces[i..j.max(i + 1)];
            let digits = run.iter().filter(|p| digit(**p)).count();
            if run.len() >= 2 && digits >= 1 && digits < run.len() {
                let word: String = run
                    .iter()
                    .flat_map(|&(s, e)| text[s..e].chars())
                    .map(|c| leet_digit(c).unwrap_or(c))
                    .collect();
                let (start, end) = (run[0].0, run[run.len() - 1].1);
                if let Some(h) = self.find(&word, lang).into_iter().find(|h| {
                    self.entries[h.entry].cat.is_abuse() && h.start == 0 && h.end == word.len()
                }) {
                    hits.push(Hit {
                        entry: h.entry,
                        start,
                        end,
                    });
                }
            }
            i = j.max(i + 1);
        }
        hits
    }

    fn find_folded(&self, text: &str, lang: Lang) -> Vec<Hit> {
        let mut hits = Vec::new();
        let mut allows: Vec<(usize, usize)> = Vec::new();
        for m in self.ac.find_overlapping_iter(text) {
            let id = m.pattern().as_usize();
            let Some(e) = self.entries.get(id) else {
                continue;
            };
            if e.strict && lang != e.lang {
                continue;
            }
            if !fits(e, text, m.start(), m.end()) {
                continue;
            }
            if e.cat == Cat::Allow {
                allows.push(extend_to_word(text, m.start(), m.end()));
                continue;
            }
            hits.push(Hit {
                entry: id,
                start: m.start(),
                end: m.end(),
            });
        }
        hits.retain(|h| !allows.iter().any(|&(s, e)| s <= h.start && h.end <= e));
        // Keep the longest of hits that overlap within the same role (abuse vs context).
        let abuse = |h: &Hit| self.entries[h.entry].cat.is_abuse();
        let snapshot = hits.clone();
        hits.retain(|h| {
            !snapshot.iter().any(|o| {
                o != h
                    && abuse(o) == abuse(h)
                    && o.start <= h.start
                    && h.end <= o.end
                    && (o.end - o.start > h.end - h.start || o.entry < h.entry)
            })
        });
        hits.sort_by_key(|h| (h.start, h.end));
        hits
    }
}

fn is_word(c: char) -> bool {
    c.is_word()
}

/// The letter a leetspeak digit stands for (as in the skeleton), for digits the skeleton left
/// alone because they stood apart from letters.
pub(crate) fn leet_digit(c: char) -> Option<char> {
    Some(match c {
        '4' => 'a',
        '3' => 'e',
        '1' => 'i',
        '0' => 'o',
        '5' => 's',
        '7' => 't',
        _ => return None,
    })
}

/// Arabic spelling variants folded to one form, in entries and messages alike: alef with hamza
/// or madda (أ إ آ ٱ) to bare alef, ta marbuta (ة) to ha, alef maqsura (ى) to ya, and harakat and
/// tatweel (the stretching stroke, كـــلب) removed. So "أحمق" also finds "احمق", "حقيرة" finds
/// "حقيره", and "غبى" finds "غبي".
struct ArabicFold {
    text: String,
    /// For each byte of `text`, the byte range of the original text it came from.
    from: Vec<(usize, usize)>,
}

impl ArabicFold {
    fn fold(c: char) -> Option<Option<char>> {
        Some(match c {
            'أ' | 'إ' | 'آ' | 'ٱ' => Some('ا'),
            'ة' => Some('ه'),
            'ى' => Some('ي'),
            '\u{0640}' | '\u{064b}'..='\u{0652}' | '\u{0670}' => None,
            _ => return None,
        })
    }

    /// `None` when nothing needs folding (every text without Arabic).
    fn new(text: &str) -> Option<ArabicFold> {
        if !text.chars().any(|c| ArabicFold::fold(c).is_some()) {
            return None;
        }
        let mut out = ArabicFold {
            text: String::with_capacity(text.len()),
            from: Vec::with_capacity(text.len()),
        };
        for (i, c) in text.char_indices() {
            let to = match ArabicFold::fold(c) {
                Some(to) => to,
                None => Some(c),
            };
            if let Some(t) = to {
                out.text.push(t);
                out.from.resize(out.text.len(), (i, i + c.len_utf8()));
            }
        }
        Some(out)
    }

    /// A byte range of the folded text as a byte range of the original.
    fn back(&self, start: usize, end: usize) -> (usize, usize) {
        let s = self.from.get(start).map_or(0, |r| r.0);
        let e = end
            .checked_sub(1)
            .and_then(|b| self.from.get(b))
            .map_or(s, |r| r.1);
        (s, e.max(s))
    }
}

/// An allowlist hit covers the whole word it sits in, so "cocktail*" also covers "cocktails".
fn extend_to_word(text: &str, start: usize, end: usize) -> (usize, usize) {
    let s = text[..start]
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_letter())
        .last();
    let e = text[end..]
        .char_indices()
        .take_while(|(_, c)| c.is_letter())
        .last();
    let s = s.map_or(start, |(i, _)| i);
    let e = e.map_or(end, |(i, c)| end + i + c.len_utf8());
    // Only Latin words extend; CJK and Thai runs have no spaces and would cover a whole sentence.
    if text[s..e].is_ascii() {
        (s, e)
    } else {
        (start, end)
    }
}

/// Whether the letters attached before an Arabic match are a run of clitics: a conjunction
/// (و ف), then a preposition (ب ل ك), then the article (ال, contracted to لل after ل); or the
/// vocative يا written together with the word (ياكلب).
fn arabic_clitics(prefix: &str) -> bool {
    let mut rest = prefix;
    if let Some(r) = rest.strip_prefix("يا") {
        return r.is_empty() || r == "ال";
    }
    for conj in ["و", "ف"] {
        if let Some(r) = rest.strip_prefix(conj) {
            rest = r;
            break;
        }
    }
    if let Some(r) = rest.strip_prefix("لل") {
        return r.is_empty();
    }
    for prep in ["ب", "ل", "ك"] {
        if let Some(r) = rest.strip_prefix(prep) {
            rest = r;
            break;
        }
    }
    rest.is_empty() || rest == "ال"
}

fn fits(e: &Entry, text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    match e.shape {
        Shape::Substring => true,
        Shape::Word => {
            (e.open_start || !before.is_some_and(is_word))
                && (e.open_end || !after.is_some_and(is_word))
        }
        Shape::Arabic => {
            // The letters of the same word before the match.
            let head = &text[..start];
            let word_start = head
                .char_indices()
                .rev()
                .find(|(_, c)| !is_word(*c))
                .map_or(0, |(i, c)| i + c.len_utf8());
            let prefix = &head[word_start..];
            let start_ok = prefix.is_empty() || arabic_clitics(prefix) || e.open_start;
            let short = e.key.chars().filter(|c| c.is_letter()).count() <= 3;
            let end_ok = !short || e.open_end || !after.is_some_and(is_word) || after == Some('ك');
            start_ok && end_ok
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexicon_files_parse() {
        for (lang, text) in FILES {
            let (entries, bad) = parse(*lang, text);
            assert!(bad.is_empty(), "{lang}: lines that do not parse: {bad:?}");
            assert!(
                entries.iter().filter(|e| e.cat.is_abuse()).count() >= 40,
                "{lang}: too few entries"
            );
        }
    }

    fn words(text: &str) -> Vec<String> {
        words_in(text, Lang::Und)
    }

    fn words_in(text: &str, lang: Lang) -> Vec<String> {
        let lex = Lexicon::abuse();
        let sk = skeleton(text);
        lex.find(&sk, lang)
            .iter()
            .filter(|h| lex.entries[h.entry].cat.is_abuse())
            .map(|h| sk[h.start..h.end].to_string())
            .collect()
    }

    #[test]
    fn arabic_clitics_attach_but_other_letters_do_not() {
        for (text, hit) in [
            ("انت الحقير", true),
            ("ياحقير", true),
            ("وبالحقير", true),
            ("للحقير", true),
            ("فحقير", true),
            ("محقير", false),
            ("تالحقير", false),
            ("والحثالة", true),
        ] {
            assert_eq!(!words(text).is_empty(), hit, "{text}: {:?}", words(text));
        }
        assert!(arabic_clitics("وال") && arabic_clitics("يا") && !arabic_clitics("ما"));
    }

    #[test]
    fn arabic_spelling_variants_fold() {
        // Hamza, ta marbuta, alef maqsura, tatweel and harakat on either side.
        for text in [
            "انت احمق",
            "انت أحمق",
            "يا غبى",
            "حقيره",
            "ياكـــلب",
            "يا كَلْب",
        ] {
            assert!(!words_in(text, Lang::Ar).is_empty(), "{text}");
        }
        // Spans stay in bytes of the text as given.
        let sk = skeleton("انت حقـــيرة!");
        let lex = Lexicon::abuse();
        let hit = lex.find(&sk, Lang::Ar)[1];
        assert_eq!(&sk[hit.start..hit.end], "حقـيرة");
    }

    #[test]
    fn spelled_out_words_with_leet_digits_join() {
        let lex = Lexicon::abuse();
        let found = |text: &str| -> Vec<String> {
            let n = earshot_text::normalize(text);
            let sk = n.skeleton();
            lex.find_spelled(sk, text, Lang::Ar)
                .iter()
                .map(|h| sk.as_str()[h.start..h.end].to_string())
                .collect()
        };
        assert_eq!(found("ya 7 m a r"), vec!["7 mar"]);
        assert_eq!(found("y.i.l.3.a.n"), vec!["yil.3.a.n"]);
        assert!(found("on 7 mar 2024, room 3 a b").is_empty());
    }

    #[test]
    fn boundaries_and_allowlists_hold() {
        assert!(words("Scunthorpe United").is_empty());
        assert!(words("my assistant sent a cocktail class analysis from Sussex").is_empty());
        assert!(words("I read Dickens and bought shiitake at Dick's Sporting Goods").is_empty());
        assert!(words("垃圾桶坏了").is_empty());
        assert_eq!(words("you fucking idiot"), vec!["fuck", "idiot"]);
        assert_eq!(words("du Vollidiot"), vec!["idiot"]);
        assert_eq!(words("傻逼客服"), vec!["傻逼"]);
        assert_eq!(words_in("do ngu", Lang::Vi), vec!["do ngu"]);
        // Vietnamese without diacritics reads as other languages' words: only in Vietnamese.
        assert!(words("Comme je l'ai déjà dit, le déo est parti").is_empty());
        assert_eq!(words_in("dit me", Lang::Vi), vec!["dit me"]);
    }
}
