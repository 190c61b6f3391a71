//! `earshot eval`: measures accuracy on the development data and rewrites the matching section
//! of `docs/accuracy.md`.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;

/// Measure accuracy on the public data sets (../shared/data) and write docs/accuracy.md.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Which task to evaluate.
    #[arg(value_parser = ["abuse", "sentiment", "satisfaction", "all"], default_value = "all")]
    pub task: String,
    /// The data directory of the development share (`../shared/data`).
    #[arg(long)]
    pub data: Option<PathBuf>,
    /// The Markdown file whose sections are rewritten.
    #[arg(long, default_value = "docs/accuracy.md")]
    pub out: PathBuf,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let data = super::development_data(args.data)?;
    let engine = earshot_engine::Engine::default();
    if matches!(args.task.as_str(), "abuse" | "all") {
        let report = earshot_eval::abuse::run_abuse(&data, &engine)?;
        let md = report.to_markdown();
        print!("{md}");
        earshot_eval::report::write_section(&args.out, "abuse", &md)?;
    }
    if matches!(args.task.as_str(), "sentiment" | "all") {
        // The sentiment evaluation takes the folder that holds `data/`.
        let shared = data.parent().context("the data directory has no parent")?;
        let figures = earshot_eval::sentiment::evaluate(shared)?;
        let md = earshot_eval::sentiment::markdown(&figures, "earshot eval sentiment");
        print!("{md}");
        earshot_eval::sentiment::write_section(&args.out, &md)?;
    }
    if matches!(args.task.as_str(), "satisfaction" | "all") {
        let figures = earshot_eval::satisfaction::evaluate(&data, &engine)?;
        let md = earshot_eval::satisfaction::markdown(&figures, "earshot eval satisfaction");
        print!("{md}");
        earshot_eval::report::write_section(&args.out, "satisfaction", &md)?;
    }
    Ok(ExitCode::SUCCESS)
}
