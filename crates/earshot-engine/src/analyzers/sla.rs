//! Response times against the SLAs: the first response, each later reply, and marketplace rules
//! (Amazon expects an answer to buyer messages within 24 hours, weekends included).

use earshot_model::{Channel, Code, Finding, Role, Span};
use jiff::Timestamp;

use crate::{ConversationAnalyzer, ConversationContext};

pub struct ResponseTimes;

fn hours(a: Timestamp, b: Timestamp) -> f64 {
    (b.as_second() - a.as_second()) as f64 / 3600.0
}

fn fmt_hours(h: f64) -> String {
    if h < 1.0 { format!("{:.0} min", h * 60.0) } else { format!("{h:.1} h") }
}

impl ConversationAnalyzer for ResponseTimes {
    fn name(&self) -> &'static str {
        "sla"
    }

    fn analyze(&self, cx: &ConversationContext<'_>, out: &mut Vec<Finding>) {
        let conv = cx.conversation;
        let sla = &cx.config.sla;
        let marketplace = conv.channel == Channel::Marketplace;
        let first_limit = match conv.channel {
            Channel::Chat => sla.chat_first_response_minutes / 60.0,
            Channel::Phone => return,
            _ => sla.first_response_hours,
        };
        // Walk the public turns; `waiting` is the time of the oldest unanswered customer message.
        let mut waiting: Option<Timestamp> = None;
        let mut first_answered = false;
        let mut gap_reported = false;
        for (i, t) in conv.turns.iter().enumerate() {
            if t.internal {
                continue;
            }
            let Some(at) = t.at else { continue };
            match t.role {
                Role::Customer => {
                    waiting.get_or_insert(at);
                }
                Role::Agent => {
                    let Some(since) = waiting.take() else { continue };
                    let h = hours(since, at);
                    let span = Span::new(0, 0);
                    if !first_answered {
                        first_answered = true;
                        if marketplace && h > sla.marketplace_hours {
                            let f = Finding::new(
                                Code::SLA_MARKETPLACE,
                                format!(
                                    "first reply to the buyer after {}, over the marketplace's {} h rule",
                                    fmt_hours(h),
                                    sla.marketplace_hours
                                ),
                            );
                            out.push(f.source("sla").at(i, Role::Agent, &t.text, span));
                        } else if h > first_limit {
                            let f = Finding::new(
                                Code::SLA_FIRST_RESPONSE,
                                format!("first reply after {}, over the {} target", fmt_hours(h), fmt_hours(first_limit)),
                            );
                            out.push(f.source("sla").at(i, Role::Agent, &t.text, span));
                        }
                    } else if h > sla.response_gap_hours && !gap_reported {
                        gap_reported = true;
                        let f = Finding::new(
                            Code::SLA_RESPONSE_GAP,
                            format!("a reply after {}, over the {} h target", fmt_hours(h), sla.response_gap_hours),
                        );
                        out.push(f.source("sla").at(i, Role::Agent, &t.text, span));
                    }
                }
                Role::Bot | Role::System => {}
            }
        }
    }
}
