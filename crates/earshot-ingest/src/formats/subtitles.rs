//! WebVTT and SubRip transcripts with speakers.
//!
//! WebVTT names the speaker with a voice span, `<v Agent Ana>text</v>` (classes such as
//! `<v.loud Ana>` allowed, closing tag optional); SubRip has no speaker syntax, so the common
//! conventions are read: `Agent: text`, `[SPEAKER_01] text`, `SPEAKER_01: text`. Either format
//! also accepts the prefix form. A speaker whose name is a role ("Agent", "Customer", "Kunde")
//! takes that role; other names go through the usual agent-speaker rules. Errors name the line
//! of the cue's timing line.

use earshot_model::{Channel, Conversation};

use super::aws_transcribe::file_id;
use super::common::Ctx;
use super::html::decode_entities;
use super::json::Fail;
use super::speakers::{Piece, build_turns, role_from_label};
use super::time::clock_ms;

pub(crate) fn import_vtt(ctx: &mut Ctx<'_>, data: &[u8]) {
    import(ctx, data, true);
}

pub(crate) fn import_srt(ctx: &mut Ctx<'_>, data: &[u8]) {
    import(ctx, data, false);
}

fn import(ctx: &mut Ctx<'_>, data: &[u8], vtt: bool) {
    let text = String::from_utf8_lossy(data);
    let text = text.trim_start_matches('\u{feff}');
    let id = file_id(ctx.file);
    let lines: Vec<&str> = text.lines().collect();
    if vtt
        && !lines
            .first()
            .is_some_and(|l| l.trim_start().starts_with("WEBVTT"))
    {
        ctx.error(
            1,
            Some(id),
            Fail {
                field: String::new(),
                message: "not WebVTT: the file must start with `WEBVTT`".into(),
            },
        );
        return;
    }
    let mut pieces = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let line = lines.get(i).copied().unwrap_or_default();
        i += 1;
        let Some((from, to)) = line.split_once("-->") else {
            if vtt
                && (line.starts_with("NOTE")
                    || line.starts_with("STYLE")
                    || line.starts_with("REGION"))
            {
                // Comment and style blocks run to the next blank line.
                while lines.get(i).is_some_and(|l| !l.trim().is_empty()) {
                    i += 1;
                }
            }
            continue;
        };
        let timing_line = i as u64;
        // WebVTT cue settings follow the end time after whitespace.
        let to = to.split_whitespace().next().unwrap_or_default();
        let (Some(start), Some(end)) = (clock_ms(from), clock_ms(to)) else {
            ctx.error(
                timing_line,
                Some(id.clone()),
                Fail {
                    field: "timing".into(),
                    message: format!("unreadable cue timing {:?}", line.trim()),
                },
            );
            while lines.get(i).is_some_and(|l| !l.trim().is_empty()) {
                i += 1;
            }
            continue;
        };
        let mut payload = Vec::new();
        while let Some(l) = lines.get(i).filter(|l| !l.trim().is_empty()) {
            payload.push(*l);
            i += 1;
        }
        for (speaker, text) in cue_speakers(&payload.join("\n"), vtt) {
            pieces.push(Piece {
                role: speaker.as_deref().and_then(role_from_label),
                speaker,
                channel: None,
                start_ms: Some(start),
                end_ms: Some(end),
                text,
            });
        }
    }
    let mut conv = Conversation::new(id, Vec::new());
    conv.channel = Channel::Phone;
    build_turns(pieces, ctx.opts, &mut conv);
    ctx.push(conv);
}

/// The speaker and text of each voice in a cue's payload. A cue may hold several voices.
fn cue_speakers(payload: &str, vtt: bool) -> Vec<(Option<String>, String)> {
    let mut out: Vec<(Option<String>, String)> = Vec::new();
    if vtt && payload.contains("<v") {
        let mut rest = payload;
        while let Some(start) = rest.find("<v") {
            let before = rest.get(..start).unwrap_or_default();
            if !before.trim().is_empty() {
                push_text(&mut out, None, before);
            }
            let after = rest.get(start + 2..).unwrap_or_default();
            let Some(gt) = after.find('>') else { break };
            let annotation = after.get(..gt).unwrap_or_default();
            // Classes come first (`<v.loud Ana>`); the name is the rest.
            let name = annotation
                .split_once(char::is_whitespace)
                .map_or("", |(_, n)| n)
                .trim();
            let body = after.get(gt + 1..).unwrap_or_default();
            let end = body
                .find("</v>")
                .or_else(|| body.find("<v"))
                .unwrap_or(body.len());
            let speaker = (!name.is_empty()).then(|| name.to_string());
            push_text(&mut out, speaker, body.get(..end).unwrap_or_default());
            rest = body.get(end..).unwrap_or_default();
            rest = rest.strip_prefix("</v>").unwrap_or(rest);
        }
        if !rest.trim().is_empty() {
            push_text(&mut out, None, rest);
        }
        return out;
    }
    for line in payload.lines() {
        let (speaker, text) = prefix_speaker(line);
        match (speaker, out.last_mut()) {
            (None, Some(last)) => {
                last.1.push(' ');
                last.1.push_str(&clean(text));
            }
            (speaker, _) => push_text(&mut out, speaker, text),
        }
    }
    out
}

fn push_text(out: &mut Vec<(Option<String>, String)>, speaker: Option<String>, text: &str) {
    let t = clean(text);
    if !t.is_empty() {
        out.push((speaker, t));
    }
}

/// A speaker written before the text: `[SPEAKER_01] text`, `Agent: text`, `SPEAKER_01: text`.
/// A prefix counts only when it is a short name without sentence punctuation, so "Yes, at 10:30
/// it" is text, not a speaker.
fn prefix_speaker(line: &str) -> (Option<String>, &str) {
    let t = line.trim().trim_start_matches("- ").trim_start();
    if let Some(rest) = t.strip_prefix('[')
        && let Some((name, text)) = rest.split_once(']')
        && !name.trim().is_empty()
        && name.chars().count() <= 40
    {
        return (
            Some(name.trim().to_string()),
            text.trim_start_matches(':').trim(),
        );
    }
    if let Some((name, text)) = t.split_once(':').or_else(|| t.split_once('：')) {
        let name = name.trim();
        let words = name.split_whitespace().count();
        let plain = name
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, ' ' | '_' | '-' | '.'));
        let starts_digit = name.chars().next().is_some_and(|c| c.is_ascii_digit());
        if !name.is_empty() && words <= 3 && name.chars().count() <= 32 && plain && !starts_digit {
            return (Some(name.to_string()), text.trim());
        }
    }
    (None, t)
}

/// Cue text without markup (`<b>`, `<c.x>`, timestamps) and with entities decoded.
fn clean(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_tag = false;
    for c in text.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    let decoded = decode_entities(&out);
    decoded.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn voices_and_prefixes() {
        assert_eq!(
            cue_speakers(
                "<v.loud Agent Ana>Guten Tag</v> <v Kunde>Hallo &amp; so</v>",
                true
            ),
            vec![
                (Some("Agent Ana".into()), "Guten Tag".into()),
                (Some("Kunde".into()), "Hallo & so".into())
            ]
        );
        assert_eq!(
            cue_speakers("<v Customer>Meine Lieferung fehlt.", true),
            vec![(Some("Customer".into()), "Meine Lieferung fehlt.".into())]
        );
        assert_eq!(
            prefix_speaker("[SPEAKER_01] hello"),
            (Some("SPEAKER_01".into()), "hello")
        );
        assert_eq!(
            prefix_speaker("Agent: Guten Tag"),
            (Some("Agent".into()), "Guten Tag")
        );
        assert_eq!(
            prefix_speaker("Yes, at 10:30 it arrives"),
            (None, "Yes, at 10:30 it arrives")
        );
        assert_eq!(prefix_speaker("客服：您好"), (Some("客服".into()), "您好"));
    }
}
