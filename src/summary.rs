//! What a run prints: counts by severity and code, and the riskiest conversations with their top
//! evidence; and the `--json` line per conversation.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use earshot_model::{Analysis, Conversation, Finding, Severity};
use serde_json::{Value, json};

/// The `analyze --json` object for one conversation (the contract in `docs/format.md`).
pub fn json_line(a: &Analysis) -> Value {
    json!({
        "id": a.id,
        "workspace": a.workspace,
        "language": a.language,
        "risk": a.risk,
        "severity": a.severity.map(Severity::as_str),
        "satisfaction": a.satisfaction,
        "scores": a.scores,
        "findings": a.findings.iter().map(finding_json).collect::<Vec<_>>(),
        "risk_explanation": a.risk_explanation,
        "diagnostics": a.diagnostics,
    })
}

fn finding_json(f: &Finding) -> Value {
    json!({
        "code": f.code.as_str(),
        "severity": f.severity.as_str(),
        "confidence": (f.confidence * 1000.0).round() / 1000.0,
        "turn": f.turn,
        "span": f.span,
        "role": f.role.map(|r| r.as_str()),
        "evidence": f.evidence,
        "explanation": f.explanation,
    })
}

struct Top {
    risk: f32,
    id: String,
    workspace: String,
    language: String,
    channel: &'static str,
    findings: Vec<Finding>,
    why: Vec<String>,
}

pub struct Summary {
    pub conversations: u64,
    by_severity: BTreeMap<Severity, u64>,
    by_code: BTreeMap<String, u64>,
    /// Conversations whose highest severity is each level.
    conv_by_severity: BTreeMap<Option<Severity>, u64>,
    by_language: BTreeMap<String, u64>,
    top: Vec<Top>,
    top_n: usize,
    diagnostics: u64,
}

impl Summary {
    pub fn new(top_n: usize) -> Summary {
        Summary {
            conversations: 0,
            by_severity: BTreeMap::new(),
            by_code: BTreeMap::new(),
            conv_by_severity: BTreeMap::new(),
            by_language: BTreeMap::new(),
            top: Vec::new(),
            top_n,
            diagnostics: 0,
        }
    }

    pub fn add(&mut self, c: &Conversation, a: &Analysis) {
        self.conversations += 1;
        self.diagnostics += a.diagnostics.len() as u64;
        *self.conv_by_severity.entry(a.severity).or_default() += 1;
        *self.by_language.entry(a.language.clone()).or_default() += 1;
        for f in &a.findings {
            *self.by_severity.entry(f.severity).or_default() += 1;
            *self.by_code.entry(f.code.to_string()).or_default() += 1;
        }
        if self.top_n == 0 {
            return;
        }
        let worst = self.top.last().map(|t| t.risk).unwrap_or(f32::MIN);
        if self.top.len() < self.top_n || a.risk > worst {
            let findings = a
                .findings
                .iter()
                .filter(|f| f.severity > Severity::Info)
                .take(3)
                .cloned()
                .collect();
            self.top.push(Top {
                risk: a.risk,
                id: a.id.clone(),
                workspace: a.workspace.clone(),
                language: a.language.clone(),
                channel: c.channel.as_str(),
                findings,
                why: a.risk_explanation.clone(),
            });
            self.top
                .sort_by(|x, y| y.risk.total_cmp(&x.risk).then(x.id.cmp(&y.id)));
            self.top.truncate(self.top_n);
        }
    }

    /// The report printed at the end of a run.
    pub fn render(&self, seconds: f64) -> String {
        let mut s = String::new();
        let rate = self.conversations as f64 / seconds.max(1e-9);
        let _ = writeln!(
            s,
            "{} conversations analysed in {seconds:.2} s ({rate:.0}/s)",
            self.conversations
        );
        let _ = writeln!(s, "\nconversations by highest severity:");
        for (sev, n) in self.conv_by_severity.iter().rev() {
            let name = sev.map_or("none", Severity::as_str);
            let _ = writeln!(
                s,
                "  {name:<10} {n:>8}  {:>5.1}%",
                *n as f64 * 100.0 / self.conversations.max(1) as f64
            );
        }
        let _ = writeln!(s, "\nfindings by severity:");
        for (sev, n) in self.by_severity.iter().rev() {
            let _ = writeln!(s, "  {:<10} {n:>8}", sev.as_str());
        }
        let _ = writeln!(s, "\nfindings by code:");
        let mut codes: Vec<_> = self.by_code.iter().collect();
        codes.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        for (code, n) in codes {
            let _ = writeln!(s, "  {code:<34} {n:>8}");
        }
        let langs: Vec<String> = self
            .by_language
            .iter()
            .map(|(l, n)| format!("{l} {n}"))
            .collect();
        let _ = writeln!(s, "\nlanguages: {}", langs.join(", "));
        if self.diagnostics > 0 {
            let _ = writeln!(
                s,
                "data diagnostics: {} (see --json output)",
                self.diagnostics
            );
        }
        if !self.top.is_empty() {
            let _ = writeln!(s, "\nriskiest {} conversations:", self.top.len());
            for (k, t) in self.top.iter().enumerate() {
                let _ = writeln!(
                    s,
                    "{:>3}. {}  risk {:.1}  [{} / {} / {}]",
                    k + 1,
                    t.id,
                    t.risk,
                    t.workspace,
                    t.channel,
                    t.language
                );
                for f in &t.findings {
                    let turn = f
                        .turn
                        .map(|t| format!("turn {}", t + 1))
                        .unwrap_or_else(|| "conversation".into());
                    let quote = clip(&f.evidence, 70);
                    let _ = writeln!(
                        s,
                        "       {:<8} {:<30} {turn}: \"{quote}\"",
                        f.severity.as_str(),
                        f.code.as_str()
                    );
                    let _ = writeln!(s, "                {}", clip(&f.explanation, 100));
                }
                if let Some(why) = t.why.iter().find(|w| w.starts_with("impact")) {
                    let _ = writeln!(s, "                {why}");
                }
            }
        }
        s
    }
}

fn clip(s: &str, n: usize) -> String {
    let one_line: String = s
        .chars()
        .map(|c| if c == '\n' || c == '\r' { ' ' } else { c })
        .collect();
    if one_line.chars().count() <= n {
        one_line
    } else {
        let mut out: String = one_line.chars().take(n - 1).collect();
        out.push('…');
        out
    }
}
