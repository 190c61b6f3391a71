//! Cutting a plain-text e-mail down to what its author newly wrote: quoted history, reply
//! headers and signatures are removed.
//!
//! These are conventions, not standards, so the rules are deliberately narrow: a line is a reply
//! header only if it ends the way mail clients phrase it in the languages earshot's users write
//! (English, German, French, Spanish, Japanese, Chinese, Vietnamese, Thai, Arabic, plus Italian,
//! Portuguese and Dutch) and mentions a date or an address. Forwarded messages are content, not
//! quotes, and are kept.

/// Endings of the line a client writes above the quoted message ("On ... wrote:").
const WROTE: &[&str] = &[
    "wrote:",
    "schrieb:",
    "a écrit :",
    "a écrit:",
    "a écrit :",
    "escribió:",
    "escribio:",
    "ha scritto:",
    "escreveu:",
    "schreef:",
    "のメッセージ:",
    "のメッセージ：",
    "書きました:",
    "書きました：",
    "写道：",
    "写道:",
    "寫道：",
    "寫道:",
    "đã viết:",
    "เขียนว่า:",
    "كتب:",
    "كتب :",
];

/// Separator lines Outlook and others put above the original message.
const ORIGINAL: &[&str] = &[
    "original message",
    "ursprüngliche nachricht",
    "original-nachricht",
    "message d'origine",
    "message d’origine",
    "mensaje original",
    "原始邮件",
    "原始郵件",
    "元のメッセージ",
    "tin nhắn gốc",
    "ข้อความต้นฉบับ",
    "الرسالة الأصلية",
];

/// Lines that introduce a forwarded message; what follows them is kept.
const FORWARDED: &[&str] = &[
    "forwarded message",
    "begin forwarded message",
    "weitergeleitete nachricht",
    "message transféré",
    "mensaje reenviado",
    "転送されたメッセージ",
    "转发的邮件",
    "轉寄郵件",
    "tin nhắn đã chuyển tiếp",
    "ข้อความที่ส่งต่อ",
    "رسالة معاد توجيهها",
];

/// Header labels of an Outlook-style quoted header block: `From:` followed within a few lines by
/// `Sent:`/`Date:` or `Subject:`.
const FROM_LABELS: &[&str] = &[
    "from:",
    "von:",
    "de :",
    "de:",
    "da:",
    "van:",
    "发件人:",
    "发件人：",
    "寄件者:",
    "寄件者：",
    "差出人:",
    "差出人：",
    "từ:",
    "จาก:",
    "من:",
];
const SENT_LABELS: &[&str] = &[
    "sent:",
    "date:",
    "gesendet:",
    "datum:",
    "envoyé :",
    "envoyé:",
    "date :",
    "enviado:",
    "fecha:",
    "inviato:",
    "发送时间:",
    "发送时间：",
    "日期:",
    "日期：",
    "送信日時:",
    "送信日時：",
    "đã gửi:",
    "ngày:",
    "ส่ง:",
    "วันที่:",
    "التاريخ:",
    "تم الإرسال:",
    "أرسل:",
    "subject:",
    "betreff:",
    "objet :",
    "objet:",
    "asunto:",
    "oggetto:",
    "主题:",
    "主题：",
    "主旨:",
    "件名:",
    "件名：",
    "chủ đề:",
    "เรื่อง:",
    "الموضوع:",
];

/// Phone and webmail taglines that end a message without a `-- ` separator.
const TAGLINES: &[&str] = &[
    "sent from my iphone",
    "sent from my ipad",
    "sent from my android",
    "sent from my samsung",
    "sent from outlook",
    "get outlook for",
    "sent from yahoo mail",
    "sent from mail for windows",
    "von meinem iphone gesendet",
    "von meinem ipad gesendet",
    "gesendet von meinem",
    "envoyé de mon iphone",
    "envoyé de mon ipad",
    "enviado desde mi iphone",
    "enviado desde mi ipad",
    "enviado desde mi",
    "iphoneから送信",
    "発自我的iphone",
    "发自我的iphone",
    "发自我的 iphone",
    "從我的 iphone 傳送",
    "được gửi từ iphone",
    "ส่งจาก iphone",
    "أُرسلت من الـ iphone",
    "أرسلت من iphone",
];

/// The most lines a signature may have; a longer tail after a marker is kept as content.
const MAX_SIGNATURE_LINES: usize = 10;

/// What the author newly wrote: quoted lines (`>`), the reply header and everything below it,
/// and a trailing signature are removed. When nothing is left (a reply that only quotes), the
/// text without quote markers is returned, so that no message becomes empty by stripping alone.
pub fn strip_reply(text: &str) -> String {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let lines: Vec<&str> = text.lines().collect();
    let cut = quote_start(&lines).unwrap_or(lines.len());
    let mut kept: Vec<&str> = lines
        .get(..cut)
        .unwrap_or(&lines)
        .iter()
        .copied()
        .filter(|l| !l.trim_start().starts_with('>'))
        .collect();
    if let Some(sig) = signature_start(&kept) {
        kept.truncate(sig);
    }
    let out = join_trimmed(&kept);
    if out.is_empty() {
        let unquoted: Vec<&str> = lines
            .iter()
            .map(|l| l.trim_start().trim_start_matches('>').trim_start())
            .collect();
        return join_trimmed(&unquoted);
    }
    out
}

fn join_trimmed(lines: &[&str]) -> String {
    let mut out = String::new();
    let mut blank = 0;
    for l in lines {
        let l = l.trim_end();
        if l.trim().is_empty() {
            blank += 1;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank > 0 { "\n\n" } else { "\n" });
        }
        blank = 0;
        out.push_str(l);
    }
    out
}

/// The first line of the quoted history, if any. Scanning stops at a forwarded-message marker,
/// since a forwarded message is what the author is sending.
fn quote_start(lines: &[&str]) -> Option<usize> {
    for (i, line) in lines.iter().enumerate() {
        let t = line.trim();
        if t.is_empty() || t.starts_with('>') {
            continue;
        }
        let lower = t.to_lowercase();
        if is_separator(&lower) {
            if FORWARDED.iter().any(|m| lower.contains(m)) {
                return None;
            }
            if ORIGINAL.iter().any(|m| lower.contains(m)) {
                return Some(i);
            }
        }
        if FORWARDED.iter().any(|m| lower.starts_with(m)) {
            return None;
        }
        if is_reply_header(&lower) {
            return Some(i);
        }
        // Clients wrap a long "On <date>, <name> <address> wrote:" over two lines.
        if let Some(next) = lines.get(i + 1) {
            let joined = format!("{lower} {}", next.trim().to_lowercase());
            if !ends_with_wrote(&lower)
                && ends_with_wrote(&joined)
                && mentions_date_or_address(&joined)
            {
                return Some(i);
            }
        }
        // Outlook puts a row of underscores above its header block; the block itself is
        // recognised by its labels either way.
        if is_from_label(&lower) && header_block_follows(lines, i) {
            return Some(i);
        }
        if t.chars().all(|c| c == '_') && t.len() >= 10 && header_block_follows(lines, i + 1) {
            return Some(i);
        }
    }
    None
}

fn is_separator(lower: &str) -> bool {
    (lower.starts_with("---") || lower.starts_with("___") || lower.starts_with("***"))
        && lower.chars().any(char::is_alphabetic)
}

fn ends_with_wrote(lower: &str) -> bool {
    WROTE.iter().any(|w| lower.ends_with(w))
}

fn is_reply_header(lower: &str) -> bool {
    if ends_with_wrote(lower) && mentions_date_or_address(lower) {
        return true;
    }
    // German and Dutch name the author last: "Am 07.05.2024 um 14:03 schrieb Jonas B.:".
    let german = (lower.starts_with("am ") && lower.contains(" schrieb "))
        || (lower.starts_with("op ") && lower.contains(" schreef "));
    if german && lower.ends_with(':') && mentions_date_or_address(lower) {
        return true;
    }
    // Gmail in Japanese writes only the date and the address: "2024年5月7日(火) 14:03 Shop <s@x>:".
    lower.contains('年') && (lower.ends_with(">:") || lower.ends_with(">："))
}

fn mentions_date_or_address(lower: &str) -> bool {
    lower.chars().any(|c| c.is_ascii_digit()) || lower.contains('@') || lower.contains('年')
}

fn is_from_label(lower: &str) -> bool {
    let lower = lower.trim_start_matches('*');
    FROM_LABELS.iter().any(|l| lower.starts_with(l))
}

fn header_block_follows(lines: &[&str], from: usize) -> bool {
    let mut saw_from = false;
    let mut saw_other = false;
    for line in lines.iter().skip(from).take(6) {
        let lower = line.trim().trim_start_matches('*').to_lowercase();
        if is_from_label(&lower) {
            saw_from = true;
        } else if SENT_LABELS.iter().any(|l| lower.starts_with(l)) {
            saw_other = true;
        }
    }
    saw_from && saw_other
}

/// The first line of a trailing signature: an RFC 3676 `-- ` separator (or a bare `--`), or a
/// phone tagline, within the last `MAX_SIGNATURE_LINES` lines.
fn signature_start(lines: &[&str]) -> Option<usize> {
    let last_content = lines.iter().rposition(|l| !l.trim().is_empty())?;
    let earliest = (last_content + 1).saturating_sub(MAX_SIGNATURE_LINES + 1);
    for i in earliest..=last_content {
        let line = lines.get(i)?;
        let trimmed = line.trim_end();
        if (trimmed == "--" || line.trim() == "--") && i > 0 {
            return Some(i);
        }
        let lower = line.trim().to_lowercase();
        if TAGLINES.iter().any(|t| lower.starts_with(t)) {
            return Some(i);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quote_headers_in_many_languages() {
        let cases = [
            "Where is it?\n\nOn Tue, May 7, 2024 at 2:03 PM Shop <s@shop.example> wrote:\n> We shipped it.",
            "Wo ist es?\n\nAm 07.05.2024 um 14:03 schrieb Shop Support:\n> Versendet.",
            "Où est-il ?\n\nLe mar. 7 mai 2024 à 14:03, Shop <s@shop.example> a écrit :\n> Expédié.",
            "¿Dónde está?\n\nEl mar, 7 may 2024 a las 14:03, Shop (<s@shop.example>) escribió:\n> Enviado.",
            "どこですか?\n\n2024年5月7日(火) 14:03 Shop <s@shop.example>:\n> 発送済み",
            "どこですか?\n\n2024/05/07 14:03、Shop のメッセージ:\n> 発送済み",
            "在哪里？\n\nShop <s@shop.example> 于2024年5月7日周二 14:03写道：\n> 已发货",
            "Ở đâu?\n\nVào Th 3, 7 thg 5, 2024 vào lúc 14:03 Shop <s@shop.example> đã viết:\n> Đã gửi.",
            "อยู่ไหน\n\nเมื่อ อ. 7 พ.ค. 2024 เวลา 14:03 Shop <s@shop.example> เขียนว่า:\n> ส่งแล้ว",
            "أين هو؟\n\nفي الثلاثاء، 7 مايو 2024 في 14:03 Shop <s@shop.example> كتب:\n> تم الشحن",
        ];
        for c in cases {
            let first = c.lines().next().unwrap();
            assert_eq!(strip_reply(c), first, "{c}");
        }
    }

    #[test]
    fn wrapped_header_outlook_block_and_original_message() {
        let wrapped = "Thanks!\n\nOn Tue, May 7, 2024 at 2:03 PM Shop Support <support@shop.example>\nwrote:\n\n> ok";
        assert_eq!(strip_reply(wrapped), "Thanks!");
        let outlook = "Bitte stornieren.\n\n________________________________\nVon: Shop <s@shop.example>\nGesendet: Dienstag, 7. Mai 2024 14:03\nAn: Kunde\nBetreff: Bestellung\n\nAlter Text";
        assert_eq!(strip_reply(outlook), "Bitte stornieren.");
        let orig = "Please cancel.\n-----Original Message-----\nFrom: Shop\nOld";
        assert_eq!(strip_reply(orig), "Please cancel.");
        let zh = "请取消。\n\n发件人: Shop <s@shop.example>\n发送时间: 2024年5月7日 14:03\n主题: 订单\n\n旧内容";
        assert_eq!(strip_reply(zh), "请取消。");
    }

    #[test]
    fn interleaved_replies_keep_new_lines() {
        let t = "> Is it in stock?\nYes.\n> Which colour?\nBlue.";
        assert_eq!(strip_reply(t), "Yes.\nBlue.");
    }

    #[test]
    fn signatures_and_taglines() {
        assert_eq!(
            strip_reply("Hi there\n\n-- \nJonas\n+49 000 0000"),
            "Hi there"
        );
        assert_eq!(strip_reply("Hi there\n--\nJonas"), "Hi there");
        assert_eq!(strip_reply("Hola\n\nEnviado desde mi iPhone"), "Hola");
        assert_eq!(strip_reply("好的\n\n发自我的iPhone"), "好的");
        let long_tail = format!("Intro\n--\n{}", "line\n".repeat(20));
        assert!(strip_reply(&long_tail).contains("line"));
    }

    #[test]
    fn forwarded_messages_are_content() {
        let t = "See below.\n\n---------- Forwarded message ---------\nFrom: Carrier <c@carrier.example>\nDate: Tue, 7 May 2024\nSubject: Delay\n\nYour parcel is delayed.";
        assert!(strip_reply(t).contains("Your parcel is delayed."));
    }

    #[test]
    fn prose_that_mentions_writing_is_kept() {
        let t = "My friend wrote:\nthat it works. Thanks.";
        assert_eq!(strip_reply(t), "My friend wrote:\nthat it works. Thanks.");
        assert_eq!(strip_reply("> only a quote"), "only a quote");
    }
}
