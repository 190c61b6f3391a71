//! Trains `models/abuse.bin`. `cargo run --release -p earshot-eval --example train_abuse`

fn main() -> anyhow::Result<()> {
    let shared = earshot_eval::default_shared_dir();
    let out = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../models/abuse.bin");
    let r = earshot_eval::train_abuse::train(&shared, &out)?;
    println!(
        "{} examples ({} abusive), threshold {:.2}, calibration P {:.3} R {:.3} F1 {:.3}, {} bytes",
        r.examples,
        r.positives,
        r.threshold,
        r.calibration.precision(),
        r.calibration.recall(),
        r.calibration.f1(),
        r.bytes
    );
    Ok(())
}
