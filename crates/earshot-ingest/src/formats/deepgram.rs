//! Deepgram `/v1/listen` responses. Times are float seconds.
//!
//! `results.utterances[]` (with `utterances=true`) are already split by speaker and are used
//! when present; otherwise the words of each channel's first alternative (`speaker` with
//! `diarize=true`, `punctuated_word` with `punctuate=true`); a channel without words gives its
//! transcript as one piece. With `multichannel=true` the channel index is the audio channel.

use earshot_model::{Channel, Conversation};

use super::aws_transcribe::file_id;
use super::common::Ctx;
use super::json::{Fail, J};
use super::speakers::{Piece, build_turns};

pub(crate) fn import(ctx: &mut Ctx<'_>, data: &[u8]) {
    ctx.each_document(data, |ctx, doc| {
        let root = J::root(&doc.value, "");
        let id = root
            .get("metadata")
            .get("request_id")
            .id()
            .unwrap_or_else(|| file_id(ctx.file));
        ctx.record(doc.line, Some(id.clone()), |ctx| convert(ctx, &root, id));
    });
}

fn convert(ctx: &Ctx<'_>, root: &J<'_>, id: String) -> Result<Conversation, Fail> {
    let results = root.get("results");
    if !results.is_object() {
        return Err(results.missing("an object"));
    }
    let channels = results.get("channels");
    let multichannel = channels.len() > 1;
    let mut pieces = Vec::new();
    let utterances = results.get("utterances");
    if utterances.len() > 0 {
        for u in utterances.items() {
            pieces.push(Piece {
                speaker: u.get("speaker").id(),
                channel: u.get("channel").id().filter(|_| multichannel),
                start_ms: u.get("start").secs()?,
                end_ms: u.get("end").secs()?,
                text: u.get("transcript").req_str()?.to_string(),
                role: None,
            });
        }
    } else {
        if !channels.is_array() {
            return Err(channels.missing("an array of channels"));
        }
        for (ci, ch) in channels.items().enumerate() {
            let channel = multichannel.then(|| ci.to_string());
            let Some(alt) = ch.get("alternatives").items().next() else {
                continue;
            };
            let words = alt.get("words");
            if words.len() == 0 {
                if let Some(t) = alt.get("transcript").text() {
                    pieces.push(Piece {
                        channel,
                        text: t.to_string(),
                        ..Piece::default()
                    });
                }
                continue;
            }
            for w in words.items() {
                let text = w
                    .get("punctuated_word")
                    .str()
                    .map_or_else(|| w.get("word").req_str(), Ok)?;
                pieces.push(Piece {
                    speaker: w.get("speaker").id(),
                    channel: channel.clone(),
                    start_ms: w.get("start").secs()?,
                    end_ms: w.get("end").secs()?,
                    text: text.to_string(),
                    role: None,
                });
            }
        }
    }
    let mut conv = Conversation::new(id, Vec::new());
    conv.channel = Channel::Phone;
    conv.language = channels
        .items()
        .find_map(|c| c.get("detected_language").text().map(str::to_string));
    if let Ok(Some(d)) = root.get("metadata").get("duration").secs() {
        conv.metadata.insert("duration_ms".into(), d.into());
    }
    build_turns(pieces, ctx.opts, &mut conv);
    Ok(conv)
}
