//! The batch pipeline shared by `analyze` and `demo`: conversations are read in batches, analysed
//! in parallel, and each batch is saved in one transaction. Memory stays flat whatever the input
//! size: at most a few batches are in flight.

use std::io::Write;
use std::time::Instant;

use anyhow::{Context, Result};
use crossbeam_channel::bounded;
use earshot_engine::rules::RulePack;
use earshot_engine::{Engine, EngineConfig};
use earshot_model::{Analysis, Conversation};
use earshot_store::{Encoded, encode};
use rayon::prelude::*;

use crate::summary::Summary;

/// Conversations per batch: large enough to amortise a transaction, small enough to keep memory
/// flat and the progress display lively.
const BATCH: usize = 512;

pub struct Options {
    pub db: String,
    pub threads: Option<usize>,
    pub json: bool,
    pub force: bool,
    pub progress: bool,
    pub top: usize,
    /// A rule pack directory to use instead of the built-in pack.
    pub rules: Option<std::path::PathBuf>,
}

/// An input record: a conversation, or an error already formatted for the user.
pub enum Item {
    Conversation(Box<Conversation>),
    Rejected(String),
}

pub struct Outcome {
    pub summary: Summary,
    pub rejected: u64,
    pub skipped: u64,
    pub seconds: f64,
}

/// Runs the pipeline over `items`. A record error is printed at once and counted; with `strict`
/// reading stops at the first one, and everything read before it is still analysed and saved.
pub fn run(
    items: impl Iterator<Item = Item> + Send,
    opts: &Options,
    strict: bool,
) -> Result<Outcome> {
    if opts.rules.is_none() {
        // The built-in rule pack (parsed and compiled once per process) is built on a thread of
        // its own while the database opens and `Engine::new` builds the turn analyzers.
        std::thread::spawn(RulePack::builtin);
    }
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(opts.threads.unwrap_or(0))
        .build()
        .context("cannot start the worker threads")?;
    let mut store = earshot_store::open(&opts.db)?;
    let known = if opts.force {
        Default::default()
    } else {
        store.digests()?
    };
    // A pack of the user's is loaded now, so a bad one fails the run before anything is read;
    // the engine itself is built once the reader is parsing (see below).
    let pack = match &opts.rules {
        Some(dir) => Some(RulePack::load(dir)?),
        None => None,
    };
    let engine = std::cell::OnceCell::new();
    // Reset once the engine is built: the time reported is the analysis, as before.
    let mut started = Instant::now();
    let progress = opts.progress.then(|| {
        let pb = indicatif::ProgressBar::new_spinner();
        pb.set_style(
            indicatif::ProgressStyle::with_template(
                "{spinner} {pos} conversations analysed ({per_sec}) {msg}",
            )
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
        );
        pb.enable_steady_tick(std::time::Duration::from_millis(200));
        pb
    });

    let mut rejected = 0u64;
    let mut skipped = 0u64;

    // Three stages overlap: a reader thread parses and batches, this thread analyses each batch
    // on the pool, and a writer thread saves the previous batch meanwhile. Batches stay in input
    // order, and at most a few are in flight, so memory stays flat.
    let (tx, rx) = bounded::<Vec<Conversation>>(2);
    let (etx, erx) = crossbeam_channel::unbounded::<String>();
    let (wtx, wrx) = bounded::<(Vec<(Conversation, Encoded)>, Vec<Analysis>)>(2);
    let summary = std::thread::scope(|s| -> Result<Summary> {
        let reader = s.spawn(move || {
            let mut batch = Vec::with_capacity(BATCH);
            for item in items {
                match item {
                    Item::Rejected(msg) => {
                        if etx.send(msg).is_err() || strict {
                            break;
                        }
                    }
                    Item::Conversation(c) => {
                        batch.push(*c);
                        if batch.len() == BATCH {
                            let full = std::mem::replace(&mut batch, Vec::with_capacity(BATCH));
                            if tx.send(full).is_err() {
                                return;
                            }
                        }
                    }
                }
            }
            if !batch.is_empty() {
                let _ = tx.send(batch);
            }
        });
        // Building the engine (automata, models, the rule pack) takes a while: the reader
        // thread above is already parsing the first batches on the other core meanwhile.
        let engine = engine.get_or_init(|| match pack {
            Some(pack) => Engine::with_rules(EngineConfig::default(), pack),
            None => Engine::default(),
        });
        started = Instant::now();
        let store = &mut store;
        let progress = &progress;
        let engine_ref = engine;
        let writer = s.spawn(move || -> Result<Summary> {
            let mut summary = Summary::new(opts.top);
            let stdout = std::io::stdout();
            let mut out = stdout.lock();
            for (batch, mut analyses) in wrx {
                let rows: Vec<_> = batch
                    .iter()
                    .zip(&analyses)
                    .map(|((c, e), a)| (c, a, e))
                    .collect();
                store.save_batch(&rows, &[]).with_context(|| {
                    format!("cannot save to {}", earshot_store::display_db(&opts.db))
                })?;
                // With the batch saved, the store knows every earlier conversation, also those
                // of this batch: a customer complaining again is scored again and saved again.
                let changed = earshot_server::history::apply(
                    engine_ref,
                    &**store,
                    batch.iter().map(|(c, _)| c),
                    &mut analyses,
                )
                .with_context(|| format!("cannot read {}", earshot_store::display_db(&opts.db)))?;
                if !changed.is_empty() {
                    let rows: Vec<_> = changed
                        .iter()
                        .map(|&i| (&batch[i].0, &analyses[i], &batch[i].1))
                        .collect();
                    store.save_batch(&rows, &[]).with_context(|| {
                        format!("cannot save to {}", earshot_store::display_db(&opts.db))
                    })?;
                }
                for ((c, _), a) in batch.iter().zip(&analyses) {
                    summary.add(c, a);
                    if opts.json {
                        serde_json::to_writer(&mut out, &crate::summary::json_line(a))?;
                        out.write_all(b"\n")?;
                    }
                }
                if opts.json {
                    out.flush()?;
                }
                if let Some(pb) = progress {
                    pb.inc(batch.len() as u64);
                }
            }
            Ok(summary)
        });
        let mut errors_open = true;
        loop {
            // Rejections are reported as soon as they happen.
            let batch = if errors_open {
                crossbeam_channel::select! {
                    recv(rx) -> b => b.ok(),
                    recv(erx) -> e => {
                        match e {
                            Ok(msg) => {
                                eprintln!("earshot: rejected: {msg}");
                                rejected += 1;
                            }
                            Err(_) => errors_open = false,
                        }
                        continue;
                    }
                }
            } else {
                rx.recv().ok()
            };
            let Some(batch) = batch else { break };
            // Each worker digests its conversation and skips it when an identical one was
            // analysed before by this engine version (how an interrupted run resumes).
            let done: Vec<Option<(Conversation, Encoded, Analysis)>> = pool.install(|| {
                batch
                    .into_par_iter()
                    .map(|c| {
                        let e = encode(&c, earshot_engine::VERSION)?;
                        if known.contains(&e.digest) {
                            return Ok(None);
                        }
                        let a = engine.analyze(&c);
                        Ok(Some((c, e, a)))
                    })
                    .collect::<Result<_, earshot_store::StoreError>>()
            })?;
            let before = done.len();
            let (batch, analyses): (Vec<(Conversation, Encoded)>, Vec<Analysis>) = done
                .into_iter()
                .flatten()
                .map(|(c, e, a)| ((c, e), a))
                .unzip();
            skipped += (before - batch.len()) as u64;
            // A writer that stopped has an error to report; it is taken from join below.
            if wtx.send((batch, analyses)).is_err() {
                break;
            }
        }
        drop(wtx);
        drop(rx);
        // Rejections the reader sent after the last batch still count.
        for msg in erx.try_iter() {
            eprintln!("earshot: rejected: {msg}");
            rejected += 1;
        }
        let _ = reader.join();
        writer
            .join()
            .map_err(|_| anyhow::anyhow!("the database writer stopped unexpectedly"))?
    })?;
    if let Some(pb) = progress {
        pb.finish_and_clear();
    }
    store.mark_top_percent()?;
    Ok(Outcome {
        summary,
        rejected,
        skipped,
        seconds: started.elapsed().as_secs_f64(),
    })
}
