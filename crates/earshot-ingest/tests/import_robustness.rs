//! No importer panics, whatever the input: every fixture truncated, bytes flipped, and for JSON
//! every value replaced by values of other types. A panic would surface as the "internal error"
//! the import guard turns it into, so that message must never appear.

mod support;

use earshot_ingest::RecordError;
use earshot_ingest::formats::{ImportFormat, ImportOptions, REGISTRY, import};
use earshot_model::Conversation;
use serde_json::Value;
use support::fixture;

fn fixtures_of(format: ImportFormat) -> Vec<String> {
    let dir = format!(
        "{}/tests/fixtures/{}",
        env!("CARGO_MANIFEST_DIR"),
        format.name()
    );
    let mut out: Vec<String> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{dir}: {e}"))
        .filter_map(Result::ok)
        .map(|e| format!("{}/{}", format.name(), e.file_name().to_string_lossy()))
        .collect();
    out.sort();
    out
}

fn check(format: ImportFormat, data: &[u8]) -> Vec<Result<Conversation, RecordError>> {
    let opts = ImportOptions {
        agent_speaker: Some("spk_0".into()),
        support_addresses: vec!["@shop.example".into()],
        ..ImportOptions::default()
    };
    let out = import(format, "fuzz", data, &opts);
    for r in &out {
        if let Err(e) = r {
            assert!(
                !e.message.contains("internal error"),
                "{format} panicked on {:?}",
                String::from_utf8_lossy(data)
            );
        }
    }
    out
}

/// A small deterministic generator, so failures reproduce.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }
}

#[test]
fn every_format_has_fixtures_and_survives_garbage() {
    let garbage: &[&[u8]] = &[
        b"",
        b"null",
        b"[]",
        b"{}",
        b"[null]",
        b"[[[[[]]]]]",
        b"{\"a\":",
        b"\xff\xfe\x00",
        b"From \n",
        b"WEBVTT\n\n-->",
        b"1\n99:99:99,999 --> 00:00:00,000\nx",
        b"{\"results\":{\"items\":[{\"start_time\":\"99999999999999999999\"}]}}",
        b"<html><body><blockquote type=cite>",
        b"Message-ID: <a@b>\nIn-Reply-To: <a@b>\nFrom: a@b\n\n> x",
    ];
    for info in REGISTRY {
        assert!(
            !fixtures_of(info.format).is_empty(),
            "{} has no fixtures",
            info.name
        );
        for g in garbage {
            check(info.format, g);
        }
        let deep = format!("{}{}", "[".repeat(5000), "]".repeat(5000));
        check(info.format, deep.as_bytes());
    }
}

#[test]
fn truncated_and_flipped_fixtures() {
    let mut rng = Lcg(7);
    for info in REGISTRY {
        for rel in fixtures_of(info.format) {
            let data = fixture(&rel);
            let step = (data.len() / 40).max(1);
            for cut in (0..data.len()).step_by(step) {
                check(info.format, data.get(..cut).unwrap_or_default());
            }
            for _ in 0..40 {
                let mut d = data.clone();
                for _ in 0..3 {
                    let i = (rng.next() as usize) % d.len().max(1);
                    if let Some(b) = d.get_mut(i) {
                        *b = (rng.next() & 0xff) as u8;
                    }
                }
                check(info.format, &d);
            }
        }
    }
}

/// Every value of every JSON fixture replaced, one at a time, by values of other types.
#[test]
fn every_json_value_replaced_by_other_types() {
    let replacements = [
        Value::Null,
        Value::from(-1),
        Value::from(u64::MAX),
        Value::from(1e300),
        Value::from(""),
        Value::from("x"),
        Value::from("-1.5"),
        serde_json::json!([]),
        serde_json::json!({}),
        Value::from(true),
    ];
    for info in REGISTRY {
        for rel in fixtures_of(info.format)
            .into_iter()
            .filter(|r| r.ends_with(".json"))
        {
            let Ok(doc) = serde_json::from_slice::<Value>(&fixture(&rel)) else {
                continue;
            };
            let mut paths = Vec::new();
            collect_paths(&doc, &mut Vec::new(), &mut paths);
            for path in &paths {
                for r in &replacements {
                    let mut mutated = doc.clone();
                    if let Some(slot) = pointer_mut(&mut mutated, path) {
                        *slot = r.clone();
                    }
                    check(info.format, &serde_json::to_vec(&mutated).unwrap());
                }
            }
        }
    }
}

fn collect_paths(v: &Value, at: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
    out.push(at.clone());
    match v {
        Value::Object(m) => {
            for (k, child) in m {
                at.push(k.clone());
                collect_paths(child, at, out);
                at.pop();
            }
        }
        Value::Array(a) => {
            for (i, child) in a.iter().enumerate() {
                at.push(i.to_string());
                collect_paths(child, at, out);
                at.pop();
            }
        }
        _ => {}
    }
}

fn pointer_mut<'a>(v: &'a mut Value, path: &[String]) -> Option<&'a mut Value> {
    let mut cur = v;
    for p in path {
        cur = match cur {
            Value::Object(m) => m.get_mut(p)?,
            Value::Array(a) => a.get_mut(p.parse::<usize>().ok()?)?,
            _ => return None,
        };
    }
    Some(cur)
}
