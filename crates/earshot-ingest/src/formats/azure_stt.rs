//! Azure AI Speech results.
//!
//! Batch transcription: `recognizedPhrases[]` with `offsetInTicks`/`durationInTicks` (100 ns
//! ticks; ISO 8601 `offset`/`duration` as a fallback), `channel`, `speaker` when diarization is
//! on, and `nBest[0].display` as the text. Fast transcription: `phrases[]` with
//! `offsetMilliseconds`/`durationMilliseconds` (SDKs write `offsetInMs`/`durationInMs`) and
//! `text`. Phrases that were not recognised (`recognitionStatus` other than `Success`) are
//! skipped.

use earshot_model::{Channel, Conversation};
use serde_json::Value;

use super::aws_transcribe::file_id;
use super::common::Ctx;
use super::json::{Fail, J, short};
use super::speakers::{Piece, build_turns};
use super::time::{Unit, iso_duration_ms, number_ms, offset_ms, parse_timestamp};

pub(crate) fn import(ctx: &mut Ctx<'_>, data: &[u8]) {
    ctx.each_document(data, |ctx, doc| {
        let root = J::root(&doc.value, "");
        let id = root
            .get("source")
            .str()
            // A blob URL may carry a signed query string, which must not become the id.
            .map(|s| file_id(s.split('?').next().unwrap_or(s)))
            .unwrap_or_else(|| file_id(ctx.file));
        ctx.record(doc.line, Some(id.clone()), |ctx| convert(ctx, &root, id));
    });
}

/// An offset in ticks (number or numeric string).
fn ticks(j: &J<'_>) -> Result<Option<u64>, Fail> {
    let Some(v) = j.value() else { return Ok(None) };
    let ms = match v {
        Value::Number(n) => number_ms(n, Unit::Ticks),
        Value::String(s) => offset_ms(s, Unit::Ticks),
        _ => None,
    };
    ms.map(Some)
        .ok_or_else(|| j.fail(format!("expected 100 ns ticks, found {}", short(v))))
}

fn iso(j: &J<'_>) -> Result<Option<u64>, Fail> {
    let Some(v) = j.value() else { return Ok(None) };
    match v.as_str().and_then(iso_duration_ms) {
        Some(ms) => Ok(Some(ms)),
        None => Err(j.fail(format!(
            "expected an ISO 8601 duration such as \"PT1.5S\", found {}",
            short(v)
        ))),
    }
}

/// Start and end of a phrase in milliseconds, from whichever time fields it has.
fn span(p: &J<'_>) -> Result<(Option<u64>, Option<u64>), Fail> {
    let (offset, dur) = if p.get("offsetInTicks").is_present() {
        (
            ticks(&p.get("offsetInTicks"))?,
            ticks(&p.get("durationInTicks"))?,
        )
    } else if p.get("offsetMilliseconds").is_present() || p.get("offsetInMs").is_present() {
        let o = p.get_any(&["offsetMilliseconds", "offsetInMs"]);
        let d = p.get_any(&["durationMilliseconds", "durationInMs"]);
        (o.ms()?, d.ms()?)
    } else {
        (iso(&p.get("offset"))?, iso(&p.get("duration"))?)
    };
    let end = match (offset, dur) {
        (Some(o), Some(d)) => o.checked_add(d),
        _ => None,
    };
    Ok((offset, end))
}

fn convert(ctx: &Ctx<'_>, root: &J<'_>, id: String) -> Result<Conversation, Fail> {
    let batch = root.get("recognizedPhrases");
    let fast = root.get("phrases");
    let phrases = if batch.is_array() {
        batch
    } else if fast.is_array() {
        fast
    } else {
        return Err(batch.missing("an array of phrases"));
    };
    let mut pieces = Vec::with_capacity(phrases.len());
    let mut language = None;
    for p in phrases.items() {
        if p.get("recognitionStatus")
            .str()
            .is_some_and(|s| s != "Success")
        {
            continue;
        }
        let text = match p.get("nBest").items().next() {
            Some(best) => best
                .get("display")
                .str()
                .or(best.get("lexical").str())
                .map(str::to_string),
            None => p.get("text").str().map(str::to_string),
        };
        let Some(text) = text else {
            return Err(p.get("nBest").missing("an array with a `display` text"));
        };
        let (start, end) = span(&p)?;
        if language.is_none() {
            language = p.get("locale").text().map(str::to_string);
        }
        pieces.push(Piece {
            speaker: p.get("speaker").id(),
            channel: p.get("channel").id(),
            start_ms: start,
            end_ms: end,
            text,
            role: None,
        });
    }
    let mut conv = Conversation::new(id, Vec::new());
    conv.channel = Channel::Phone;
    conv.language = language;
    if let Some(ts) = root
        .get("timestamp")
        .str()
        .and_then(|s| parse_timestamp(s).ok())
    {
        conv.metadata
            .insert("transcribed_at".into(), ts.to_string().into());
    }
    let duration = if root.get("durationInTicks").is_present() {
        ticks(&root.get("durationInTicks"))?
    } else {
        root.get("durationMilliseconds").ms()?
    };
    if let Some(d) = duration {
        conv.metadata.insert("duration_ms".into(), d.into());
    }
    build_turns(pieces, ctx.opts, &mut conv);
    Ok(conv)
}
