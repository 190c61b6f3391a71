//! `earshot analyze FILE...`

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;
use earshot_ingest::{CsvMapping, CsvReader, InputFormat, JsonlReader, open_input};

use crate::pipeline::{self, Item, Options};

#[derive(clap::Args)]
pub struct Args {
    /// Input files: native JSONL (one conversation per line) or CSV (one message per row);
    /// `.gz` is read transparently; `-` reads standard input.
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<String>,
    /// The database file.
    #[arg(long, default_value = "earshot.db", env = "EARSHOT_DB")]
    pub db: String,
    /// Worker threads (default: all cores).
    #[arg(long)]
    pub threads: Option<usize>,
    /// Write one JSON object per conversation to stdout instead of the summary.
    #[arg(long)]
    pub json: bool,
    /// Stop reading at the first rejected record.
    #[arg(long)]
    pub strict: bool,
    /// Analyse every conversation, even those already analysed unchanged.
    #[arg(long)]
    pub force: bool,
    /// How many of the riskiest conversations the summary lists.
    #[arg(long, default_value_t = 10)]
    pub top: usize,
    /// Read inputs as this format instead of guessing from the file name.
    #[arg(long, value_parser = ["jsonl", "csv"])]
    pub format: Option<String>,
    /// A rule pack directory (see docs/rules.md) instead of the built-in pack.
    #[arg(long, value_name = "DIR")]
    pub rules: Option<PathBuf>,
    /// CSV column mapping: `id=ticket_id,role=sender,text=body,at=created_at`.
    #[arg(long, value_name = "FIELD=COLUMN,...")]
    pub map: Option<String>,
    /// Remove personal data (e-mail addresses, phone numbers, card numbers, IBANs, postal
    /// addresses, the names in each conversation's metadata) before analysis: only the redacted
    /// text is stored.
    #[arg(long)]
    pub redact: bool,
}

pub fn run(args: Args) -> Result<ExitCode> {
    let mapping = CsvMapping::parse(args.map.as_deref().unwrap_or(""))?;
    let format = args.format.clone();
    // Open every file first, so a missing file fails the run before anything is written.
    let mut inputs = Vec::new();
    for f in &args.files {
        inputs.push(open_input(f)?);
    }
    let items =
        inputs
            .into_iter()
            .flat_map(move |input| -> Box<dyn Iterator<Item = Item> + Send> {
                let fmt = match format.as_deref() {
                    Some("csv") => InputFormat::Csv,
                    Some(_) => InputFormat::Jsonl,
                    None => InputFormat::from_name(&input.name),
                };
                match fmt {
                    InputFormat::Jsonl => Box::new(JsonlReader::new(input).map(to_item)),
                    InputFormat::Csv => match CsvReader::new(input, &mapping) {
                        Ok(r) => Box::new(r.map(to_item)),
                        Err(e) => Box::new(std::iter::once(Item::Rejected(e.to_string()))),
                    },
                }
            });
    let items = crate::cmd::redact::at_ingest(items, args.redact)?;
    let opts = Options {
        db: args.db.clone(),
        threads: args.threads,
        json: args.json,
        force: args.force,
        progress: std::io::stderr().is_terminal() && !args.json,
        top: args.top,
        rules: args.rules.clone(),
    };
    let outcome = pipeline::run(items, &opts, args.strict)?;
    report(&outcome, &opts);
    Ok(exit_code(&outcome))
}

fn to_item(r: Result<earshot_model::Conversation, earshot_ingest::RecordError>) -> Item {
    match r {
        Ok(c) => Item::Conversation(Box::new(c)),
        Err(e) => Item::Rejected(e.to_string()),
    }
}

/// Prints the summary (to stdout, or to stderr when stdout carries JSON) and the tallies.
pub fn report(outcome: &pipeline::Outcome, opts: &Options) {
    if !opts.json {
        print!("{}", outcome.summary.render(outcome.seconds));
        println!("\nsaved to {}", earshot_store::display_db(&opts.db));
    }
    if outcome.skipped > 0 {
        eprintln!(
            "earshot: {} conversations unchanged since their last analysis were skipped (--force analyses them again)",
            outcome.skipped
        );
    }
    if outcome.rejected > 0 {
        eprintln!(
            "earshot: {} records rejected; everything else was analysed and saved",
            outcome.rejected
        );
    }
}

pub fn exit_code(outcome: &pipeline::Outcome) -> ExitCode {
    if outcome.rejected > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
