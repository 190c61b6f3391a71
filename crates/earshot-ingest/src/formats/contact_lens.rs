//! Amazon Connect Contact Lens analysis files and their sibling, Transcribe Call Analytics
//! output: `Transcript[]` turns with integer millisecond offsets and the speaker's role already
//! known (`ParticipantId` joined to `Participants[].ParticipantRole`, or `ParticipantRole` on the
//! turn). The call-level figures (sentiment, interruptions, non-talk time, talk speed, matched
//! categories) are kept in the metadata for the voice analysers.

use std::collections::HashMap;

use earshot_model::{Channel, Conversation, Role};

use super::aws_transcribe::file_id;
use super::common::{Ctx, meta_from};
use super::json::{Fail, J};
use super::speakers::{Piece, build_turns};

pub(crate) fn import(ctx: &mut Ctx<'_>, data: &[u8]) {
    ctx.each_document(data, |ctx, doc| {
        let root = J::root(&doc.value, "");
        let id = root
            .get("CustomerMetadata")
            .get("ContactId")
            .id()
            .or_else(|| root.get("JobName").id())
            .unwrap_or_else(|| file_id(ctx.file));
        ctx.record(doc.line, Some(id.clone()), |ctx| convert(ctx, &root, id));
    });
}

fn role_name(s: &str) -> Role {
    match s.trim().to_ascii_uppercase().as_str() {
        "AGENT" => Role::Agent,
        "CUSTOMER" => Role::Customer,
        "SYSTEM" => Role::System,
        "AUTOMATED" | "BOT" | "LEX" => Role::Bot,
        // Supervisors who barge in speak for the shop.
        "SUPERVISOR" => Role::Agent,
        _ => Role::Customer,
    }
}

fn convert(ctx: &Ctx<'_>, root: &J<'_>, id: String) -> Result<Conversation, Fail> {
    let transcript = root.get("Transcript");
    if !transcript.is_array() {
        return Err(transcript.missing("an array of turns"));
    }
    let mut roles: HashMap<String, Role> = HashMap::new();
    for p in root.get("Participants").items() {
        if let Some(role) = p.get("ParticipantRole").str() {
            let pid = p
                .get("ParticipantId")
                .id()
                .unwrap_or_else(|| role.to_string());
            roles.insert(pid, role_name(role));
        }
    }
    let mut pieces = Vec::with_capacity(transcript.len());
    for t in transcript.items() {
        let participant = t.get("ParticipantId").id();
        let role = match (t.get("ParticipantRole").str(), &participant) {
            (Some(r), _) => role_name(r),
            (None, Some(p)) => roles.get(p).copied().unwrap_or_else(|| role_name(p)),
            (None, None) => return Err(t.get("ParticipantId").missing("a participant id")),
        };
        let text = t.get("Content").req_str()?;
        let start = t.get("BeginOffsetMillis").ms()?;
        let end = t.get("EndOffsetMillis").ms()?;
        pieces.push(Piece {
            speaker: participant.or_else(|| t.get("ParticipantRole").id()),
            channel: None,
            start_ms: start,
            end_ms: end,
            text: text.to_string(),
            role: Some(role),
        });
    }
    let mut conv = Conversation::new(id, Vec::new());
    conv.channel = match root
        .get("Channel")
        .str()
        .map(str::to_ascii_uppercase)
        .as_deref()
    {
        Some("CHAT") => Channel::Chat,
        _ => Channel::Phone,
    };
    conv.language = root.get("LanguageCode").text().map(str::to_string);
    let chars = root.get("ConversationCharacteristics");
    meta_from(
        &mut conv,
        "duration_ms",
        &chars.get("TotalConversationDurationMillis"),
    );
    meta_from(&mut conv, "sentiment", &chars.get("Sentiment"));
    meta_from(&mut conv, "interruptions", &chars.get("Interruptions"));
    meta_from(&mut conv, "non_talk_time", &chars.get("NonTalkTime"));
    meta_from(&mut conv, "talk_speed", &chars.get("TalkSpeed"));
    meta_from(&mut conv, "talk_time", &chars.get("TalkTime"));
    meta_from(
        &mut conv,
        "summary",
        &root
            .get("ContactSummary")
            .get("PostContactSummary")
            .get("Content"),
    );
    meta_from(
        &mut conv,
        "contact_id",
        &root.get("CustomerMetadata").get("ContactId"),
    );
    meta_from(
        &mut conv,
        "redaction",
        &root.get("ContentMetadata").get("Output"),
    );
    let categories = root.get("Categories").get("MatchedCategories");
    conv.tags = categories
        .items()
        .filter_map(|c| c.text().map(str::to_string))
        .collect();
    meta_from(
        &mut conv,
        "categories",
        &root.get("Categories").get("MatchedDetails"),
    );
    // Per-turn sentiment and loudness have no place on a turn; they are kept by turn id.
    let mut per_turn = serde_json::Map::new();
    for t in transcript.items() {
        let mut m = serde_json::Map::new();
        for (key, field) in [
            ("sentiment", "Sentiment"),
            ("loudness", "LoudnessScore"),
            ("loudness", "LoudnessScores"),
            ("issues", "IssuesDetected"),
        ] {
            if let Some(v) = t.get(field).value() {
                m.insert(key.into(), v.clone());
            }
        }
        if let (Some(tid), false) = (t.get("Id").id(), m.is_empty()) {
            per_turn.insert(tid, m.into());
        }
    }
    if !per_turn.is_empty() {
        conv.metadata
            .insert("turn_analytics".into(), per_turn.into());
    }
    build_turns(pieces, ctx.opts, &mut conv);
    Ok(conv)
}
