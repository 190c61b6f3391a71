//! Measures how fast the demo data is generated, and generated and serialised to JSONL (as
//! `earshot demo` and benchmark-set creation do). Each measurement runs three times and the
//! best run counts, so that other work on the machine disturbs the figure less.
//!
//! `cargo run --release -p earshot-demo --example throughput -- [count]`

use std::time::Instant;

fn best_of_three(mut run: impl FnMut() -> usize) -> (f64, usize) {
    let mut best = f64::MAX;
    let mut result = 0;
    for _ in 0..3 {
        let t = Instant::now();
        result = run();
        best = best.min(t.elapsed().as_secs_f64());
    }
    (best, result)
}

fn main() {
    let count: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(200_000);
    let seed = earshot_demo::DEFAULT_SEED;

    let (secs, turns) = best_of_three(|| {
        earshot_demo::generate(count, seed)
            .map(|c| c.turns.len())
            .sum()
    });
    println!(
        "generated {count} conversations ({turns} turns) in {secs:.3} s: {:.0} conversations/s",
        count as f64 / secs
    );

    let (secs, bytes) = best_of_three(|| {
        earshot_demo::generate(count, seed)
            .map(|c| serde_json::to_vec(&c).map_or(0, |v| v.len() + 1))
            .sum()
    });
    println!(
        "generated and serialised {:.1} MB of JSONL in {secs:.3} s: {:.0} conversations/s",
        bytes as f64 / 1e6,
        count as f64 / secs
    );
}
