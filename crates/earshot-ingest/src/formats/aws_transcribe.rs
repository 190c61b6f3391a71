//! AWS Transcribe batch output: `results.items[]` with times as strings of seconds, a
//! `speaker_label` (diarization) or `channel_label` (channel identification) on each word.
//!
//! Older outputs carry the labels only in `speaker_labels.segments[].items[]` or
//! `channel_labels.channels[].items[]`; they are joined to the words by start time. Punctuation
//! has no times and belongs to the word before it.

use std::collections::HashMap;

use earshot_model::{Channel, Conversation};

use super::common::Ctx;
use super::json::{Fail, J};
use super::speakers::{Piece, build_turns};

pub(crate) fn import(ctx: &mut Ctx<'_>, data: &[u8]) {
    ctx.each_document(data, |ctx, doc| {
        let root = J::root(&doc.value, "");
        let id = root
            .get("jobName")
            .id()
            .unwrap_or_else(|| file_id(ctx.file));
        ctx.record(doc.line, Some(id.clone()), |ctx| convert(ctx, &root, id));
    });
}

/// A transcript's id when the vendor gives none: the file name without folders and extension.
pub(crate) fn file_id(file: &str) -> String {
    let base = file.rsplit(['/', '\\']).next().unwrap_or(file);
    let stem = base
        .rsplit_once('.')
        .map(|(s, _)| s)
        .filter(|s| !s.is_empty())
        .unwrap_or(base);
    if stem.is_empty() {
        "transcript".to_string()
    } else {
        stem.to_string()
    }
}

fn convert(ctx: &Ctx<'_>, root: &J<'_>, id: String) -> Result<Conversation, Fail> {
    let results = root.get("results");
    if !results.is_object() {
        return Err(results.missing("an object"));
    }
    let items = results.get("items");
    if !items.is_array() {
        return Err(items.missing("an array of items"));
    }
    // Labels given only in the side tables, keyed by the word's start time in milliseconds.
    let mut side: HashMap<u64, (Option<String>, Option<String>)> = HashMap::new();
    let labels = results.get("speaker_labels");
    for seg in labels.get("segments").items() {
        for it in seg.get("items").items() {
            if let (Ok(Some(start)), Some(spk)) =
                (it.get("start_time").secs(), it.get("speaker_label").id())
            {
                side.entry(start).or_default().0 = Some(spk);
            }
        }
    }
    for ch in results.get("channel_labels").get("channels").items() {
        let label = ch.get("channel_label").id();
        for it in ch.get("items").items() {
            if let Ok(Some(start)) = it.get("start_time").secs() {
                side.entry(start).or_default().1 = label.clone();
            }
        }
    }

    let mut pieces: Vec<Piece> = Vec::with_capacity(items.len());
    for item in items.items() {
        let content = item
            .get("alternatives")
            .items()
            .next()
            .and_then(|a| a.get("content").str().map(str::to_string));
        let Some(content) = content else {
            return Err(item
                .get("alternatives")
                .missing("an array with a `content`"));
        };
        let kind = item.get("type").str().unwrap_or("pronunciation");
        if kind == "punctuation" {
            if let Some(last) = pieces.last_mut() {
                super::speakers::join_piece(&mut last.text, &content);
            }
            continue;
        }
        let start = item.get("start_time").secs()?;
        let end = item.get("end_time").secs()?;
        let (side_spk, side_ch) = start
            .and_then(|s| side.get(&s).cloned())
            .unwrap_or_default();
        pieces.push(Piece {
            speaker: item.get("speaker_label").id().or(side_spk),
            channel: item.get("channel_label").id().or(side_ch),
            start_ms: start,
            end_ms: end,
            text: content,
            role: None,
        });
    }
    if pieces.is_empty() {
        // A job without word items still has its full transcript.
        let text = results
            .get("transcripts")
            .items()
            .filter_map(|t| t.get("transcript").text().map(str::to_string))
            .collect::<Vec<_>>()
            .join(" ");
        if !text.is_empty() {
            pieces.push(Piece {
                text,
                ..Piece::default()
            });
        }
    }
    let mut conv = Conversation::new(id, Vec::new());
    conv.channel = Channel::Phone;
    if let Some(lang) = root
        .get("results")
        .get("language_code")
        .text()
        .or(root.get("languageCode").text())
    {
        conv.language = Some(lang.to_string());
    }
    if let Some(a) = root.get("accountId").id() {
        conv.metadata.insert("account_id".into(), a.into());
    }
    build_turns(pieces, ctx.opts, &mut conv);
    Ok(conv)
}
