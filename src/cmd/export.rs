//! `earshot export --training-cases`: the conversations reviewers marked as good or bad training
//! cases, with personal data removed, as JSONL (for tools) and as an HTML casebook (for people).
//! Names become numbered pseudonyms (`[NAME-1]`) so a case still reads as a dialogue, and every
//! finding's span is moved through the redaction so its highlight covers the same words.

use std::fmt::Write as _;
use std::io::Write;
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use earshot_model::{Analysis, Conversation, Finding, Span};
use earshot_redact::{Config, Redactor, TurnRedactions, Use, redact_conversation};
use earshot_store::{CaseKind, TrainingCase};
use serde_json::json;

#[derive(clap::Args)]
pub struct Args {
    /// Export the conversations marked as training cases (the only export so far).
    #[arg(long, required = true)]
    pub training_cases: bool,
    /// The database.
    #[arg(long, default_value = "earshot.db", env = "EARSHOT_DB")]
    pub db: String,
    /// Only this workspace's cases (default: every workspace in the database).
    #[arg(long)]
    pub workspace: Option<String>,
    /// The JSONL file (`-` for stdout).
    #[arg(long, default_value = "training-cases.jsonl", value_name = "FILE")]
    pub out: String,
    /// The HTML casebook.
    #[arg(long, default_value = "training-cases.html", value_name = "FILE")]
    pub html: String,
    /// The casebook's language: `en` or `zh-CN`.
    #[arg(long, default_value = "en")]
    pub lang: String,
}

/// One exported case: the mark, the redacted conversation and its findings.
struct Case {
    mark: TrainingCase,
    conversation: Conversation,
    analysis: Analysis,
}

pub fn run(args: Args) -> Result<ExitCode> {
    let zh = match args.lang.as_str() {
        "en" => false,
        "zh-CN" | "zh" => true,
        other => bail!("--lang: {other:?} is not en or zh-CN"),
    };
    let store = earshot_store::open(&args.db)?;
    let marks = store.training_cases(args.workspace.as_deref())?;
    let redactor = Redactor::new(Config::for_use(Use::Training))
        .map_err(|e| anyhow::anyhow!("redaction: {e}"))?;
    let mut cases = Vec::with_capacity(marks.len());
    for mark in marks {
        let Some((conv, analysis)) = store.conversation(&mark.workspace, &mark.conversation_id)?
        else {
            // The conversation was deleted after it was marked: say so, do not stop.
            eprintln!(
                "earshot: training case {}/{} has no conversation any more; skipped",
                mark.workspace, mark.conversation_id
            );
            continue;
        };
        let (conversation, per_turn) = redact_conversation(&conv, &redactor);
        let analysis = redact_analysis(analysis, &per_turn, &conversation);
        cases.push(Case {
            mark,
            conversation,
            analysis,
        });
    }

    let mut jsonl: Box<dyn Write> = if args.out == "-" {
        Box::new(std::io::stdout().lock())
    } else {
        Box::new(std::io::BufWriter::new(
            std::fs::File::create(&args.out)
                .with_context(|| format!("cannot create {}", args.out))?,
        ))
    };
    for c in &cases {
        let line = json!({
            "workspace": c.mark.workspace,
            "id": c.mark.conversation_id,
            "kind": c.mark.kind,
            "note": c.mark.note,
            "marked_at": c.mark.marked_at,
            "conversation": c.conversation,
            "risk": c.analysis.risk,
            "severity": c.analysis.severity,
            "scores": c.analysis.scores,
            "findings": c.analysis.findings,
        });
        serde_json::to_writer(&mut jsonl, &line)?;
        jsonl.write_all(b"\n")?;
    }
    jsonl
        .flush()
        .with_context(|| format!("cannot write {}", args.out))?;
    std::fs::write(&args.html, casebook(&cases, zh))
        .with_context(|| format!("cannot write {}", args.html))?;
    eprintln!(
        "earshot: {} training cases written to {} and {} (personal data removed)",
        cases.len(),
        args.out,
        args.html
    );
    Ok(ExitCode::SUCCESS)
}

/// The analysis with every finding's span moved into the redacted text, its evidence taken from
/// there, and its explanation redacted too (it may quote the customer).
fn redact_analysis(
    mut analysis: Analysis,
    per_turn: &[TurnRedactions],
    redacted: &Conversation,
) -> Analysis {
    let redactor = Redactor::new(Config::for_use(Use::Training)).ok();
    for f in &mut analysis.findings {
        let (Some(turn), Some(span)) = (f.turn, f.span) else {
            f.evidence = redactor
                .as_ref()
                .map_or_else(String::new, |r| r.redact(&f.evidence).text);
            continue;
        };
        let moved = per_turn
            .iter()
            .find(|t| t.turn == turn as usize)
            .map_or(span, |t| t.map.map_span(span));
        f.span = Some(moved);
        if let Some(t) = redacted.turns.get(turn as usize) {
            f.evidence = slice(&t.text, moved);
        }
        if let Some(r) = &redactor {
            f.explanation = r.redact(&f.explanation).text;
        }
    }
    analysis
}

/// The characters of `text` in `span` (Unicode scalar offsets), clamped to the text.
fn slice(text: &str, span: Span) -> String {
    text.chars()
        .skip(span.start as usize)
        .take(span.end.saturating_sub(span.start) as usize)
        .collect()
}

fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A turn's text with its findings' spans in `<mark>`; overlapping spans merge into one mark
/// whose title lists every finding.
fn highlight(text: &str, findings: &[&Finding]) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut spans: Vec<(usize, usize, String)> = findings
        .iter()
        .filter_map(|f| {
            let s = f.span?;
            let (a, b) = (s.start as usize, (s.end as usize).min(chars.len()));
            (a < b).then(|| (a, b, format!("{} — {}", f.code.as_str(), f.explanation)))
        })
        .collect();
    spans.sort();
    let mut merged: Vec<(usize, usize, String)> = Vec::new();
    for (a, b, t) in spans {
        match merged.last_mut() {
            Some(last) if a < last.1 => {
                last.1 = last.1.max(b);
                last.2.push_str("; ");
                last.2.push_str(&t);
            }
            _ => merged.push((a, b, t)),
        }
    }
    let mut out = String::new();
    let mut at = 0;
    let piece = |a: usize, b: usize| esc(&chars[a..b].iter().collect::<String>());
    for (a, b, title) in merged {
        out.push_str(&piece(at, a));
        let _ = write!(
            out,
            "<mark title=\"{}\">{}</mark>",
            esc(&title),
            piece(a, b)
        );
        at = b;
    }
    out.push_str(&piece(at, chars.len()));
    out
}

fn casebook(cases: &[Case], zh: bool) -> String {
    let t = |en: &'static str, cn: &'static str| if zh { cn } else { en };
    let mut h = String::new();
    let _ = write!(
        h,
        "<!doctype html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\"><title>{}</title>\n<style>\
         body{{font:15px/1.5 system-ui,sans-serif;max-width:860px;margin:2em auto;padding:0 1em;color:#222}}\
         .case{{border:1px solid #ddd;border-radius:8px;padding:1em 1.2em;margin:1.5em 0}}\
         .good{{border-left:6px solid #2a9d4b}}.bad{{border-left:6px solid #c0392b}}\
         .badge{{font-size:12px;padding:2px 8px;border-radius:10px;color:#fff}}\
         .good .badge{{background:#2a9d4b}}.bad .badge{{background:#c0392b}}\
         .turn{{margin:.4em 0;padding:.4em .7em;border-radius:6px;background:#f6f6f6}}\
         .agent{{background:#eef4fb}}.role{{font-size:12px;color:#666;text-transform:uppercase}}\
         mark{{background:#ffe08a}}ul.findings{{font-size:14px;color:#444}}\
         </style></head><body>\n<h1>{}</h1>\n<p>{} {}</p>\n",
        if zh { "zh-CN" } else { "en" },
        t("earshot training casebook", "earshot 培训案例集"),
        t("earshot training casebook", "earshot 培训案例集"),
        cases.len(),
        t(
            "conversations marked by reviewers. Personal data is replaced by placeholders.",
            "个由质检人员标记的对话。个人信息已替换为占位符。"
        ),
    );
    for c in cases {
        let (class, label) = match c.mark.kind {
            CaseKind::Good => ("good", t("good example", "正面案例")),
            CaseKind::Bad => ("bad", t("to learn from", "反面案例")),
        };
        let _ = write!(
            h,
            "<section class=\"case {class}\"><h2>{} <span class=\"badge\">{label}</span></h2>\n<p>{}: {} · {}: {} · {}: {:.0}</p>\n",
            esc(&c.mark.conversation_id),
            t("channel", "渠道"),
            esc(c.conversation.channel.as_str()),
            t("language", "语言"),
            esc(&c.analysis.language),
            t("risk", "风险"),
            c.analysis.risk,
        );
        if let Some(note) = &c.mark.note {
            let _ = writeln!(
                h,
                "<p><strong>{}:</strong> {}</p>",
                t("Reviewer's note", "质检备注"),
                esc(note)
            );
        }
        for (i, turn) in c.conversation.turns.iter().enumerate() {
            let findings: Vec<&Finding> = c
                .analysis
                .findings
                .iter()
                .filter(|f| f.turn == Some(i as u32))
                .collect();
            let role = turn.role.as_str();
            let _ = writeln!(
                h,
                "<div class=\"turn {role}\"><div class=\"role\">{}</div>{}</div>",
                esc(role),
                highlight(&turn.text, &findings)
            );
        }
        if !c.analysis.findings.is_empty() {
            h.push_str("<ul class=\"findings\">");
            for f in &c.analysis.findings {
                let _ = write!(
                    h,
                    "<li><code>{}</code> ({}) — {}</li>",
                    esc(f.code.as_str()),
                    esc(f.severity.as_str()),
                    esc(&f.explanation)
                );
            }
            h.push_str("</ul>\n");
        }
        h.push_str("</section>\n");
    }
    h.push_str("</body></html>\n");
    h
}

#[cfg(test)]
mod tests {
    use super::*;
    use earshot_model::{Code, Role};

    #[test]
    fn highlight_escapes_and_merges_overlaps() {
        let a = Finding::new(Code::ABUSE_INSULT, "insult <x>").at(
            0,
            Role::Customer,
            "idiot",
            Span::new(4, 9),
        );
        let b = Finding::new(Code::ABUSE_PROFANITY, "profanity").at(
            0,
            Role::Customer,
            "t <b",
            Span::new(8, 12),
        );
        let html = highlight("you idiot <b>!", &[&a, &b]);
        assert_eq!(html.matches("<mark").count(), 1, "{html}");
        assert!(html.contains(">idiot &lt;b</mark>"), "{html}");
        assert!(html.contains("insult &lt;x&gt;; abuse.profanity"), "{html}");
        assert!(html.ends_with("&gt;!"), "{html}");
    }
}
