//! Builds one conversation: the customer, agent, order and clock it happens with, and the
//! helpers scenarios use to add turns with realistic wording and timing per channel.

mod finish;
mod slots;

use earshot_model::{Channel, Role, Turn};
use jiff::Timestamp;

use crate::catalog::Product;
use crate::disguise::disguise;
use crate::lang::{Bank, Lang, Strs};
use crate::rng::Rng;
use crate::roster::{ROSTER, RosterAgent, leads};
use crate::world::CustomerProfile;

/// 2026-09-01T00:00:00Z, the first day of the demo period.
pub(crate) const BASE_UNIX: i64 = 1_788_220_800;
/// The demo covers ten weeks.
pub(crate) const DAYS: u64 = 70;

/// What the conversation is about; decides the tags and which texts fit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Topic {
    Wismo,
    Return,
    Question,
    Address,
    Thanks,
    Cancel,
    Late,
    Damaged,
    Wrong,
    Refund,
    Defect,
    EmailChange,
    Billing,
}

impl Topic {
    pub(crate) fn name(self) -> &'static str {
        match self {
            Topic::Wismo => "where_is_my_order",
            Topic::Return => "return_request",
            Topic::Question => "product_question",
            Topic::Address => "address_change",
            Topic::Thanks => "thank_you",
            Topic::Cancel => "cancellation",
            Topic::Late => "late_delivery",
            Topic::Damaged => "damaged_item",
            Topic::Wrong => "wrong_item",
            Topic::Refund => "missing_refund",
            Topic::Defect => "defective_item",
            Topic::EmailChange => "email_change",
            Topic::Billing => "payment_problem",
        }
    }

    fn tags(self) -> &'static [&'static str] {
        match self {
            Topic::Wismo => &["shipping", "order-status"],
            Topic::Return => &["returns", "refunds"],
            Topic::Question => &["product-question"],
            Topic::Address => &["account", "shipping"],
            Topic::Thanks => &["feedback"],
            Topic::Cancel => &["cancellation", "refunds"],
            Topic::Late => &["shipping", "delay"],
            Topic::Damaged => &["returns", "damaged"],
            Topic::Wrong => &["returns", "wrong-item"],
            Topic::Refund => &["refunds", "billing"],
            Topic::Defect => &["warranty"],
            Topic::EmailChange => &["account"],
            Topic::Billing => &["billing"],
        }
    }
}

/// Which courtesy steps the agent performs; the `missing_steps` scenario turns them off.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Style {
    pub(crate) greet: bool,
    pub(crate) further: bool,
    pub(crate) close: bool,
}

/// The order a conversation is about.
pub(crate) struct OrderInfo {
    pub(crate) id: String,
    pub(crate) minor: u64,
    pub(crate) currency: &'static str,
    pub(crate) marketplace: String,
    /// The marketplace's display name, for `{market}`.
    pub(crate) market_name: &'static str,
}

/// Everything one conversation is built from, plus the turns built so far.
pub(crate) struct Ctx {
    pub(crate) rng: Rng,
    /// The customer's language bank.
    pub(crate) cb: &'static Bank,
    /// The agents' language bank (English in mixed-language conversations).
    pub(crate) ab: &'static Bank,
    pub(crate) channel: Channel,
    pub(crate) customer: CustomerProfile,
    pub(crate) product: &'static Product,
    pub(crate) order: Option<OrderInfo>,
    pub(crate) style: Style,
    pub(crate) topic: Topic,
    /// Roster index of the agent speaking now.
    agent: usize,
    agents_used: Vec<usize>,
    pub(crate) extra_tags: Vec<&'static str>,
    pub(crate) turns: Vec<Turn>,
    /// The clock of text channels, in Unix seconds.
    clock: i64,
    /// The clock of calls, in milliseconds from the start of the recording.
    call_ms: u64,
    pub(crate) started: i64,
    /// Overrides the delay before the next turn, in seconds (late replies, follow-ups).
    pub(crate) next_gap: Option<i64>,
    agent_spoke: bool,
    // Slot values fixed for the whole conversation.
    day: usize,
    ndays: u64,
    carrier: &'static str,
    carrier_pattern: &'static str,
    street: &'static str,
    zip: &'static str,
    /// Seeds the slots that only some conversations use (tracking number, new e-mail, card),
    /// so they are computed when a template asks for them, yet identical each time it does.
    slot_seed: u64,
    pub(crate) dw: String,
}

/// The pieces [`Ctx::new`] needs that the caller has already chosen.
pub(crate) struct Setup {
    pub(crate) rng: Rng,
    pub(crate) customer: CustomerProfile,
    pub(crate) agent_lang: Lang,
    pub(crate) channel: Channel,
    pub(crate) product: &'static Product,
    pub(crate) order: Option<OrderInfo>,
    pub(crate) agent: usize,
    pub(crate) started: i64,
}

impl Ctx {
    pub(crate) fn new(s: Setup) -> Ctx {
        let Setup {
            mut rng,
            customer,
            agent_lang,
            channel,
            product,
            order,
            agent,
            started,
        } = s;
        let country = customer.country;
        let carrier_ix = rng.index(country.carriers.len());
        let (carrier, carrier_pattern) = country
            .carriers
            .get(carrier_ix)
            .copied()
            .unwrap_or(("DHL", "DDDDDDDDDD"));
        let day = ((started.div_euclid(86_400) + 4 + rng.range(2, 5) as i64) % 7) as usize;
        let slot_seed = rng.next_u64();
        let street = rng.pick(country.streets);
        let zip = rng.pick(country.zips);
        let ndays = rng.range(4, 12);
        Ctx {
            cb: customer.country.lang.bank(),
            ab: agent_lang.bank(),
            channel,
            product,
            order,
            style: Style {
                greet: true,
                further: true,
                close: true,
            },
            topic: Topic::Wismo,
            agent,
            agents_used: vec![agent],
            extra_tags: Vec::new(),
            turns: Vec::with_capacity(12),
            clock: started,
            call_ms: 0,
            started,
            next_gap: None,
            agent_spoke: false,
            day,
            ndays,
            carrier,
            carrier_pattern,
            street,
            zip,
            slot_seed,
            dw: String::new(),
            customer,
            rng,
        }
    }

    fn current_agent(&self) -> &'static RosterAgent {
        &ROSTER[self.agent]
    }

    /// Whether agents write letters here (salutation and sign-off) rather than chat lines.
    pub(crate) fn is_mail(&self) -> bool {
        matches!(self.channel, Channel::Email | Channel::Marketplace)
    }

    pub(crate) fn is_phone(&self) -> bool {
        self.channel == Channel::Phone
    }

    /// Picks a template from the customer's bank and fills it.
    pub(crate) fn c(&mut self, field: fn(&Bank) -> Strs) -> String {
        let tpl = self.rng.pick(field(self.cb));
        self.fill(tpl, Role::Customer)
    }

    /// Picks a template from the agents' bank and fills it.
    pub(crate) fn a(&mut self, field: fn(&Bank) -> Strs) -> String {
        let tpl = self.rng.pick(field(self.ab));
        self.fill(tpl, Role::Agent)
    }

    /// Like [`Ctx::c`], but avoids repeating `previous` word for word when the bank has another
    /// choice.
    pub(crate) fn c_other(&mut self, field: fn(&Bank) -> Strs, previous: &str) -> String {
        let mut text = self.c(field);
        for _ in 0..4 {
            if text != previous {
                break;
            }
            text = self.c(field);
        }
        text
    }

    /// Like [`Ctx::a`], but avoids repeating `previous` word for word.
    pub(crate) fn a_other(&mut self, field: fn(&Bank) -> Strs, previous: &str) -> String {
        let mut text = self.a(field);
        for _ in 0..4 {
            if text != previous {
                break;
            }
            text = self.a(field);
        }
        text
    }

    /// Joins sentences of the customer's language.
    pub(crate) fn cjoin(&self, parts: &[&str]) -> String {
        join(self.cb.sep, parts)
    }

    /// Joins sentences of the agents' language.
    pub(crate) fn ajoin(&self, parts: &[&str]) -> String {
        join(self.ab.sep, parts)
    }

    /// Sets `{dw}` to a freshly disguised word from `words`.
    pub(crate) fn set_disguised_word(&mut self, words: Strs) {
        let w = self.rng.pick(words);
        self.dw = disguise(&mut self.rng, w);
    }

    fn gap_seconds(&mut self, role: Role) -> i64 {
        let first_agent = role == Role::Agent && !self.agent_spoke;
        let (lo, hi) = match (self.channel, role) {
            (Channel::Chat | Channel::Other, Role::Agent) if first_agent => (30, 300),
            (Channel::Chat | Channel::Other, Role::Agent) => (20, 150),
            (Channel::Chat | Channel::Other, _) => (10, 120),
            (Channel::Social, Role::Agent) => (180, 5_400),
            (Channel::Social, _) => (60, 3_600),
            (Channel::Sms, Role::Agent) => (120, 1_800),
            (Channel::Sms, _) => (60, 1_200),
            (_, Role::Agent) if first_agent => (1_800, 36_000),
            (_, Role::Agent) => (1_200, 32_400),
            _ => (1_800, 93_600),
        };
        self.rng.range(lo, hi) as i64
    }

    /// Adds a turn, advancing the clock of the channel.
    fn push(&mut self, role: Role, text: String, internal: bool) {
        let author = if role == Role::Customer {
            self.customer.id.clone()
        } else {
            self.current_agent().id.to_string()
        };
        let mut turn = Turn::new(role, text);
        turn.author = Some(author);
        turn.internal = internal;
        if self.is_phone() {
            let lang = if role == Role::Customer {
                self.cb.lang
            } else {
                self.ab.lang
            };
            let per_char = match lang {
                Lang::Ja | Lang::Zh => 170,
                Lang::Th => 75,
                _ => 62,
            };
            // Upset callers speak faster, which earshot's voice checks can pick up.
            let per_char = if role == Role::Customer && turn.text.contains('!') {
                per_char * 4 / 5
            } else {
                per_char
            };
            let chars = turn.text.chars().count() as u64;
            let jitter = self.rng.range(90, 115);
            let duration = (400 + chars * per_char) * jitter / 100;
            let start = if self.turns.is_empty() {
                self.rng.range(300, 1_500)
            } else {
                self.call_ms + self.rng.range(250, 1_400)
            };
            turn.start_ms = Some(start);
            turn.end_ms = Some(start + duration);
            turn.channel = Some(
                if role == Role::Customer {
                    "ch_1"
                } else {
                    "ch_0"
                }
                .to_string(),
            );
            self.call_ms = start + duration;
        } else {
            if !self.turns.is_empty() {
                let gap = if internal {
                    self.rng.range(10, 120) as i64
                } else if let Some(g) = self.next_gap.take() {
                    g
                } else {
                    self.gap_seconds(role)
                };
                self.clock += gap;
            }
            turn.at = Timestamp::from_second(self.clock).ok();
        }
        if role == Role::Agent && !internal {
            self.agent_spoke = true;
        }
        self.turns.push(turn);
    }

    /// Adds a customer message, with a sign-off in e-mails.
    pub(crate) fn customer(&mut self, body: String) {
        let text = if self.is_mail() {
            let sign = self.c(|b| b.c_sign_mail);
            let mut text = body;
            text.push_str("\n\n");
            text.push_str(&sign);
            text
        } else {
            body
        };
        self.push(Role::Customer, text, false);
    }

    /// The customer's first message. On a call the agent answers first; in an e-mail the
    /// customer quotes the order number.
    pub(crate) fn open(&mut self, body: String) {
        if self.is_phone() {
            if self.style.greet {
                let greet = self.a(|b| b.greet_phone);
                self.push(Role::Agent, greet, false);
            }
            let filler = self.c(|b| b.fillers);
            let text = self.cjoin(&[&filler, &body]);
            self.push(Role::Customer, text, false);
        } else if self.is_mail() && self.order.is_some() {
            let line = self.c(|b| b.c_order_line);
            self.customer(format!("{body}\n\n{line}"));
        } else {
            self.customer(body);
        }
    }

    /// Adds an agent message: the greeting on the first chat message, salutation and
    /// sign-off on every e-mail.
    pub(crate) fn agent(&mut self, body: String) {
        let text = if self.is_mail() {
            let mut text = String::with_capacity(body.len() + 160);
            if self.style.greet {
                text.push_str(&self.a(|b| b.greet_mail));
                text.push_str("\n\n");
            }
            text.push_str(&body);
            if self.style.close {
                text.push_str("\n\n");
                text.push_str(&self.a(|b| b.sign_mail));
            }
            text
        } else if !self.agent_spoke && self.style.greet && !self.is_phone() {
            let greet = self.a(|b| b.greet_chat);
            self.ajoin(&[&greet, &body])
        } else {
            body
        };
        self.push(Role::Agent, text, false);
    }

    /// The agent's last substantive answer; in an e-mail it also offers further help.
    pub(crate) fn agent_final(&mut self, body: String) {
        if self.is_mail() && self.style.further {
            let further = self.a(|b| b.further_mail);
            self.agent(format!("{body}\n\n{further}"));
        } else {
            self.agent(body);
        }
    }

    /// An internal note by the current agent, never shown to the customer.
    pub(crate) fn internal_note(&mut self) {
        let text = self.a(|b| b.a_internal);
        self.push(Role::Agent, text, true);
    }

    /// Asks for and receives the order number in chat and on the phone; e-mails already
    /// quote it. Returns the agent's confirmation to start the next answer with.
    pub(crate) fn order_step(&mut self) -> String {
        if self.order.is_none() {
            return String::new();
        }
        if !self.is_mail() {
            let ask = self.a(|b| b.ask_order);
            self.agent(ask);
            let give = self.c(|b| b.c_give_order);
            self.customer(give);
        }
        self.a(|b| b.confirm_order)
    }

    /// The usual ending: thanks, the offer of further help and the goodbye, as the style
    /// allows.
    pub(crate) fn end(&mut self) {
        if self.is_mail() {
            if self.rng.chance(500) {
                let thanks = self.c(|b| b.c_thanks);
                self.customer(thanks);
            }
            return;
        }
        let thanks = self.c(|b| b.c_thanks);
        self.customer(thanks);
        self.end_after_thanks();
    }

    /// The agent's side of the ending, when the customer has already said their last word.
    pub(crate) fn end_after_thanks(&mut self) {
        if self.is_mail() {
            return;
        }
        if self.style.further {
            let further = self.a(|b| b.further);
            self.agent(further);
            let no = self.c(|b| b.c_no_more);
            self.customer(no);
        }
        if self.style.close {
            let close = self.a(|b| b.close);
            self.agent(close);
        }
    }

    /// A team lead of the agents' language takes over the conversation.
    pub(crate) fn bring_lead(&mut self) {
        let lang = self.ab.lang;
        let candidates: Vec<usize> = leads(lang).collect();
        if let Some(&lead) = candidates.get(self.rng.index(candidates.len())) {
            self.agent = lead;
            if !self.agents_used.contains(&lead) {
                self.agents_used.push(lead);
            }
            self.extra_tags.push("escalated");
        }
    }
}

/// Joins sentences with the language's separator, skipping empty parts.
fn join(sep: &str, parts: &[&str]) -> String {
    let mut out = String::with_capacity(parts.iter().map(|p| p.len() + sep.len()).sum());
    for p in parts.iter().filter(|p| !p.is_empty()) {
        if !out.is_empty() {
            out.push_str(sep);
        }
        out.push_str(p);
    }
    out
}
