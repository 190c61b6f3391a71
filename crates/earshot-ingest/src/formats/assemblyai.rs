//! AssemblyAI transcripts (`GET /v2/transcript/{id}`). Times are integer milliseconds.
//!
//! `utterances[]` (with `speaker_labels=true`) are used when present, else `words[]` with their
//! `speaker`, else the whole `text` as one piece. A transcript whose `status` is not `completed`
//! is an error, since it has no words yet.

use earshot_model::{Channel, Conversation};

use super::aws_transcribe::file_id;
use super::common::Ctx;
use super::json::{Fail, J};
use super::speakers::{Piece, build_turns};

pub(crate) fn import(ctx: &mut Ctx<'_>, data: &[u8]) {
    ctx.each_document(data, |ctx, doc| {
        let root = J::root(&doc.value, "");
        // A list response (`{"transcripts": [...]}`) holds no words; each transcript stands alone.
        let id = root.get("id").id().unwrap_or_else(|| file_id(ctx.file));
        ctx.record(doc.line, Some(id.clone()), |ctx| convert(ctx, &root, id));
    });
}

fn convert(ctx: &Ctx<'_>, root: &J<'_>, id: String) -> Result<Conversation, Fail> {
    if let Some(status) = root.get("status").str()
        && status != "completed"
    {
        return Err(root.get("status").fail(format!(
            "transcript status is {status:?}, not \"completed\""
        )));
    }
    let mut pieces = Vec::new();
    let utterances = root.get("utterances");
    let words = root.get("words");
    let source = if utterances.len() > 0 {
        utterances
    } else {
        words
    };
    for u in source.items() {
        pieces.push(Piece {
            speaker: u.get("speaker").id(),
            channel: u.get("channel").id(),
            start_ms: u.get("start").ms()?,
            end_ms: u.get("end").ms()?,
            text: u.get("text").req_str()?.to_string(),
            role: None,
        });
    }
    if pieces.is_empty() {
        let text = root.get("text");
        pieces.push(Piece {
            text: text.req_str()?.to_string(),
            ..Piece::default()
        });
    }
    let mut conv = Conversation::new(id, Vec::new());
    conv.channel = Channel::Phone;
    conv.language = root.get("language_code").text().map(str::to_string);
    if let Ok(Some(d)) = root.get("audio_duration").secs() {
        conv.metadata.insert("duration_ms".into(), d.into());
    }
    if let Some(s) = root.get("sentiment_analysis_results").value() {
        conv.metadata.insert("sentiment".into(), s.clone());
    }
    build_turns(pieces, ctx.opts, &mut conv);
    Ok(conv)
}
