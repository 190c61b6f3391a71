//! Importers from the formats earshot's users already have: helpdesk exports, mailboxes,
//! marketplace message APIs and speech-to-text transcripts. Each importer turns one input into
//! native conversations; one bad record becomes one `RecordError` naming its JSON path, and the
//! rest of the input still converts. No importer panics on any input.
//!
//! `REGISTRY` below lists every format, its command-line name, its aliases and what it reads, so
//! that a command line can offer and explain the formats from one place. `docs/import.md` shows
//! an example of each.

mod assemblyai;
mod aws_transcribe;
mod azure_stt;
mod chatwoot;
mod common;
mod contact_lens;
mod deepgram;
mod ebay;
mod email;
mod email_quote;
mod email_thread;
mod freshdesk;
mod google_stt;
mod gorgias;
mod helpscout;
mod html;
mod intercom;
mod json;
mod livechat;
mod speakers;
mod subtitles;
mod time;
mod whisper;
mod zendesk;

use earshot_model::Conversation;

use crate::RecordError;

pub use email_quote::strip_reply;
pub use html::html_to_text;

/// A vendor format earshot can import.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ImportFormat {
    Zendesk,
    Freshdesk,
    Gorgias,
    Intercom,
    Helpscout,
    Chatwoot,
    Livechat,
    Eml,
    Mbox,
    Ebay,
    AwsTranscribe,
    ContactLens,
    GoogleStt,
    AzureStt,
    Deepgram,
    Assemblyai,
    OpenaiWhisper,
    WhisperCpp,
    Vtt,
    Srt,
}

/// One entry of the registry: a format, its name on the command line, other names it is known
/// by, and a line saying what it reads.
#[derive(Debug, Clone, Copy)]
pub struct FormatInfo {
    pub format: ImportFormat,
    pub name: &'static str,
    pub aliases: &'static [&'static str],
    pub reads: &'static str,
}

/// Every import format, in the order the docs list them.
#[rustfmt::skip]
pub const REGISTRY: &[FormatInfo] = &[
    FormatInfo { format: ImportFormat::Zendesk, name: "zendesk", aliases: &[], reads: "Zendesk Support: a ticket with comments and side-loaded users, or the incremental ticket export" },
    FormatInfo { format: ImportFormat::Freshdesk, name: "freshdesk", aliases: &[], reads: "Freshdesk API v2: a ticket with its conversations, a list of tickets, or a conversation list" },
    FormatInfo { format: ImportFormat::Gorgias, name: "gorgias", aliases: &[], reads: "Gorgias: a ticket with its messages, a list of tickets, or a message list" },
    FormatInfo { format: ImportFormat::Intercom, name: "intercom", aliases: &[], reads: "Intercom: a conversation with its parts, or a list of conversations" },
    FormatInfo { format: ImportFormat::Helpscout, name: "helpscout", aliases: &["help-scout"], reads: "Help Scout Mailbox API 2.0: a conversation with embedded threads, or a thread list" },
    FormatInfo { format: ImportFormat::Chatwoot, name: "chatwoot", aliases: &[], reads: "Chatwoot: a message list ({meta, payload}) or conversations with their messages" },
    FormatInfo { format: ImportFormat::Livechat, name: "livechat", aliases: &["live-chat"], reads: "LiveChat Agent Chat API: a chat with threads and events, or list_archives output" },
    FormatInfo { format: ImportFormat::Eml, name: "eml", aliases: &["email"], reads: "RFC 5322 messages, one per file, threaded into conversations" },
    FormatInfo { format: ImportFormat::Mbox, name: "mbox", aliases: &[], reads: "mbox mailboxes (mboxo, mboxrd, Gmail Takeout), threaded into conversations" },
    FormatInfo { format: ImportFormat::Ebay, name: "ebay", aliases: &[], reads: "eBay Commerce Message API: getConversation / getConversations JSON" },
    FormatInfo { format: ImportFormat::AwsTranscribe, name: "aws-transcribe", aliases: &["transcribe"], reads: "AWS Transcribe batch output with speaker or channel labels" },
    FormatInfo { format: ImportFormat::ContactLens, name: "contact-lens", aliases: &["amazon-connect", "call-analytics"], reads: "Amazon Connect Contact Lens and Transcribe Call Analytics output" },
    FormatInfo { format: ImportFormat::GoogleStt, name: "google-stt", aliases: &["google"], reads: "Google Cloud Speech-to-Text v1 recognize responses" },
    FormatInfo { format: ImportFormat::AzureStt, name: "azure-stt", aliases: &["azure"], reads: "Azure AI Speech batch and fast transcription results" },
    FormatInfo { format: ImportFormat::Deepgram, name: "deepgram", aliases: &[], reads: "Deepgram /v1/listen responses (words, utterances, multichannel)" },
    FormatInfo { format: ImportFormat::Assemblyai, name: "assemblyai", aliases: &["assembly-ai"], reads: "AssemblyAI transcripts with utterances or words" },
    FormatInfo { format: ImportFormat::OpenaiWhisper, name: "openai-whisper", aliases: &["openai"], reads: "OpenAI transcription verbose_json and diarized_json" },
    FormatInfo { format: ImportFormat::WhisperCpp, name: "whisper-cpp", aliases: &["whisper.cpp"], reads: "whisper.cpp -oj / -ojf JSON output" },
    FormatInfo { format: ImportFormat::Vtt, name: "vtt", aliases: &["webvtt"], reads: "WebVTT with <v Speaker> voice spans or Speaker: prefixes" },
    FormatInfo { format: ImportFormat::Srt, name: "srt", aliases: &["subrip"], reads: "SubRip with Speaker: or [SPEAKER_01] prefixes" },
];

impl ImportFormat {
    /// Every format, in registry order.
    pub const ALL: &[ImportFormat] = &[
        ImportFormat::Zendesk,
        ImportFormat::Freshdesk,
        ImportFormat::Gorgias,
        ImportFormat::Intercom,
        ImportFormat::Helpscout,
        ImportFormat::Chatwoot,
        ImportFormat::Livechat,
        ImportFormat::Eml,
        ImportFormat::Mbox,
        ImportFormat::Ebay,
        ImportFormat::AwsTranscribe,
        ImportFormat::ContactLens,
        ImportFormat::GoogleStt,
        ImportFormat::AzureStt,
        ImportFormat::Deepgram,
        ImportFormat::Assemblyai,
        ImportFormat::OpenaiWhisper,
        ImportFormat::WhisperCpp,
        ImportFormat::Vtt,
        ImportFormat::Srt,
    ];

    /// Reads a format name: the kebab-case name or an alias, any case, `_` taken as `-`.
    pub fn parse(name: &str) -> Option<ImportFormat> {
        let wanted = name.trim().to_ascii_lowercase().replace('_', "-");
        REGISTRY
            .iter()
            .find(|i| i.name == wanted || i.aliases.contains(&wanted.as_str()))
            .map(|i| i.format)
    }

    /// The kebab-case name, as the command line takes it.
    pub fn name(&self) -> &'static str {
        self.info().name
    }

    /// The registry entry of this format.
    pub fn info(&self) -> &'static FormatInfo {
        REGISTRY
            .iter()
            .find(|i| i.format == *self)
            .unwrap_or(&REGISTRY[0])
    }

    /// True for the formats whose inputs are threaded together across files.
    pub fn is_email(&self) -> bool {
        matches!(self, ImportFormat::Eml | ImportFormat::Mbox)
    }
}

impl std::fmt::Display for ImportFormat {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// Choices the source data cannot make by itself.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportOptions {
    /// Transcripts: the speaker label that is the agent (`spk_0`, `A`, `1`, `Agent`); every
    /// other speaker is the customer.
    pub agent_speaker: Option<String>,
    /// Transcripts: the audio channel that is the agent (`ch_0`, `0`, `1`); the other channel is
    /// the customer.
    pub agent_channel: Option<String>,
    /// E-mail and marketplace messages: the shop's own addresses, domains (`@shop.example` or
    /// `shop.example`) or marketplace user names; their messages are the agent's.
    pub support_addresses: Vec<String>,
    /// The workspace every imported conversation belongs to.
    pub workspace: Option<String>,
}

/// Converts one input (file contents as bytes; `name` used in errors) into conversations. One
/// bad record yields one `RecordError` (with the JSON path of the missing or bad field in
/// `field`, and `line` the record's 1-based index, or the line number in line-based inputs) and
/// the rest still converts. Never panics on any input.
pub fn import(
    format: ImportFormat,
    name: &str,
    data: &[u8],
    opts: &ImportOptions,
) -> Vec<Result<Conversation, RecordError>> {
    if format.is_email() {
        return email_thread::import_mail(format, &[(name, data)], opts);
    }
    guarded(name, || import_one(format, name, data, opts))
}

/// Converts several inputs. E-mail (`eml`, `mbox`) is threaded across all of them, so a reply in
/// one file joins the message it answers in another; every other format converts file by file.
pub fn import_many(
    format: ImportFormat,
    inputs: &[(String, Vec<u8>)],
    opts: &ImportOptions,
) -> Vec<Result<Conversation, RecordError>> {
    if format.is_email() {
        let borrowed: Vec<(&str, &[u8])> = inputs
            .iter()
            .map(|(n, d)| (n.as_str(), d.as_slice()))
            .collect();
        return email_thread::import_mail(format, &borrowed, opts);
    }
    inputs
        .iter()
        .flat_map(|(name, data)| import(format, name, data, opts))
        .collect()
}

fn import_one(
    format: ImportFormat,
    name: &str,
    data: &[u8],
    opts: &ImportOptions,
) -> Vec<Result<Conversation, RecordError>> {
    let mut ctx = common::Ctx::new(format, name, opts);
    match format {
        ImportFormat::Zendesk => zendesk::import(&mut ctx, data),
        ImportFormat::Freshdesk => freshdesk::import(&mut ctx, data),
        ImportFormat::Gorgias => gorgias::import(&mut ctx, data),
        ImportFormat::Intercom => intercom::import(&mut ctx, data),
        ImportFormat::Helpscout => helpscout::import(&mut ctx, data),
        ImportFormat::Chatwoot => chatwoot::import(&mut ctx, data),
        ImportFormat::Livechat => livechat::import(&mut ctx, data),
        ImportFormat::Ebay => ebay::import(&mut ctx, data),
        ImportFormat::AwsTranscribe => aws_transcribe::import(&mut ctx, data),
        ImportFormat::ContactLens => contact_lens::import(&mut ctx, data),
        ImportFormat::GoogleStt => google_stt::import(&mut ctx, data),
        ImportFormat::AzureStt => azure_stt::import(&mut ctx, data),
        ImportFormat::Deepgram => deepgram::import(&mut ctx, data),
        ImportFormat::Assemblyai => assemblyai::import(&mut ctx, data),
        ImportFormat::OpenaiWhisper => whisper::import_openai(&mut ctx, data),
        ImportFormat::WhisperCpp => whisper::import_cpp(&mut ctx, data),
        ImportFormat::Vtt => subtitles::import_vtt(&mut ctx, data),
        ImportFormat::Srt => subtitles::import_srt(&mut ctx, data),
        // E-mail is threaded across inputs and never reaches this point.
        ImportFormat::Eml | ImportFormat::Mbox => {}
    }
    ctx.out
}

/// Runs an importer so that a bug in it, or in a library it calls, costs the user one error for
/// this input rather than the whole run. The importers are written not to panic; this is the
/// last line of defence for inputs no test foresaw.
pub(crate) fn guarded(
    name: &str,
    f: impl FnOnce() -> Vec<Result<Conversation, RecordError>>,
) -> Vec<Result<Conversation, RecordError>> {
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)) {
        Ok(out) => out,
        Err(_) => vec![Err(RecordError {
            file: name.to_string(),
            line: 0,
            field: None,
            id: None,
            message: "internal error while importing this input; please report it with the file"
                .into(),
        })],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_registry_is_complete() {
        assert_eq!(REGISTRY.len(), ImportFormat::ALL.len());
        for f in ImportFormat::ALL {
            assert_eq!(ImportFormat::parse(f.name()), Some(*f));
            assert_eq!(f.info().format, *f);
        }
        assert_eq!(
            ImportFormat::parse("AWS_Transcribe"),
            Some(ImportFormat::AwsTranscribe)
        );
        assert_eq!(ImportFormat::parse("webvtt"), Some(ImportFormat::Vtt));
        assert_eq!(ImportFormat::parse("nope"), None);
    }
}
