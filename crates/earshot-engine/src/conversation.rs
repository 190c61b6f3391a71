//! The conversation stage: analyzers that look across turns.

use earshot_model::{Conversation, Finding, Role};

use crate::{EngineConfig, TurnResult};

/// Everything the conversation stage may read.
pub struct ConversationContext<'a> {
    pub conversation: &'a Conversation,
    /// One result per turn, in order.
    pub turns: &'a [TurnResult],
    pub config: &'a EngineConfig,
}

impl ConversationContext<'_> {
    /// The indices of public turns (no internal notes) by `role`.
    pub fn turns_by(&self, role: Role) -> impl Iterator<Item = usize> + '_ {
        self.conversation
            .turns
            .iter()
            .enumerate()
            .filter(move |(_, t)| t.role == role && t.is_public())
            .map(|(i, _)| i)
    }

    /// Whether the customer is upset anywhere in the conversation: a negative emotion with some
    /// confidence, an insult or a threat.
    pub fn customer_upset_turns(&self) -> Vec<usize> {
        self.turns_by(Role::Customer)
            .filter(|&i| self.turns[i].is_upset())
            .collect()
    }
}

/// An analyzer of the conversation stage. It must not panic on any conversation.
pub trait ConversationAnalyzer: Send + Sync {
    fn name(&self) -> &'static str;
    fn analyze(&self, cx: &ConversationContext<'_>, out: &mut Vec<Finding>);
}
