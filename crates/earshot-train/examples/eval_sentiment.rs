//! Measures per-turn sentiment and emotion and rewrites the sentiment section of
//! `docs/accuracy.md`, until `earshot eval` covers it:
//! `cargo run --release -p earshot-train --example eval_sentiment`.

use std::path::PathBuf;

fn main() -> anyhow::Result<()> {
    let root = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."));
    let figures = earshot_eval::sentiment::evaluate(&root.join("../shared"))?;
    for f in &figures {
        println!("{:<48} {:<9} {:.3}  n={}", f.set, f.metric, f.value, f.n);
    }
    let md = earshot_eval::sentiment::markdown(
        &figures,
        "cargo run --release -p earshot-train --example eval_sentiment",
    );
    earshot_eval::sentiment::write_section(&root.join("docs/accuracy.md"), &md)?;
    Ok(())
}
