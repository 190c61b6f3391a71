//! The rule language as written: the serde shapes of `pack.toml` and of the rule files. Every
//! struct rejects unknown keys, so a misspelt field is an error at load time, never a rule that
//! silently matches nothing.

use std::collections::BTreeMap;

use serde::Deserialize;

/// `pack.toml`: what the pack is, plus pack-wide settings.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PackToml {
    pub name: String,
    pub version: String,
    /// Shown by `earshot rules check`.
    #[serde(default)]
    pub description: String,
    /// Business-hour calendars by name; `default` is used when a workspace names none.
    #[serde(default)]
    pub calendars: BTreeMap<String, CalendarDef>,
    /// Workspace settings: which calendar it uses, and its forbidden words.
    #[serde(default)]
    pub workspaces: BTreeMap<String, WorkspaceDef>,
    /// A product-facts catalogue (CSV) relative to the pack directory.
    #[serde(default)]
    pub catalogue: Option<String>,
    #[serde(default)]
    pub scorecard: ScorecardDef,
}

/// Opening hours in one time zone.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CalendarDef {
    /// An IANA time zone such as `Europe/Berlin`.
    pub timezone: String,
    /// Working days, `mon` .. `sun`.
    #[serde(default = "weekdays")]
    pub days: Vec<String>,
    /// Opening hours, `09:00-18:00`.
    #[serde(default = "office_hours")]
    pub hours: String,
    /// Closed dates, `2025-12-25`.
    #[serde(default)]
    pub holidays: Vec<String>,
}

fn weekdays() -> Vec<String> {
    ["mon", "tue", "wed", "thu", "fri"]
        .iter()
        .map(|s| s.to_string())
        .collect()
}

fn office_hours() -> String {
    "09:00-18:00".to_string()
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WorkspaceDef {
    #[serde(default)]
    pub calendar: Option<String>,
    /// Words this workspace forbids its agents to use; added to the `forbidden` phrase set for
    /// its conversations only.
    #[serde(default)]
    pub forbidden: Vec<String>,
}

/// Scorecard settings: dimension weights, deductions per code, auto-fail codes.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScorecardDef {
    /// Weight of each dimension in the overall score (default 1 each).
    #[serde(default)]
    pub weights: BTreeMap<String, f32>,
    /// Points a finding of a code takes from a dimension, overriding the defaults.
    #[serde(default)]
    pub deductions: BTreeMap<String, DeductionDef>,
    /// Codes (or `category.*`) that fail the whole conversation when the agent produces them.
    #[serde(default)]
    pub auto_fail: Option<Vec<String>>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DeductionDef {
    pub dimension: String,
    pub points: f32,
}

/// One rule file: shared phrase sets and the rules.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleFile {
    #[serde(default)]
    pub phrases: BTreeMap<String, PhraseList>,
    #[serde(default)]
    pub rules: Vec<RuleDef>,
}

/// Phrases either as one list or per language (`en: [...]`); the language keys document
/// coverage, all phrases match in every turn because conversations mix languages.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum PhraseList {
    Flat(Vec<String>),
    PerLang(BTreeMap<String, Vec<String>>),
}

impl PhraseList {
    pub fn all(&self) -> Vec<&str> {
        match self {
            PhraseList::Flat(v) => v.iter().map(String::as_str).collect(),
            PhraseList::PerLang(m) => m.values().flatten().map(String::as_str).collect(),
        }
    }
}

/// A phrase reference: the name of a set, or phrases written in place.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum PhraseRef {
    Named(String),
    Inline(PhraseList),
}

/// One rule. Exactly one of `match`, `absent`, `count`, `sequence`, `timing` says what it checks.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleDef {
    pub id: String,
    pub code: String,
    #[serde(default)]
    pub severity: Option<String>,
    #[serde(default)]
    pub confidence: Option<f32>,
    /// The explanation; `{evidence}`, `{turn}`, `{count}`, `{elapsed}`, `{limit}` and `{step}`
    /// are filled in.
    pub explain: String,
    #[serde(default)]
    pub when: Option<WhenDef>,
    #[serde(default, rename = "match")]
    pub match_: Option<MatcherDef>,
    #[serde(default)]
    pub absent: Option<MatcherDef>,
    #[serde(default)]
    pub count: Option<CountDef>,
    #[serde(default)]
    pub sequence: Option<SequenceDef>,
    #[serde(default)]
    pub timing: Option<TimingDef>,
    /// Every matcher listed must match somewhere for the rule to apply.
    #[serde(default)]
    pub requires: Vec<MatcherDef>,
    /// The rule does not apply when any matcher listed matches.
    #[serde(default)]
    pub unless: Vec<MatcherDef>,
    /// Absent rules: where the missing step was expected, `first` or `last` candidate turn.
    #[serde(default)]
    pub at: Option<String>,
    /// Match rules: report every hit (up to 20) instead of the first.
    #[serde(default)]
    pub each: bool,
    /// Scorecard effect of one finding of this rule.
    #[serde(default)]
    pub score: Option<DeductionDef>,
    #[serde(default)]
    pub auto_fail: bool,
    #[serde(default)]
    pub tests: Option<TestsDef>,
}

/// Conditions on the conversation's fields; every field given must hold.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WhenDef {
    #[serde(default)]
    pub channel: Vec<String>,
    #[serde(default)]
    pub not_channel: Vec<String>,
    #[serde(default)]
    pub source: Vec<String>,
    #[serde(default)]
    pub language: Vec<String>,
    #[serde(default)]
    pub workspace: Vec<String>,
    #[serde(default)]
    pub marketplace: Vec<String>,
    #[serde(default)]
    pub segment: Vec<String>,
    /// Any of these tags.
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub order_value_min: Option<f64>,
    #[serde(default)]
    pub order_value_max: Option<f64>,
}

/// What to look for in turns, and in which turns.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MatcherDef {
    /// `customer`, `agent`, `bot`, or a list; any role when absent.
    #[serde(default)]
    pub role: Option<OneOrMany>,
    /// Only the first N turns of that role.
    #[serde(default)]
    pub first: Option<usize>,
    /// Only the last N turns of that role.
    #[serde(default)]
    pub last: Option<usize>,
    /// Only turns after the first turn where this matches.
    #[serde(default)]
    pub after: Option<Box<MatcherDef>>,
    /// Only turns before the first turn where this matches.
    #[serde(default)]
    pub before: Option<Box<MatcherDef>>,
    /// Only turns with no match of this in the same or an earlier turn (order checks).
    #[serde(default)]
    pub not_after: Option<Box<MatcherDef>>,
    #[serde(default)]
    pub phrases: Option<PhraseRef>,
    #[serde(default)]
    pub regex: Option<String>,
    /// Another phrase must stand within `within` words of the hit.
    #[serde(default)]
    pub near: Option<NearDef>,
    /// No phrase of this may stand within `within` words of the hit (negation).
    #[serde(default)]
    pub not_near: Option<NearDef>,
    /// A mark of the turn stage (`apology`, `empathy`, `greeting`, ...).
    #[serde(default)]
    pub mark: Option<OneOrMany>,
    /// A finding of the turn stage by code or `category.*`.
    #[serde(default)]
    pub finding: Option<OneOrMany>,
    /// The turn's emotion (`anger`, ...) or `negative` for any upset emotion.
    #[serde(default)]
    pub emotion: Option<OneOrMany>,
    /// Any of these matchers (each with its own scope).
    #[serde(default)]
    pub any: Vec<MatcherDef>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

impl OneOrMany {
    pub fn items(&self) -> Vec<&str> {
        match self {
            OneOrMany::One(s) => vec![s.as_str()],
            OneOrMany::Many(v) => v.iter().map(String::as_str).collect(),
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NearDef {
    pub phrases: PhraseRef,
    #[serde(default = "five")]
    pub within: usize,
}

fn five() -> usize {
    5
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CountDef {
    #[serde(rename = "match")]
    pub match_: MatcherDef,
    pub at_least: usize,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SequenceDef {
    /// The steps in the required order, each with a name for the explanation.
    pub steps: Vec<StepDef>,
    /// Also report a step that never happens (once a later step did).
    #[serde(default)]
    pub require_all: bool,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StepDef {
    pub name: String,
    #[serde(flatten)]
    pub matcher: MatcherDef,
}

/// Response-time limits, as `30m`, `12h`, `2d`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TimingDef {
    #[serde(default)]
    pub first_response: Option<String>,
    #[serde(default)]
    pub each_reply: Option<String>,
    #[serde(default)]
    pub resolution: Option<String>,
    /// `wall` (default; marketplace rules count weekends) or `business`.
    #[serde(default)]
    pub clock: Option<String>,
    /// The calendar for business clocks; the workspace's, else `default`, when absent.
    #[serde(default)]
    pub calendar: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TestsDef {
    /// Conversations that must produce this rule's finding.
    #[serde(default)]
    pub trigger: Vec<ExampleDef>,
    /// Conversations that must not.
    #[serde(default)]
    pub pass: Vec<ExampleDef>,
}

/// An example conversation: a list of `role: text` lines (`agent@+2h: text` gives the time since
/// the start), or a map with fields and `turns`.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum ExampleDef {
    Lines(Vec<String>),
    Full(Box<FullExample>),
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FullExample {
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub channel: Option<String>,
    #[serde(default)]
    pub source: Option<String>,
    #[serde(default)]
    pub language: Option<String>,
    #[serde(default)]
    pub workspace: Option<String>,
    /// RFC 3339 start; turn offsets count from here (default Monday 2025-03-03 09:00 UTC).
    #[serde(default)]
    pub start: Option<String>,
    #[serde(default)]
    pub order_value: Option<f64>,
    #[serde(default)]
    pub segment: Option<String>,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub product: Option<String>,
    pub turns: Vec<String>,
}
