//! Abusive language: insults at the agent (plain and disguised), profanity aimed at nobody,
//! and the rare, critical case of an agent insulting the customer.

use super::{maybe_note, problem_fix, problem_intro};
use crate::build::Ctx;

/// The customer loses patience and insults the agent, who stays calm and solves the problem.
pub(crate) fn insult(x: &mut Ctx) {
    let (t, confirm) = problem_intro(x);
    let hold = x.a(|b| b.a_vague);
    let body = x.ajoin(&[&confirm, &hold]);
    x.agent(body);
    let insult = x.c(|b| b.c_insult);
    let text = if x.rng.chance(400) {
        let annoyed = x.c(|b| b.c_annoyed);
        x.cjoin(&[&annoyed, &insult])
    } else {
        insult
    };
    x.customer(text);
    calm_answer(x, t);
}

/// Like [`insult`], but the abuse is spelled to get past filters: masked, leetspeak, spaced,
/// fullwidth, look-alike letters, zero-width characters, pinyin, teencode, Arabizi.
pub(crate) fn disguised(x: &mut Ctx) {
    let (t, confirm) = problem_intro(x);
    let hold = x.a(|b| b.a_vague);
    let body = x.ajoin(&[&confirm, &hold]);
    x.agent(body);
    let dw = x.cb.dw;
    let text = if !dw.is_empty() && x.rng.chance(500) {
        let (tpl, words) = dw[x.rng.index(dw.len())];
        x.set_disguised_word(words);
        x.fill(tpl, earshot_model::Role::Customer)
    } else {
        x.c(|b| b.c_disguised)
    };
    x.customer(text);
    calm_answer(x, t);
}

/// The agent answers abuse with an apology and the remedy, and the conversation ends.
fn calm_answer(x: &mut Ctx, t: crate::build::Topic) {
    let calm = x.a(|b| b.a_deescalate);
    let fix = x.a(problem_fix(t));
    let body = x.ajoin(&[&calm, &fix]);
    x.agent_final(body);
    maybe_note(x, 150);
    x.end();
}

/// The customer swears about the situation, not at anyone.
pub(crate) fn profanity(x: &mut Ctx) {
    let t = super::problem(x);
    let open = x.c(super::problem_open(t));
    let swear = x.c(|b| b.c_profanity);
    let text = if x.rng.chance(500) {
        x.cjoin(&[&open, &swear])
    } else {
        x.cjoin(&[&swear, &open])
    };
    x.open(text);
    let confirm = x.order_step();
    let sorry = x.a(|b| b.apology);
    let fix = x.a(problem_fix(t));
    let body = x.ajoin(&[&confirm, &sorry, &fix]);
    x.agent_final(body);
    x.end();
}

/// The agent insults an impatient customer. Half the time a team lead steps in.
pub(crate) fn agent_abuse(x: &mut Ctx) {
    let (t, confirm) = problem_intro(x);
    let vague = x.a(|b| b.a_vague);
    let body = x.ajoin(&[&confirm, &vague]);
    x.agent(body);
    let annoyed = x.c(|b| b.c_annoyed);
    x.customer(annoyed);
    let insult = x.a(|b| b.a_insult);
    x.agent(insult);
    let reply = if x.rng.chance(500) {
        x.c(|b| b.c_manager)
    } else {
        x.c(|b| b.c_angry)
    };
    x.customer(reply);
    if x.rng.chance(500) {
        x.bring_lead();
        let intro = x.a(|b| b.a_lead_intro);
        let sorry = x.a(|b| b.apology);
        let fix = x.a(problem_fix(t));
        let body = x.ajoin(&[&intro, &sorry, &fix]);
        // The lead's introduction is the salutation; an e-mail must not greet twice.
        let greet = x.style.greet;
        x.style.greet = !x.is_mail() && greet;
        x.agent_final(body);
        x.style.greet = greet;
        maybe_note(x, 500);
        x.end();
    }
}
