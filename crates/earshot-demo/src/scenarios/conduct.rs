//! Agent conduct and process: rude agents, agents without empathy, promises beyond policy,
//! skipped process steps, account changes without an identity check, late replies, and a
//! customer who pastes a card number.

use super::{maybe_note, problem, problem_fix, problem_intro, problem_open};
use earshot_model::Role;

use crate::build::{Ctx, Topic};

/// The agent blames the customer for a broken product and brushes the problem off.
pub(crate) fn rude_agent(x: &mut Ctx) {
    let t = if x.product.electric && x.rng.chance(500) {
        Topic::Defect
    } else {
        Topic::Damaged
    };
    x.topic = t;
    let open = x.c(problem_open(t));
    x.open(open);
    let confirm = x.order_step();
    // By the banks' convention, rude lines 0 and 2 open, lines 1 and 3 follow up.
    let first = 2 * x.rng.index(2);
    let rude =
        x.ab.a_rude
            .get(first)
            .map_or(String::new(), |t| x.fill(t, Role::Agent));
    let body = x.ajoin(&[&confirm, &rude]);
    x.agent(body);
    let annoyed = x.c(|b| b.c_annoyed);
    x.customer(annoyed);
    let again =
        x.ab.a_rude
            .get(1 + 2 * x.rng.index(2))
            .map_or(String::new(), |t| x.fill(t, Role::Agent));
    x.agent(again);
    let last = if x.rng.chance(500) {
        x.c(|b| b.c_churn)
    } else {
        x.c(|b| b.c_angry)
    };
    x.customer(last);
    if x.rng.chance(500) {
        let curt = x.a(|b| b.a_curt);
        x.agent(curt);
    }
}

/// The customer is upset; the agent answers correctly but curtly, without a word of apology
/// or understanding.
pub(crate) fn no_empathy(x: &mut Ctx) {
    let t = problem(x);
    let open = x.c(problem_open(t));
    let annoyed = x.c(|b| b.c_annoyed);
    let text = x.cjoin(&[&open, &annoyed]);
    x.open(text);
    let confirm = x.order_step();
    let curt = x.a(|b| b.a_curt);
    let body = x.ajoin(&[&confirm, &curt]);
    x.agent(body);
    let angry = x.c(|b| b.c_angry);
    x.customer(angry);
    let curt2 = x.a_other(|b| b.a_curt, &curt);
    let fix = x.a(problem_fix(t));
    let body = x.ajoin(&[&curt2, &fix]);
    x.agent_final(body);
    if !x.is_mail() && x.style.close {
        let close = x.a(|b| b.close);
        x.agent(close);
    }
}

/// The agent soothes the customer with a promise the company cannot keep.
pub(crate) fn improper_promise(x: &mut Ctx) {
    let (t, confirm) = problem_intro(x);
    let sorry = x.a(|b| b.apology);
    let fix = x.a(problem_fix(t));
    let body = x.ajoin(&[&confirm, &sorry, &fix]);
    x.agent(body);
    let annoyed = x.c(|b| b.c_annoyed);
    x.customer(annoyed);
    let empathy = x.a(|b| b.empathy);
    let promise = x.a(|b| b.a_promise);
    let body = x.ajoin(&[&empathy, &promise]);
    x.agent_final(body);
    x.end();
}

/// No greeting, no explanation of how and when the refund happens, no offer of further help,
/// no goodbye.
pub(crate) fn missing_steps(x: &mut Ctx) {
    x.style.greet = false;
    x.style.further = false;
    x.style.close = false;
    let t = [Topic::Return, Topic::Refund, Topic::Damaged, Topic::Cancel][x.rng.index(4)];
    x.topic = t;
    let open = match t {
        Topic::Return => x.c(|b| b.return_open),
        Topic::Cancel => x.c(|b| b.cancel_open),
        _ => x.c(problem_open(t)),
    };
    x.open(open);
    // Half the agents even skip confirming the order.
    let confirm = if x.rng.chance(500) {
        x.order_step()
    } else {
        String::new()
    };
    let bare = x.a(|b| b.a_refund_bare);
    let body = x.ajoin(&[&confirm, &bare]);
    x.agent_final(body);
    x.end();
}

/// The customer asks to change the e-mail or delivery address, and the agent does it at once,
/// without checking who they are talking to.
pub(crate) fn identity_not_verified(x: &mut Ctx) {
    if x.rng.chance(500) {
        x.topic = Topic::EmailChange;
        let open = x.c(|b| b.c_change_email);
        x.open(open);
        let done = x.a(|b| b.a_email_changed);
        x.agent_final(done);
    } else {
        x.topic = Topic::Address;
        let open = x.c(|b| b.address_open);
        x.open(open);
        let done = x.a(|b| b.a_address_changed);
        x.agent_final(done);
    }
    x.end();
}

/// The first agent reply comes 30 hours or more after the customer wrote; on Amazon, where
/// the rule is 24 hours including weekends, more than 24 hours.
pub(crate) fn late_reply(x: &mut Ctx) {
    let amazon = x
        .order
        .as_ref()
        .is_some_and(|o| o.marketplace.starts_with("amazon"));
    let t = [Topic::Wismo, Topic::Return, Topic::Late, Topic::Refund][x.rng.index(4)];
    x.topic = t;
    let (open, answer) = match t {
        Topic::Wismo => (x.c(|b| b.wismo_open), x.a(|b| b.wismo_answer)),
        Topic::Return => (x.c(|b| b.return_open), x.a(|b| b.return_answer)),
        _ => (x.c(problem_open(t)), x.a(problem_fix(t))),
    };
    x.open(open);
    let total_hours = if amazon {
        x.rng.range(25, 40)
    } else {
        x.rng.range(30, 54)
    } as i64;
    let mut waited = 0;
    if x.rng.chance(500) {
        let nudge_hours = x.rng.range(8, 20) as i64;
        x.next_gap = Some(nudge_hours * 3_600);
        let nudge = x.c(|b| b.c_nudge);
        x.customer(nudge);
        waited = nudge_hours * 3_600;
    }
    x.next_gap = Some(total_hours * 3_600 - waited + x.rng.below(3_600) as i64);
    let confirm = x.a(|b| b.confirm_order);
    let sorry = if x.rng.chance(600) {
        x.a(|b| b.a_late_sorry)
    } else {
        String::new()
    };
    let body = x.ajoin(&[&sorry, &confirm, &answer]);
    x.agent_final(body);
    x.end();
}

/// The customer pastes a full card number; a good agent warns them and never uses it.
pub(crate) fn card_number_shared(x: &mut Ctx) {
    x.topic = Topic::Billing;
    let open = x.c(|b| b.c_card);
    x.open(open);
    let warn = x.a(|b| b.a_card_warn);
    x.agent_final(warn);
    maybe_note(x, 300);
    x.end();
}
