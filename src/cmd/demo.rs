//! `earshot demo`: a synthetic, seeded data set of e-commerce conversations in nine languages,
//! analysed into the database, with the summary of what earshot found.

use std::io::{BufWriter, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};

use crate::pipeline::{self, Item, Options};

#[derive(clap::Args)]
pub struct Args {
    /// How many conversations to generate.
    #[arg(long, default_value_t = earshot_demo::DEFAULT_COUNT)]
    pub count: usize,
    /// The seed: the same seed and count always give the same data.
    #[arg(long, default_value_t = earshot_demo::DEFAULT_SEED)]
    pub seed: u64,
    /// The database file.
    #[arg(long, default_value = "earshot.db", env = "EARSHOT_DB")]
    pub db: String,
    /// Also write the generated conversations to this JSONL file.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Only write the data set to --out; do not analyse it.
    #[arg(long, requires = "out")]
    pub generate_only: bool,
    /// Worker threads (default: all cores).
    #[arg(long)]
    pub threads: Option<usize>,
    /// How many of the riskiest conversations the summary lists.
    #[arg(long, default_value_t = 10)]
    pub top: usize,
}

pub fn run(args: Args) -> Result<ExitCode> {
    if let Some(path) = &args.out {
        let file = std::fs::File::create(path)
            .with_context(|| format!("cannot create {}", path.display()))?;
        let mut w = BufWriter::new(file);
        for c in earshot_demo::generate(args.count, args.seed) {
            serde_json::to_writer(&mut w, &c)?;
            w.write_all(b"\n")?;
        }
        w.flush()?;
        eprintln!(
            "earshot: wrote {} synthetic conversations to {}",
            args.count,
            path.display()
        );
        if args.generate_only {
            return Ok(ExitCode::SUCCESS);
        }
    }
    println!(
        "earshot demo: {} SYNTHETIC e-commerce conversations (seed {}) in en, de, ja, es, fr, vi, th, ar, zh\n",
        args.count, args.seed
    );
    let items =
        earshot_demo::generate(args.count, args.seed).map(|c| Item::Conversation(Box::new(c)));
    let opts = Options {
        db: args.db.clone(),
        threads: args.threads,
        json: false,
        // The demo always analyses afresh, so the summary covers the whole set.
        force: true,
        progress: std::io::stderr().is_terminal(),
        top: args.top,
        rules: None,
    };
    let outcome = pipeline::run(items, &opts, false)?;
    crate::cmd::analyze::report(&outcome, &opts);
    println!(
        "next: earshot analyze YOUR_FILE.jsonl --db {}   (format: docs/format.md)",
        earshot_store::display_db(&args.db)
    );
    Ok(crate::cmd::analyze::exit_code(&outcome))
}
