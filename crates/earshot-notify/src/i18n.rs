//! The labels of an alert message in each language a channel can choose. Finding explanations
//! and evidence stay as the engine and the customer wrote them; only earshot's own words change.

use earshot_model::Severity;
use serde::{Deserialize, Serialize};

/// The language of a channel's messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    #[serde(rename = "en")]
    En,
    #[serde(rename = "zh-CN")]
    ZhCn,
}

/// One label of an alert message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Label {
    Title,
    Store,
    Agent,
    Channel,
    Source,
    Order,
    Workspace,
    Conversation,
    Risk,
    Findings,
    Evidence,
    Open,
}

impl Label {
    pub const ALL: [Label; 12] = [
        Label::Title,
        Label::Store,
        Label::Agent,
        Label::Channel,
        Label::Source,
        Label::Order,
        Label::Workspace,
        Label::Conversation,
        Label::Risk,
        Label::Findings,
        Label::Evidence,
        Label::Open,
    ];
}

impl Lang {
    pub fn parse(s: &str) -> Option<Lang> {
        match s.trim().to_ascii_lowercase().as_str() {
            "en" | "en-us" | "en-gb" => Some(Lang::En),
            "zh" | "zh-cn" | "zh-hans" | "zh-hans-cn" => Some(Lang::ZhCn),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::ZhCn => "zh-CN",
        }
    }

    pub fn label(self, l: Label) -> &'static str {
        match (self, l) {
            (Lang::En, Label::Title) => "High-risk conversation",
            (Lang::En, Label::Store) => "Store",
            (Lang::En, Label::Agent) => "Agent",
            (Lang::En, Label::Channel) => "Channel",
            (Lang::En, Label::Source) => "Source",
            (Lang::En, Label::Order) => "Order value",
            (Lang::En, Label::Workspace) => "Workspace",
            (Lang::En, Label::Conversation) => "Conversation",
            (Lang::En, Label::Risk) => "Risk",
            (Lang::En, Label::Findings) => "Findings",
            (Lang::En, Label::Evidence) => "Evidence",
            (Lang::En, Label::Open) => "Open conversation",
            (Lang::ZhCn, Label::Title) => "高风险对话",
            (Lang::ZhCn, Label::Store) => "店铺",
            (Lang::ZhCn, Label::Agent) => "客服",
            (Lang::ZhCn, Label::Channel) => "渠道",
            (Lang::ZhCn, Label::Source) => "来源",
            (Lang::ZhCn, Label::Order) => "订单金额",
            (Lang::ZhCn, Label::Workspace) => "工作区",
            (Lang::ZhCn, Label::Conversation) => "会话",
            (Lang::ZhCn, Label::Risk) => "风险分",
            (Lang::ZhCn, Label::Findings) => "发现",
            (Lang::ZhCn, Label::Evidence) => "证据",
            (Lang::ZhCn, Label::Open) => "查看会话",
        }
    }

    pub fn severity(self, s: Severity) -> &'static str {
        match (self, s) {
            (Lang::En, Severity::Info) => "INFO",
            (Lang::En, Severity::Low) => "LOW",
            (Lang::En, Severity::Medium) => "MEDIUM",
            (Lang::En, Severity::High) => "HIGH",
            (Lang::En, Severity::Critical) => "CRITICAL",
            (Lang::ZhCn, Severity::Info) => "提示",
            (Lang::ZhCn, Severity::Low) => "低",
            (Lang::ZhCn, Severity::Medium) => "中",
            (Lang::ZhCn, Severity::High) => "高",
            (Lang::ZhCn, Severity::Critical) => "紧急",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_label_differs_between_languages() {
        for l in Label::ALL {
            assert_ne!(Lang::En.label(l), Lang::ZhCn.label(l), "{l:?}");
            assert!(!Lang::ZhCn.label(l).is_ascii(), "{l:?} is not translated");
        }
        assert_eq!(Lang::parse("zh-cn"), Some(Lang::ZhCn));
        assert_eq!(Lang::parse("fr"), None);
    }
}
