//! Every string the dashboard shows, in English and Simplified Chinese, in one table; and how a
//! request chooses its language: `?lang=`, else the `earshot_lang` cookie, else the browser's
//! `Accept-Language`.
//!
//! Finding codes stay as they are (they are stable identifiers people search for); the
//! engine's one-line explanations are shown as the engine wrote them.

use earshot_model::{Channel, Dimension, Emotion, Role, Severity};
use earshot_store::TokenRole;

/// A language of the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    En,
    ZhCn,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::ZhCn];

    /// The BCP-47 tag, for `<html lang>`, the cookie and `?lang=`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::ZhCn => "zh-CN",
        }
    }

    /// The language's own name, for the switcher.
    pub fn name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::ZhCn => "简体中文",
        }
    }

    /// `en`, `en-GB`, `zh`, `zh-CN`, `zh-Hans`, ... (case-insensitive).
    pub fn parse(tag: &str) -> Option<Lang> {
        let tag = tag.trim().to_ascii_lowercase();
        let primary = tag.split(['-', '_']).next().unwrap_or("");
        match primary {
            "en" => Some(Lang::En),
            // Traditional Chinese readers get Simplified rather than English.
            "zh" => Some(Lang::ZhCn),
            _ => None,
        }
    }

    /// The best language of an `Accept-Language` header, by quality; `None` when it names
    /// neither.
    pub fn from_accept_language(header: &str) -> Option<Lang> {
        let mut choices: Vec<(f32, usize, Lang)> = header
            .split(',')
            .enumerate()
            .filter_map(|(i, part)| {
                let mut it = part.split(';');
                let lang = Lang::parse(it.next()?)?;
                let q = it
                    .find_map(|p| p.trim().strip_prefix("q="))
                    .and_then(|q| q.trim().parse::<f32>().ok())
                    .unwrap_or(1.0);
                (q > 0.0).then_some((q, i, lang))
            })
            .collect();
        choices.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        choices.first().map(|c| c.2)
    }

    pub fn t(self, key: K) -> &'static str {
        let (en, zh) = key.texts();
        match self {
            Lang::En => en,
            Lang::ZhCn => zh,
        }
    }

    pub fn severity(self, s: Severity) -> &'static str {
        self.t(match s {
            Severity::Critical => K::SevCritical,
            Severity::High => K::SevHigh,
            Severity::Medium => K::SevMedium,
            Severity::Low => K::SevLow,
            Severity::Info => K::SevInfo,
        })
    }

    pub fn role(self, r: Role) -> &'static str {
        self.t(match r {
            Role::Customer => K::RoleCustomer,
            Role::Agent => K::RoleAgent,
            Role::Bot => K::RoleBot,
            Role::System => K::RoleSystem,
        })
    }

    pub fn access(self, r: TokenRole) -> &'static str {
        self.t(match r {
            TokenRole::Admin => K::AccessAdmin,
            TokenRole::Reviewer => K::AccessReviewer,
            TokenRole::Viewer => K::AccessViewer,
            TokenRole::Ingest => K::AccessIngest,
        })
    }

    pub fn emotion(self, e: Emotion) -> &'static str {
        self.t(match e {
            Emotion::Anger => K::EmoAnger,
            Emotion::Frustration => K::EmoFrustration,
            Emotion::Disappointment => K::EmoDisappointment,
            Emotion::Anxiety => K::EmoAnxiety,
            Emotion::Gratitude => K::EmoGratitude,
            Emotion::Neutral => K::EmoNeutral,
        })
    }

    pub fn dimension(self, d: Dimension) -> &'static str {
        self.t(match d {
            Dimension::KnowledgeAccuracy => K::DimKnowledge,
            Dimension::Courtesy => K::DimCourtesy,
            Dimension::Empathy => K::DimEmpathy,
            Dimension::Patience => K::DimPatience,
            Dimension::Efficiency => K::DimEfficiency,
        })
    }

    /// A channel's name; unknown channel strings are shown as they are.
    pub fn channel(self, c: &str) -> String {
        match Channel::parse(c) {
            Some(Channel::Chat) => self.t(K::ChanChat),
            Some(Channel::Email) => self.t(K::ChanEmail),
            Some(Channel::Marketplace) => self.t(K::ChanMarketplace),
            Some(Channel::Social) => self.t(K::ChanSocial),
            Some(Channel::Phone) => self.t(K::ChanPhone),
            Some(Channel::Sms) => self.t(K::ChanSms),
            Some(Channel::Other) => self.t(K::ChanOther),
            None => return c.to_string(),
        }
        .to_string()
    }
}

/// The table: `Key => "English", "简体中文";`. The macro makes each entry name both languages.
macro_rules! strings {
    ($($key:ident => $en:literal, $zh:literal;)*) => {
        /// A UI string's key.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum K { $($key),* }

        impl K {
            pub const ALL: &'static [K] = &[$(K::$key),*];

            /// `(English, Simplified Chinese)`.
            pub fn texts(self) -> (&'static str, &'static str) {
                match self { $(K::$key => ($en, $zh)),* }
            }
        }
    };
}

strings! {
    // Frame.
    AppName => "earshot", "earshot";
    NavOverview => "Overview", "概览";
    NavQueue => "Risk queue", "风险队列";
    NavCalibration => "Calibration", "校准";
    NavAgents => "Agents", "座席";
    NavCauses => "Root causes", "根因分析";
    NavRules => "Rules", "规则";
    NavSampling => "Sampling", "抽检";
    Workspace => "Workspace", "工作区";
    Switch => "Switch", "切换";
    LogOut => "Log out", "退出登录";
    SignedInAs => "Signed in as", "当前用户";
    SkipToContent => "Skip to content", "跳到正文";
    // Access roles.
    AccessAdmin => "admin", "管理员";
    AccessReviewer => "reviewer", "审核员";
    AccessViewer => "viewer", "查看者";
    AccessIngest => "ingest", "数据接入";
    // Login.
    LoginTitle => "Log in", "登录";
    LoginIntro => "Sign in to review your customer conversations.", "登录以审核客户对话。";
    Username => "Username", "用户名";
    Password => "Password", "密码";
    LogIn => "Log in", "登录";
    BadLogin => "Wrong username or password.", "用户名或密码错误。";
    // Errors.
    NotFound => "Not found", "未找到";
    NotFoundText => "This page or conversation does not exist in this workspace.", "此工作区中不存在该页面或对话。";
    Forbidden => "Not allowed", "无权操作";
    ForbiddenText => "Your role in this workspace does not allow this.", "您在此工作区的角色不允许此操作。";
    CsrfFailed => "This form has expired or came from another site. Reload the page and try again.", "表单已过期或来自其他网站。请刷新页面后重试。";
    BadRequest => "The request was not understood.", "无法理解该请求。";
    ServerError => "Something went wrong on the server. Try again in a moment.", "服务器出错，请稍后重试。";
    NoWorkspace => "Your account has no workspace yet. Ask an admin to grant you one.", "您的账号尚未分配工作区，请联系管理员。";
    BackToQueue => "Back to the risk queue", "返回风险队列";
    // Severity.
    SevCritical => "critical", "严重";
    SevHigh => "high", "高";
    SevMedium => "medium", "中";
    SevLow => "low", "低";
    SevInfo => "info", "提示";
    // Turn roles.
    RoleCustomer => "customer", "客户";
    RoleAgent => "agent", "客服";
    RoleBot => "bot", "机器人";
    RoleSystem => "system", "系统";
    // Emotions.
    EmoAnger => "anger", "愤怒";
    EmoFrustration => "frustration", "沮丧";
    EmoDisappointment => "disappointment", "失望";
    EmoAnxiety => "anxiety", "焦虑";
    EmoGratitude => "gratitude", "感激";
    EmoNeutral => "neutral", "平静";
    // QA dimensions.
    DimKnowledge => "Knowledge accuracy", "知识准确性";
    DimCourtesy => "Courtesy", "礼貌";
    DimEmpathy => "Empathy", "同理心";
    DimPatience => "Patience", "耐心";
    DimEfficiency => "Efficiency", "效率";
    // Channels.
    ChanChat => "chat", "在线聊天";
    ChanEmail => "e-mail", "邮件";
    ChanMarketplace => "marketplace", "平台消息";
    ChanSocial => "social", "社交媒体";
    ChanPhone => "phone", "电话";
    ChanSms => "SMS", "短信";
    ChanOther => "other", "其他";
    // Overview.
    OverviewTitle => "Overview", "概览";
    Conversations => "Conversations", "对话";
    Flagged => "Flagged (medium or above)", "已标记（中及以上）";
    HighRisk => "High or critical", "高风险或严重";
    Top1pct => "Top 1%", "前 1%";
    MeanRisk => "Mean risk", "平均风险";
    RiskTrend => "Risk trend", "风险趋势";
    ByDay => "by day", "按日";
    ByWeek => "by week", "按周";
    TrendLegend => "bars: conversations · line: mean risk (0–100)", "柱：对话数 · 线：平均风险（0–100）";
    TopCodes => "Most frequent findings", "最常见的发现";
    ByLanguage => "By language", "按语言";
    ByChannel => "By channel", "按渠道";
    ByMarketplace => "By marketplace", "按销售平台";
    NoData => "No data yet.", "暂无数据。";
    ConversationsShort => "conv.", "个对话";
    // Queue.
    QueueTitle => "Risk queue", "风险队列";
    Filters => "Filters", "筛选";
    MinSeverity => "Severity at least", "严重程度不低于";
    Any => "any", "全部";
    Code => "Finding code", "发现代码";
    Agent => "Agent", "座席";
    Channel => "Channel", "渠道";
    Language => "Language", "语言";
    DateFrom => "From", "开始日期";
    DateTo => "To", "结束日期";
    Top1pctOnly => "Top 1% only", "仅显示前 1%";
    Apply => "Apply", "应用";
    Reset => "Reset", "重置";
    Risk => "Risk", "风险";
    Severity => "Severity", "严重程度";
    Conversation => "Conversation", "对话";
    Findings => "Findings", "发现";
    Previous => "Previous", "上一页";
    Next => "Next", "下一页";
    Page => "Page", "页码";
    NoResults => "No conversation matches these filters.", "没有符合筛选条件的对话。";
    KeyboardHint => "Keys: j / k move, Enter opens.", "快捷键：j / k 上下移动，Enter 打开。";
    Tag => "Tag", "标签";
    ReviewState => "Reviewed", "审核状态";
    ReviewedYes => "reviewed", "已审核";
    ReviewedNo => "not reviewed", "未审核";
    CodePrefix => "Codes starting with", "代码前缀";
    MatchingConversations => "conversations match.", "个对话符合条件。";
    // A count that stopped at its cap: `{n}` is the cap.
    MatchesMoreThan => "{n}+", "超过 {n}";
    // Conversation.
    Turns => "Conversation", "对话内容";
    Turn => "Turn", "轮次";
    RiskExplanation => "Why this risk", "风险说明";
    Scorecard => "Scorecard", "质检评分卡";
    Overall => "Overall", "总分";
    AutoFail => "Auto-fail item found", "存在一票否决项";
    MovedBy => "What moved the scores", "影响评分的因素";
    Points => "points", "分";
    NotScored => "Not scored.", "未评分。";
    Satisfaction => "Predicted satisfaction", "预测满意度";
    EmotionStrip => "Emotion by turn", "每轮情绪";
    Sentiment => "sentiment", "情感倾向";
    Evidence => "Evidence", "证据";
    Confidence => "confidence", "置信度";
    Confirm => "Confirm", "确认";
    Reject => "Reject", "驳回";
    Comment => "Comment", "备注";
    CommentPlaceholder => "Why? (optional)", "原因（可选）";
    Confirmed => "confirmed", "已确认";
    Rejected => "rejected", "已驳回";
    NotReviewed => "not reviewed", "未审核";
    ReviewHistory => "Reviews", "审核记录";
    By => "by", "审核人";
    TrainingCase => "Training case", "培训案例";
    MarkGood => "Mark as a good example", "标记为优秀案例";
    MarkBad => "Mark as a bad example", "标记为反面案例";
    CaseGood => "good example", "优秀案例";
    CaseBad => "bad example", "反面案例";
    MarkedAs => "Marked as", "已标记为";
    Note => "Note", "说明";
    ConversationWide => "About the whole conversation", "针对整段对话";
    NoFindings => "earshot found nothing here.", "未发现问题。";
    Internal => "internal note", "内部备注";
    Details => "Details", "详细信息";
    Customer => "Customer", "客户";
    Country => "Country", "国家";
    Order => "Order", "订单";
    OrderValue => "Order value", "订单金额";
    ProductLine => "Product line", "产品线";
    Marketplace => "Marketplace", "销售平台";
    Started => "Started", "开始时间";
    Source => "Source", "来源";
    ReadOnly => "You can read this workspace; reviewing needs the reviewer role.", "您可以查看此工作区；审核需要审核员角色。";
    // Calibration.
    CalibrationTitle => "Calibration", "校准";
    CalibrationIntro => "How often reviewers agree with earshot. Precision = confirmed ÷ (confirmed + rejected), by each finding's latest review.", "审核员与 earshot 的一致程度。精确率 = 确认数 ÷（确认数 + 驳回数），以每条发现的最新审核为准。";
    ByCode => "By finding code", "按发现代码";
    Reviewed => "Reviewed", "已审核";
    ConfirmedCol => "Confirmed", "确认";
    RejectedCol => "Rejected", "驳回";
    Precision => "Precision", "精确率";
    RecentRejections => "Latest rejections: where earshot and reviewers disagree", "最近驳回：earshot 与审核员意见不一致之处";
    Reviewer => "Reviewer", "审核人";
    When => "When", "时间";
    // Agents.
    AgentsTitle => "Agents", "座席";
    AgentScorecard => "Agent scorecard", "座席评分卡";
    MeanOverall => "Mean overall score", "平均总分";
    TrendByWeek => "By week", "每周趋势";
    AutoFails => "Auto-fails", "一票否决次数";
    TheirConversations => "Their conversations in the risk queue", "在风险队列中查看其对话";
    Teams => "Teams", "团队";
    Team => "Team", "团队";
    NoTeam => "no team", "无团队";
    AgentsCount => "Agents", "座席数";
    FindingsPer100 => "Findings per 100 conversations", "每百个对话的发现数";
    HiredAt => "hired", "入职日期";
    ProcessCompletion => "Process completion (no process finding)", "流程完成率（无流程类发现）";
    EmotionalStability => "Emotional stability (never rude or abusive)", "情绪稳定性（无失礼或辱骂）";
    HandlingEfficiency => "Handling efficiency (mean efficiency score)", "处理效率（效率平均分）";
    TurnsPerConversation => "Turns per conversation", "每个对话的轮次";
    MinutesPerConversation => "Minutes per conversation", "每个对话的时长（分钟）";
    AgentStatsLegend => "Shares of this agent's conversations; the efficiency score is the scorecard's.", "以上比例基于该座席的全部对话；效率分来自质检评分卡。";
    // Rules.
    RulesTitle => "Rules", "规则";
    RulesIntro => "Every rule of the built-in pack and every finding code, with its hits in this workspace and the precision reviewers found (confirmed ÷ (confirmed + rejected), n = reviewed).", "内置规则包中的每条规则和每个发现代码，以及它们在此工作区的命中次数和审核得出的精确率（确认数 ÷（确认数 + 驳回数），n 为已审核数）。";
    BuiltinRules => "Built-in rule pack", "内置规则包";
    AllCodes => "Finding codes", "发现代码";
    Rule => "Rule", "规则";
    Meaning => "Meaning", "含义";
    Hits => "Hits", "命中次数";
    N => "n", "样本数";
    // Root causes.
    CausesTitle => "Root causes", "根因分析";
    CausesIntro => "Which product lines, policy tags, customer countries and marketplaces drive customer anger, threats and abuse. Each number opens the queue with exactly those conversations.", "哪些产品线、政策标签、客户国家和销售平台引发了客户愤怒、威胁和辱骂。点击数字即可在风险队列中查看这些对话。";
    WholeWorkspace => "The whole workspace", "整个工作区";
    PolicyTag => "Policy tag", "政策标签";
    EmoAngerCol => "Anger", "愤怒";
    ThreatsCol => "Threats", "威胁";
    AbuseCol => "Abuse", "辱骂";
    RateLegend => "In brackets: per 100 conversations of the row.", "括号内：该行每百个对话中的数量。";
    // Score adjustments and comments.
    AdjustTitle => "Reviewers' scores", "审核员评分";
    NoAdjustments => "No score adjusted yet.", "尚未调整任何评分。";
    Dimension => "Dimension", "维度";
    ReviewerScore => "Reviewer", "审核员";
    NewScore => "New score", "新评分";
    Reason => "Reason (required)", "原因（必填）";
    AdjustButton => "Adjust score", "调整评分";
    BadDimension => "Choose one of the five dimensions.", "请选择五个维度之一。";
    BadScore => "The score must be a number from 0 to 100.", "评分必须是 0 到 100 之间的数字。";
    ReasonRequired => "Say why the score should change: the reason is required.", "请说明调整评分的原因：原因为必填项。";
    Comments => "Comments", "评论";
    AddComment => "Add comment", "添加评论";
    CommentRequired => "The comment is empty.", "评论内容为空。";
    // Calibration additions.
    KappaTitle => "Score agreement (Cohen's κ)", "评分一致性（Cohen's κ）";
    KappaIntro => "earshot's dimension score against the reviewer's adjusted score, both put in bands (below 50, 50–79, 80 and above), over the conversations where a reviewer adjusted that dimension. κ = 1: full agreement; 0: no better than chance.", "将 earshot 的维度评分与审核员调整后的评分分档（低于 50、50–79、80 及以上）后比较，仅统计审核员调整过该维度的对话。κ = 1 表示完全一致；0 表示与随机无异。";
    ObservedAgreement => "Same band", "同档比例";
    DisagreeCodes => "Codes with the most rejections", "驳回最多的发现代码";
    DisagreeConversations => "Conversations with the most rejections", "驳回最多的对话";
    // Sampling.
    SamplingTitle => "Sampling", "抽检";
    SamplingIntro => "Review assignments: a sample of conversations for one reviewer. A conversation is done once its reviewer has reviewed a finding or adjusted a score there after the assignment was made.", "审核任务：为一位审核员抽取的一组对话。审核员在任务创建后对其中的发现作出审核或调整评分，即视为完成。";
    YourAssignments => "Your assignments", "我的任务";
    AllAssignments => "All assignments in this workspace", "此工作区的全部任务";
    NewAssignment => "New assignment", "新建任务";
    Assignment => "Assignment", "审核任务";
    Assignee => "Reviewer", "审核员";
    Criteria => "Sample", "抽样条件";
    CreatedBy => "Created by", "创建人";
    Progress => "Done", "完成进度";
    SampleKind => "Take", "抽样方式";
    SampleRandom => "random share", "随机抽样";
    SampleNewAgents => "new agents (hired within 90 days)", "新座席（入职 90 天内）";
    SampleHighValue => "high-value orders", "高价值订单";
    SampleLowScore => "low scores (any dimension)", "低分对话（任一维度）";
    SampleCode => "finding code", "发现代码";
    SamplePercent => "Percent", "百分比";
    SampleMinValue => "Order value at least", "订单金额不低于";
    SampleBelow => "Score below", "评分低于";
    SampleLimit => "At most", "最多";
    CreateAssignment => "Create assignment", "创建任务";
    SamplingHelp => "Only the field of the chosen kind counts. Dates limit every kind; a random share is taken of the conversations in the dates.", "只有所选抽样方式对应的字段生效。日期范围适用于所有方式；随机抽样按日期范围内的对话比例抽取。";
    SampleBadPercent => "Give a percentage above 0 and at most 100.", "请输入大于 0 且不超过 100 的百分比。";
    SampleBadValue => "Give the order value as a number of 0 or more.", "请输入不小于 0 的订单金额。";
    SampleBadScore => "Give the score as a number from 0 to 100.", "请输入 0 到 100 之间的评分。";
    SampleBadCode => "Choose a finding code.", "请选择一个发现代码。";
    SampleBadDate => "Dates must be YYYY-MM-DD, and the start no later than the end.", "日期格式须为 YYYY-MM-DD，且开始日期不得晚于结束日期。";
    SampleBadLimit => "At most: a whole number from 1 to 1000.", "“最多”须为 1 到 1000 之间的整数。";
    SampleBadAssignee => "Choose a reviewer of this workspace (reviewer or admin role).", "请选择此工作区的审核员（审核员或管理员角色）。";
    SampleEmpty => "No conversation matches these criteria.", "没有符合这些条件的对话。";
    Done => "done", "已完成";
    ToDo => "to do", "待审核";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_has_both_languages() {
        // Strings that are the same in both languages on purpose.
        let same = [K::AppName, K::Top1pct];
        for k in K::ALL {
            let (en, zh) = k.texts();
            assert!(!en.trim().is_empty(), "{k:?} has no English");
            assert!(!zh.trim().is_empty(), "{k:?} has no Chinese");
            if !same.contains(k) {
                assert_ne!(en, zh, "{k:?} is not translated");
                assert!(
                    zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                    "{k:?}: {zh:?} holds no Chinese character"
                );
            }
        }
    }

    #[test]
    fn accept_language_by_quality() {
        assert_eq!(
            Lang::from_accept_language("zh-CN,zh;q=0.9,en;q=0.8"),
            Some(Lang::ZhCn)
        );
        assert_eq!(
            Lang::from_accept_language("de-DE, en;q=0.5, zh;q=0.4"),
            Some(Lang::En)
        );
        assert_eq!(
            Lang::from_accept_language("en;q=0.2, zh-TW;q=0.7"),
            Some(Lang::ZhCn)
        );
        assert_eq!(Lang::from_accept_language("fr, de"), None);
        assert_eq!(Lang::from_accept_language("zh;q=0, en-US"), Some(Lang::En));
        assert_eq!(Lang::parse("ZH-hans"), Some(Lang::ZhCn));
    }
}
