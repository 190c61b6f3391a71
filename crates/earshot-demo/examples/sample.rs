//! Prints demo conversations as native earshot JSONL, to read what the generator writes.
//!
//! `cargo run -p earshot-demo --example sample -- [count] [seed] [scenario]`

use std::io::Write;

fn main() {
    let mut args = std::env::args().skip(1);
    let count = args.next().and_then(|a| a.parse().ok()).unwrap_or(20);
    let seed = args
        .next()
        .and_then(|a| a.parse().ok())
        .unwrap_or(earshot_demo::DEFAULT_SEED);
    let scenario = args.next();
    let mut out = std::io::stdout().lock();
    for c in earshot_demo::generate(count, seed) {
        let name = c
            .metadata
            .get("demo_scenario")
            .and_then(|v| v.as_str())
            .unwrap_or("");
        if scenario.as_deref().is_some_and(|s| s != name) {
            continue;
        }
        let line = match serde_json::to_string(&c) {
            Ok(line) => line,
            Err(e) => {
                eprintln!("{}: {e}", c.id);
                continue;
            }
        };
        // Stop quietly when the reader goes away (`| head`).
        if writeln!(out, "{line}").is_err() {
            break;
        }
    }
}
