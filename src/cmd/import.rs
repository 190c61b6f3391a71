//! `earshot import --from FORMAT FILE...`: helpdesk exports, mailboxes, marketplace messages and
//! call transcripts, converted to conversations and analysed into the database, or written as
//! native JSONL with `--out`.

use std::io::{BufWriter, IsTerminal, Read, Write};
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use earshot_ingest::formats::{ImportFormat, ImportOptions, import, import_many};

use crate::pipeline::{self, Item, Options};

#[derive(clap::Args)]
pub struct Args {
    /// The source format: zendesk, freshdesk, gorgias, intercom, helpscout, chatwoot, livechat,
    /// eml, mbox, ebay, aws-transcribe, contact-lens, google-stt, azure-stt, deepgram,
    /// assemblyai, openai-whisper, whisper-cpp, vtt, srt (docs/import.md).
    #[arg(long = "from", value_name = "FORMAT")]
    pub format: String,
    /// Input files; `-` reads standard input.
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<String>,
    /// Write native JSONL to this file (`-` for stdout) instead of analysing into the database.
    #[arg(long, value_name = "FILE.jsonl", conflicts_with = "db")]
    pub out: Option<String>,
    /// The database to analyse into.
    #[arg(long, env = "EARSHOT_DB")]
    pub db: Option<String>,
    /// Transcripts: the speaker label that is the agent (`spk_0`).
    #[arg(long)]
    pub agent_speaker: Option<String>,
    /// Transcripts: the audio channel that is the agent (`ch_0`).
    #[arg(long)]
    pub agent_channel: Option<String>,
    /// E-mail and eBay: the shop's own addresses or domains (repeatable).
    #[arg(long = "support-address", value_name = "ADDRESS")]
    pub support_addresses: Vec<String>,
    /// The workspace the conversations belong to.
    #[arg(long)]
    pub workspace: Option<String>,
    /// Worker threads for the analysis (default: all cores).
    #[arg(long)]
    pub threads: Option<usize>,
    /// Remove personal data before analysis (or before writing `--out`): only the redacted text
    /// is kept.
    #[arg(long)]
    pub redact: bool,
}

pub fn run(args: Args) -> Result<ExitCode> {
    let Some(format) = ImportFormat::parse(&args.format) else {
        let names: Vec<&str> = ImportFormat::ALL.iter().map(|f| f.name()).collect();
        bail!(
            "unknown format {:?}; known formats: {}",
            args.format,
            names.join(", ")
        );
    };
    let opts = ImportOptions {
        agent_speaker: args.agent_speaker.clone(),
        agent_channel: args.agent_channel.clone(),
        support_addresses: args.support_addresses.clone(),
        workspace: args.workspace.clone(),
    };
    let mut inputs = Vec::new();
    for f in &args.files {
        let mut data = Vec::new();
        if f == "-" {
            std::io::stdin()
                .read_to_end(&mut data)
                .context("cannot read standard input")?;
        } else {
            data = std::fs::read(f).with_context(|| format!("cannot read {f}"))?;
        }
        inputs.push((f.clone(), data));
    }
    // E-mail threads span files, so all files go in together; other formats file by file.
    let results = if format.is_email() {
        import_many(format, &inputs, &opts)
    } else {
        inputs
            .iter()
            .flat_map(|(name, data)| import(format, name, data, &opts))
            .collect()
    };

    let results: Vec<_> = if args.redact {
        let redactor = earshot_redact::Redactor::new(earshot_redact::Config::for_use(
            earshot_redact::Use::Ingest,
        ))
        .map_err(|e| anyhow::anyhow!("redaction: {e}"))?;
        results
            .into_iter()
            .map(|r| r.map(|c| earshot_redact::redact_conversation(&c, &redactor).0))
            .collect()
    } else {
        results
    };
    if let Some(out) = &args.out {
        let mut rejected = 0u64;
        let mut written = 0u64;
        let sink: Box<dyn Write> = if out == "-" {
            Box::new(std::io::stdout().lock())
        } else {
            Box::new(std::fs::File::create(out).with_context(|| format!("cannot create {out}"))?)
        };
        let mut w = BufWriter::new(sink);
        for r in results {
            match r {
                Ok(c) => {
                    serde_json::to_writer(&mut w, &c)?;
                    w.write_all(b"\n")?;
                    written += 1;
                }
                Err(e) => {
                    eprintln!("earshot: rejected: {e}");
                    rejected += 1;
                }
            }
        }
        w.flush()?;
        eprintln!("earshot: {written} conversations written to {out}");
        if rejected > 0 {
            eprintln!("earshot: {rejected} records rejected; everything else was written");
            return Ok(ExitCode::from(1));
        }
        return Ok(ExitCode::SUCCESS);
    }

    let items = results.into_iter().map(|r| match r {
        Ok(c) => Item::Conversation(Box::new(c)),
        Err(e) => Item::Rejected(e.to_string()),
    });
    let opts = Options {
        db: args.db.clone().unwrap_or_else(|| "earshot.db".to_string()),
        threads: args.threads,
        json: false,
        force: false,
        progress: std::io::stderr().is_terminal(),
        top: 10,
        rules: None,
    };
    let outcome = pipeline::run(items, &opts, false)?;
    crate::cmd::analyze::report(&outcome, &opts);
    Ok(crate::cmd::analyze::exit_code(&outcome))
}
