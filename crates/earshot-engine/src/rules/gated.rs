//! A regular expression with a cheap gate in front. The `regex` crate's fast engines (the lazy
//! DFA) cannot decide a Unicode word boundary (`\b`) once the text holds a non-ASCII character,
//! and then fall back to a backtracking search that costs about forty times as much; in a
//! multilingual stream that is most texts. The gate is the same pattern with its Unicode word
//! boundaries removed: it matches wherever the pattern does (an assertion can only take matches
//! away), runs on the DFA whatever the text, and tells where the first match can start at the
//! earliest. Texts it rejects are never searched by the slow engine, and the pattern is searched
//! from that start on, with the text before it still seen by its `\b`. The answers are exactly
//! those of the pattern alone.

use regex::{Match, Regex};
use regex_syntax::hir::{Capture, Hir, HirKind, Look, Repetition};

#[derive(Debug, Clone)]
pub struct GatedRegex {
    re: Regex,
    /// The pattern without Unicode word boundaries; `None` when it has none.
    gate: Option<Regex>,
}

impl GatedRegex {
    /// Compiles `pattern` as `Regex::new` does, with its gate when it needs one.
    pub fn new(pattern: &str) -> Result<GatedRegex, regex::Error> {
        let re = Regex::new(pattern)?;
        // The `regex` crate's own parser settings are the defaults; should the pattern not parse
        // here, or its gate not compile, it is simply searched without a gate.
        let gate = regex_syntax::parse(pattern)
            .ok()
            .and_then(|hir| {
                let mut found = false;
                let gate = without_word_boundaries(&hir, &mut found);
                found.then_some(gate)
            })
            .and_then(|gate| Regex::new(&gate.to_string()).ok());
        Ok(GatedRegex { re, gate })
    }

    /// The leftmost-first match, the same as `Regex::find`.
    pub fn find<'h>(&self, text: &'h str) -> Option<Match<'h>> {
        match &self.gate {
            None => self.re.find(text),
            // No match of the pattern starts before the gate's first match starts.
            Some(gate) => {
                let start = gate.find(text)?.start();
                self.re.find_at(text, start)
            }
        }
    }
}

fn is_unicode_word_look(l: Look) -> bool {
    matches!(
        l,
        Look::WordUnicode
            | Look::WordUnicodeNegate
            | Look::WordStartUnicode
            | Look::WordEndUnicode
            | Look::WordStartHalfUnicode
            | Look::WordEndHalfUnicode
    )
}

/// `hir` with every Unicode word assertion replaced by the empty pattern.
fn without_word_boundaries(hir: &Hir, found: &mut bool) -> Hir {
    match hir.kind() {
        HirKind::Look(l) if is_unicode_word_look(*l) => {
            *found = true;
            Hir::empty()
        }
        HirKind::Empty | HirKind::Literal(_) | HirKind::Class(_) | HirKind::Look(_) => hir.clone(),
        HirKind::Repetition(r) => Hir::repetition(Repetition {
            sub: Box::new(without_word_boundaries(&r.sub, found)),
            ..r.clone()
        }),
        HirKind::Capture(c) => Hir::capture(Capture {
            sub: Box::new(without_word_boundaries(&c.sub, found)),
            ..c.clone()
        }),
        HirKind::Concat(v) => Hir::concat(
            v.iter()
                .map(|h| without_word_boundaries(h, found))
                .collect(),
        ),
        HirKind::Alternation(v) => Hir::alternation(
            v.iter()
                .map(|h| without_word_boundaries(h, found))
                .collect(),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_as_the_plain_pattern_does() {
        let patterns = [
            r"(?i)#\s?[a-z0-9-]{4,}|\b[a-z]{0,4}-?\d{5,}\b|\d{3}-\d{7}-\d{7}",
            r"(?i)\b(1z[0-9a-z]{16}|[a-z]{2}\d{9}[a-z]{2}|\d{12,22})\b",
            r"\bapolog[\w'-]*",
            r"\B\d+\b",
            r"(?i)[?？؟]",
            r"\b\w+\b",
        ];
        let texts = [
            "",
            "your order AA-104233 left",
            "commande n°123456 expédiée",
            "ü12345 and é-99999 and 12345ü",
            "注文番号 114-2233445-6677889 を確認",
            "tracking 1Z999AA10123456784 ok",
            "tracking x1Z999AA10123456784 ok",
            "рус12345 слово",
            "apologies, we apologise",
            "١٢٣٤٥ digits",
            "abc12345def 98765",
            "?",
        ];
        for p in patterns {
            let plain = Regex::new(p).unwrap();
            let gated = GatedRegex::new(p).unwrap();
            for t in texts {
                assert_eq!(
                    gated.find(t).map(|m| m.range()),
                    plain.find(t).map(|m| m.range()),
                    "{p} on {t:?}"
                );
            }
        }
        assert!(GatedRegex::new(r"(?i)[?？؟]").unwrap().gate.is_none());
        assert!(GatedRegex::new(r"\bx").unwrap().gate.is_some());
    }
}
