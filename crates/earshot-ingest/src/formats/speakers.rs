//! From speech-to-text words or phrases to conversation turns: who is the agent, and which
//! consecutive pieces of one speaker make one turn.
//!
//! Who is the agent, in this order:
//! 1. the vendor says so (Contact Lens `AGENT`, a subtitle voice named "Agent");
//! 2. `--agent-speaker` names the agent's speaker label, every other speaker is the customer;
//! 3. `--agent-channel` names the agent's audio channel, the other channel is the customer;
//! 4. otherwise the first speaker (or channel) to talk is the agent, because on a service line
//!    the agent answers ("Thanks for calling ..."); outbound calls need option 2 or 3.
//!
//! A transcript with no speaker or channel information at all cannot be split: every turn is
//! the customer's, the pieces are not merged, and `metadata.role_assignment` says `none`.

use earshot_model::{Conversation, Role, Turn};

use super::ImportOptions;

/// A same-speaker pause longer than this starts a new turn, so that silences of the smaller
/// default non-talk threshold (3 s) stay visible as gaps between turns.
pub(crate) const MERGE_GAP_MS: u64 = 3_000;

/// One word or phrase as a vendor gives it.
#[derive(Debug, Clone, Default)]
pub(crate) struct Piece {
    pub speaker: Option<String>,
    pub channel: Option<String>,
    pub start_ms: Option<u64>,
    pub end_ms: Option<u64>,
    pub text: String,
    /// The role when the vendor states it.
    pub role: Option<Role>,
}

impl Piece {
    fn key(&self) -> Option<&str> {
        self.speaker.as_deref().or(self.channel.as_deref())
    }
}

/// Normalises a speaker or channel label for comparison with the options: `spk_0`, `Speaker 0`
/// and `0` are the same speaker, `ch_1` and `1` the same channel.
fn norm(label: &str) -> String {
    let l = label.trim().to_ascii_lowercase();
    for p in [
        "spk_", "speaker_", "speaker ", "speaker", "ch_", "channel_", "channel ", "channel",
    ] {
        if let Some(rest) = l.strip_prefix(p)
            && !rest.is_empty()
        {
            return rest.trim().to_string();
        }
    }
    l
}

/// A speaker label that itself names a role ("Agent", "Customer", "Kunde", "客服").
pub(crate) fn role_from_label(label: &str) -> Option<Role> {
    let first = label.split([' ', '_', '-', ':']).next().unwrap_or(label);
    for candidate in [label.trim(), first] {
        if let Some(r) = crate::csv_map::parse_role(candidate) {
            return Some(r);
        }
        let r = match candidate.to_lowercase().as_str() {
            "kunde" | "kundin" | "client" | "cliente" | "顧客" | "お客様" | "客户" | "顾客"
            | "khách" | "khách hàng" | "ลูกค้า" | "عميل" | "العميل" => {
                Role::Customer
            }
            "agente"
            | "mitarbeiter"
            | "conseiller"
            | "オペレーター"
            | "客服"
            | "坐席"
            | "座席"
            | "nhân viên"
            | "พนักงาน"
            | "الوكيل"
            | "وكيل" => Role::Agent,
            _ => continue,
        };
        return Some(r);
    }
    None
}

/// Builds the turns of a call from its pieces and records in the metadata how roles were
/// decided.
pub(crate) fn build_turns(mut pieces: Vec<Piece>, opts: &ImportOptions, conv: &mut Conversation) {
    pieces.retain(|p| !p.text.trim().is_empty());
    if pieces.iter().all(|p| p.start_ms.is_some()) {
        pieces.sort_by_key(|p| p.start_ms);
    }
    let has_speaker = pieces.iter().any(|p| p.speaker.is_some());
    let has_channel = pieces.iter().any(|p| p.channel.is_some());
    let all_vendor = !pieces.is_empty() && pieces.iter().all(|p| p.role.is_some());
    let agent_speaker = opts
        .agent_speaker
        .as_deref()
        .filter(|_| has_speaker)
        .map(norm);
    let agent_channel = opts
        .agent_channel
        .as_deref()
        .filter(|_| has_channel)
        .map(norm);
    let first_key = pieces.iter().find_map(|p| p.key().map(norm));

    let how = if all_vendor {
        "vendor"
    } else if agent_speaker.is_some() {
        "agent_speaker"
    } else if agent_channel.is_some() {
        "agent_channel"
    } else if first_key.is_some() {
        "first_speaker"
    } else {
        "none"
    };
    conv.metadata.insert("role_assignment".into(), how.into());
    if how == "first_speaker"
        && let Some(k) = pieces.iter().find_map(|p| p.key())
    {
        conv.metadata.insert("agent_speaker".into(), k.into());
    }

    let role_of = |p: &Piece| -> Role {
        if let Some(r) = p.role {
            return r;
        }
        if let Some(a) = &agent_speaker {
            return match &p.speaker {
                Some(s) if norm(s) == *a => Role::Agent,
                _ => Role::Customer,
            };
        }
        if let Some(a) = &agent_channel {
            return match &p.channel {
                Some(c) if norm(c) == *a => Role::Agent,
                _ => Role::Customer,
            };
        }
        match (p.key().map(norm), &first_key) {
            (Some(k), Some(f)) if k == *f => Role::Agent,
            _ => Role::Customer,
        }
    };

    let mut current: Option<(Turn, Option<String>)> = None;
    for p in pieces {
        let role = role_of(&p);
        let key = p.key().map(str::to_string);
        if let Some((t, k)) = &mut current {
            let gap = match (t.end_ms, p.start_ms) {
                (Some(end), Some(start)) => start.saturating_sub(end),
                _ => 0,
            };
            if how != "none" && t.role == role && *k == key && gap <= MERGE_GAP_MS {
                join_piece(&mut t.text, p.text.trim());
                t.end_ms = match (t.end_ms, p.end_ms) {
                    (Some(a), Some(b)) => Some(a.max(b)),
                    (a, b) => b.or(a),
                };
                continue;
            }
        }
        if let Some((t, _)) = current.take() {
            conv.turns.push(t);
        }
        let mut t = Turn::new(role, p.text.trim().to_string());
        t.author = p.speaker.clone().or_else(|| p.channel.clone());
        t.channel = p.channel.clone();
        t.start_ms = p.start_ms;
        t.end_ms = p.end_ms;
        current = Some((t, key));
    }
    if let Some((t, _)) = current {
        conv.turns.push(t);
    }
}

/// Appends a word or phrase: punctuation attaches to the word before it, and scripts written
/// without spaces (Chinese, Japanese, Thai, ...) are joined without one.
pub(crate) fn join_piece(buf: &mut String, piece: &str) {
    let Some(first) = piece.chars().next() else {
        return;
    };
    let attaches = matches!(
        first,
        '.' | ','
            | '!'
            | '?'
            | ';'
            | ':'
            | '%'
            | ')'
            | ']'
            | '}'
            | '…'
            | '、'
            | '。'
            | '！'
            | '？'
            | '，'
            | '；'
            | '：'
            | '）'
            | '」'
            | '』'
            | '】'
            | '’'
            | '”'
            | '»'
    ) || first == '\'' && piece.len() > 1;
    let both_unspaced = buf.chars().next_back().is_some_and(unspaced) && unspaced(first);
    if !buf.is_empty() && !attaches && !both_unspaced && !buf.ends_with(char::is_whitespace) {
        buf.push(' ');
    }
    buf.push_str(piece);
}

/// Scripts written without spaces between words.
fn unspaced(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF     // Hiragana, Katakana
        | 0x3400..=0x4DBF   // CJK extension A
        | 0x4E00..=0x9FFF   // CJK unified ideographs
        | 0xF900..=0xFAFF   // CJK compatibility ideographs
        | 0x3000..=0x303F   // CJK punctuation
        | 0xFF00..=0xFFEF   // full-width forms
        | 0x0E00..=0x0E7F   // Thai
        | 0x0E80..=0x0EFF   // Lao
        | 0x1780..=0x17FF   // Khmer
        | 0x1000..=0x109F   // Myanmar
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn piece(speaker: &str, start: u64, end: u64, text: &str) -> Piece {
        Piece {
            speaker: Some(speaker.into()),
            start_ms: Some(start),
            end_ms: Some(end),
            text: text.into(),
            ..Piece::default()
        }
    }

    #[test]
    fn first_speaker_is_agent_and_runs_merge() {
        let mut conv = Conversation::new("c", vec![]);
        let pieces = vec![
            piece("spk_1", 0, 300, "Hello"),
            piece("spk_1", 300, 500, ","),
            piece("spk_1", 500, 900, "shop"),
            piece("spk_0", 1000, 1500, "Hi"),
            piece("spk_0", 9000, 9500, "hello?"),
        ];
        build_turns(pieces, &ImportOptions::default(), &mut conv);
        assert_eq!(conv.turns.len(), 3, "{:?}", conv.turns);
        assert_eq!(conv.turns[0].role, Role::Agent);
        assert_eq!(conv.turns[0].text, "Hello, shop");
        assert_eq!(
            (conv.turns[0].start_ms, conv.turns[0].end_ms),
            (Some(0), Some(900))
        );
        assert_eq!(conv.turns[1].role, Role::Customer);
        assert_eq!(conv.turns[2].text, "hello?");
        assert_eq!(conv.metadata["role_assignment"], "first_speaker");
    }

    #[test]
    fn options_choose_the_agent() {
        let mut conv = Conversation::new("c", vec![]);
        let opts = ImportOptions {
            agent_speaker: Some("0".into()),
            ..ImportOptions::default()
        };
        build_turns(
            vec![piece("spk_1", 0, 1, "a"), piece("spk_0", 2, 3, "b")],
            &opts,
            &mut conv,
        );
        assert_eq!(conv.turns[0].role, Role::Customer);
        assert_eq!(conv.turns[1].role, Role::Agent);
    }

    #[test]
    fn unspaced_scripts_and_labels() {
        let mut s = String::new();
        for w in ["注文", "が", "届き", "ません", "。", "OK", "thanks"] {
            join_piece(&mut s, w);
        }
        assert_eq!(s, "注文が届きません。 OK thanks");
        assert_eq!(role_from_label("Agent Ana"), Some(Role::Agent));
        assert_eq!(role_from_label("Kunde"), Some(Role::Customer));
        assert_eq!(role_from_label("Ana"), None);
    }
}
