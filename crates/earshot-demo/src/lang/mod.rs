//! Text banks: for every language, the sentences customers and agents use in the demo data.
//!
//! Each language has one [`Bank`] of templates written natively (not translated word by word).
//! Templates contain slots in braces that the generator fills per conversation:
//!
//! | slot | filled with |
//! | --- | --- |
//! | `{cust}` | how the speaker addresses the customer ("Emma", "Frau Schneider", "田中様", "anh Minh") |
//! | `{given}`, `{cname}` | the customer's given name, full name |
//! | `{agent}` | the name the agent introduces themselves with |
//! | `{brand}` | the workspace's brand name |
//! | `{order}`, `{product}`, `{amount}` | order id, localised product name, formatted order value |
//! | `{day}`, `{ndays}` | a weekday name a few days ahead, a small number of days |
//! | `{carrier}`, `{tracking}` | the parcel carrier and tracking number |
//! | `{mail}`, `{zip}` | the customer's account e-mail and current postcode (identity checks) |
//! | `{email}`, `{street}` | a new e-mail address, a new street address |
//! | `{card}`, `{exp}` | a test card number that passes the Luhn check, its expiry date |
//! | `{dw}` | a disguised abusive word (see `disguise.rs`) |
//! | `{market}` | the marketplace's display name ("Walmart", "Shopee") |
//! | `{pron}`, `{Pron}` | Vietnamese: how the agent calls the customer ("anh", "chị") |
//! | `{pa}`, `{paq}`, `{pc}`, `{pcq}`, `{ic}` | Thai: polite particles of agent and customer by gender, customer's "I" |
//!
//! Templates avoid grammar that depends on a slot (gender agreement, articles before product
//! names), so every filled sentence is correct.

mod ar;
mod de;
mod en;
mod es;
mod fr;
mod ja;
mod th;
mod vi;
mod zh;

/// A list of templates.
pub(crate) type Strs = &'static [&'static str];

/// Selects one field of a bank, so that scenarios can say which sentences they want once for
/// the customer's and the agent's language.
pub(crate) type Field = fn(&Bank) -> Strs;

/// The languages of the demo data, in the order earshot lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Lang {
    En,
    De,
    Ja,
    Es,
    Fr,
    Vi,
    Th,
    Ar,
    Zh,
}

impl Lang {
    #[cfg(test)]
    pub(crate) const ALL: [Lang; 9] = [
        Lang::En,
        Lang::De,
        Lang::Ja,
        Lang::Es,
        Lang::Fr,
        Lang::Vi,
        Lang::Th,
        Lang::Ar,
        Lang::Zh,
    ];

    /// The BCP-47 tag earshot's language detection is expected to report.
    pub(crate) fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::De => "de",
            Lang::Ja => "ja",
            Lang::Es => "es",
            Lang::Fr => "fr",
            Lang::Vi => "vi",
            Lang::Th => "th",
            Lang::Ar => "ar",
            Lang::Zh => "zh",
        }
    }

    /// The position in [`Lang::ALL`], used to index per-language tables.
    pub(crate) fn idx(self) -> usize {
        self as usize
    }

    pub(crate) fn bank(self) -> &'static Bank {
        match self {
            Lang::En => &en::BANK,
            Lang::De => &de::BANK,
            Lang::Ja => &ja::BANK,
            Lang::Es => &es::BANK,
            Lang::Fr => &fr::BANK,
            Lang::Vi => &vi::BANK,
            Lang::Th => &th::BANK,
            Lang::Ar => &ar::BANK,
            Lang::Zh => &zh::BANK,
        }
    }
}

/// All sentences of one language. Fields starting with `c_` are said by customers, `a_` by
/// agents; the calm-topic and problem fields say in their comment who speaks.
pub(crate) struct Bank {
    pub(crate) lang: Lang,
    /// What joins two sentences: a space, or nothing in Japanese and Chinese.
    pub(crate) sep: &'static str,
    /// Weekday names, Sunday first, in the form the templates put after their own preposition.
    pub(crate) weekdays: [&'static str; 7],

    // Agent courtesy: the steps earshot's process checks look for.
    /// Opens the first agent message in chat, social and SMS.
    pub(crate) greet_chat: Strs,
    /// Opens every agent e-mail (salutation and thanks).
    pub(crate) greet_mail: Strs,
    /// Closes every agent e-mail (sign-off with name and brand).
    pub(crate) sign_mail: Strs,
    /// The agent's first words on a call.
    pub(crate) greet_phone: Strs,
    pub(crate) ask_order: Strs,
    pub(crate) confirm_order: Strs,
    pub(crate) apology: Strs,
    pub(crate) empathy: Strs,
    /// Offers further help in chat and on the phone.
    pub(crate) further: Strs,
    /// Offers further help at the end of an e-mail.
    pub(crate) further_mail: Strs,
    pub(crate) close: Strs,
    /// "One moment please" while the agent looks something up.
    pub(crate) hold: Strs,

    // Customer courtesy.
    pub(crate) c_give_order: Strs,
    /// The order number line a customer puts in an e-mail.
    pub(crate) c_order_line: Strs,
    pub(crate) c_thanks: Strs,
    pub(crate) c_no_more: Strs,
    pub(crate) c_sign_mail: Strs,
    /// A follow-up when nobody has answered yet.
    pub(crate) c_nudge: Strs,
    /// Spoken openers that start a caller's first utterance.
    pub(crate) fillers: Strs,

    // Calm topics: `*_open` by the customer, the answer by the agent.
    pub(crate) wismo_open: Strs,
    pub(crate) wismo_answer: Strs,
    pub(crate) return_open: Strs,
    pub(crate) return_answer: Strs,
    /// Pairs of a product question and its answer.
    pub(crate) question: &'static [(&'static str, &'static str)],
    pub(crate) address_open: Strs,
    pub(crate) verify_ask: Strs,
    pub(crate) verify_give: Strs,
    /// The agent confirms the identity check and the changed address.
    pub(crate) address_done: Strs,
    pub(crate) thanks_open: Strs,
    pub(crate) thanks_answer: Strs,
    pub(crate) cancel_open: Strs,
    pub(crate) cancel_answer: Strs,

    // Problems: `*_open` by the customer; `*_fix` by the agent, with the remedy and the process
    // (what happens next and when), but without the apology, which the scenario adds or omits.
    pub(crate) late_open: Strs,
    pub(crate) late_fix: Strs,
    pub(crate) damaged_open: Strs,
    pub(crate) damaged_fix: Strs,
    pub(crate) wrong_open: Strs,
    pub(crate) wrong_fix: Strs,
    pub(crate) refund_open: Strs,
    pub(crate) refund_fix: Strs,
    /// Only used for products with electronics.
    pub(crate) defect_open: Strs,
    pub(crate) defect_fix: Strs,

    // Customer risk.
    pub(crate) c_annoyed: Strs,
    pub(crate) c_angry: Strs,
    pub(crate) c_insult: Strs,
    /// Abuse already written in a disguised form (masked, leet, pinyin, teencode, Arabizi, ...).
    pub(crate) c_disguised: Strs,
    /// Templates with a `{dw}` slot and the words that may fill it; the word is disguised by
    /// code at generation time.
    pub(crate) dw: &'static [(&'static str, Strs)],
    /// Profanity aimed at nobody.
    pub(crate) c_profanity: Strs,
    pub(crate) c_violence: Strs,
    pub(crate) c_legal: Strs,
    pub(crate) c_chargeback: Strs,
    pub(crate) c_claim_amazon: Strs,
    pub(crate) c_claim_ebay: Strs,
    /// A claim on any other marketplace, named by `{market}`.
    pub(crate) c_claim_other: Strs,
    pub(crate) c_review: Strs,
    pub(crate) c_regulator: Strs,
    pub(crate) c_churn: Strs,
    pub(crate) c_manager: Strs,
    /// Three wordings of the same question: `[0]` about a refund, `[1]` about where a parcel
    /// is, `[2]` about a replacement.
    pub(crate) c_repeat: &'static [[&'static str; 3]],
    pub(crate) c_card: Strs,
    pub(crate) c_change_email: Strs,
    /// Harmless closing remarks that look dangerous to a naive keyword filter.
    pub(crate) near_miss: Strs,

    // Agent risk and its handling.
    /// Calm, apologetic answers to an angry or abusive customer.
    pub(crate) a_deescalate: Strs,
    /// Calm answers to a threat.
    pub(crate) a_threat_ack: Strs,
    /// The agent insults the customer.
    pub(crate) a_insult: Strs,
    /// Rude, blaming or dismissive answers about a broken product: lines 0 and 2 can open a
    /// conversation, lines 1 and 3 follow up ("as I already said").
    pub(crate) a_rude: Strs,
    /// Curt answers without apology or empathy.
    pub(crate) a_curt: Strs,
    /// Promises beyond policy.
    pub(crate) a_promise: Strs,
    /// Answers that do not answer.
    pub(crate) a_vague: Strs,
    pub(crate) a_manager_ok: Strs,
    /// A team lead joining the conversation.
    pub(crate) a_lead_intro: Strs,
    /// A refund mentioned without explaining how or when.
    pub(crate) a_refund_bare: Strs,
    /// The e-mail address changed without any identity check.
    pub(crate) a_email_changed: Strs,
    /// The delivery address changed without any identity check.
    pub(crate) a_address_changed: Strs,
    pub(crate) a_card_warn: Strs,
    pub(crate) a_late_sorry: Strs,
    /// Internal notes between agents.
    pub(crate) a_internal: Strs,
}

#[cfg(test)]
impl Bank {
    /// Every template of the bank, with the name of its field, so that tests can check that no
    /// field is empty and that every slot is known.
    pub(crate) fn all_templates(&'static self) -> Vec<(&'static str, Vec<&'static str>)> {
        let q: Vec<&'static str> = self.question.iter().flat_map(|(a, b)| [*a, *b]).collect();
        let dw: Vec<&'static str> = self.dw.iter().map(|(t, _)| *t).collect();
        let dw_words: Vec<&'static str> = self
            .dw
            .iter()
            .flat_map(|(_, w)| w.iter().copied())
            .collect();
        let rep: Vec<&'static str> = self
            .c_repeat
            .iter()
            .flat_map(|g| g.iter().copied())
            .collect();
        let fields: [(&'static str, Strs); 76] = [
            ("weekdays", &self.weekdays),
            ("greet_chat", self.greet_chat),
            ("greet_mail", self.greet_mail),
            ("sign_mail", self.sign_mail),
            ("greet_phone", self.greet_phone),
            ("ask_order", self.ask_order),
            ("confirm_order", self.confirm_order),
            ("apology", self.apology),
            ("empathy", self.empathy),
            ("further", self.further),
            ("further_mail", self.further_mail),
            ("close", self.close),
            ("hold", self.hold),
            ("c_give_order", self.c_give_order),
            ("c_order_line", self.c_order_line),
            ("c_thanks", self.c_thanks),
            ("c_no_more", self.c_no_more),
            ("c_sign_mail", self.c_sign_mail),
            ("c_nudge", self.c_nudge),
            ("fillers", self.fillers),
            ("wismo_open", self.wismo_open),
            ("wismo_answer", self.wismo_answer),
            ("return_open", self.return_open),
            ("return_answer", self.return_answer),
            ("address_open", self.address_open),
            ("verify_ask", self.verify_ask),
            ("verify_give", self.verify_give),
            ("address_done", self.address_done),
            ("thanks_open", self.thanks_open),
            ("thanks_answer", self.thanks_answer),
            ("cancel_open", self.cancel_open),
            ("cancel_answer", self.cancel_answer),
            ("late_open", self.late_open),
            ("late_fix", self.late_fix),
            ("damaged_open", self.damaged_open),
            ("damaged_fix", self.damaged_fix),
            ("wrong_open", self.wrong_open),
            ("wrong_fix", self.wrong_fix),
            ("refund_open", self.refund_open),
            ("refund_fix", self.refund_fix),
            ("defect_open", self.defect_open),
            ("defect_fix", self.defect_fix),
            ("c_annoyed", self.c_annoyed),
            ("c_angry", self.c_angry),
            ("c_insult", self.c_insult),
            ("c_disguised", self.c_disguised),
            ("c_profanity", self.c_profanity),
            ("c_violence", self.c_violence),
            ("c_legal", self.c_legal),
            ("c_chargeback", self.c_chargeback),
            ("c_claim_amazon", self.c_claim_amazon),
            ("c_claim_ebay", self.c_claim_ebay),
            ("c_claim_other", self.c_claim_other),
            ("c_review", self.c_review),
            ("c_regulator", self.c_regulator),
            ("c_churn", self.c_churn),
            ("c_manager", self.c_manager),
            ("c_card", self.c_card),
            ("c_change_email", self.c_change_email),
            ("near_miss", self.near_miss),
            ("a_deescalate", self.a_deescalate),
            ("a_threat_ack", self.a_threat_ack),
            ("a_insult", self.a_insult),
            ("a_rude", self.a_rude),
            ("a_curt", self.a_curt),
            ("a_promise", self.a_promise),
            ("a_vague", self.a_vague),
            ("a_manager_ok", self.a_manager_ok),
            ("a_lead_intro", self.a_lead_intro),
            ("a_refund_bare", self.a_refund_bare),
            ("a_email_changed", self.a_email_changed),
            ("a_address_changed", self.a_address_changed),
            ("a_card_warn", self.a_card_warn),
            ("a_late_sorry", self.a_late_sorry),
            ("a_internal", self.a_internal),
            ("question", &[]),
        ];
        let mut out: Vec<(&'static str, Vec<&'static str>)> =
            fields.iter().map(|(n, s)| (*n, s.to_vec())).collect();
        // The slice-typed fields above cannot hold the pairs and groups; they are added here.
        if let Some(last) = out.last_mut() {
            last.1 = q;
        }
        out.push(("dw", dw));
        out.push(("dw words", dw_words));
        out.push(("c_repeat", rep));
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every slot a template may use; `Ctx::slot` fills exactly these.
    const SLOTS: [&str; 27] = [
        "cust", "given", "cname", "agent", "brand", "order", "product", "amount", "day", "ndays",
        "carrier", "tracking", "email", "mail", "street", "zip", "card", "exp", "dw", "market",
        "pron", "Pron", "pa", "paq", "pc", "pcq", "ic",
    ];

    fn slots_of(tpl: &str) -> Vec<&str> {
        let mut out = Vec::new();
        let mut rest = tpl;
        while let Some(open) = rest.find('{') {
            let after = &rest[open + 1..];
            let close = after.find('}').unwrap_or(after.len());
            out.push(&after[..close]);
            rest = after.get(close + 1..).unwrap_or("");
        }
        out
    }

    #[test]
    fn every_bank_is_complete_and_uses_known_slots_only() {
        for lang in Lang::ALL {
            let bank = lang.bank();
            assert_eq!(bank.lang, lang);
            for (field, templates) in bank.all_templates() {
                assert!(!templates.is_empty(), "{lang:?}.{field} is empty");
                for t in templates {
                    assert!(
                        !t.trim().is_empty(),
                        "{lang:?}.{field} has an empty template"
                    );
                    for slot in slots_of(t) {
                        assert!(
                            SLOTS.contains(&slot),
                            "{lang:?}.{field}: unknown slot {{{slot}}} in {t:?}"
                        );
                    }
                    assert!(
                        !t.contains('}') || t.contains('{'),
                        "{lang:?}.{field}: stray brace in {t:?}"
                    );
                }
            }
            for (tpl, words) in bank.dw {
                assert!(
                    tpl.contains("{dw}"),
                    "{lang:?}: dw template without slot: {tpl:?}"
                );
                assert!(!words.is_empty());
            }
        }
    }

    #[test]
    fn paired_lists_line_up_across_languages() {
        // A mixed-language conversation asks with the customer's bank and answers with the
        // agent's, by index, so the lists must have the same length and order everywhere.
        let en = Lang::En.bank();
        for lang in Lang::ALL {
            let bank = lang.bank();
            assert_eq!(bank.question.len(), en.question.len(), "{lang:?} questions");
            assert_eq!(bank.c_repeat.len(), 3, "{lang:?} repeated questions");
        }
    }

    #[test]
    fn slot_scanner_finds_slots() {
        assert_eq!(slots_of("Hi {cust}, order {order}."), vec!["cust", "order"]);
        assert!(slots_of("no slots").is_empty());
    }
}
