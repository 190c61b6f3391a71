//! Threats: violence, legal action, chargebacks, marketplace claims, bad reviews, complaints to
//! a regulator, and customers who say they will never buy again.

use super::{maybe_note, problem_fix, problem_intro};
use crate::build::Ctx;
use crate::lang::Field;

/// The shared shape of a threat: a problem, an answer that does not solve it, the customer's
/// threat, and an agent who acknowledges it calmly and offers the remedy.
fn threat(x: &mut Ctx, line: Field) {
    let (t, confirm) = problem_intro(x);
    let vague = x.a(|b| b.a_vague);
    let body = x.ajoin(&[&confirm, &vague]);
    x.agent(body);
    let threat = x.c(line);
    let text = if x.rng.chance(600) {
        let annoyed = x.c(|b| b.c_annoyed);
        x.cjoin(&[&annoyed, &threat])
    } else {
        threat
    };
    x.customer(text);
    let ack = x.a(|b| b.a_threat_ack);
    let fix = x.a(problem_fix(t));
    let body = x.ajoin(&[&ack, &fix]);
    x.agent_final(body);
    maybe_note(x, 200);
    x.end();
}

pub(crate) fn violence(x: &mut Ctx) {
    threat(x, |b| b.c_violence);
}

pub(crate) fn legal(x: &mut Ctx) {
    threat(x, |b| b.c_legal);
}

pub(crate) fn chargeback(x: &mut Ctx) {
    threat(x, |b| b.c_chargeback);
}

/// The claim names the marketplace the order came from: A-to-z for Amazon, a case for eBay,
/// a dispute for the others.
pub(crate) fn marketplace_claim(x: &mut Ctx) {
    let market = x.order.as_ref().map_or("", |o| o.marketplace.as_str());
    let line: Field = if market.starts_with("amazon") {
        |b| b.c_claim_amazon
    } else if market.starts_with("ebay") {
        |b| b.c_claim_ebay
    } else {
        |b| b.c_claim_other
    };
    threat(x, line);
}

pub(crate) fn review(x: &mut Ctx) {
    threat(x, |b| b.c_review);
}

pub(crate) fn regulator(x: &mut Ctx) {
    threat(x, |b| b.c_regulator);
}

pub(crate) fn churn(x: &mut Ctx) {
    threat(x, |b| b.c_churn);
}
