//! Synthetic demo data for earshot: customer-service conversations of three invented
//! cross-border sellers, so that `earshot demo` can show what earshot finds without any real
//! customer data.
//!
//! **Everything here is made up.** Brands ("Acme Audio", "Nordwind Home", "Sakura Beauty"),
//! customers, agents, orders, addresses, e-mail addresses (all at `example.*` domains) and card
//! numbers (the networks' published test numbers) are invented. Every conversation says so in
//! its metadata: `{"synthetic": true, "demo_language": "de", "demo_scenario": "abuse_disguised",
//! "demo_topic": "late_delivery"}`, and `demo_agent_language` when the agent answers in another
//! language. The conversation's own `language` field is left empty on purpose: earshot must
//! detect it.
//!
//! How a conversation is built:
//! 1. A private SplitMix64 generator (`rng.rs`) is seeded from `(seed, index)`, so every
//!    conversation can be made on its own, the output is a pure function of `(count, seed)`,
//!    and no dependency upgrade can change it.
//! 2. A scenario is drawn from the weight table [`SCENARIOS`]: about 88% calm or near-miss
//!    conversations, 12% spread over 21 risky patterns (abuse, threats, escalation, agent
//!    conduct, process, timing, privacy).
//! 3. A customer is drawn from a pool (some customers come back); the customer fixes country,
//!    language, brand, currency and name. About 3% of all conversations are mixed: a customer
//!    writing their own language is answered in English. An agent comes from a fixed roster of 42 across teams, the time from a ten-week
//!    window starting 2026-09-01 (business hours heavy), the channel from a weighted mix (chat,
//!    e-mail, marketplace, social, phone, SMS), and an order from the brand's shop or a
//!    marketplace, with an id in that marketplace's format.
//! 4. The scenario function (`scenarios/*.rs`) writes the turns from natively written text
//!    banks, one per language (`lang/*.rs`), filling slots (names, products, order numbers,
//!    amounts, weekdays) so that texts vary but stay correct sentences. Calls get `start_ms`/`end_ms` and audio channels,
//!    written channels get timestamps with realistic reply gaps.

mod assemble;
mod build;
mod catalog;
mod disguise;
mod lang;
mod names;
mod rng;
mod roster;
mod scenarios;
mod world;

use earshot_model::Conversation;

pub use scenarios::{SCENARIOS, ScenarioInfo};

/// The number of conversations `earshot demo` generates.
pub const DEFAULT_COUNT: usize = 5_000;

/// The seed `earshot demo` uses.
pub const DEFAULT_SEED: u64 = 42;

/// Generates `count` synthetic conversations, one at a time.
///
/// Deterministic: the same (count, seed) always yields the same conversations, on every platform and version of dependencies.
pub fn generate(count: usize, seed: u64) -> impl Iterator<Item = earshot_model::Conversation> {
    // Customers are numbered below the conversation count, so that a typical customer has one
    // or two conversations and a few have many.
    let pool = (count as u64).max(1);
    (0..count as u64)
        .map(move |index| -> Conversation { assemble::conversation(seed, index, pool) })
}
