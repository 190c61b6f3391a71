//! The `earshot` command: thin glue between the command line, the readers of `earshot-ingest`,
//! the `earshot-engine` and the store. Business logic lives in the crates.

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// mimalloc rather than the system allocator: the analysis allocates and frees many small
/// strings and vectors per turn on every worker thread, and glibc's malloc spent about a tenth of
/// `analyze`'s time on it.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

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
    /// Generate the synthetic demo data set, analyse it and show the riskiest conversations.
    Demo(cmd::demo::Args),
    /// Check a rule pack and run its examples.
    Rules(cmd::rules::Args),
    /// Convert helpdesk exports, mailboxes, marketplace messages or call transcripts, and analyse
    /// them (or write native JSONL with --out).
    Import(cmd::import::Args),
    /// Remove personal data from text or conversations (stdin to stdout).
    Redact(cmd::redact::Args),
    /// Measure accuracy on the development data sets.
    Eval(cmd::eval::Args),
    /// Write the training cases reviewers marked, redacted, as JSONL and an HTML casebook.
    Export(cmd::export::Args),
    /// Rebuild a shipped model from permissively licensed data.
    Train(cmd::train::Args),
    /// Serve the JSON API (`/api/v1`) over the database.
    Serve(cmd::serve::Args),
    /// Manage API tokens.
    Token(cmd::token::Args),
    /// Manage the people who log in to the dashboard.
    User(cmd::user::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Analyze(a) => cmd::analyze::run(a),
        Command::Classify(a) => cmd::classify::run(a),
        Command::Demo(a) => cmd::demo::run(a),
        Command::Rules(a) => cmd::rules::run(a),
        Command::Import(a) => cmd::import::run(a),
        Command::Redact(a) => cmd::redact::run(a),
        Command::Eval(a) => cmd::eval::run(a),
        Command::Export(a) => cmd::export::run(a),
        Command::Train(a) => cmd::train::run(a),
        Command::Serve(a) => cmd::serve::run(a),
        Command::Token(a) => cmd::token::run(a),
        Command::User(a) => cmd::user::run(a),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("earshot: error: {e:#}");
            ExitCode::from(2)
        }
    }
}
