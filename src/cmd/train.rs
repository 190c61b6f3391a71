//! `earshot train`: rebuilds a shipped model from the permissively licensed development data.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;

/// Train a shipped model (only on ✅-licensed data) and write it under models/.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Which model to train.
    #[arg(value_parser = ["abuse", "sentiment", "emotion"])]
    pub task: String,
    /// The data directory of the development share (`../shared/data`).
    #[arg(long)]
    pub data: Option<PathBuf>,
    /// Where to write the model (default: models/<task>.bin).
    #[arg(long)]
    pub out: Option<PathBuf>,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let data = super::development_data(args.data)?;
    let out = args
        .out
        .unwrap_or_else(|| PathBuf::from(format!("models/{}.bin", args.task)));
    let shared = data.parent().context("the data directory has no parent")?;
    match args.task.as_str() {
        "abuse" => {
            let r = earshot_eval::train_abuse::train(&data, &out)?;
            println!(
                "{} examples ({} abusive), threshold {:.2}, calibration precision {:.3} recall {:.3} F1 {:.3}, {} bytes written to {}",
                r.examples,
                r.positives,
                r.threshold,
                r.calibration.precision(),
                r.calibration.recall(),
                r.calibration.f1(),
                r.bytes,
                out.display()
            );
        }
        "sentiment" => println!(
            "{}",
            earshot_train::sentiment::train_sentiment(shared, &out)?
        ),
        _ => println!("{}", earshot_train::emotion::train_emotion(shared, &out)?),
    }
    println!("rebuild earshot to embed the new model");
    Ok(ExitCode::SUCCESS)
}
