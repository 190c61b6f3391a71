//! Personal-data redaction for earshot: e-mail addresses, phone numbers, postal addresses, card
//! numbers, IBANs, order numbers and people's names, in the usual formats of the nine languages
//! earshot reads, replaced by tokens such as `[EMAIL]` before text reaches an alert, an export,
//! a log or a training case.
//!
//! The crate is pure: no I/O. Build a [`Redactor`] once from a [`Config`] (this is where
//! configuration errors surface), then redact any number of texts; redaction itself never fails.
//! Every result carries the replacements with their spans in the original and in the output,
//! and an [`OffsetMap`] that moves spans found on the original onto the redacted text.
//!
//! Phone numbers are recognised when they start with `+` or `00` (7–15 digits), with a national
//! `0` (9–12 digits, or 10–11 without separators), or in the shapes `(415) 555-0100`,
//! `138 0013 8000` / `13800138000`, `612 34 56 78` / `612 345 678` / `91 234 56 78`; any other
//! 7–12-digit number counts only after a word such as "phone", "Tel", "電話" or "โทร". Dates,
//! thousands-grouped amounts, numbers glued to letters or currency signs, and numbers after
//! "tracking", "SKU", "EAN" or "PLZ" are never phone numbers.

mod address;
mod config;
mod conversation;
mod digits;
mod email;
mod names;
mod offsets;
mod triggers;

use std::collections::HashMap;

use earshot_model::Span;
use regex::Regex;
use serde::{Deserialize, Serialize};

pub use config::{Config, DEFAULT_ORDER_PATTERNS, Use};
pub use conversation::{TurnRedactions, redact_conversation};
pub use names::KnownNames;
pub use offsets::{OffsetMap, Segment};

/// The kinds of personal data earshot redacts. The order is the precedence when two findings
/// overlap: the more specific, checksum-validated kinds win.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Email,
    Iban,
    Card,
    Order,
    Phone,
    Address,
    Name,
}

impl Kind {
    pub const ALL: [Kind; 7] = [
        Kind::Email,
        Kind::Iban,
        Kind::Card,
        Kind::Order,
        Kind::Phone,
        Kind::Address,
        Kind::Name,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Email => "email",
            Kind::Iban => "iban",
            Kind::Card => "card",
            Kind::Order => "order",
            Kind::Phone => "phone",
            Kind::Address => "address",
            Kind::Name => "name",
        }
    }

    pub fn parse(s: &str) -> Option<Kind> {
        Kind::ALL
            .into_iter()
            .find(|k| k.as_str().eq_ignore_ascii_case(s.trim()))
    }

    pub fn default_token(self) -> &'static str {
        match self {
            Kind::Email => "[EMAIL]",
            Kind::Iban => "[IBAN]",
            Kind::Card => "[CARD]",
            Kind::Order => "[ORDER]",
            Kind::Phone => "[PHONE]",
            Kind::Address => "[ADDRESS]",
            Kind::Name => "[NAME]",
        }
    }
}

impl std::fmt::Display for Kind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Why a [`Config`] cannot become a [`Redactor`].
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("order pattern {pattern:?} is not a valid regular expression: {message}")]
    OrderPattern { pattern: String, message: String },
    #[error("the replacement token for {kind} is empty")]
    EmptyToken { kind: Kind },
    #[error("known names cannot be compiled: {0}")]
    Names(String),
}

/// One replaced value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Redaction {
    pub kind: Kind,
    /// Where the value stood in the original text (characters).
    pub original: Span,
    /// Where its token stands in the redacted text (characters).
    pub output: Span,
    /// The token written instead of the value.
    pub token: String,
}

/// A redacted text with what was replaced.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Redacted {
    pub text: String,
    pub redactions: Vec<Redaction>,
    pub map: OffsetMap,
}

/// A value found in the text, in bytes, before overlaps are resolved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Hit {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    /// For known names: which person, so that "Sarah" and "Sarah Johnson" share a pseudonym.
    pub person: Option<u32>,
}

impl Hit {
    pub(crate) fn new(start: usize, end: usize, kind: Kind) -> Hit {
        Hit {
            start,
            end,
            kind,
            person: None,
        }
    }
}

/// Finds and replaces personal data. Cheap to share between threads; build it once.
#[derive(Debug, Clone)]
pub struct Redactor {
    config: Config,
    orders: Option<Regex>,
    triggers: triggers::Triggers,
    addresses: address::Addresses,
    roster: KnownNames,
}

impl Redactor {
    pub fn new(config: Config) -> Result<Redactor, Error> {
        for (kind, token) in &config.tokens {
            if token.is_empty() {
                return Err(Error::EmptyToken { kind: *kind });
            }
        }
        let mut alternatives = Vec::new();
        for p in &config.order_patterns {
            if let Err(e) = Regex::new(p) {
                return Err(Error::OrderPattern {
                    pattern: p.clone(),
                    message: e.to_string(),
                });
            }
            alternatives.push(format!("(?:{p})"));
        }
        let orders = if alternatives.is_empty() {
            None
        } else {
            let joined = alternatives.join("|");
            Some(Regex::new(&joined).map_err(|e| Error::OrderPattern {
                pattern: joined.clone(),
                message: e.to_string(),
            })?)
        };
        let roster = KnownNames::new(config.names.iter().map(String::as_str))?;
        Ok(Redactor {
            config,
            orders,
            triggers: triggers::Triggers::new(),
            addresses: address::Addresses::new(),
            roster,
        })
    }

    pub fn config(&self) -> &Config {
        &self.config
    }

    /// Redacts one text, with only the roster of [`Config::names`] as known names.
    pub fn redact(&self, text: &str) -> Redacted {
        let mut pseudonyms = Pseudonyms::default();
        self.redact_with(text, &self.roster, &mut pseudonyms)
    }

    /// A session for one conversation: the people it names plus the roster, and pseudonyms that
    /// stay the same from turn to turn.
    pub fn session<'n>(&self, names: impl IntoIterator<Item = &'n str>) -> Session<'_> {
        let mut all: Vec<&str> = self.config.names.iter().map(String::as_str).collect();
        for n in names {
            all.push(n);
        }
        // A name that cannot be compiled is dropped rather than failing the conversation: the
        // roster compiled at build time, so this only concerns names from the data itself.
        let names = KnownNames::new(all.iter().copied()).unwrap_or_else(|_| self.roster.clone());
        Session {
            redactor: self,
            names,
            pseudonyms: Pseudonyms::default(),
        }
    }

    fn redact_with(&self, text: &str, names: &KnownNames, pseudonyms: &mut Pseudonyms) -> Redacted {
        let hits = self.find(text, names);
        self.replace(text, hits, pseudonyms)
    }

    /// Every value found in `text`, overlaps resolved, in text order; order numbers are included
    /// even when they are kept, so callers can tell them apart.
    fn find(&self, text: &str, names: &KnownNames) -> Vec<Hit> {
        let mut hits = Vec::new();
        let bytes = text.as_bytes();
        if memchr_at(bytes) {
            email::find(text, &mut hits);
        }
        let has_digit = digits::has_digit(text);
        if has_digit {
            if let Some(re) = &self.orders {
                for m in re.find_iter(text) {
                    if digits::ascii_bounded(bytes, m.start(), m.end()) {
                        hits.push(Hit::new(m.start(), m.end(), Kind::Order));
                    }
                }
            }
            digits::find(text, &mut hits);
            self.addresses.find_postcodes(text, &mut hits);
        }
        let fired = self.triggers.scan(text);
        if fired.any_address() {
            self.addresses.find(text, &fired, has_digit, &mut hits);
        }
        names::find_patterns(text, &fired, &mut hits);
        names.find(text, &mut hits);
        resolve(hits)
    }

    fn replace(&self, text: &str, hits: Vec<Hit>, pseudonyms: &mut Pseudonyms) -> Redacted {
        let mut out = String::with_capacity(text.len() + 16);
        let mut redactions = Vec::new();
        let mut segments = Vec::new();
        let (mut pos, mut in_chars, mut out_chars) = (0usize, 0u32, 0u32);
        for h in hits.into_iter().filter(|h| self.config.redacts(h.kind)) {
            let before = &text[pos..h.start];
            let n = before.chars().count() as u32;
            out.push_str(before);
            in_chars += n;
            out_chars += n;
            let value = &text[h.start..h.end];
            let len = value.chars().count() as u32;
            let token = if self.config.pseudonyms {
                pseudonyms.token(self.config.token(h.kind), h, value)
            } else {
                self.config.token(h.kind).to_string()
            };
            let tlen = token.chars().count() as u32;
            out.push_str(&token);
            let original = Span {
                start: in_chars,
                end: in_chars + len,
            };
            let output = Span {
                start: out_chars,
                end: out_chars + tlen,
            };
            segments.push(offsets::Segment { original, output });
            redactions.push(Redaction {
                kind: h.kind,
                original,
                output,
                token,
            });
            in_chars += len;
            out_chars += tlen;
            pos = h.end;
        }
        out.push_str(&text[pos..]);
        Redacted {
            text: out,
            redactions,
            map: OffsetMap::new(segments),
        }
    }
}

/// Redaction of one conversation's turns with its people's names and stable pseudonyms.
#[derive(Debug)]
pub struct Session<'r> {
    redactor: &'r Redactor,
    names: KnownNames,
    pseudonyms: Pseudonyms,
}

impl Session<'_> {
    pub fn redact(&mut self, text: &str) -> Redacted {
        self.redactor
            .redact_with(text, &self.names, &mut self.pseudonyms)
    }
}

/// Numbers handed out per kind and value within one conversation.
#[derive(Debug, Default)]
struct Pseudonyms {
    seen: HashMap<(Kind, String), usize>,
    next: HashMap<Kind, usize>,
}

impl Pseudonyms {
    fn token(&mut self, base: &str, hit: Hit, value: &str) -> String {
        let key = match hit.person {
            Some(p) => format!("person:{p}"),
            None if matches!(hit.kind, Kind::Phone | Kind::Card | Kind::Iban) => {
                value.chars().filter(char::is_ascii_alphanumeric).collect()
            }
            None => value.to_lowercase(),
        };
        let next = self.next.entry(hit.kind).or_insert(0);
        let n = *self.seen.entry((hit.kind, key)).or_insert_with(|| {
            *next += 1;
            *next
        });
        match base.strip_suffix(']') {
            Some(head) => format!("{head}-{n}]"),
            None => format!("{base}-{n}"),
        }
    }
}

fn memchr_at(bytes: &[u8]) -> bool {
    bytes.contains(&b'@')
}

/// Keeps the hits that win their overlaps: earlier kinds first, then longer values, then the
/// earlier start, then a known person over a guessed name (for its pseudonym); the result is
/// sorted and disjoint.
fn resolve(mut hits: Vec<Hit>) -> Vec<Hit> {
    hits.retain(|h| h.start < h.end);
    hits.sort_by(|a, b| {
        a.kind
            .cmp(&b.kind)
            .then((b.end - b.start).cmp(&(a.end - a.start)))
            .then(a.start.cmp(&b.start))
            .then(b.person.is_some().cmp(&a.person.is_some()))
    });
    let mut kept: Vec<Hit> = Vec::with_capacity(hits.len());
    for h in hits {
        if kept.iter().all(|k| h.end <= k.start || h.start >= k.end) {
            kept.push(h);
        }
    }
    kept.sort_by_key(|h| h.start);
    kept
}
