//! `earshot classify`: messages on stdin, one per line; one JSON verdict per line on stdout, in
//! order, streamed and flushed per batch. The output shape is a contract (`docs/format.md`).

use std::io::{BufRead, Write};
use std::process::ExitCode;

use anyhow::{Context, Result};
use earshot_engine::Engine;
use rayon::prelude::*;

#[derive(clap::Args)]
pub struct Args {
    /// Worker threads (default: all cores).
    #[arg(long)]
    pub threads: Option<usize>,
}

/// Lines per batch at most; a batch is also cut whenever input pauses, so interactive use gets an
/// answer per line.
const BATCH: usize = 4096;

pub fn run(args: Args) -> Result<ExitCode> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.threads.unwrap_or(0))
        .build()
        .context("cannot start the worker threads")?;
    let engine = Engine::default();
    let (tx, rx) = crossbeam_channel::bounded::<(u64, Vec<u8>)>(BATCH * 2);
    let reader = std::thread::spawn(move || -> std::io::Result<()> {
        let stdin = std::io::stdin();
        let mut lock = stdin.lock();
        let mut n = 0u64;
        loop {
            let mut buf = Vec::new();
            if lock.read_until(b'\n', &mut buf)? == 0 {
                return Ok(());
            }
            n += 1;
            if buf.last() == Some(&b'\n') {
                buf.pop();
                if buf.last() == Some(&b'\r') {
                    buf.pop();
                }
            }
            if tx.send((n, buf)).is_err() {
                return Ok(());
            }
        }
    });
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::with_capacity(1 << 16, stdout.lock());
    let mut bad_utf8 = 0u64;
    while let Ok(first) = rx.recv() {
        let mut batch = vec![first];
        batch.extend(rx.try_iter().take(BATCH - 1));
        let texts: Vec<std::borrow::Cow<'_, str>> = batch
            .iter()
            .map(|(n, b)| {
                let t = String::from_utf8_lossy(b);
                if matches!(t, std::borrow::Cow::Owned(_)) {
                    eprintln!(
                        "earshot: stdin:{n}: invalid UTF-8, classified with replacement characters"
                    );
                }
                t
            })
            .collect();
        bad_utf8 += texts
            .iter()
            .filter(|t| matches!(t, std::borrow::Cow::Owned(_)))
            .count() as u64;
        let verdicts: Vec<Vec<u8>> = pool.install(|| {
            texts
                .par_iter()
                .map(|t| serde_json::to_vec(&engine.classify(t)).unwrap_or_default())
                .collect()
        });
        for v in verdicts {
            out.write_all(&v)?;
            out.write_all(b"\n")?;
        }
        if let Err(e) = out.flush() {
            // A closed pipe (`earshot classify | head`) ends the run quietly.
            if e.kind() == std::io::ErrorKind::BrokenPipe {
                return Ok(ExitCode::SUCCESS);
            }
            return Err(e.into());
        }
    }
    reader
        .join()
        .map_err(|_| anyhow::anyhow!("the stdin reader stopped unexpectedly"))??;
    Ok(if bad_utf8 > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
