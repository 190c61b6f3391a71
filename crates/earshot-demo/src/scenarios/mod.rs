//! The scenarios: what happens in a conversation. Each scenario is one function; the table
//! [`SCENARIOS`] gives its weight, whether it is risky, which channels it can happen on and
//! which finding codes earshot is expected to report for it.

mod abuse;
mod calm;
mod conduct;
mod escalation;
mod threats;

use earshot_model::Channel;

use crate::build::{Ctx, Topic};
use crate::lang::Field;

/// One scenario of the demo data set.
#[derive(Debug)]
pub struct ScenarioInfo {
    /// The name stored in each conversation's `metadata.demo_scenario`.
    pub name: &'static str,
    /// Relative weight; all weights add up to 10,000, so a weight is a share in basis points.
    pub weight: u32,
    /// Whether earshot should flag conversations of this scenario.
    pub risky: bool,
    /// Finding codes earshot should report for this scenario; at least one of them must appear.
    pub expected_codes: &'static [&'static str],
    /// The channels the scenario can happen on.
    pub(crate) channels: &'static [Channel],
    /// Whether the order must come from a marketplace (not the brand's own shop).
    pub(crate) marketplace_order: bool,
    /// Whether the agent is more likely to be a new hire (agent-conduct scenarios).
    pub(crate) new_agent_bias: bool,
    pub(crate) build: fn(&mut Ctx),
}

const ANY: &[Channel] = &[
    Channel::Chat,
    Channel::Email,
    Channel::Marketplace,
    Channel::Social,
    Channel::Phone,
    Channel::Sms,
];
/// Written channels: disguised spellings and pasted card numbers only happen in writing.
const WRITTEN: &[Channel] = &[
    Channel::Chat,
    Channel::Email,
    Channel::Marketplace,
    Channel::Social,
    Channel::Sms,
];
/// Channels where a marketplace order can be discussed (not social media or SMS).
const CLAIM: &[Channel] = &[
    Channel::Chat,
    Channel::Email,
    Channel::Marketplace,
    Channel::Phone,
];
/// Channels where a reply can come a day or more later.
const ASYNC: &[Channel] = &[Channel::Email, Channel::Marketplace];

const fn s(
    name: &'static str,
    weight: u32,
    risky: bool,
    expected_codes: &'static [&'static str],
    channels: &'static [Channel],
    build: fn(&mut Ctx),
) -> ScenarioInfo {
    ScenarioInfo {
        name,
        weight,
        risky,
        expected_codes,
        channels,
        marketplace_order: false,
        new_agent_bias: false,
        build,
    }
}

/// Marks a scenario whose order must come from a marketplace.
const fn on_marketplace(mut info: ScenarioInfo) -> ScenarioInfo {
    info.marketplace_order = true;
    info
}

/// Marks a scenario about agent conduct, which new hires cause more often.
const fn new_agents(mut info: ScenarioInfo) -> ScenarioInfo {
    info.new_agent_bias = true;
    info
}

/// Every scenario with its weight (in basis points: the weights add up to 10,000). Calm and
/// near-miss conversations make up about 88%; the risky ones share the remaining 12%, each
/// appearing in every language.
#[rustfmt::skip] // One scenario per line: this table is the demo's recipe and should read as one.
pub static SCENARIOS: [ScenarioInfo; 23] = [
    //  name                          weight risky expected finding codes                                    channels
    s("calm",                          8_460, false, &[],                                                        ANY, calm::calm),
    s("near_miss",                       400, false, &[],                                                        ANY, calm::near_miss),
    s("abuse_insult",                     80, true,  &["abuse.insult"],                                          ANY, abuse::insult),
    s("abuse_disguised",                  80, true,  &["abuse.insult", "abuse.profanity"],                       WRITTEN, abuse::disguised),
    s("abuse_profanity_undirected",       70, true,  &["abuse.profanity"],                                       ANY, abuse::profanity),
    new_agents(s("agent_abuse",           20, true,  &["abuse.insult"],                                          ANY, abuse::agent_abuse)),
    s("threat_violence",                  25, true,  &["threat.violence"],                                       ANY, threats::violence),
    s("threat_legal",                     50, true,  &["threat.legal"],                                          ANY, threats::legal),
    s("threat_chargeback",                55, true,  &["threat.chargeback"],                                     ANY, threats::chargeback),
    on_marketplace(s("threat_marketplace_claim", 50, true, &["threat.marketplace_claim"],                        CLAIM, threats::marketplace_claim)),
    s("threat_review",                    65, true,  &["threat.review"],                                         ANY, threats::review),
    s("threat_regulator",                 30, true,  &["threat.regulator"],                                      ANY, threats::regulator),
    s("churn",                            65, true,  &["threat.churn"],                                          ANY, threats::churn),
    s("rising_anger",                     70, true,  &["escalation.rising"],                                     ANY, escalation::rising_anger),
    s("repeated_question",                65, true,  &["escalation.repeated_question"],                          ANY, escalation::repeated_question),
    s("manager_request",                  60, true,  &["escalation.manager_request"],                            ANY, escalation::manager_request),
    new_agents(s("rude_agent",            40, true,  &["conduct.rude"],                                          ANY, conduct::rude_agent)),
    new_agents(s("no_empathy",            55, true,  &["conduct.no_empathy"],                                    ANY, conduct::no_empathy)),
    new_agents(s("improper_promise",      50, true,  &["conduct.improper_promise"],                              ANY, conduct::improper_promise)),
    new_agents(s("missing_steps",         75, true,  &["courtesy.no_greeting", "process.no_further_help", "process.refund_not_explained"], WRITTEN, conduct::missing_steps)),
    new_agents(s("identity_not_verified", 40, true,  &["process.identity_not_verified"],                         ANY, conduct::identity_not_verified)),
    s("late_reply",                       65, true,  &["sla.first_response", "sla.marketplace"],                 ASYNC, conduct::late_reply),
    s("card_number_shared",               30, true,  &["privacy.sensitive_data"],                                WRITTEN, conduct::card_number_shared),
];

/// The problems a risky conversation can start from. Defects need a product with electronics.
const PROBLEMS: [Topic; 5] = [
    Topic::Late,
    Topic::Damaged,
    Topic::Wrong,
    Topic::Refund,
    Topic::Defect,
];

/// Picks a problem that fits the product and makes it the topic of the conversation.
pub(crate) fn problem(x: &mut Ctx) -> Topic {
    let n = if x.product.electric {
        PROBLEMS.len()
    } else {
        PROBLEMS.len() - 1
    };
    let t = PROBLEMS[x.rng.index(n)];
    x.topic = t;
    t
}

/// The customer's opening about a problem.
pub(crate) fn problem_open(t: Topic) -> Field {
    match t {
        Topic::Damaged => |b| b.damaged_open,
        Topic::Wrong => |b| b.wrong_open,
        Topic::Refund => |b| b.refund_open,
        Topic::Defect => |b| b.defect_open,
        _ => |b| b.late_open,
    }
}

/// The agent's remedy for a problem.
pub(crate) fn problem_fix(t: Topic) -> Field {
    match t {
        Topic::Damaged => |b| b.damaged_fix,
        Topic::Wrong => |b| b.wrong_fix,
        Topic::Refund => |b| b.refund_fix,
        Topic::Defect => |b| b.defect_fix,
        _ => |b| b.late_fix,
    }
}

/// The common start of a problem conversation: the customer describes a problem, the agent
/// identifies the order. Returns the problem and the agent's order confirmation.
pub(crate) fn problem_intro(x: &mut Ctx) -> (Topic, String) {
    let t = problem(x);
    let open = x.c(problem_open(t));
    x.open(open);
    let confirm = x.order_step();
    (t, confirm)
}

/// Adds an internal note with the given chance in per mille (never on calls, which have no
/// notes in their transcripts).
pub(crate) fn maybe_note(x: &mut Ctx, per_mille: u64) {
    if !x.is_phone() && x.rng.chance(per_mille) {
        x.internal_note();
    }
}
