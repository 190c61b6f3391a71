//! Calm conversations, the large majority: ordinary requests handled well. `near_miss` is a
//! calm conversation whose customer adds a harmless remark that looks dangerous to a naive
//! keyword filter ("I'm not going to sue anyone", "Scunthorpe", "shiitake").

use super::{maybe_note, problem, problem_fix, problem_open};
use crate::build::{Ctx, Topic};
use crate::lang::Field;

/// The kinds of calm conversation and their relative weights.
const KINDS: [(Kind, u32); 7] = [
    (Kind::WhereIsMyOrder, 30),
    (Kind::Return, 17),
    (Kind::ProductQuestion, 16),
    (Kind::AddressChange, 8),
    (Kind::ThankYou, 8),
    (Kind::Cancel, 9),
    (Kind::ProblemSolved, 12),
];

#[derive(Debug, Clone, Copy)]
enum Kind {
    WhereIsMyOrder,
    Return,
    ProductQuestion,
    AddressChange,
    ThankYou,
    Cancel,
    ProblemSolved,
}

pub(crate) fn calm(x: &mut Ctx) {
    run(x, false);
}

pub(crate) fn near_miss(x: &mut Ctx) {
    run(x, true);
}

fn run(x: &mut Ctx, near_miss: bool) {
    let weights = KINDS.map(|(_, w)| w);
    let kind = KINDS[x.rng.weighted(&weights)].0;
    match kind {
        Kind::WhereIsMyOrder => answer_flow(x, Topic::Wismo),
        Kind::Return => answer_flow(x, Topic::Return),
        Kind::Cancel => answer_flow(x, Topic::Cancel),
        Kind::ProductQuestion => product_question(x),
        Kind::AddressChange => address_change(x),
        Kind::ThankYou => thank_you(x),
        Kind::ProblemSolved => problem_solved(x),
    }
    maybe_note(x, 25);
    end(x, near_miss);
}

/// Ends a calm conversation; in a near miss the customer's last words are the remark (which
/// carries its own thanks).
fn end(x: &mut Ctx, near_miss: bool) {
    if !near_miss {
        x.end();
        return;
    }
    let remark = x.c(|b| b.near_miss);
    x.customer(remark);
    x.end_after_thanks();
}

/// The customer asks; the agent identifies the order and answers.
fn answer_flow(x: &mut Ctx, topic: Topic) {
    x.topic = topic;
    let (open, answer): (Field, Field) = match topic {
        Topic::Return => (|b| b.return_open, |b| b.return_answer),
        Topic::Cancel => (|b| b.cancel_open, |b| b.cancel_answer),
        _ => (|b| b.wismo_open, |b| b.wismo_answer),
    };
    let text = x.c(open);
    x.open(text);
    let confirm = x.order_step();
    if !x.is_mail() && x.rng.chance(300) {
        let hold = x.a(|b| b.hold);
        x.agent(hold);
    }
    let answer = x.a(answer);
    let body = x.ajoin(&[&confirm, &answer]);
    x.agent_final(body);
}

fn product_question(x: &mut Ctx) {
    x.topic = Topic::Question;
    // Most product questions come before anyone has ordered; marketplace messages always
    // belong to an order.
    if x.channel != earshot_model::Channel::Marketplace && x.rng.chance(600) {
        x.order = None;
    }
    let i = x.rng.index(x.cb.question.len());
    let q = x.cb.question.get(i).map_or("", |p| p.0);
    let q = x.fill(q, earshot_model::Role::Customer);
    x.open(q);
    // The agent answers the same question, in the agent's language.
    let a = x.ab.question.get(i).map_or("", |p| p.1);
    let a = x.fill(a, earshot_model::Role::Agent);
    x.agent_final(a);
}

fn address_change(x: &mut Ctx) {
    x.topic = Topic::Address;
    let open = x.c(|b| b.address_open);
    x.open(open);
    let ask = x.a(|b| b.verify_ask);
    x.agent(ask);
    let give = x.c(|b| b.verify_give);
    x.customer(give);
    let done = x.a(|b| b.address_done);
    x.agent_final(done);
}

fn thank_you(x: &mut Ctx) {
    x.topic = Topic::Thanks;
    let open = x.c(|b| b.thanks_open);
    x.open(open);
    let answer = x.a(|b| b.thanks_answer);
    x.agent_final(answer);
}

/// A problem the agent solves well: apology, empathy, remedy and process.
fn problem_solved(x: &mut Ctx) {
    let t = problem(x);
    let open = x.c(problem_open(t));
    x.open(open);
    let confirm = x.order_step();
    let sorry = x.a(|b| b.apology);
    let empathy = if x.rng.chance(500) {
        x.a(|b| b.empathy)
    } else {
        String::new()
    };
    let fix = x.a(problem_fix(t));
    let body = x.ajoin(&[&confirm, &sorry, &empathy, &fix]);
    x.agent_final(body);
}
