//! Rebuilds `models/sentiment.bin` and `models/emotion.bin` from the development share, until
//! `earshot train sentiment|emotion` is wired in the CLI:
//! `cargo run --release -p earshot-train --example train_emotion_models -- [sentiment|emotion|all]`.

use std::path::PathBuf;

fn main() -> anyhow::Result<()> {
    let root = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."));
    let shared = root.join("../shared");
    let which = std::env::args().nth(1).unwrap_or_else(|| "all".into());
    if which == "sentiment" || which == "all" {
        let r =
            earshot_train::sentiment::train_sentiment(&shared, &root.join("models/sentiment.bin"))?;
        print!("{r}");
    }
    if which == "emotion" || which == "all" {
        let r = earshot_train::emotion::train_emotion(&shared, &root.join("models/emotion.bin"))?;
        print!("{r}");
    }
    Ok(())
}
