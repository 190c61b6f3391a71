//! Process and courtesy steps an agent is expected to take: greet, confirm the order, explain the
//! refund process, verify identity before changing an account, offer further help.
//!
//! These built-in checks hold for most e-commerce teams; QA teams tune them with rule packs.

use earshot_model::{Channel, Code, Finding, Role, Span};

use crate::{ConversationAnalyzer, ConversationContext, Mark};

pub struct ProcessSteps;

impl ConversationAnalyzer for ProcessSteps {
    fn name(&self) -> &'static str {
        "process"
    }

    fn analyze(&self, cx: &ConversationContext<'_>, out: &mut Vec<Finding>) {
        let conv = cx.conversation;
        let agent: Vec<usize> = cx.turns_by(Role::Agent).collect();
        let Some(&first) = agent.first() else { return };
        let &last = agent.last().unwrap_or(&first);
        let whole = |i: usize| Span::new(0, conv.turns[i].text.chars().count());
        let at = |f: Finding, i: usize, span: Span| f.at(i, Role::Agent, &conv.turns[i].text, span);
        let any_agent = |m: Mark| agent.iter().any(|&i| cx.turns[i].has(m));
        let any_turn = |m: Mark| cx.turns.iter().zip(&conv.turns).any(|(r, t)| !t.internal && r.has(m));

        if !cx.turns[first].has(Mark::Greeting) && conv.channel != Channel::Sms {
            let f = Finding::new(Code::COURTESY_NO_GREETING, "the agent's first reply has no greeting").confidence(0.6);
            out.push(at(f.source("process"), first, Span::new(0, 0)));
        }
        // Offers of further help belong at the end; a thread of one agent reply still needs one.
        let tail = &agent[agent.len().saturating_sub(2)..];
        if !tail.iter().any(|&i| cx.turns[i].has(Mark::FurtherHelp) || cx.turns[i].has(Mark::Closing)) {
            let f = Finding::new(Code::PROCESS_NO_FURTHER_HELP, "the agent closes without offering further help")
                .confidence(0.6);
            let n = conv.turns[last].text.chars().count();
            out.push(at(f.source("process"), last, Span::new(n, n)));
        }
        if any_turn(Mark::RefundTopic) && !any_agent(Mark::RefundExplained) && agent.len() >= 1 {
            let i = agent
                .iter()
                .copied()
                .find(|&i| cx.turns[i].has(Mark::RefundTopic))
                .unwrap_or(last);
            let f = Finding::new(
                Code::PROCESS_REFUND_NOT_EXPLAINED,
                "a refund or return is discussed but no agent reply explains the process or timeline",
            )
            .confidence(0.55);
            out.push(at(f.source("process"), i, whole(i)));
        }
        for &i in &agent {
            if let Some(span) = cx.turns[i].mark_span(Mark::AccountChange) {
                let verified = agent.iter().any(|&j| j <= i && cx.turns[j].has(Mark::IdentityCheck));
                if !verified {
                    let f = Finding::new(
                        Code::PROCESS_IDENTITY_NOT_VERIFIED,
                        "the agent changes account details without verifying the customer's identity first",
                    )
                    .confidence(0.7);
                    out.push(at(f.source("process"), i, span));
                }
                break;
            }
        }
        for &i in &agent {
            if let Some(span) = cx.turns[i].mark_span(Mark::Promise) {
                let f = Finding::new(
                    Code::CONDUCT_IMPROPER_PROMISE,
                    "the agent promises or guarantees something policy may not allow",
                )
                .confidence(0.6);
                out.push(at(f.source("process"), i, span));
                break;
            }
        }
        let shipping = cx.turns_by(Role::Customer).any(|i| cx.turns[i].has(Mark::ShippingTopic));
        if shipping && !any_agent(Mark::TrackingConfirmed) {
            let f = Finding::new(
                Code::PROCESS_TRACKING_NOT_CONFIRMED,
                "a delivery question is answered without confirming the tracking number",
            )
            .confidence(0.5);
            out.push(at(f.source("process"), first, whole(first)));
        }
    }
}
