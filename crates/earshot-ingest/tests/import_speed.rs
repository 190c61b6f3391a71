//! A speed check, not a timed assertion: prints conversations per second for the Zendesk export
//! and for mbox on a few thousand generated records. Run it with
//! `cargo test --release -p earshot-ingest --test import_speed -- --ignored --nocapture`.

use std::fmt::Write as _;
use std::time::Instant;

use earshot_ingest::formats::{ImportFormat, ImportOptions, import};

const N: usize = 5_000;

fn zendesk_export(n: usize) -> String {
    let mut tickets = Vec::with_capacity(n);
    for i in 0..n {
        let requester = 10_000 + i % 500;
        tickets.push(format!(
            r#"{{"id":{i},"subject":"Bestellung {i} fehlt","status":"open","requester_id":{requester},"assignee_id":77,
"tags":["lieferung","de"],"via":{{"channel":"email"}},"created_at":"2024-05-02T08:14:09Z",
"comments":[
 {{"id":1,"author_id":{requester},"public":true,"body":"Wo ist meine Bestellung {i}? Es sind schon 12 Tage.","created_at":"2024-05-02T08:14:09Z","via":{{"channel":"email"}}}},
 {{"id":2,"author_id":77,"public":false,"body":"Carrier says customs hold.","created_at":"2024-05-02T09:01:44Z"}},
 {{"id":3,"author_id":77,"public":true,"body":"Hallo, Ihr Paket liegt beim Zoll. Wir melden uns morgen.","created_at":"2024-05-02T09:05:00Z"}},
 {{"id":4,"author_id":{requester},"public":true,"body":"Das ist inakzeptabel!\n\nAm 02.05.2024 um 11:05 schrieb Shop:\n> Hallo","created_at":"2024-05-02T10:30:00Z","via":{{"channel":"email"}}}}
]}}"#
        ));
    }
    let users: Vec<String> = (0..500)
        .map(|u| {
            format!(
                r#"{{"id":{},"name":"Kunde {u}","email":"k{u}@example.de","role":"end-user"}}"#,
                10_000 + u
            )
        })
        .chain(std::iter::once(
            r#"{"id":77,"name":"Tom","email":"tom@shop.example","role":"agent"}"#.to_string(),
        ))
        .collect();
    format!(
        r#"{{"tickets":[{}],"users":[{}],"end_of_stream":true}}"#,
        tickets.join(","),
        users.join(",")
    )
}

fn mbox(threads: usize) -> String {
    let mut s = String::new();
    for i in 0..threads {
        let _ = write!(
            s,
            "From c{i}@example.de Tue May  7 14:03:11 2024\nMessage-ID: <q{i}@example.de>\nDate: Tue, 07 May 2024 14:03:11 +0200\nFrom: Kunde {i} <c{i}@example.de>\nTo: support@shop.example\nSubject: Bestellung {i}\nContent-Type: text/plain; charset=utf-8\n\nHallo, mein Paket {i} ist nicht angekommen.\n\n\
From support@shop.example Tue May  7 15:10:02 2024\nMessage-ID: <r{i}@shop.example>\nIn-Reply-To: <q{i}@example.de>\nReferences: <q{i}@example.de>\nDate: Tue, 07 May 2024 15:10:02 +0200\nFrom: Shop Support <support@shop.example>\nTo: c{i}@example.de\nSubject: Re: Bestellung {i}\nContent-Type: text/plain; charset=utf-8\n\nHallo, wir prüfen das sofort.\n\nAm 07.05.2024 um 14:03 schrieb Kunde:\n> Hallo, mein Paket ist nicht angekommen.\n-- \nShop Support\n\n"
        );
    }
    s
}

fn measure(label: &str, format: ImportFormat, data: &[u8], expected: usize) {
    let opts = ImportOptions::default();
    // One warm-up run, then the best of three.
    let _ = import(format, label, data, &opts);
    let mut best = f64::MAX;
    for _ in 0..3 {
        let start = Instant::now();
        let out = import(format, label, data, &opts);
        let secs = start.elapsed().as_secs_f64();
        assert_eq!(out.iter().filter(|r| r.is_ok()).count(), expected);
        best = best.min(secs);
    }
    println!(
        "{label}: {expected} conversations from {:.1} MB in {:.1} ms = {:.0} conversations/s",
        data.len() as f64 / 1e6,
        best * 1e3,
        expected as f64 / best
    );
}

fn measure_eml(threads: usize) {
    // Each message of the generated mbox becomes one .eml input.
    let mailbox = mbox(threads);
    let inputs: Vec<(String, Vec<u8>)> = mailbox
        .split("\n\nFrom ")
        .enumerate()
        .map(|(i, m)| {
            let body = m.split_once('\n').map_or(m, |(_, rest)| rest);
            (format!("{i}.eml"), body.as_bytes().to_vec())
        })
        .collect();
    let opts = ImportOptions::default();
    let mut best = f64::MAX;
    for _ in 0..3 {
        let start = Instant::now();
        let out = earshot_ingest::formats::import_many(ImportFormat::Eml, &inputs, &opts);
        best = best.min(start.elapsed().as_secs_f64());
        assert_eq!(out.iter().filter(|r| r.is_ok()).count(), threads);
    }
    println!(
        "eml: {threads} conversations from {} files in {:.1} ms = {:.0} conversations/s",
        inputs.len(),
        best * 1e3,
        threads as f64 / best
    );
}

#[test]
#[ignore = "a speed figure to read, not a test; run in release"]
fn import_speed() {
    measure(
        "zendesk",
        ImportFormat::Zendesk,
        zendesk_export(N).as_bytes(),
        N,
    );
    measure("mbox", ImportFormat::Mbox, mbox(N).as_bytes(), N);
    measure_eml(N);
}
