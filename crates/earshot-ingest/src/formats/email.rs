//! One e-mail message, read with `mail-parser` and reduced to what threading and analysis need;
//! and mbox files split into their messages.

use jiff::Timestamp;
use mail_parser::{Address, HeaderName, Message, MessageParser, MimeHeaders, PartType};

use super::email_quote::strip_reply;
use super::html::html_to_text;
use crate::RecordError;

/// An e-mail message as earshot uses it.
#[derive(Debug, Clone)]
pub(crate) struct Mail {
    /// Index of the input file, and the line where the message starts in it (1 for `.eml`).
    pub input: usize,
    pub line: u64,
    /// The Message-ID without `<>`, or a synthesized key (without `@`, so nothing links to it).
    pub key: String,
    pub has_message_id: bool,
    /// `References` in order, then `In-Reply-To`: the ancestors this message names.
    pub parents: Vec<String>,
    pub date: Option<Timestamp>,
    pub from: String,
    pub from_name: Option<String>,
    pub reply_to: Option<String>,
    pub to: Vec<String>,
    pub cc: Vec<String>,
    pub subject: String,
    /// The newly written text: quotes and signature stripped, HTML converted.
    pub text: String,
    /// An auto-reply, bounce or bulk mail (RFC 3834 `Auto-Submitted` and the usual headers).
    pub auto: bool,
    pub gmail_thread: Option<String>,
}

/// Parses one message. The error names the header that is missing or unusable.
pub(crate) fn parse_mail(
    raw: &[u8],
    file: &str,
    input: usize,
    line: u64,
) -> Result<Mail, RecordError> {
    let err = |field: Option<&str>, id: Option<String>, message: String| RecordError {
        file: file.to_string(),
        line,
        field: field.map(str::to_string),
        id,
        message,
    };
    let msg = MessageParser::default()
        .parse(raw)
        .filter(|m| !m.headers().is_empty())
        .ok_or_else(|| err(None, None, "not an e-mail message: no headers found".into()))?;
    let message_id = msg
        .header_raw(HeaderName::MessageId)
        .and_then(|v| ids(v, false).into_iter().next());
    let (from, from_name) = first_addr(msg.from()).ok_or_else(|| {
        err(
            Some("From"),
            message_id.clone(),
            "missing or unreadable From address".into(),
        )
    })?;
    let mut parents = msg
        .header_raw(HeaderName::References)
        .map(|v| ids(v, true))
        .unwrap_or_default();
    for id in msg
        .header_raw(HeaderName::InReplyTo)
        .map(|v| ids(v, true))
        .unwrap_or_default()
    {
        if !parents.contains(&id) {
            parents.push(id);
        }
    }
    let date = msg
        .date()
        .filter(|d| d.is_valid())
        .and_then(|d| Timestamp::from_second(d.to_timestamp()).ok());
    let subject = msg.subject().unwrap_or_default().trim().to_string();
    let text = body(&msg);
    let auto = is_auto(&msg, &from);
    let has_message_id = message_id.is_some();
    let key = message_id.unwrap_or_else(|| synthetic_id(date, &from, &subject, &text));
    if parents.contains(&key) {
        parents.retain(|p| *p != key);
    }
    Ok(Mail {
        input,
        line,
        key,
        has_message_id,
        parents,
        date,
        from,
        from_name,
        reply_to: first_addr(msg.reply_to()).map(|(a, _)| a),
        to: all_addrs(msg.to()),
        cc: all_addrs(msg.cc()),
        subject,
        text,
        auto,
        gmail_thread: other_header(&msg, "X-GM-THRID"),
    })
}

/// The text the author wrote: the first plain-text body, else the HTML body converted with its
/// quoted history removed; then quotes and signature stripped. A message with only attachments
/// names them, so the turn is not empty.
fn body(msg: &Message<'_>) -> String {
    let mut text = match msg.text_part(0).map(|p| &p.body) {
        Some(PartType::Text(t)) if !t.trim().is_empty() => strip_reply(t),
        _ => match msg.html_part(0).map(|p| &p.body) {
            Some(PartType::Html(h)) => strip_reply(&html_to_text(h, true)),
            Some(PartType::Text(t)) => strip_reply(t),
            _ => String::new(),
        },
    };
    if text.trim().is_empty() {
        let names: Vec<String> = msg
            .attachments()
            .filter_map(|a| a.attachment_name().map(|n| format!("[attachment: {n}]")))
            .collect();
        text = names.join("\n");
    }
    text
}

fn first_addr(a: Option<&Address<'_>>) -> Option<(String, Option<String>)> {
    let addr = a?
        .iter()
        .find(|x| x.address().is_some_and(|s| s.contains('@')))?;
    let address = addr.address()?.trim().to_ascii_lowercase();
    let name = addr
        .name()
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .map(str::to_string);
    Some((address, name))
}

fn all_addrs(a: Option<&Address<'_>>) -> Vec<String> {
    a.map(|a| {
        a.iter()
            .filter_map(|x| x.address())
            .map(|s| s.trim().to_ascii_lowercase())
            .collect()
    })
    .unwrap_or_default()
}

fn other_header(msg: &Message<'_>, name: &str) -> Option<String> {
    msg.headers()
        .iter()
        .find(|h| h.name().eq_ignore_ascii_case(name))
        .and_then(|h| h.value().as_text())
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
}

/// Auto-replies, bounces and bulk mail, so they are not taken for a person writing.
fn is_auto(msg: &Message<'_>, from: &str) -> bool {
    let header = |n: &str| other_header(msg, n).map(|v| v.to_ascii_lowercase());
    if header("Auto-Submitted").is_some_and(|v| v != "no") {
        return true;
    }
    if header("X-Autoreply").is_some() || header("X-Autorespond").is_some() {
        return true;
    }
    if header("Precedence").is_some_and(|v| matches!(v.as_str(), "bulk" | "junk" | "auto_reply")) {
        return true;
    }
    let local = from.split('@').next().unwrap_or_default();
    matches!(local, "mailer-daemon" | "postmaster")
}

/// Message ids in a header value: the `<...>` tokens. Threading headers (`strict`) accept only
/// tokens that look like `<local@domain>`, since broken clients put other text there; a
/// Message-ID without brackets is taken whole.
pub(crate) fn ids(raw: &str, strict: bool) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = raw;
    while let Some(start) = rest.find('<') {
        let after = rest.get(start + 1..).unwrap_or_default();
        let Some(end) = after.find('>') else { break };
        let id = after.get(..end).unwrap_or_default().trim();
        if !id.is_empty() && !id.contains(char::is_whitespace) && (!strict || id.contains('@')) {
            out.push(id.to_string());
        }
        rest = after.get(end + 1..).unwrap_or_default();
    }
    if out.is_empty() && !strict {
        let t = raw.trim();
        if !t.is_empty() && !t.contains(char::is_whitespace) {
            out.push(t.to_string());
        }
    }
    out
}

/// A stable key for a message without Message-ID. It has no `@`, so no other message can name
/// it as a parent.
fn synthetic_id(date: Option<Timestamp>, from: &str, subject: &str, text: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let date = date.map(|d| d.to_string()).unwrap_or_default();
    for part in [date.as_str(), from, subject, text] {
        for b in part.bytes().chain(std::iter::once(0)) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("earshot-{h:016x}")
}

/// The messages of an mbox file, each with the line of its `From ` separator, `>From ` escapes
/// undone (mboxrd; harmless on mboxo). A `From ` line separates messages only at the start of the
/// file or after a blank line, and only when a header line follows, so an unescaped "From" in a
/// body does not split a message.
pub(crate) fn split_mbox(data: &[u8]) -> Vec<(u64, Vec<u8>)> {
    let lines: Vec<&[u8]> = data.split_inclusive(|&b| b == b'\n').collect();
    let mut out: Vec<(u64, Vec<u8>)> = Vec::new();
    let mut current: Option<(u64, Vec<u8>)> = None;
    let mut prev_blank = true;
    for (i, line) in lines.iter().enumerate() {
        let bare = line.trim_ascii_end();
        let separator = bare.starts_with(b"From ")
            && prev_blank
            && lines.get(i + 1).is_some_and(|next| is_header_line(next));
        if separator {
            if let Some(done) = current.take() {
                out.push(done);
            }
            current = Some((i as u64 + 1, Vec::with_capacity(4096)));
        } else if let Some((_, buf)) = &mut current {
            let unescaped = match line.iter().position(|&c| c != b'>') {
                Some(p) if p > 0 && line.get(p..).is_some_and(|r| r.starts_with(b"From ")) => {
                    line.get(1..).unwrap_or_default()
                }
                _ => line,
            };
            buf.extend_from_slice(unescaped);
        }
        prev_blank = bare.is_empty();
    }
    if let Some(done) = current {
        out.push(done);
    }
    // The blank line before each separator belongs to the mbox, not to the message.
    for (_, buf) in &mut out {
        while buf.last().is_some_and(|b| *b == b'\n' || *b == b'\r') {
            buf.pop();
        }
        buf.push(b'\n');
    }
    out
}

/// True for a line that begins an mbox file: a `From ` separator followed by a header.
pub(crate) fn looks_like_mbox(data: &[u8]) -> bool {
    let mut lines = data.split_inclusive(|&b| b == b'\n');
    lines.next().is_some_and(|l| l.starts_with(b"From "))
        && lines.next().is_some_and(is_header_line)
}

fn is_header_line(line: &[u8]) -> bool {
    let Some(colon) = line.iter().position(|&b| b == b':') else {
        return false;
    };
    colon > 0
        && line
            .get(..colon)
            .is_some_and(|name| name.iter().all(|&b| b.is_ascii_graphic() && b != b':'))
}

/// The subject without reply and forward prefixes (`Re:`, `AW:`, `回复：`, `Re[2]:`) and list
/// tags (`[shop]`), lowercased, for grouping relayed mail whose threading headers were dropped.
pub(crate) fn base_subject(subject: &str) -> (String, bool) {
    const PREFIXES: &[&str] = &[
        "re",
        "fw",
        "fwd",
        "aw",
        "wg",
        "sv",
        "vs",
        "antw",
        "rv",
        "tr",
        "r",
        "enc",
        "回复",
        "答复",
        "转发",
        "回覆",
        "轉寄",
        "返信",
        "転送",
        "trả lời",
        "chuyển tiếp",
        "ตอบกลับ",
        "رد",
    ];
    let mut s = subject.trim().to_lowercase();
    let mut reply = false;
    loop {
        let t = s.trim_start();
        if let Some((_, rest)) = t.strip_prefix('[').and_then(|r| r.split_once(']')) {
            s = rest.to_string();
            continue;
        }
        let found = PREFIXES.iter().find_map(|p| {
            let after = t.strip_prefix(p)?;
            // A count such as `Re[2]:` or `Re(2):`.
            let after = match after
                .strip_prefix(['[', '('])
                .and_then(|a| a.split_once([']', ')']))
            {
                Some((n, rest)) if n.bytes().all(|b| b.is_ascii_digit()) => rest,
                _ => after,
            };
            let after = after.trim_start();
            after
                .strip_prefix(':')
                .or_else(|| after.strip_prefix('：'))
                .map(str::to_string)
        });
        match found {
            Some(rest) => {
                s = rest;
                reply = true;
            }
            None => break,
        }
    }
    (s.split_whitespace().collect::<Vec<_>>().join(" "), reply)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_accept_only_message_ids_when_strict() {
        assert_eq!(ids("<a@b> <c@d>", true), vec!["a@b", "c@d"]);
        assert_eq!(
            ids("<junk> your message of Tuesday", true),
            Vec::<String>::new()
        );
        assert_eq!(ids(" bare-id ", false), vec!["bare-id"]);
    }

    #[test]
    fn base_subjects() {
        assert_eq!(
            base_subject("Re: AW: [Shop] Bestellung fehlt"),
            ("bestellung fehlt".into(), true)
        );
        assert_eq!(base_subject("回复：订单 1042"), ("订单 1042".into(), true));
        assert_eq!(base_subject("Re[2]: Hello"), ("hello".into(), true));
        assert_eq!(
            base_subject("Refund please"),
            ("refund please".into(), false)
        );
    }

    #[test]
    fn mbox_split_respects_blank_lines_and_unescapes() {
        let data = b"From a@x Tue May  7 14:03:11 2024\nFrom: a@x\n\nHello\n>From the page\n\nFrom here on it is body\nstill body\n\nFrom b@y Tue May  7 15:00:00 2024\nFrom: b@y\n\nBye\n";
        let msgs = split_mbox(data);
        assert_eq!(msgs.len(), 2);
        assert_eq!(msgs[0].0, 1);
        assert_eq!(msgs[1].0, 10);
        let first = String::from_utf8_lossy(&msgs[0].1);
        assert!(first.contains("\nFrom the page\n"), "{first}");
        assert!(first.contains("From here on it is body"), "{first}");
    }
}
