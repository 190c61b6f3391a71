//! Escalation: anger that rises over the conversation, the same question asked again and
//! again, and customers who ask for a manager.

use super::{maybe_note, problem_fix, problem_intro, problem_open};
use crate::build::{Ctx, Topic};

/// Calm, then annoyed, then furious over five to nine turns, while the agent keeps giving
/// answers that do not answer; finally the agent apologises and solves it.
pub(crate) fn rising_anger(x: &mut Ctx) {
    let (t, confirm) = problem_intro(x);
    let vague = x.a(|b| b.a_vague);
    let body = x.ajoin(&[&confirm, &vague]);
    x.agent(body);
    let mut last_vague = vague;
    let mut last_annoyed = String::new();
    let rounds = 1 + x.rng.below(2);
    for _ in 0..rounds {
        let annoyed = x.c_other(|b| b.c_annoyed, &last_annoyed);
        x.customer(annoyed.clone());
        last_annoyed = annoyed;
        let sorry = x.a(|b| b.apology);
        let vague = x.a_other(|b| b.a_vague, &last_vague);
        let body = x.ajoin(&[&sorry, &vague]);
        x.agent(body);
        last_vague = vague;
    }
    let angry = x.c(|b| b.c_angry);
    x.customer(angry.clone());
    let calm = x.a(|b| b.a_deescalate);
    let fix = x.a(problem_fix(t));
    let body = x.ajoin(&[&calm, &fix]);
    x.agent_final(body);
    maybe_note(x, 200);
    if x.rng.chance(500) {
        // Still angry: the customer has the last word.
        let again = x.c_other(|b| b.c_angry, &angry);
        x.customer(again);
    } else {
        x.end();
    }
}

/// The customer asks the same question three times in different words.
pub(crate) fn repeated_question(x: &mut Ctx) {
    let group = x.rng.index(x.cb.c_repeat.len());
    let t = match group {
        0 => Topic::Refund,
        1 => Topic::Late,
        _ => Topic::Damaged,
    };
    x.topic = t;
    let open = x.c(problem_open(t));
    x.open(open);
    let confirm = x.order_step();
    let mut vague = x.a(|b| b.a_vague);
    let body = x.ajoin(&[&confirm, &vague]);
    x.agent(body);
    let questions = x.cb.c_repeat.get(group).copied().unwrap_or_default();
    let asked = 2 + x.rng.below(2) as usize;
    for (i, q) in questions.iter().take(asked).enumerate() {
        let q = x.fill(q, earshot_model::Role::Customer);
        x.customer(q);
        if i + 1 < asked {
            vague = x.a_other(|b| b.a_vague, &vague);
            x.agent(vague.clone());
        }
    }
    let sorry = x.a(|b| b.apology);
    let fix = x.a(problem_fix(t));
    let body = x.ajoin(&[&sorry, &fix]);
    x.agent_final(body);
    x.end();
}

/// The customer asks for a manager; a team lead takes over.
pub(crate) fn manager_request(x: &mut Ctx) {
    let (t, confirm) = problem_intro(x);
    let vague = x.a(|b| b.a_vague);
    let body = x.ajoin(&[&confirm, &vague]);
    x.agent(body);
    let annoyed = x.c(|b| b.c_annoyed);
    let manager = x.c(|b| b.c_manager);
    let text = x.cjoin(&[&annoyed, &manager]);
    x.customer(text);
    let ok = x.a(|b| b.a_manager_ok);
    x.agent(ok);
    maybe_note(x, 400);
    x.bring_lead();
    let intro = x.a(|b| b.a_lead_intro);
    let fix = x.a(problem_fix(t));
    let body = x.ajoin(&[&intro, &fix]);
    // The lead's introduction is the salutation; an e-mail must not greet twice.
    let greet = x.style.greet;
    x.style.greet = !x.is_mail() && greet;
    x.agent_final(body);
    x.style.greet = greet;
    x.end();
}
