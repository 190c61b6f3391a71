//! Escalation across turns: anger rising, dissatisfaction that persists, the same question asked
//! again, and requests for a manager.

use earshot_text::CharClass;
use std::collections::HashSet;

use earshot_model::{Code, Finding, Role, Span};

use crate::{ConversationAnalyzer, ConversationContext, Mark};

pub struct Escalation;

/// Character trigrams of the letters and digits of a text, for near-duplicate questions; they
/// work the same for spaced and unspaced scripts.
fn trigrams(text: &str) -> HashSet<[char; 3]> {
    let chars: Vec<char> = text
        .chars()
        .filter(|c| c.is_word() || c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect();
    chars.windows(3).map(|w| [w[0], w[1], w[2]]).collect()
}

fn jaccard(a: &HashSet<[char; 3]>, b: &HashSet<[char; 3]>) -> f32 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let inter = a.intersection(b).count() as f32;
    inter / (a.len() + b.len()) as f32 * 2.0
}

impl ConversationAnalyzer for Escalation {
    fn name(&self) -> &'static str {
        "escalation"
    }

    fn analyze(&self, cx: &ConversationContext<'_>, out: &mut Vec<Finding>) {
        let conv = cx.conversation;
        let customer: Vec<usize> = cx.turns_by(Role::Customer).collect();
        let whole = |i: usize| Span::new(0, conv.turns[i].text.chars().count());

        for &i in &customer {
            if let Some(span) = cx.turns[i].mark_span(Mark::ManagerRequest) {
                let f = Finding::new(
                    Code::ESCALATION_MANAGER_REQUEST,
                    "the customer asks for a manager or supervisor",
                )
                .confidence(0.8)
                .source("escalation");
                out.push(f.at(i, Role::Customer, &conv.turns[i].text, span));
                break;
            }
        }

        // The same question again, after an agent has answered in between.
        let questions: Vec<(usize, HashSet<[char; 3]>)> = customer
            .iter()
            .filter(|&&i| cx.turns[i].has(Mark::Question))
            .map(|&i| (i, trigrams(&conv.turns[i].text)))
            .collect();
        'outer: for (k, (i, gi)) in questions.iter().enumerate() {
            for (j, gj) in &questions[k + 1..] {
                let answered = cx.turns_by(Role::Agent).any(|a| a > *i && a < *j);
                let sim = jaccard(gi, gj);
                if answered && sim >= 0.45 {
                    let f = Finding::new(
                        Code::ESCALATION_REPEATED_QUESTION,
                        format!(
                            "the customer asks again what they asked in turn {} ({:.0}% alike)",
                            i + 1,
                            sim * 100.0
                        ),
                    )
                    .confidence(sim.min(1.0))
                    .source("escalation");
                    out.push(f.at(*j, Role::Customer, &conv.turns[*j].text, whole(*j)));
                    break 'outer;
                }
            }
        }

        // Rising anger: the later customer turns are clearly angrier than the early ones.
        if customer.len() >= 3 {
            let anger: Vec<f32> = customer.iter().map(|&i| cx.turns[i].anger).collect();
            let third = anger.len().div_ceil(3);
            let early = anger[..third].iter().sum::<f32>() / third as f32;
            let late = anger[anger.len() - third..].iter().sum::<f32>() / third as f32;
            if late - early >= 0.35 {
                let last = customer
                    [customer.len() - 1 - anger.iter().rev().position(|a| *a >= late).unwrap_or(0)];
                let f = Finding::new(
                    Code::ESCALATION_RISING,
                    format!(
                        "customer anger rises from {early:.1} to {late:.1} over the conversation"
                    ),
                )
                .confidence((late - early).min(1.0))
                .source("escalation");
                out.push(f.at(last, Role::Customer, &conv.turns[last].text, whole(last)));
            }
        }

        // Persistent dissatisfaction: three or more upset customer turns in a row.
        let mut run = 0;
        for &i in &customer {
            let r = &cx.turns[i];
            if r.sentiment <= -0.3 || r.emotion.is_some_and(|e| e.is_negative()) {
                run += 1;
                if run == 3 {
                    let f = Finding::new(
                        Code::ESCALATION_PERSISTENT,
                        "the customer stays upset over three turns or more",
                    )
                    .confidence(0.7)
                    .source("escalation");
                    out.push(f.at(i, Role::Customer, &conv.turns[i].text, whole(i)));
                    break;
                }
            } else {
                run = 0;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paraphrase_overlap_scores_higher_than_unrelated() {
        let a = trigrams("Where is my order? It hasn't arrived.");
        let b = trigrams("where is my order??");
        let c = trigrams("Can I change the colour of the speaker?");
        assert!(jaccard(&a, &b) > jaccard(&a, &c));
    }
}
