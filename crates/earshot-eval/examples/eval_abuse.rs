//! Runs the abuse evaluation and rewrites the abuse section of `docs/accuracy.md`.
//! `cargo run --release -p earshot-eval --example eval_abuse`

fn main() -> anyhow::Result<()> {
    let shared = earshot_eval::default_shared_dir();
    let engine = earshot_engine::Engine::default();
    let report = earshot_eval::abuse::run_abuse(&shared, &engine)?;
    let md = report.to_markdown();
    print!("{md}");
    let doc = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/accuracy.md");
    earshot_eval::report::write_section(&doc, "abuse", &md)
}
