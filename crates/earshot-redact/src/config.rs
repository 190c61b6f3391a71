//! What a [`crate::Redactor`] removes and what it writes instead, with a default per use.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::Kind;

/// The order-number shapes earshot knows out of the box: Amazon (`123-1234567-1234567`), eBay
/// (`12-12345-12345`) and Shopify (`#1001`).
pub const DEFAULT_ORDER_PATTERNS: [&str; 3] =
    [r"\d{3}-\d{7}-\d{7}", r"\d{2}-\d{5}-\d{5}", r"#\d{4,}"];

/// Where the redacted text goes. Each use has its own default, because the reader differs: the
/// brand's own team reading an alert needs the order number to act on it, a training casebook
/// read by new agents needs nothing that points back to a customer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Use {
    /// Chat-group and webhook alerts: everything but order numbers, which the team needs to open
    /// the case in the marketplace or shop.
    Alert,
    /// Files that leave earshot (JSONL, CSV, reports): everything, order numbers included.
    Export,
    /// The training casebook: everything, with consistent pseudonyms (`[NAME-1]`) so that a case
    /// still reads as a conversation between people.
    Training,
    /// Log lines: everything; the conversation id is enough to find the case.
    Log,
    /// Storing redacted text at ingest: everything but order numbers, which the process checks
    /// ("order number confirmed") and the team's own look-ups need.
    Ingest,
}

impl Use {
    pub const ALL: [Use; 5] = [
        Use::Alert,
        Use::Export,
        Use::Training,
        Use::Log,
        Use::Ingest,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Use::Alert => "alert",
            Use::Export => "export",
            Use::Training => "training",
            Use::Log => "log",
            Use::Ingest => "ingest",
        }
    }

    pub fn parse(s: &str) -> Option<Use> {
        Use::ALL
            .into_iter()
            .find(|u| u.as_str().eq_ignore_ascii_case(s.trim()))
    }
}

/// The settings of a redactor. `Config::default()` is the strictest use, [`Use::Export`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// The kinds that are replaced. Order numbers are recognised even when they are not listed,
    /// so that no other detector mistakes them for a phone or card number.
    pub kinds: Vec<Kind>,
    /// Regular expressions (Rust `regex` syntax) for order numbers; each must need a digit.
    pub order_patterns: Vec<String>,
    /// Replacement text per kind, instead of the default `[EMAIL]`, `[PHONE]`, ...
    pub tokens: BTreeMap<Kind, String>,
    /// Number the replacements (`[NAME-1]`, `[NAME-2]`) so that the same value gets the same
    /// token throughout one conversation.
    pub pseudonyms: bool,
    /// Names that are always redacted, such as the whole agent roster.
    pub names: Vec<String>,
}

impl Default for Config {
    fn default() -> Config {
        Config::for_use(Use::Export)
    }
}

impl Config {
    /// The defaults for one use (see [`Use`]).
    pub fn for_use(use_: Use) -> Config {
        let kinds = match use_ {
            Use::Alert | Use::Ingest => Kind::ALL
                .into_iter()
                .filter(|k| *k != Kind::Order)
                .collect(),
            Use::Export | Use::Training | Use::Log => Kind::ALL.to_vec(),
        };
        Config {
            kinds,
            order_patterns: DEFAULT_ORDER_PATTERNS
                .iter()
                .map(|p| p.to_string())
                .collect(),
            tokens: BTreeMap::new(),
            pseudonyms: use_ == Use::Training,
            names: Vec::new(),
        }
    }

    /// Whether `kind` is replaced.
    pub fn redacts(&self, kind: Kind) -> bool {
        self.kinds.contains(&kind)
    }

    /// The replacement text for `kind`.
    pub fn token(&self, kind: Kind) -> &str {
        self.tokens
            .get(&kind)
            .map_or(kind.default_token(), String::as_str)
    }
}
