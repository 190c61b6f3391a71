//! Phrase sets compiled into one Aho-Corasick automaton for the whole pack, so a turn is scanned
//! once however many rules and languages the pack holds. Phrases with a `*` inside become
//! regular expressions; a leading or trailing `*` only lifts the word boundary on that side.

use earshot_text::CharClass;
use std::collections::HashMap;

use aho_corasick::{AhoCorasick, MatchKind};
use earshot_text::normalize;
use regex::Regex;

/// One phrase hit in the folded text of a turn (byte range).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub set: u32,
    pub start: u32,
    pub end: u32,
}

#[derive(Debug, Clone, Copy)]
struct PatInfo {
    set: u32,
    open_start: bool,
    open_end: bool,
}

/// Collects phrases by set before compiling.
#[derive(Debug, Default, Clone)]
pub struct PhraseBankBuilder {
    names: HashMap<String, u32>,
    count: u32,
    phrases: Vec<(u32, String)>,
}

impl PhraseBankBuilder {
    /// The id of a named set, created on first use.
    pub fn named(&mut self, name: &str) -> u32 {
        if let Some(&id) = self.names.get(name) {
            return id;
        }
        let id = self.anonymous();
        self.names.insert(name.to_string(), id);
        id
    }

    pub fn has(&self, name: &str) -> bool {
        self.names.contains_key(name)
    }

    pub fn anonymous(&mut self) -> u32 {
        self.count += 1;
        self.count - 1
    }

    pub fn add(&mut self, set: u32, phrase: &str) {
        self.phrases.push((set, phrase.to_string()));
    }

    /// Compiles the sets. Fails only on a phrase that makes an invalid pattern, naming it.
    pub fn build(self) -> Result<PhraseBank, String> {
        let mut literal: HashMap<String, usize> = HashMap::new();
        let mut pats: Vec<String> = Vec::new();
        let mut infos: Vec<Vec<PatInfo>> = Vec::new();
        let mut regexes = Vec::new();
        for (set, raw) in &self.phrases {
            let raw = raw.trim();
            let open_start = raw.starts_with('*');
            let open_end = raw.ends_with('*');
            let core = raw.trim_matches('*').trim();
            if core.is_empty() {
                return Err(format!("phrase {raw:?} is empty"));
            }
            if core.contains('*') {
                let parts: Vec<String> = core
                    .split('*')
                    .map(|p| regex::escape(normalize(p).as_str()))
                    .collect();
                let mut src = parts.join(r"[\w'-]*");
                if !open_start && starts_spaced(core) {
                    src = format!(r"\b{src}");
                }
                if !open_end && ends_spaced(core) {
                    src.push_str(r"\b");
                }
                let re = Regex::new(&src).map_err(|e| format!("phrase {raw:?}: {e}"))?;
                regexes.push((*set, re));
                continue;
            }
            let folded = normalize(core).as_str().to_string();
            if folded.is_empty() {
                return Err(format!("phrase {raw:?} has nothing to match after folding"));
            }
            let info = PatInfo {
                set: *set,
                open_start,
                open_end,
            };
            match literal.get(&folded) {
                Some(&i) => infos[i].push(info),
                None => {
                    literal.insert(folded.clone(), pats.len());
                    pats.push(folded);
                    infos.push(vec![info]);
                }
            }
        }
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .build(&pats)
            .map_err(|e| format!("phrase automaton: {e}"))?;
        Ok(PhraseBank {
            names: self.names,
            sets: self.count,
            ac,
            infos,
            regexes,
        })
    }
}

/// The compiled phrase sets of a pack.
#[derive(Debug, Clone)]
pub struct PhraseBank {
    names: HashMap<String, u32>,
    sets: u32,
    ac: AhoCorasick,
    infos: Vec<Vec<PatInfo>>,
    regexes: Vec<(u32, Regex)>,
}

impl PhraseBank {
    /// The id of a named set.
    pub fn id(&self, name: &str) -> Option<u32> {
        self.names.get(name).copied()
    }

    /// How many sets, named and written in place, the pack holds.
    pub fn set_count(&self) -> u32 {
        self.sets
    }

    /// Every phrase hit in a folded text, respecting word boundaries in spaced scripts.
    pub fn scan(&self, text: &str) -> Vec<Hit> {
        let mut out = Vec::new();
        for m in self.ac.find_overlapping_iter(text) {
            let (s, e) = (m.start(), m.end());
            let left_ok = !text[..s].chars().next_back().is_some_and(is_word);
            let right_ok = !text[e..].chars().next().is_some_and(is_word);
            let first_word = text[s..e].chars().next().is_some_and(is_word);
            let last_word = text[s..e].chars().next_back().is_some_and(is_word);
            for info in &self.infos[m.pattern().as_usize()] {
                let start_ok = info.open_start || !first_word || left_ok;
                let end_ok = info.open_end || !last_word || right_ok;
                if start_ok && end_ok {
                    out.push(Hit {
                        set: info.set,
                        start: s as u32,
                        end: e as u32,
                    });
                }
            }
        }
        for (set, re) in &self.regexes {
            if let Some(m) = re.find(text) {
                out.push(Hit {
                    set: *set,
                    start: m.start() as u32,
                    end: m.end() as u32,
                });
            }
        }
        out
    }
}

/// Scripts written without spaces between words: Chinese, Japanese kana and Thai. Their phrases
/// match anywhere; phrases of spaced scripts match whole words.
pub fn is_unspaced(c: char) -> bool {
    matches!(c as u32, 0x0E00..=0x0E7F | 0x3040..=0x30FF | 0x3400..=0x9FFF | 0xF900..=0xFAFF)
}

/// A letter or digit of a spaced script.
pub fn is_word(c: char) -> bool {
    c.is_word() && !is_unspaced(c)
}

fn starts_spaced(s: &str) -> bool {
    s.chars().next().is_some_and(is_word)
}

fn ends_spaced(s: &str) -> bool {
    s.chars().next_back().is_some_and(is_word)
}

/// The position of a byte offset in words: runs of letters count one each, unspaced characters
/// half each (a Chinese or Thai word is about two characters).
pub fn word_pos(text: &str, byte: usize) -> f32 {
    let mut pos = 0.0f32;
    let mut in_word = false;
    for (i, c) in text.char_indices() {
        if i >= byte {
            break;
        }
        if is_unspaced(c) {
            pos += 0.5;
            in_word = false;
        } else if c.is_word() {
            if !in_word {
                pos += 1.0;
            }
            in_word = true;
        } else {
            in_word = false;
        }
    }
    pos
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bank(phrases: &[&str]) -> PhraseBank {
        let mut b = PhraseBankBuilder::default();
        let s = b.named("s");
        for p in phrases {
            b.add(s, p);
        }
        b.build().unwrap()
    }

    #[test]
    fn whole_words_in_spaced_scripts() {
        let b = bank(&["hi"]);
        assert!(b.scan("this is fine").is_empty());
        assert_eq!(b.scan("hi there").len(), 1);
    }

    #[test]
    fn wildcards_lift_boundaries() {
        let b = bank(&["apologi*", "verify * identity"]);
        assert_eq!(b.scan("we apologise for this").len(), 1);
        assert_eq!(b.scan("please verify your identity").len(), 1);
        assert!(b.scan("an apology").is_empty());
    }

    #[test]
    fn unspaced_scripts_match_inside_text() {
        let b = bank(&["您好"]);
        assert_eq!(b.scan("亲您好，请问").len(), 1);
    }

    #[test]
    fn word_positions() {
        let t = "refund within 5 business days";
        assert_eq!(word_pos(t, t.find("days").unwrap()), 4.0);
    }
}
