//! The `earshot` command: thin glue between the command line, the readers of `earshot-ingest`,
//! the `earshot-engine` and the store. Business logic lives in the crates.

use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod cmd;
mod pipeline;
mod summary;

/// earshot reads every customer-service conversation and finds the risk: abuse, threats, rising
/// anger, careless agents, missed steps, late replies.
#[derive(Parser)]
#[command(name = "earshot", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Analyse conversations (JSONL or CSV, plain or .gz, `-` for stdin) into the database.
    Analyze(cmd::analyze::Args),
    /// Classify messages from stdin, one per line; one JSON verdict per line on stdout.
    Classify(cmd::classify::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Analyze(a) => cmd::analyze::run(a),
        Command::Classify(a) => cmd::classify::run(a),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("earshot: error: {e:#}");
            ExitCode::from(2)
        }
    }
}
