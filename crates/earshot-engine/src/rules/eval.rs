//! Running a compiled pack over one conversation. Evaluation cannot fail: every lookup is bounded
//! and every missing piece (no timestamps, no agent turn, an unknown calendar) means the rule has
//! nothing to say, never an error.

use earshot_model::{Channel, Code, Conversation, Finding, Role, Span};
use earshot_text::{Lang, Normalized};

use super::CompiledPack;
use super::compile::{Check, EmotionTest, Matcher, Rule, Timing};
use super::model::WhenDef;
use super::phrases::{Hit, word_pos};
use super::timing::{fmt_hours, replies};
use crate::ConversationContext;

/// One conversation prepared for the rules: each public turn folded and scanned once.
pub struct Scan<'a> {
    pub cx: &'a ConversationContext<'a>,
    pub pack: &'a CompiledPack,
    pub norms: Vec<Option<&'a Normalized>>,
    hits: Vec<Vec<Hit>>,
    upset: Vec<bool>,
    /// Findings of earlier analyzers of the conversation stage (escalation, ...).
    prior: &'a [Finding],
}

/// Values the explanation template can name.
#[derive(Default)]
struct Vars {
    count: usize,
    elapsed: Option<f64>,
    limit: Option<f64>,
    step: String,
    after: String,
}

impl<'a> Scan<'a> {
    pub fn new(
        cx: &'a ConversationContext<'a>,
        pack: &'a CompiledPack,
        prior: &'a [Finding],
    ) -> Scan<'a> {
        let conv = cx.conversation;
        let ws = conv.workspace_or_default();
        let mut norms = Vec::with_capacity(conv.turns.len());
        let mut hits = Vec::with_capacity(conv.turns.len());
        let mut upset = Vec::with_capacity(conv.turns.len());
        for (i, t) in conv.turns.iter().enumerate() {
            if t.internal || i >= cx.turns.len() {
                norms.push(None);
                hits.push(Vec::new());
                upset.push(false);
                continue;
            }
            let n = &cx.turns[i].norm;
            let mut h = pack.bank.scan(n.as_str());
            // Workspace word lists count only in that workspace's conversations, under the
            // name of the set they extend.
            h.retain_mut(|hit| match pack.ws_sets.iter().find(|w| w.0 == hit.set) {
                Some((_, w, base)) if w == ws => {
                    hit.set = *base;
                    true
                }
                Some(_) => false,
                None => true,
            });
            let r = &cx.turns[i];
            upset.push(r.is_upset());
            norms.push(Some(n));
            hits.push(h);
        }
        Scan {
            cx,
            pack,
            norms,
            hits,
            upset,
            prior,
        }
    }

    fn conv(&self) -> &Conversation {
        self.cx.conversation
    }

    /// The conversation's language: the one given, else the most common among customer turns.
    fn language(&self) -> Lang {
        if let Some(l) = self.conv().language.as_deref().map(Lang::parse)
            && l != Lang::Und
        {
            return l;
        }
        let mut counts: Vec<(Lang, usize)> = Vec::new();
        for i in self
            .cx
            .turns_by(Role::Customer)
            .filter(|&i| i < self.cx.turns.len())
        {
            let l = self.cx.turns[i].lang;
            match counts.iter_mut().find(|(x, _)| *x == l) {
                Some((_, n)) => *n += 1,
                None => counts.push((l, 1)),
            }
        }
        counts
            .into_iter()
            .max_by_key(|(_, n)| *n)
            .map_or(Lang::Und, |(l, _)| l)
    }

    pub fn when_holds(&self, w: &WhenDef) -> bool {
        let conv = self.conv();
        let has = |list: &[String], v: &str| {
            list.is_empty() || list.iter().any(|x| x.eq_ignore_ascii_case(v))
        };
        let opt =
            |list: &[String], v: Option<&str>| list.is_empty() || v.is_some_and(|v| has(list, v));
        let ch = conv.channel.as_str();
        if !has(&w.channel, ch)
            || w.not_channel
                .iter()
                .any(|c| Channel::parse(c) == Some(conv.channel))
        {
            return false;
        }
        if !opt(&w.source, conv.source.as_deref())
            || !has(&w.workspace, conv.workspace_or_default())
            || !opt(
                &w.marketplace,
                conv.order.as_ref().and_then(|o| o.marketplace.as_deref()),
            )
            || !opt(
                &w.segment,
                conv.customer.as_ref().and_then(|c| c.segment.as_deref()),
            )
        {
            return false;
        }
        if !w.language.is_empty() && !has(&w.language, self.language().as_str()) {
            return false;
        }
        if !w.tags.is_empty() && !conv.tags.iter().any(|t| has(&w.tags, t)) {
            return false;
        }
        let value = conv.order.as_ref().and_then(|o| o.value);
        if w.order_value_min
            .is_some_and(|m| value.is_none_or(|v| v < m))
            || w.order_value_max
                .is_some_and(|m| value.is_none_or(|v| v > m))
        {
            return false;
        }
        true
    }

    /// The first turn where a matcher matches.
    fn first_turn(&self, m: &Matcher) -> Option<usize> {
        self.hits_of(m).first().map(|h| h.0)
    }

    /// The turns a matcher looks at: public, of its roles, within its position and anchors.
    fn candidates(&self, m: &Matcher) -> Vec<usize> {
        let mut c: Vec<usize> = (0..self.norms.len())
            .filter(|&i| self.norms[i].is_some())
            .filter(|&i| m.roles.is_empty() || m.roles.contains(&self.conv().turns[i].role))
            .collect();
        if let Some(n) = m.first {
            c.truncate(n);
        }
        if let Some(n) = m.last {
            c.drain(..c.len().saturating_sub(n));
        }
        if let Some(a) = &m.after {
            match self.first_turn(a) {
                Some(t) => c.retain(|&i| i > t),
                None => c.clear(),
            }
        }
        if let Some(b) = &m.before {
            match self.first_turn(b) {
                Some(t) => c.retain(|&i| i < t),
                None => c.clear(),
            }
        }
        if let Some(b) = &m.not_after
            && let Some(t) = self.first_turn(b)
        {
            c.retain(|&i| i < t);
        }
        c
    }

    /// Every turn where the matcher matches, with the span of its evidence.
    pub fn hits_of(&self, m: &Matcher) -> Vec<(usize, Span)> {
        let cands = self.candidates(m);
        let any: Vec<Vec<(usize, Span)>> = m.any.iter().map(|s| self.hits_of(s)).collect();
        cands
            .into_iter()
            .filter_map(|i| self.content(m, i, &any).map(|s| (i, s)))
            .collect()
    }

    fn near_ok(&self, i: usize, h: &Hit, set: u32, within: usize) -> bool {
        let Some(n) = &self.norms[i] else {
            return false;
        };
        let text = n.as_str();
        let (a0, a1) = (
            word_pos(text, h.start as usize),
            word_pos(text, h.end as usize),
        );
        self.hits[i].iter().filter(|o| o.set == set).any(|o| {
            let (b0, b1) = (
                word_pos(text, o.start as usize),
                word_pos(text, o.end as usize),
            );
            let gap = if b0 >= a1 {
                b0 - a1
            } else if a0 >= b1 {
                a0 - b1
            } else {
                0.0
            };
            gap <= within as f32
        })
    }

    fn content(&self, m: &Matcher, i: usize, any: &[Vec<(usize, Span)>]) -> Option<Span> {
        let norm = self.norms[i].as_ref()?;
        let r = &self.cx.turns[i];
        let text = &self.conv().turns[i].text;
        let mut span: Option<Span> = None;
        if let Some(set) = m.phrases {
            let h = self.hits[i].iter().filter(|h| h.set == set).find(|h| {
                m.near.is_none_or(|(s, w)| self.near_ok(i, h, s, w))
                    && m.not_near.is_none_or(|(s, w)| !self.near_ok(i, h, s, w))
            })?;
            span = Some(norm.original_span(h.start as usize..h.end as usize));
        }
        if let Some(re) = &m.regex {
            let f = re.find(norm.as_str())?;
            span = span.or(Some(norm.original_span(f.range())));
        }
        if !m.marks.is_empty() {
            let s = m.marks.iter().find_map(|k| r.mark_span(*k))?;
            span = span.or(Some(s));
        }
        if !m.findings.is_empty() {
            let f = r
                .findings
                .iter()
                .chain(self.prior.iter().filter(|f| f.turn == Some(i as u32)))
                .find(|f| m.findings.iter().any(|p| code_matches(p, &f.code)))?;
            span = span.or(f.span);
        }
        if !m.emotions.is_empty() {
            let ok = m.emotions.iter().any(|e| match e {
                EmotionTest::Negative => self.upset[i],
                EmotionTest::Is(e) => r.emotion == Some(*e) && r.emotion_confidence >= 0.5,
            });
            if !ok {
                return None;
            }
        }
        if !m.any.is_empty() {
            let s = any
                .iter()
                .find_map(|hs| hs.iter().find(|(t, _)| *t == i).map(|(_, s)| *s))?;
            span = span.or(Some(s));
        }
        Some(span.unwrap_or_else(|| Span::new(0, text.chars().count())))
    }

    /// Runs one rule, pushing at most a few findings.
    pub fn run(&self, rule: &Rule, out: &mut Vec<Finding>) {
        if !self.when_holds(&rule.when)
            || rule.requires.iter().any(|m| self.hits_of(m).is_empty())
            || rule.unless.iter().any(|m| !self.hits_of(m).is_empty())
        {
            return;
        }
        match &rule.check {
            Check::Match { m, each } => {
                let hits = self.hits_of(m);
                let n = if *each { 20 } else { 1 };
                for (t, s) in hits.into_iter().take(n) {
                    out.push(self.emit(rule, t, s, &Vars::default()));
                }
            }
            Check::Absent { m, at_last } => {
                let c = self.candidates(m);
                let (Some(&first), Some(&last)) = (c.first(), c.last()) else {
                    return;
                };
                if self.hits_of(m).is_empty() {
                    let t = if *at_last { last } else { first };
                    let n = self.conv().turns[t].text.chars().count();
                    let s = if *at_last {
                        Span::new(n, n)
                    } else {
                        Span::new(0, 0)
                    };
                    out.push(self.emit(rule, t, s, &Vars::default()));
                }
            }
            Check::Count { m, at_least } => {
                let hits = self.hits_of(m);
                if hits.len() >= *at_least {
                    let (t, s) = hits[*at_least - 1];
                    out.push(self.emit(
                        rule,
                        t,
                        s,
                        &Vars {
                            count: hits.len(),
                            ..Vars::default()
                        },
                    ));
                }
            }
            Check::Sequence { steps, require_all } => self.sequence(rule, steps, *require_all, out),
            Check::Timing(t) => self.timing(rule, t, out),
        }
    }

    fn sequence(
        &self,
        rule: &Rule,
        steps: &[(String, Matcher)],
        require_all: bool,
        out: &mut Vec<Finding>,
    ) {
        let found: Vec<Option<(usize, Span)>> = steps
            .iter()
            .map(|(_, m)| self.hits_of(m).first().copied())
            .collect();
        for k in 1..steps.len() {
            let Some((tk, sk)) = found[k] else { continue };
            for j in 0..k {
                let late = match found[j] {
                    Some((tj, _)) => tj > tk,
                    None => require_all,
                };
                if late {
                    let v = Vars {
                        step: steps[j].0.clone(),
                        after: steps[k].0.clone(),
                        ..Vars::default()
                    };
                    out.push(self.emit(rule, tk, sk, &v));
                    return;
                }
            }
        }
    }

    fn timing(&self, rule: &Rule, t: &Timing, out: &mut Vec<Finding>) {
        let conv = self.conv();
        let cal = if t.business {
            let name = t.calendar.clone().or_else(|| {
                self.pack
                    .workspace_calendar
                    .get(conv.workspace_or_default())
                    .cloned()
            });
            self.pack
                .calendars
                .get(name.as_deref().unwrap_or("default"))
        } else {
            None
        };
        let elapsed = |a: jiff::Timestamp, b: jiff::Timestamp| match cal {
            Some(c) => c.hours_between(a, b),
            None => (b.as_second() - a.as_second()) as f64 / 3600.0,
        };
        let rs = replies(conv);
        let at_start = |turn: usize, e: f64, l: f64| {
            let v = Vars {
                elapsed: Some(e),
                limit: Some(l),
                ..Vars::default()
            };
            self.emit(rule, turn, Span::new(0, 0), &v)
        };
        if let (Some(limit), Some(r)) = (t.first_response, rs.first()) {
            let e = elapsed(r.since, r.at);
            if e > limit {
                out.push(at_start(r.turn, e, limit));
                return;
            }
        }
        if let Some(limit) = t.each_reply {
            for r in rs.iter().skip(1) {
                let e = elapsed(r.since, r.at);
                if e > limit {
                    out.push(at_start(r.turn, e, limit));
                    return;
                }
            }
        }
        if let Some(limit) = t.resolution {
            let start = conv
                .turns
                .iter()
                .find(|x| x.role == Role::Customer && !x.internal)
                .and_then(|x| x.at);
            let last = conv
                .turns
                .iter()
                .enumerate()
                .rev()
                .find(|(_, x)| x.role == Role::Agent && !x.internal && x.at.is_some());
            if let (Some(s), Some((i, turn))) = (start, last) {
                let end = conv
                    .ended_at
                    .unwrap_or(turn.at.unwrap_or(s))
                    .max(turn.at.unwrap_or(s));
                let e = elapsed(s, end);
                if e > limit {
                    out.push(at_start(i, e, limit));
                }
            }
        }
    }

    fn emit(&self, rule: &Rule, turn: usize, span: Span, v: &Vars) -> Finding {
        let t = &self.conv().turns[turn];
        let f = Finding::new(rule.code.clone(), "")
            .severity(rule.severity)
            .confidence(rule.confidence)
            .source(format!("rule:{}", rule.id))
            .at(turn, t.role, &t.text, span);
        let mut text = rule.explain.replace("{turn}", &(turn + 1).to_string());
        if text.contains("{evidence}") {
            text = text.replace("{evidence}", &f.evidence);
        }
        text = text
            .replace("{count}", &v.count.to_string())
            .replace("{elapsed}", &v.elapsed.map(fmt_hours).unwrap_or_default())
            .replace("{limit}", &v.limit.map(fmt_hours).unwrap_or_default())
            .replace("{step}", &v.step)
            .replace("{after}", &v.after);
        Finding {
            explanation: text,
            ..f
        }
    }
}

/// Whether a code matches a pattern: the code itself, or `category.*`.
pub fn code_matches(pattern: &str, code: &Code) -> bool {
    match pattern.strip_suffix(".*") {
        Some(cat) => code.category() == cat,
        None => code.as_str() == pattern,
    }
}
