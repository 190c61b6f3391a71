//! The compound check: the customer is upset, and the agent's replies after that carry no apology
//! and no empathy.

use earshot_model::{Code, Finding, Role, Span};

use crate::{ConversationAnalyzer, ConversationContext, Mark};

pub struct NoEmpathy;

impl ConversationAnalyzer for NoEmpathy {
    fn name(&self) -> &'static str {
        "empathy"
    }

    fn analyze(&self, cx: &ConversationContext<'_>, out: &mut Vec<Finding>) {
        let Some(&first_upset) = cx.customer_upset_turns().first() else { return };
        let replies: Vec<usize> = cx.turns_by(Role::Agent).filter(|&i| i > first_upset).collect();
        let Some(&first_reply) = replies.first() else { return };
        let soothed = replies
            .iter()
            .any(|&i| cx.turns[i].has(Mark::Apology) || cx.turns[i].has(Mark::Empathy));
        if soothed {
            return;
        }
        let text = &cx.conversation.turns[first_reply].text;
        let f = Finding::new(
            Code::CONDUCT_NO_EMPATHY,
            format!("the customer is upset in turn {} and no agent reply after it apologises or shows empathy", first_upset + 1),
        )
        .confidence(0.75)
        .source("empathy");
        out.push(f.at(first_reply, Role::Agent, text, Span::new(0, text.chars().count())));
    }
}
