//! Filling a template's slots with the conversation's names, products, numbers and dates.

use std::fmt::Write as _;

use earshot_model::Role;

use super::Ctx;
use crate::lang::Lang;
use crate::rng::Rng;
use crate::world::format_money;

/// Luhn-valid numbers that card networks publish for testing; they can never charge anyone.
const TEST_CARDS: [&str; 8] = [
    "4111111111111111",
    "4242424242424242",
    "4012888888881881",
    "5555555555554444",
    "5105105105105100",
    "378282246310005",
    "6011111111111117",
    "3530111333300000",
];

/// Writes a card number the way people paste it: in groups of four, with dashes, or bare.
fn write_card(digits: &str, style: u64, out: &mut String) {
    if style == 2 {
        out.push_str(digits);
        return;
    }
    let sep = if style == 0 { ' ' } else { '-' };
    // American Express numbers are grouped 4-6-5, all others 4-4-4-4.
    let groups: &[usize] = if digits.len() == 15 {
        &[4, 10]
    } else {
        &[4, 8, 12]
    };
    for (i, c) in digits.chars().enumerate() {
        if groups.contains(&i) {
            out.push(sep);
        }
        out.push(c);
    }
}

/// Writes `n` with at least two digits.
fn write_two_digits(n: u64, out: &mut String) {
    if n < 10 {
        out.push('0');
    }
    // Writing into a String cannot fail.
    let _ = write!(out, "{n}");
}

impl Ctx {
    /// Fills the slots of `tpl` for a sentence said by `role`.
    pub(crate) fn fill(&self, tpl: &str, role: Role) -> String {
        let lang = if role == Role::Customer {
            self.cb.lang
        } else {
            self.ab.lang
        };
        let mut out = String::with_capacity(tpl.len() + 48);
        let mut rest = tpl;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let after = &rest[open + 1..];
            let Some(close) = after.find('}') else {
                out.push_str(&rest[open..]);
                rest = "";
                break;
            };
            self.slot(&after[..close], lang, &mut out);
            rest = &after[close + 1..];
        }
        out.push_str(rest);
        out
    }

    fn slot(&self, key: &str, lang: Lang, out: &mut String) {
        let agent = self.current_agent();
        let cust = &self.customer;
        let female = cust.name.female;
        let order_id = self.order.as_ref().map_or("", |o| o.id.as_str());
        match key {
            "cust" => cust.name.write_addressee(lang, out),
            "given" => out.push_str(cust.name.given.0),
            "cname" => cust.name.write_full(out),
            "agent" => out.push_str(agent.intro),
            "brand" => out.push_str(cust.brand.name),
            "order" => out.push_str(order_id),
            "product" => out.push_str(self.product.names[lang.idx()]),
            "amount" => {
                let (minor, currency) = match &self.order {
                    Some(o) => (o.minor, o.currency),
                    None => (self.product.usd_cents, "USD"),
                };
                out.push_str(&format_money(minor, currency, lang));
            }
            "day" => out.push_str(lang.bank().weekdays[self.day]),
            "ndays" => {
                // Writing into a String cannot fail.
                let _ = write!(out, "{}", self.ndays);
            }
            "carrier" => out.push_str(self.carrier),
            "tracking" => {
                let mut r = Rng::new(self.slot_seed ^ 0x7AC4);
                out.push_str(&crate::world::pattern(&mut r, self.carrier_pattern));
            }
            "email" => {
                let mut r = Rng::new(self.slot_seed ^ 0xE3A1);
                out.push_str(cust.name.given.1);
                out.push('.');
                let _ = write!(out, "{}", r.range(100, 999));
                out.push_str("@example.");
                out.push_str(r.pick(&["net", "org", "com"]));
            }
            "mail" => cust.write_email(out),
            "street" => out.push_str(self.street),
            "zip" => out.push_str(self.zip),
            "card" => {
                let mut r = Rng::new(self.slot_seed ^ 0xCA4D);
                let digits = r.pick(&TEST_CARDS);
                write_card(digits, r.below(3), out);
            }
            "exp" => {
                let mut r = Rng::new(self.slot_seed ^ 0xE8F1);
                write_two_digits(r.range(1, 12), out);
                out.push('/');
                write_two_digits(r.range(27, 31), out);
            }
            "dw" => out.push_str(&self.dw),
            "market" => out.push_str(self.order.as_ref().map_or("", |o| o.market_name)),
            "pron" => out.push_str(if female { "chị" } else { "anh" }),
            "Pron" => out.push_str(if female { "Chị" } else { "Anh" }),
            "pa" => out.push_str(if agent.female {
                "ค่ะ"
            } else {
                "ครับ"
            }),
            "paq" => out.push_str(if agent.female {
                "คะ"
            } else {
                "ครับ"
            }),
            "pc" => out.push_str(if female { "ค่ะ" } else { "ครับ" }),
            "pcq" => out.push_str(if female { "คะ" } else { "ครับ" }),
            "ic" => out.push_str(if female { "ฉัน" } else { "ผม" }),
            other => {
                // An unknown slot is left visible so that the bank tests find the typo.
                out.push('{');
                out.push_str(other);
                out.push('}');
            }
        }
    }
}
