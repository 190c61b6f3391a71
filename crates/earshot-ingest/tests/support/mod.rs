//! Shared helpers of the import tests: reading fixtures and splitting results.

#![allow(dead_code)]

use earshot_ingest::RecordError;
use earshot_ingest::formats::{ImportFormat, ImportOptions, import, import_many};
use earshot_model::Conversation;

pub fn fixture(rel: &str) -> Vec<u8> {
    let path = format!("{}/tests/fixtures/{rel}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

pub fn split(
    results: Vec<Result<Conversation, RecordError>>,
) -> (Vec<Conversation>, Vec<RecordError>) {
    let mut oks = Vec::new();
    let mut errs = Vec::new();
    for r in results {
        match r {
            Ok(c) => oks.push(c),
            Err(e) => errs.push(e),
        }
    }
    (oks, errs)
}

pub fn run(format: ImportFormat, rel: &str) -> (Vec<Conversation>, Vec<RecordError>) {
    run_with(format, rel, &ImportOptions::default())
}

pub fn run_with(
    format: ImportFormat,
    rel: &str,
    opts: &ImportOptions,
) -> (Vec<Conversation>, Vec<RecordError>) {
    let (oks, errs) = split(import(format, rel, &fixture(rel), opts));
    for c in &oks {
        // Every imported conversation must be valid native JSON that reads back the same.
        let json = serde_json::to_string(c).expect("serialises");
        let back = earshot_ingest::parse_conversation(&json).expect("reads back");
        assert_eq!(&back, c);
    }
    (oks, errs)
}

pub fn run_many(
    format: ImportFormat,
    rels: &[&str],
    opts: &ImportOptions,
) -> (Vec<Conversation>, Vec<RecordError>) {
    let inputs: Vec<(String, Vec<u8>)> = rels.iter().map(|r| (r.to_string(), fixture(r))).collect();
    split(import_many(format, &inputs, opts))
}

pub fn by_id<'a>(convs: &'a [Conversation], id: &str) -> &'a Conversation {
    convs.iter().find(|c| c.id == id).unwrap_or_else(|| {
        panic!(
            "no conversation {id}: {:?}",
            convs.iter().map(|c| &c.id).collect::<Vec<_>>()
        )
    })
}

pub fn roles(c: &Conversation) -> Vec<&'static str> {
    c.turns.iter().map(|t| t.role.as_str()).collect()
}
