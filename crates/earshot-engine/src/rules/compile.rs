//! From the written rules to matchers the evaluator runs. Everything that can be wrong with a
//! rule (an unknown phrase set, a bad regex, a misspelt role or severity) is found here, at load
//! time, and named with its file, line and field.

use super::gated::GatedRegex;
use earshot_model::{Code, Emotion, Role, Severity};

use super::model::{MatcherDef, NearDef, PhraseRef, RuleDef, TimingDef, WhenDef};
use super::phrases::PhraseBankBuilder;
use crate::Mark;

/// A compiled matcher: which turns to look at, and what must be in them.
#[derive(Debug, Clone, Default)]
pub struct Matcher {
    pub roles: Vec<Role>,
    pub first: Option<usize>,
    pub last: Option<usize>,
    pub after: Option<Box<Matcher>>,
    pub before: Option<Box<Matcher>>,
    pub not_after: Option<Box<Matcher>>,
    pub phrases: Option<u32>,
    pub regex: Option<GatedRegex>,
    pub near: Option<(u32, usize)>,
    pub not_near: Option<(u32, usize)>,
    pub marks: Vec<Mark>,
    pub findings: Vec<String>,
    pub emotions: Vec<EmotionTest>,
    pub any: Vec<Matcher>,
}

impl Matcher {
    /// Whether the matcher tests content, or only picks turns (a turn of that role exists).
    pub fn has_content(&self) -> bool {
        self.phrases.is_some()
            || self.regex.is_some()
            || !self.marks.is_empty()
            || !self.findings.is_empty()
            || !self.emotions.is_empty()
            || !self.any.is_empty()
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum EmotionTest {
    Is(Emotion),
    /// Any upset sign: a negative emotion, anger, an insult or a threat.
    Negative,
}

#[derive(Debug, Clone)]
pub enum Check {
    Match {
        m: Matcher,
        each: bool,
    },
    Absent {
        m: Matcher,
        at_last: bool,
    },
    Count {
        m: Matcher,
        at_least: usize,
    },
    Sequence {
        steps: Vec<(String, Matcher)>,
        require_all: bool,
    },
    Timing(Timing),
}

#[derive(Debug, Clone, Default)]
pub struct Timing {
    pub first_response: Option<f64>,
    pub each_reply: Option<f64>,
    pub resolution: Option<f64>,
    pub business: bool,
    pub calendar: Option<String>,
}

/// A compiled rule.
#[derive(Debug, Clone)]
pub struct Rule {
    pub id: String,
    pub code: Code,
    pub severity: Severity,
    pub confidence: f32,
    pub explain: String,
    pub when: WhenDef,
    pub check: Check,
    pub requires: Vec<Matcher>,
    pub unless: Vec<Matcher>,
    pub score: Option<(earshot_model::Dimension, f32)>,
    pub auto_fail: bool,
}

impl Rule {
    /// The calendar a timing rule names, if any.
    pub fn timing_calendar(&self) -> Option<String> {
        match &self.check {
            Check::Timing(t) => t.calendar.clone(),
            _ => None,
        }
    }
}

pub fn parse_role(s: &str) -> Result<Role, String> {
    Role::parse(s).ok_or_else(|| format!("unknown role {s:?} (customer, agent, bot, system)"))
}

pub fn parse_dimension(s: &str) -> Result<earshot_model::Dimension, String> {
    earshot_model::Dimension::ALL
        .into_iter()
        .find(|d| d.as_str() == s)
        .ok_or_else(|| format!("unknown dimension {s:?} (knowledge_accuracy, courtesy, empathy, patience, efficiency)"))
}

pub fn parse_mark(s: &str) -> Result<Mark, String> {
    Ok(match s {
        "greeting" => Mark::Greeting,
        "closing" => Mark::Closing,
        "further_help" => Mark::FurtherHelp,
        "apology" => Mark::Apology,
        "empathy" => Mark::Empathy,
        "thanks" => Mark::Thanks,
        "question" => Mark::Question,
        "manager_request" => Mark::ManagerRequest,
        "identity_check" => Mark::IdentityCheck,
        "account_change" => Mark::AccountChange,
        "refund_topic" => Mark::RefundTopic,
        "refund_explained" => Mark::RefundExplained,
        "shipping_topic" => Mark::ShippingTopic,
        "tracking_confirmed" => Mark::TrackingConfirmed,
        "order_confirmed" => Mark::OrderConfirmed,
        "promise" => Mark::Promise,
        _ => return Err(format!("unknown mark {s:?}")),
    })
}

/// Parses `30m`, `12h`, `2d`, `90s` into hours.
pub fn parse_hours(s: &str) -> Result<f64, String> {
    let s = s.trim();
    let split = s.find(|c: char| c.is_ascii_alphabetic()).unwrap_or(s.len());
    let (num, unit) = s.split_at(split);
    let n: f64 = num
        .trim()
        .parse()
        .map_err(|_| format!("bad duration {s:?} (write 30m, 12h or 2d)"))?;
    let h = match unit.trim() {
        "s" => n / 3600.0,
        "m" | "min" => n / 60.0,
        "h" | "" => n,
        "d" => n * 24.0,
        _ => return Err(format!("bad duration unit in {s:?} (s, m, h, d)")),
    };
    if h < 0.0 || !h.is_finite() {
        return Err(format!("bad duration {s:?}"));
    }
    Ok(h)
}

/// Compiles rule definitions; phrase sets are resolved against `bank` (named sets must exist
/// there already; inline lists are added).
pub struct Compiler<'a> {
    pub bank: &'a mut PhraseBankBuilder,
}

impl Compiler<'_> {
    pub fn rule(&mut self, d: &RuleDef) -> Result<Rule, String> {
        if !Code::is_well_formed(&d.code) {
            return Err(format!(
                "field `code`: {:?} is not `category.name` in lower case",
                d.code
            ));
        }
        let code = Code::new(d.code.clone());
        let severity = match &d.severity {
            Some(s) => Severity::parse(s)
                .ok_or_else(|| format!("field `severity`: unknown severity {s:?}"))?,
            None => {
                earshot_model::code_info(code.as_str()).map_or(Severity::Medium, |i| i.severity)
            }
        };
        let kinds = [
            d.match_.is_some(),
            d.absent.is_some(),
            d.count.is_some(),
            d.sequence.is_some(),
            d.timing.is_some(),
        ];
        if kinds.iter().filter(|k| **k).count() != 1 {
            return Err(
                "exactly one of `match`, `absent`, `count`, `sequence`, `timing` is needed".into(),
            );
        }
        let field = |f: &str, e: String| format!("field `{f}`: {e}");
        let check = if let Some(m) = &d.match_ {
            Check::Match {
                m: self.matcher(m).map_err(|e| field("match", e))?,
                each: d.each,
            }
        } else if let Some(m) = &d.absent {
            let at_last = match d.at.as_deref() {
                None | Some("first") => false,
                Some("last") => true,
                Some(o) => return Err(field("at", format!("{o:?} is not `first` or `last`"))),
            };
            Check::Absent {
                m: self.matcher(m).map_err(|e| field("absent", e))?,
                at_last,
            }
        } else if let Some(c) = &d.count {
            if c.at_least == 0 {
                return Err(field("count.at_least", "must be at least 1".into()));
            }
            Check::Count {
                m: self
                    .matcher(&c.match_)
                    .map_err(|e| field("count.match", e))?,
                at_least: c.at_least,
            }
        } else if let Some(s) = &d.sequence {
            if s.steps.len() < 2 {
                return Err(field(
                    "sequence.steps",
                    "a sequence needs at least two steps".into(),
                ));
            }
            let mut steps = Vec::new();
            for (k, st) in s.steps.iter().enumerate() {
                let m = self
                    .matcher(&st.matcher)
                    .map_err(|e| field(&format!("sequence.steps[{k}]"), e))?;
                steps.push((st.name.clone(), m));
            }
            Check::Sequence {
                steps,
                require_all: s.require_all,
            }
        } else if let Some(t) = &d.timing {
            Check::Timing(timing(t).map_err(|e| field("timing", e))?)
        } else {
            unreachable!("one kind was checked to be present")
        };
        let mut requires = Vec::new();
        for (k, m) in d.requires.iter().enumerate() {
            requires.push(
                self.matcher(m)
                    .map_err(|e| field(&format!("requires[{k}]"), e))?,
            );
        }
        let mut unless = Vec::new();
        for (k, m) in d.unless.iter().enumerate() {
            unless.push(
                self.matcher(m)
                    .map_err(|e| field(&format!("unless[{k}]"), e))?,
            );
        }
        let score = match &d.score {
            Some(s) => Some((
                parse_dimension(&s.dimension).map_err(|e| field("score.dimension", e))?,
                s.points,
            )),
            None => None,
        };
        if let Some(w) = &d.when {
            for c in w.channel.iter().chain(&w.not_channel) {
                earshot_model::Channel::parse(c)
                    .ok_or_else(|| field("when.channel", format!("unknown channel {c:?}")))?;
            }
        }
        let confidence = d.confidence.unwrap_or(0.7);
        if !(0.0..=1.0).contains(&confidence) {
            return Err(field("confidence", "must be between 0 and 1".into()));
        }
        Ok(Rule {
            id: d.id.clone(),
            code,
            severity,
            confidence,
            explain: d.explain.clone(),
            when: d.when.clone().unwrap_or_default(),
            check,
            requires,
            unless,
            score,
            auto_fail: d.auto_fail,
        })
    }

    fn phrase_set(&mut self, r: &PhraseRef) -> Result<u32, String> {
        match r {
            PhraseRef::Named(n) => {
                if self.bank.has(n) {
                    Ok(self.bank.named(n))
                } else {
                    Err(format!(
                        "unknown phrase set {n:?} (define it under `phrases:` in any file of the pack)"
                    ))
                }
            }
            PhraseRef::Inline(list) => {
                let id = self.bank.anonymous();
                let all = list.all();
                if all.is_empty() {
                    return Err("empty phrase list".into());
                }
                for p in all {
                    self.bank.add(id, p);
                }
                Ok(id)
            }
        }
    }

    fn near(&mut self, n: &Option<NearDef>) -> Result<Option<(u32, usize)>, String> {
        match n {
            Some(n) => Ok(Some((self.phrase_set(&n.phrases)?, n.within))),
            None => Ok(None),
        }
    }

    pub fn matcher(&mut self, d: &MatcherDef) -> Result<Matcher, String> {
        let sub = |c: &mut Self,
                   m: &Option<Box<MatcherDef>>,
                   f: &str|
         -> Result<Option<Box<Matcher>>, String> {
            match m {
                Some(m) => Ok(Some(Box::new(
                    c.matcher(m).map_err(|e| format!("{f}: {e}"))?,
                ))),
                None => Ok(None),
            }
        };
        let mut roles = Vec::new();
        for r in d.role.as_ref().map(|r| r.items()).unwrap_or_default() {
            roles.push(parse_role(r)?);
        }
        let regex = match &d.regex {
            Some(r) => {
                Some(GatedRegex::new(&format!("(?i){r}")).map_err(|e| format!("regex: {e}"))?)
            }
            None => None,
        };
        let mut marks = Vec::new();
        for m in d.mark.as_ref().map(|r| r.items()).unwrap_or_default() {
            marks.push(parse_mark(m)?);
        }
        let mut emotions = Vec::new();
        for e in d.emotion.as_ref().map(|r| r.items()).unwrap_or_default() {
            emotions.push(if e == "negative" {
                EmotionTest::Negative
            } else {
                EmotionTest::Is(
                    Emotion::ALL
                        .into_iter()
                        .find(|x| x.as_str() == e)
                        .ok_or_else(|| format!("unknown emotion {e:?}"))?,
                )
            });
        }
        let findings: Vec<String> = d
            .finding
            .as_ref()
            .map(|r| r.items())
            .unwrap_or_default()
            .into_iter()
            .map(String::from)
            .collect();
        for f in &findings {
            if !Code::is_well_formed(f.trim_end_matches(".*").trim_end_matches('*'))
                && !f.ends_with(".*")
            {
                return Err(format!("finding {f:?} is not a code or `category.*`"));
            }
        }
        let phrases = match &d.phrases {
            Some(p) => Some(self.phrase_set(p)?),
            None => None,
        };
        let near = self.near(&d.near)?;
        let not_near = self.near(&d.not_near)?;
        if (near.is_some() || not_near.is_some()) && phrases.is_none() {
            return Err("`near` and `not_near` need `phrases` to measure from".into());
        }
        let mut any = Vec::new();
        for (k, m) in d.any.iter().enumerate() {
            any.push(self.matcher(m).map_err(|e| format!("any[{k}]: {e}"))?);
        }
        Ok(Matcher {
            roles,
            first: d.first,
            last: d.last,
            after: sub(self, &d.after, "after")?,
            before: sub(self, &d.before, "before")?,
            not_after: sub(self, &d.not_after, "not_after")?,
            phrases,
            regex,
            near,
            not_near,
            marks,
            findings,
            emotions,
            any,
        })
    }
}

fn timing(t: &TimingDef) -> Result<Timing, String> {
    let opt = |s: &Option<String>| s.as_deref().map(parse_hours).transpose();
    let out = Timing {
        first_response: opt(&t.first_response)?,
        each_reply: opt(&t.each_reply)?,
        resolution: opt(&t.resolution)?,
        business: match t.clock.as_deref() {
            None | Some("wall") => false,
            Some("business") => true,
            Some(o) => return Err(format!("clock {o:?} is not `wall` or `business`")),
        },
        calendar: t.calendar.clone(),
    };
    if out.first_response.is_none() && out.each_reply.is_none() && out.resolution.is_none() {
        return Err("give at least one of first_response, each_reply, resolution".into());
    }
    Ok(out)
}
