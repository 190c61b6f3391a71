//! Google Cloud Speech-to-Text v1 responses: `results[].alternatives[0]` with `words[]` whose
//! `startTime`/`endTime` are protobuf durations (`"1.500s"`, or `{seconds, nanos}` from some
//! client libraries) and `speakerLabel` / `speakerTag` when diarization is on.
//!
//! With diarization, the last result repeats every word of the call with its speaker, so only
//! that result's words are used. Without word offsets, each result is one piece ending at its
//! `resultEndTime` and starting where the previous result of its channel ended.

use std::collections::HashMap;

use earshot_model::{Channel, Conversation};
use serde_json::Value;

use super::aws_transcribe::file_id;
use super::common::Ctx;
use super::json::{Fail, J};
use super::speakers::{Piece, build_turns};
use super::time::{Unit, google_duration_ms, number_ms, offset_ms};

pub(crate) fn import(ctx: &mut Ctx<'_>, data: &[u8]) {
    ctx.each_document(data, |ctx, doc| {
        let root = J::root(&doc.value, "");
        // Long-running recognize wraps the response; CCAI and batch outputs name the job.
        let id = root
            .get("name")
            .id()
            .or_else(|| root.get("metadata").get("uri").id())
            .unwrap_or_else(|| file_id(ctx.file));
        ctx.record(doc.line, Some(id.clone()), |ctx| convert(ctx, &root, id));
    });
}

/// A duration as Google writes it: `"1.500s"`, or `{"seconds": "1", "nanos": 500000000}`.
fn duration(j: &J<'_>) -> Result<Option<u64>, Fail> {
    let Some(v) = j.value() else { return Ok(None) };
    let ms = match v {
        Value::String(s) => google_duration_ms(s).or_else(|| offset_ms(s, Unit::Seconds)),
        Value::Number(n) => number_ms(n, Unit::Seconds),
        Value::Object(_) => {
            let secs = j.get("seconds").i64().unwrap_or(0);
            let nanos = j.get("nanos").i64().unwrap_or(0);
            let whole = u64::try_from(secs).ok().and_then(|s| s.checked_mul(1000));
            let part = u64::try_from(nanos).ok().map(|n| (n + 500_000) / 1_000_000);
            whole.zip(part).and_then(|(w, p)| w.checked_add(p))
        }
        _ => None,
    };
    ms.map(Some).ok_or_else(|| {
        j.fail(format!(
            "expected a duration such as \"1.500s\", found {}",
            super::json::short(v)
        ))
    })
}

fn convert(ctx: &Ctx<'_>, root: &J<'_>, id: String) -> Result<Conversation, Fail> {
    // `operations.get` returns {name, metadata, done, response: {results}}.
    let response = root.get("response");
    let base = if response.is_object() {
        response
    } else {
        *root
    };
    let results = base.get("results");
    if !results.is_array() {
        return Err(results.missing("an array of results"));
    }
    let mut language = None;
    let mut diarized: Option<Vec<Piece>> = None;
    for r in results.items() {
        let words = r.get("alternatives").items().next().map(|a| {
            a.get("words")
                .items()
                .any(|w| w.get("speakerLabel").is_present() || w.get("speakerTag").is_present())
        });
        if words == Some(true) {
            let alt = r.get("alternatives");
            let first = alt.items().next();
            if let Some(a) = first {
                let mut ps = Vec::new();
                for w in a.get("words").items() {
                    ps.push(word_piece(&w, r.get("channelTag").id())?);
                }
                diarized = Some(ps);
            }
        }
        if language.is_none() {
            language = r.get("languageCode").text().map(str::to_string);
        }
    }
    let pieces = match diarized {
        Some(p) => p,
        None => {
            let mut ps = Vec::new();
            let mut channel_end: HashMap<Option<String>, u64> = HashMap::new();
            for r in results.items() {
                let channel = r.get("channelTag").id();
                let end = duration(&r.get("resultEndTime"))?;
                let Some(a) = r.get("alternatives").items().next() else {
                    continue;
                };
                let words: Vec<_> = a.get("words").items().collect();
                if words.is_empty() {
                    let start = channel_end.get(&channel).copied();
                    if let Some(e) = end {
                        channel_end.insert(channel.clone(), e);
                    }
                    ps.push(Piece {
                        speaker: None,
                        channel,
                        start_ms: start.or(end.map(|_| 0)),
                        end_ms: end,
                        text: a.get("transcript").str().unwrap_or_default().to_string(),
                        role: None,
                    });
                } else {
                    for w in &words {
                        ps.push(word_piece(w, channel.clone())?);
                    }
                    if let Some(e) = end {
                        channel_end.insert(channel, e);
                    }
                }
            }
            ps
        }
    };
    let mut conv = Conversation::new(id, Vec::new());
    conv.channel = Channel::Phone;
    conv.language = language;
    build_turns(pieces, ctx.opts, &mut conv);
    Ok(conv)
}

fn word_piece(w: &J<'_>, channel: Option<String>) -> Result<Piece, Fail> {
    let text = w.get("word").req_str()?;
    Ok(Piece {
        speaker: w
            .get("speakerLabel")
            .id()
            .or_else(|| w.get("speakerTag").id().filter(|t| t != "0")),
        channel,
        start_ms: duration(&w.get("startTime"))?.or(duration(&w.get("startOffset"))?),
        end_ms: duration(&w.get("endTime"))?.or(duration(&w.get("endOffset"))?),
        text: text.to_string(),
        role: None,
    })
}
