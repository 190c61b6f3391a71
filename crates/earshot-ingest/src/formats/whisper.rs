//! Whisper transcripts.
//!
//! OpenAI's transcription API: `verbose_json` has `segments[]` in float seconds and no speakers;
//! `diarized_json` adds a `speaker` ("A", "B" or a known speaker name) to each segment.
//! whisper.cpp `-oj`/`-ojf`: `transcription[]` with `offsets` in milliseconds (`timestamps`
//! `"00:00:01,240"` as a fallback), a `speaker` with `--diarize` on stereo input, and
//! `speaker_turn_next` from tinydiarize, which marks where the other speaker takes over.

use earshot_model::{Channel, Conversation};

use super::aws_transcribe::file_id;
use super::common::Ctx;
use super::json::{Fail, J, short};
use super::speakers::{Piece, build_turns, role_from_label};
use super::time::clock_ms;

pub(crate) fn import_openai(ctx: &mut Ctx<'_>, data: &[u8]) {
    ctx.each_document(data, |ctx, doc| {
        let root = J::root(&doc.value, "");
        let id = file_id(ctx.file);
        ctx.record(doc.line, Some(id.clone()), |ctx| openai(ctx, &root, id));
    });
}

pub(crate) fn import_cpp(ctx: &mut Ctx<'_>, data: &[u8]) {
    ctx.each_document(data, |ctx, doc| {
        let root = J::root(&doc.value, "");
        let id = file_id(ctx.file);
        ctx.record(doc.line, Some(id.clone()), |ctx| cpp(ctx, &root, id));
    });
}

/// Whisper names languages in English ("german"); earshot keeps BCP-47 tags.
fn language_tag(name: &str) -> String {
    let n = name.trim().to_ascii_lowercase();
    let tag = match n.as_str() {
        "english" => "en",
        "german" => "de",
        "french" => "fr",
        "spanish" => "es",
        "japanese" => "ja",
        "chinese" => "zh",
        "vietnamese" => "vi",
        "thai" => "th",
        "arabic" => "ar",
        "italian" => "it",
        "portuguese" => "pt",
        "dutch" => "nl",
        "korean" => "ko",
        "russian" => "ru",
        "polish" => "pl",
        "turkish" => "tr",
        "indonesian" => "id",
        "malay" => "ms",
        "hindi" => "hi",
        _ => return n,
    };
    tag.to_string()
}

fn openai(ctx: &Ctx<'_>, root: &J<'_>, id: String) -> Result<Conversation, Fail> {
    let segments = root.get("segments");
    let mut pieces = Vec::with_capacity(segments.len());
    for s in segments.items() {
        let speaker = s.get("speaker").id();
        pieces.push(Piece {
            role: speaker.as_deref().and_then(role_from_label),
            speaker,
            channel: None,
            start_ms: s.get("start").secs()?,
            end_ms: s.get("end").secs()?,
            text: s.get("text").req_str()?.to_string(),
        });
    }
    if pieces.is_empty() {
        // Plain `json` output has only the text.
        pieces.push(Piece {
            text: root.get("text").req_str()?.to_string(),
            ..Piece::default()
        });
    }
    let mut conv = Conversation::new(id, Vec::new());
    conv.channel = Channel::Phone;
    conv.language = root.get("language").text().map(language_tag);
    if let Ok(Some(d)) = root.get("duration").secs() {
        conv.metadata.insert("duration_ms".into(), d.into());
    }
    build_turns(pieces, ctx.opts, &mut conv);
    Ok(conv)
}

fn cpp(ctx: &Ctx<'_>, root: &J<'_>, id: String) -> Result<Conversation, Fail> {
    let segments = root.get("transcription");
    if !segments.is_array() {
        return Err(segments.missing("an array of segments"));
    }
    let tiny = segments
        .items()
        .any(|s| s.get("speaker_turn_next").is_present());
    let mut turn_no = 0u32;
    let mut pieces = Vec::with_capacity(segments.len());
    for s in segments.items() {
        let offsets = s.get("offsets");
        let (start, end) = if offsets.is_object() {
            (offsets.get("from").ms()?, offsets.get("to").ms()?)
        } else {
            let ts = s.get("timestamps");
            (clock(&ts.get("from"))?, clock(&ts.get("to"))?)
        };
        // whisper.cpp writes "?" when it cannot tell the speaker.
        let speaker = match s.get("speaker").id() {
            Some(sp) if sp != "?" => Some(sp),
            _ if tiny => Some(format!("speaker {turn_no}")),
            _ => None,
        };
        pieces.push(Piece {
            role: speaker.as_deref().and_then(role_from_label),
            speaker,
            channel: None,
            start_ms: start,
            end_ms: end,
            text: s.get("text").req_str()?.to_string(),
        });
        if s.get("speaker_turn_next").bool() == Some(true) {
            turn_no = 1 - turn_no;
        }
    }
    let mut conv = Conversation::new(id, Vec::new());
    conv.channel = Channel::Phone;
    conv.language = root
        .get("result")
        .get("language")
        .text()
        .or(root.get("params").get("language").text())
        .filter(|l| *l != "auto")
        .map(language_tag);
    build_turns(pieces, ctx.opts, &mut conv);
    Ok(conv)
}

fn clock(j: &J<'_>) -> Result<Option<u64>, Fail> {
    let Some(v) = j.value() else { return Ok(None) };
    match v.as_str().and_then(clock_ms) {
        Some(ms) => Ok(Some(ms)),
        None => Err(j.fail(format!(
            "expected a time such as \"00:00:01,240\", found {}",
            short(v)
        ))),
    }
}
