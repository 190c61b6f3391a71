//! What every importer shares: the collected results, error construction with record numbers,
//! and the finishing touches every conversation gets.

use earshot_model::{Agent, Channel, Conversation, Turn};
use serde_json::Value;

use super::json::{self, Doc, Fail, J};
use super::{ImportFormat, ImportOptions};
use crate::RecordError;

/// The state of one import: which input, the options, and the results so far.
pub(crate) struct Ctx<'a> {
    pub format: ImportFormat,
    pub file: &'a str,
    pub opts: &'a ImportOptions,
    pub out: Vec<Result<Conversation, RecordError>>,
    /// True when the input is JSON Lines, where the line number locates a record best.
    pub stream: bool,
}

impl<'a> Ctx<'a> {
    pub fn new(format: ImportFormat, file: &'a str, opts: &'a ImportOptions) -> Ctx<'a> {
        Ctx {
            format,
            file,
            opts,
            out: Vec::new(),
            stream: false,
        }
    }

    /// The `line` of a record: its line in JSON Lines input, else its 1-based index among the
    /// records of the document.
    pub fn line(&self, doc_line: u64, index: usize) -> u64 {
        if self.stream {
            doc_line
        } else {
            index as u64 + 1
        }
    }

    pub fn error(&mut self, line: u64, id: Option<String>, fail: Fail) {
        let field = (!fail.field.is_empty()).then_some(fail.field);
        self.out.push(Err(RecordError {
            file: self.file.to_string(),
            line,
            field,
            id,
            message: fail.message,
        }));
    }

    /// Adds a finished conversation: the source and workspace are set, turns ordered and the
    /// start and end filled in from the turns where the vendor gave none.
    pub fn push(&mut self, mut conv: Conversation) {
        if conv.source.is_none() {
            conv.source = Some(self.format.name().to_string());
        }
        if let Some(ws) = &self.opts.workspace {
            conv.workspace = Some(ws.clone());
        }
        finish_times(&mut conv);
        self.out.push(Ok(conv));
    }

    /// Reads the input's JSON documents and hands each to `f` with its line. Unreadable documents
    /// become errors.
    pub fn each_document(&mut self, data: &[u8], mut f: impl FnMut(&mut Self, &Doc)) {
        for d in self.documents(data) {
            f(self, &d);
        }
    }

    /// The input's readable JSON documents; unreadable ones become errors.
    pub fn documents(&mut self, data: &[u8]) -> Vec<Doc> {
        let (docs, stream) = json::documents(data);
        self.stream = stream;
        let mut good = Vec::with_capacity(docs.len());
        for doc in docs {
            match doc {
                Ok(d) => good.push(d),
                Err(e) => {
                    self.error(
                        e.line,
                        None,
                        Fail {
                            field: String::new(),
                            message: e.message,
                        },
                    );
                }
            }
        }
        good
    }

    /// Runs `f` on one record; its failure becomes an error naming the record's id when known.
    pub fn record(
        &mut self,
        line: u64,
        id: Option<String>,
        f: impl FnOnce(&mut Self) -> Result<Conversation, Fail>,
    ) {
        match f(self) {
            Ok(conv) => self.push(conv),
            Err(fail) => self.error(line, id, fail),
        }
    }
}

/// The records of a document with the line to report for each: the elements of the first array
/// found under `keys`, or of the document itself when it is an array; else the document alone.
pub(crate) fn records<'a>(ctx: &Ctx<'_>, doc: &'a Doc, keys: &[&'static str]) -> Vec<(u64, J<'a>)> {
    let root = J::root(&doc.value, "");
    let list = keys
        .iter()
        .map(|k| root.get(k))
        .find(J::is_array)
        .or(root.is_array().then_some(root));
    match list {
        Some(l) => l
            .items()
            .enumerate()
            .map(|(i, j)| (ctx.line(doc.line, i), j))
            .collect(),
        None => vec![(ctx.line(doc.line, 0), root)],
    }
}

/// Groups loose messages by the conversation id they name, in order of first appearance.
pub(crate) fn group_by<'a>(
    items: Vec<(u64, J<'a>)>,
    key: &'static str,
) -> Vec<(u64, Option<String>, Vec<J<'a>>)> {
    let mut out: Vec<(u64, Option<String>, Vec<J<'a>>)> = Vec::new();
    let mut index: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for (line, j) in items {
        match j.get(key).id() {
            Some(id) => match index.get(&id) {
                Some(&i) => {
                    if let Some(g) = out.get_mut(i) {
                        g.2.push(j);
                    }
                }
                None => {
                    index.insert(id.clone(), out.len());
                    out.push((line, Some(id), vec![j]));
                }
            },
            // A message without its conversation id is reported on its own.
            None => out.push((line, None, vec![j])),
        }
    }
    out
}

/// Orders the turns by time when every turn has one (stable, so equal times keep the vendor's
/// order), and fills `started_at`/`ended_at` from the first and last turn.
pub(crate) fn finish_times(conv: &mut Conversation) {
    if !conv.turns.is_empty() && conv.turns.iter().all(|t| t.at.is_some()) {
        conv.turns.sort_by_key(|t| t.at);
    }
    let first = conv.turns.iter().filter_map(|t| t.at).min();
    let last = conv.turns.iter().filter_map(|t| t.at).max();
    if conv.started_at.is_none() {
        conv.started_at = first;
    }
    if conv.ended_at.is_none() {
        conv.ended_at = last;
    }
}

/// Adds an agent once, keeping the first name seen.
pub(crate) fn add_agent(agents: &mut Vec<Agent>, id: &str, name: Option<&str>) {
    if id.trim().is_empty() {
        return;
    }
    match agents.iter_mut().find(|a| a.id == id) {
        Some(a) => {
            if a.name.is_none() {
                a.name = name.map(str::to_string);
            }
        }
        None => agents.push(Agent {
            id: id.to_string(),
            name: name.filter(|n| !n.trim().is_empty()).map(str::to_string),
            team: None,
            hired_at: None,
        }),
    }
}

/// A turn with its author and time.
pub(crate) fn turn(
    role: earshot_model::Role,
    text: String,
    author: Option<String>,
    at: Option<jiff::Timestamp>,
    internal: bool,
) -> Turn {
    let mut t = Turn::new(role, text);
    t.author = author;
    t.at = at;
    t.internal = internal;
    t
}

/// Helpdesk channel names (Zendesk `via.channel`, Gorgias `channel`, Help Scout `type`) as
/// earshot channels; unknown names are `other` and stay in the metadata.
pub(crate) fn channel_from_name(name: &str) -> Channel {
    let n = name.trim().to_ascii_lowercase().replace(['-', ' '], "_");
    match n.as_str() {
        "email" | "mail" | "e_mail" | "outbound_email" | "incoming_email" => Channel::Email,
        "chat" | "web_chat" | "webchat" | "live_chat" | "livechat" | "native_messaging"
        | "messaging" | "chat_transcript" | "widget" | "web_widget" | "whatsapp" | "line"
        | "wechat" | "telegram" | "api_chat" => Channel::Chat,
        "voice"
        | "phone"
        | "call"
        | "phone_call_inbound"
        | "phone_call_outbound"
        | "voicemail"
        | "phone_call" => Channel::Phone,
        "sms" | "text" | "twilio_sms" => Channel::Sms,
        "facebook"
        | "facebook_messenger"
        | "facebook_mention"
        | "instagram"
        | "instagram_direct_message"
        | "instagram_comment"
        | "instagram_ad_comment"
        | "twitter"
        | "twitter_dm"
        | "tiktok"
        | "social"
        | "yotpo_review" => Channel::Social,
        "amazon" | "ebay" | "marketplace" | "walmart" => Channel::Marketplace,
        _ => Channel::Other,
    }
}

/// Sets a metadata key when the value is present.
pub(crate) fn meta(conv: &mut Conversation, key: &str, v: Option<Value>) {
    if let Some(v) = v.filter(|v| !v.is_null()) {
        conv.metadata.insert(key.to_string(), v);
    }
}

/// Sets a metadata key from a JSON field when it is present.
pub(crate) fn meta_from(conv: &mut Conversation, key: &str, j: &J<'_>) {
    meta(conv, key, j.value().cloned());
}

/// The text of a body that may be HTML: plain text when the vendor gives it, else the HTML
/// converted. `mail` is set for messages that arrived or left by e-mail, whose quoted history
/// and signature are stripped as the e-mail importer does.
pub(crate) fn body_text(plain: Option<&str>, html: Option<&str>, mail: bool) -> Option<String> {
    let text = match plain.filter(|p| !p.trim().is_empty()) {
        Some(p) => p.trim().to_string(),
        None => super::html::html_to_text(html?, mail),
    };
    Some(if mail {
        super::email_quote::strip_reply(&text)
    } else {
        text
    })
}

/// Text that may or may not be HTML (chat tools store either): converted when it has tags.
pub(crate) fn maybe_html(s: &str) -> String {
    let looks_html = s.contains('<')
        && s.contains('>')
        && [
            "<p", "<div", "<br", "<span", "<a ", "<b>", "<i>", "<ul", "<ol", "<img", "<strong",
            "<em>",
        ]
        .iter()
        .any(|t| s.contains(t));
    if looks_html {
        super::html::html_to_text(s, false)
    } else {
        s.trim().to_string()
    }
}

/// Amazon order numbers (`302-1234567-7654321`) in a text, first one wins.
pub(crate) fn amazon_order_id(text: &str) -> Option<String> {
    find_digit_groups(text, &[3, 7, 7])
}

/// eBay order numbers (`12-34567-89012`).
pub(crate) fn ebay_order_id(text: &str) -> Option<String> {
    find_digit_groups(text, &[2, 5, 5])
}

/// Finds digits in groups of the given sizes joined by `-`, not part of a longer number.
fn find_digit_groups(text: &str, groups: &[usize]) -> Option<String> {
    let b = text.as_bytes();
    let total: usize = groups.iter().sum::<usize>() + groups.len().saturating_sub(1);
    let mut i = 0;
    while i + total <= b.len() {
        let before_ok = i == 0
            || !b
                .get(i - 1)
                .is_some_and(|c| c.is_ascii_digit() || *c == b'-');
        if before_ok {
            let mut pos = i;
            let mut ok = true;
            for (g, len) in groups.iter().enumerate() {
                if g > 0 {
                    if b.get(pos) != Some(&b'-') {
                        ok = false;
                        break;
                    }
                    pos += 1;
                }
                if !b
                    .get(pos..pos + len)
                    .is_some_and(|s| s.iter().all(u8::is_ascii_digit))
                {
                    ok = false;
                    break;
                }
                pos += len;
            }
            let after_ok = !b.get(pos).is_some_and(|c| c.is_ascii_digit() || *c == b'-');
            if ok && after_ok {
                return text.get(i..pos).map(str::to_string);
            }
        }
        i += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn order_numbers_are_found_only_whole() {
        assert_eq!(
            amazon_order_id("Bestellung 302-1234567-7654321 fehlt").as_deref(),
            Some("302-1234567-7654321")
        );
        assert_eq!(amazon_order_id("1302-1234567-7654321"), None);
        assert_eq!(amazon_order_id("302-1234567-76543210"), None);
        assert_eq!(
            ebay_order_id("Order 12-34567-89012.").as_deref(),
            Some("12-34567-89012")
        );
        assert_eq!(amazon_order_id("短い 302-12"), None);
    }

    #[test]
    fn channel_names() {
        assert_eq!(channel_from_name("email"), Channel::Email);
        assert_eq!(channel_from_name("native_messaging"), Channel::Chat);
        assert_eq!(channel_from_name("Facebook-Messenger"), Channel::Social);
        assert_eq!(channel_from_name("web"), Channel::Other);
    }
}
