//! End-to-end tests of the `earshot` binary: the analyze and classify contracts and the rules
//! for bad input (docs/format.md).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn earshot() -> Command {
    Command::new(env!("CARGO_BIN_EXE_earshot"))
}

fn tmp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("earshot-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn fixture(name: &str) -> String {
    format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))
}

fn run_with_stdin(mut cmd: Command, input: &[u8]) -> Output {
    let mut child = cmd
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let input = input.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(&input);
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    out
}

fn json_lines(out: &[u8]) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(out)
        .lines()
        .map(|l| serde_json::from_str(l).expect("each stdout line is JSON"))
        .collect()
}

fn count(db: &Path, sql: &str) -> i64 {
    let c = rusqlite::Connection::open(db).unwrap();
    c.query_row(sql, [], |r| r.get(0)).unwrap()
}

#[test]
fn analyze_reports_bad_lines_keeps_the_rest_and_follows_the_json_contract() {
    let dir = tmp("analyze");
    let db = dir.join("e.db");
    let out = earshot()
        .args(["analyze", &fixture("mixed.jsonl"), "--json", "--db"])
        .arg(&db)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        out.status.code(),
        Some(1),
        "rejected records give exit 1: {stderr}"
    );
    assert!(
        stderr.contains("mixed.jsonl:2: field `turns[0].role`"),
        "{stderr}"
    );
    assert!(stderr.contains("mixed.jsonl:4:"), "{stderr}");
    assert!(stderr.contains("2 records rejected"), "{stderr}");
    let lines = json_lines(&out.stdout);
    let ids: Vec<&str> = lines.iter().map(|l| l["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["ok-1", "ok-2", "ok-3"]);
    for l in &lines {
        let risk = l["risk"].as_f64().unwrap();
        assert!((0.0..=100.0).contains(&risk));
        assert!(l["findings"].is_array());
        assert!(
            l.get("satisfaction").is_some()
                && l.get("scores").is_some()
                && l.get("severity").is_some()
        );
    }
    // The abusive, threatening e-mail is the riskiest and its evidence points at the words.
    let bad = &lines[1];
    assert!(bad["risk"].as_f64().unwrap() > lines[0]["risk"].as_f64().unwrap());
    let insult = bad["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["code"] == "abuse.insult")
        .expect("insult found");
    assert_eq!(insult["turn"], 0);
    assert_eq!(insult["evidence"], "idiot");
    assert_eq!(insult["span"]["start"], 4);
    assert_eq!(insult["span"]["end"], 9);
    assert!(!insult["explanation"].as_str().unwrap().is_empty());
    assert!(
        bad["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["code"] == "threat.legal")
    );
    assert_eq!(count(&db, "SELECT COUNT(*) FROM conversations"), 3);

    // Analysing again duplicates nothing; unchanged conversations are skipped.
    let again = earshot()
        .args(["analyze", &fixture("mixed.jsonl"), "--db"])
        .arg(&db)
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&again.stderr).contains("3 conversations unchanged"));
    let forced = earshot()
        .args(["analyze", &fixture("mixed.jsonl"), "--force", "--db"])
        .arg(&db)
        .output()
        .unwrap();
    assert_eq!(forced.status.code(), Some(1));
    assert_eq!(count(&db, "SELECT COUNT(*) FROM conversations"), 3);
    let findings_before = count(&db, "SELECT COUNT(*) FROM findings");
    earshot()
        .args(["analyze", &fixture("mixed.jsonl"), "--force", "--db"])
        .arg(&db)
        .output()
        .unwrap();
    assert_eq!(count(&db, "SELECT COUNT(*) FROM findings"), findings_before);
}

#[test]
fn strict_stops_at_the_first_bad_record_but_keeps_what_came_before() {
    let dir = tmp("strict");
    let db = dir.join("e.db");
    let out = earshot()
        .args(["analyze", "--strict", &fixture("mixed.jsonl"), "--db"])
        .arg(&db)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(count(&db, "SELECT COUNT(*) FROM conversations"), 1);
}

#[test]
fn stdin_gzip_and_csv_inputs() {
    let dir = tmp("inputs");
    let db = dir.join("e.db");
    let data = std::fs::read(fixture("mixed.jsonl")).unwrap();
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(&data).unwrap();
    let gz = gz.finish().unwrap();
    let mut cmd = earshot();
    cmd.args(["analyze", "-", "--json", "--db"]).arg(&db);
    let out = run_with_stdin(cmd, &gz);
    assert_eq!(
        json_lines(&out.stdout).len(),
        3,
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    let csv = dir.join("export.csv");
    std::fs::write(&csv, "ticket,who,body\nT1,end-user,where is my parcel?\nT1,agent,Hello! It arrives tomorrow.\nT2,buyer,thanks\n").unwrap();
    let out = earshot()
        .args([
            "analyze",
            "--json",
            "--map",
            "id=ticket,role=who,text=body",
            "--db",
        ])
        .arg(&db)
        .arg(&csv)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines = json_lines(&out.stdout);
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["id"], "T1");

    let missing = earshot()
        .args(["analyze", "--db"])
        .arg(&db)
        .arg(dir.join("nope.jsonl"))
        .output()
        .unwrap();
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("nope.jsonl"));
}

#[test]
fn huge_and_odd_inputs_give_diagnostics_not_panics() {
    let dir = tmp("odd");
    let db = dir.join("e.db");
    let big_text = "you idiot ".repeat(1_000_000); // 10 MB in one message
    let many: Vec<serde_json::Value> = (0..10_000)
        .map(|i| serde_json::json!({"role": if i % 2 == 0 {"customer"} else {"agent"}, "text": format!("message {i}?")}))
        .collect();
    let mut input = Vec::new();
    for v in [
        serde_json::json!({"id": "big", "turns": [{"role": "customer", "text": big_text}]}),
        serde_json::json!({"id": "many", "turns": many}),
        serde_json::json!({"id": "empty", "turns": [{"role": "customer", "text": ""}]}),
        serde_json::json!({"id": "backwards", "turns": [
            {"role": "customer", "text": "hi", "at": "2026-01-02T10:00:00Z"},
            {"role": "agent", "text": "hello", "at": "2026-01-01T10:00:00Z"}]}),
        serde_json::json!({"id": "no-turns", "turns": []}),
    ] {
        input.extend(serde_json::to_vec(&v).unwrap());
        input.push(b'\n');
    }
    input.extend(
        b"{\"id\":\"bad-utf8\",\"turns\":[{\"role\":\"customer\",\"text\":\"\xff\xfe\"}]}\n",
    );
    let mut cmd = earshot();
    cmd.args(["analyze", "-", "--json", "--db"]).arg(&db);
    let out = run_with_stdin(cmd, &input);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("-:6") && stderr.contains("UTF-8"),
        "{stderr}"
    );
    let lines = json_lines(&out.stdout);
    assert_eq!(lines.len(), 5);
    let diag = |id: &str| -> String {
        lines.iter().find(|l| l["id"] == id).unwrap()["diagnostics"].to_string()
    };
    assert!(diag("big").contains("only the first"), "{}", diag("big"));
    assert!(diag("empty").contains("no text"));
    assert!(diag("backwards").contains("earlier than the turn before"));
    assert!(diag("no-turns").contains("no turns"));
    let big = lines.iter().find(|l| l["id"] == "big").unwrap();
    assert!(
        big["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["code"] == "abuse.insult")
    );
}

#[test]
fn classify_writes_one_verdict_per_line_in_order() {
    let input = "you are an idiot\nThanks, the parcel arrived!\n\nI will open a chargeback with my bank\n你这个傻逼\n";
    let mut cmd = earshot();
    cmd.args(["classify", "--threads", "2"]);
    let out = run_with_stdin(cmd, input.as_bytes());
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines = json_lines(&out.stdout);
    assert_eq!(
        lines.len(),
        5,
        "one line out per line in, blank lines included"
    );
    for l in &lines {
        for key in [
            "lang",
            "labels",
            "abusive",
            "threat",
            "sentiment",
            "polarity",
            "emotion",
            "severity",
            "spans",
        ] {
            assert!(l.get(key).is_some(), "{key} missing in {l}");
        }
        let s = l["sentiment"].as_f64().unwrap();
        assert!((-1.0..=1.0).contains(&s));
        assert!(
            ["none", "low", "medium", "high", "critical"]
                .contains(&l["severity"].as_str().unwrap())
        );
    }
    assert_eq!(lines[0]["abusive"], true);
    let insult = lines[0]["spans"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["label"] == "abuse.insult")
        .expect("insult span");
    assert_eq!(
        (insult["start"].as_u64(), insult["end"].as_u64()),
        (Some(11), Some(16))
    );
    assert_eq!(lines[1]["abusive"], false);
    assert_eq!(lines[1]["polarity"], "positive");
    assert_eq!(lines[2]["severity"], "none");
    assert_eq!(lines[3]["threat"], true);
    assert!(
        lines[3]["labels"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c == "threat.chargeback")
    );
    assert_eq!(lines[4]["lang"], "zh");
    assert_eq!(lines[4]["abusive"], true);
}

/// A run killed with SIGKILL keeps every batch it committed, and the next run resumes: it skips
/// what was saved and analyses the rest, ending with every conversation stored exactly once.
#[test]
fn killed_run_loses_nothing_committed_and_resumes() {
    let dir = tmp("kill");
    let db = dir.join("e.db");
    let input = dir.join("many.jsonl");
    let n = 40_000;
    {
        let mut w = std::io::BufWriter::new(std::fs::File::create(&input).unwrap());
        for i in 0..n {
            let v = serde_json::json!({"id": format!("k-{i}"), "channel": "chat", "turns": [
                {"role": "customer", "text": format!("Where is my order {i}? It has not arrived yet.")},
                {"role": "agent", "text": "Hello, sorry for the delay. The tracking number is in your e-mail. Anything else?"},
                {"role": "customer", "text": if i % 7 == 0 { "You idiot, this is useless!!" } else { "Thanks!" }}]});
            serde_json::to_writer(&mut w, &v).unwrap();
            w.write_all(b"\n").unwrap();
        }
    }
    let mut child = earshot()
        .args(["analyze", "--threads", "1", "--db"])
        .arg(&db)
        .arg(&input)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Wait until some batches are committed, then kill without warning.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(120);
    loop {
        std::thread::sleep(std::time::Duration::from_millis(50));
        let saved = rusqlite::Connection::open(&db)
            .and_then(|c| {
                c.query_row("SELECT COUNT(*) FROM conversations", [], |r| {
                    r.get::<_, i64>(0)
                })
            })
            .unwrap_or(0);
        if saved >= 1024 || std::time::Instant::now() > deadline {
            break;
        }
    }
    child.kill().unwrap();
    child.wait().unwrap();
    let saved = count(&db, "SELECT COUNT(*) FROM conversations");
    assert!(
        saved >= 1024,
        "batches committed before the kill are kept ({saved})"
    );
    if saved == n {
        eprintln!("note: the run finished before it could be killed; resume not exercised");
        return;
    }
    let out = earshot()
        .args(["analyze", "--db"])
        .arg(&db)
        .arg(&input)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(&format!("{saved} conversations unchanged")),
        "{stderr}"
    );
    assert_eq!(count(&db, "SELECT COUNT(*) FROM conversations"), n);
    let duplicated = count(
        &db,
        "SELECT COUNT(*) FROM (SELECT 1 FROM findings
           GROUP BY workspace, conversation_id, code, turn, span_start, span_end, explanation HAVING COUNT(*) > 1)",
    );
    assert_eq!(duplicated, 0, "no finding is stored twice");
    let with_insults = count(
        &db,
        "SELECT COUNT(DISTINCT conversation_id) FROM findings WHERE code = 'abuse.insult'",
    );
    assert_eq!(
        with_insults,
        (n as u64).div_ceil(7) as i64,
        "every conversation with an insult has its finding once resumed"
    );
}

#[test]
fn import_redact_and_rules_commands_are_wired() {
    let zendesk = format!(
        "{}/crates/earshot-ingest/tests/fixtures/zendesk/ticket_with_comments.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let out = earshot()
        .args(["import", "--from", "zendesk", &zendesk, "--out", "-"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines = json_lines(&out.stdout);
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0]["source"], "zendesk");
    assert!(lines[0]["turns"].as_array().unwrap().len() >= 2);
    let bad = earshot()
        .args(["import", "--from", "zendeskk", &zendesk, "--out", "-"])
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("unknown format"));

    let mut cmd = earshot();
    cmd.arg("redact");
    let out = run_with_stdin(
        cmd,
        b"write to jana.novak@example.com or call +49 30 1234567\n",
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        !text.contains("jana.novak@example.com") && !text.contains("1234567"),
        "{text}"
    );

    let out = earshot().args(["rules", "test"]).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("0 failed"));
}

#[test]
fn training_cases_export_redacted_with_spans_that_still_fit() {
    use earshot_store::{CaseKind, Store, TrainingCase};
    let dir = tmp("export");
    let db = dir.join("e.db");
    let conv = serde_json::json!({
    "id": "TC-1", "channel": "email", "workspace": "acme",
    "customer": {"name": "Maria Keller"},
    "agents": [{"id": "a1", "name": "Tom Baker"}],
    "turns": [
        {"role": "customer", "text": "This is Maria Keller, mail me at maria.keller@example.com or call +49 170 1234567. You idiot, where is my parcel?"},
        {"role": "agent", "text": "Hi Maria Keller, Tom Baker here. I'm sorry, I'll check right away."}
    ]});
    let out = run_with_stdin(
        {
            let mut c = earshot();
            c.args(["analyze", "-", "--db"]).arg(&db);
            c
        },
        format!("{conv}\n").as_bytes(),
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    {
        let mut store = earshot_store::SqliteStore::open(&db).unwrap();
        let marked = store
            .mark_training_case(&TrainingCase {
                workspace: "acme".into(),
                conversation_id: "TC-1".into(),
                kind: CaseKind::Bad,
                note: Some("insult left unanswered".into()),
                marked_by: Some("qa-lead".into()),
                marked_at: String::new(),
            })
            .unwrap();
        assert!(marked);
    }
    let (jsonl, html) = (dir.join("cases.jsonl"), dir.join("cases.html"));
    let out = earshot()
        .args(["export", "--training-cases", "--db"])
        .arg(&db)
        .arg("--out")
        .arg(&jsonl)
        .arg("--html")
        .arg(&html)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = std::fs::read_to_string(&jsonl).unwrap();
    let page = std::fs::read_to_string(&html).unwrap();
    for secret in [
        "Maria",
        "Keller",
        "maria.keller@example.com",
        "1234567",
        "Tom Baker",
    ] {
        assert!(
            !text.contains(secret),
            "{secret} leaked into the JSONL: {text}"
        );
        assert!(!page.contains(secret), "{secret} leaked into the casebook");
    }
    let cases = json_lines(text.as_bytes());
    assert_eq!(cases.len(), 1);
    let case = &cases[0];
    assert_eq!(case["kind"], "bad");
    assert_eq!(case["note"], "insult left unanswered");
    let turn0 = case["conversation"]["turns"][0]["text"].as_str().unwrap();
    assert!(
        turn0.contains("[EMAIL-1]") && turn0.contains("[PHONE-1]") && turn0.contains("[NAME-1]"),
        "{turn0}"
    );
    // Every finding's span, moved through the redaction, still covers its evidence.
    let findings = case["findings"].as_array().unwrap();
    assert!(
        findings.iter().any(|f| f["code"] == "abuse.insult"),
        "{findings:?}"
    );
    for f in findings {
        let (Some(turn), Some(span)) = (f["turn"].as_u64(), f.get("span")) else {
            continue;
        };
        let t: Vec<char> = case["conversation"]["turns"][turn as usize]["text"]
            .as_str()
            .unwrap()
            .chars()
            .collect();
        let (s, e) = (
            span["start"].as_u64().unwrap() as usize,
            span["end"].as_u64().unwrap() as usize,
        );
        let at: String = t[s..e].iter().collect();
        assert_eq!(at, f["evidence"].as_str().unwrap(), "{f}");
    }
    assert!(page.contains("<mark"), "the casebook highlights evidence");
    assert!(
        page.contains("idiot"),
        "the insult itself is kept: it is the lesson"
    );
}

#[test]
fn redact_at_ingest_stores_only_redacted_text() {
    let dir = tmp("ingest-redact");
    let db = dir.join("r.db");
    let conv = serde_json::json!({
        "id": "R-1", "channel": "chat", "customer": {"name": "Maria Keller", "id": "maria.keller@example.com"},
        "turns": [{"role": "customer", "text": "Maria Keller here, maria.keller@example.com, IBAN DE89 3704 0044 0532 0130 00. You idiot!"}]});
    let out = run_with_stdin(
        {
            let mut c = earshot();
            c.args(["analyze", "-", "--redact", "--json", "--db"])
                .arg(&db);
            c
        },
        format!("{conv}\n").as_bytes(),
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let c = rusqlite::Connection::open(&db).unwrap();
    let data: String = c
        .query_row("SELECT data FROM conversations", [], |r| r.get(0))
        .unwrap();
    let evidence: String = c
        .query_row(
            "SELECT group_concat(evidence, '|') FROM findings",
            [],
            |r| r.get(0),
        )
        .unwrap();
    for secret in ["Maria", "Keller", "maria.keller@example.com", "DE89"] {
        assert!(!data.contains(secret), "{secret} stored: {data}");
        assert!(
            !evidence.contains(secret),
            "{secret} in evidence: {evidence}"
        );
    }
    assert!(
        data.contains("[EMAIL]") && data.contains("[IBAN]"),
        "{data}"
    );
    assert!(
        evidence.contains("idiot"),
        "the analysis still runs: {evidence}"
    );
}

#[test]
fn a_customer_complaining_again_is_riskier() {
    let dir = tmp("history");
    let db = dir.join("h.db");
    let complaint =
        "This is unacceptable, the parcel never arrived. I will file a chargeback with my bank.";
    let line = |id: &str, customer: &str, day: u32| {
        serde_json::json!({
            "id": id, "channel": "chat", "workspace": "acme",
            "started_at": format!("2026-10-{day:02}T09:00:00Z"),
            "customer": {"id": customer},
            "turns": [
                {"role": "customer", "text": complaint},
                {"role": "agent", "text": "Let me check that for you."}
            ]
        })
        .to_string()
    };
    // c1 complains three times in October; c2 once; c3 complained in March, long before.
    let input = [
        line("first", "c1", 1),
        line("second", "c1", 10),
        line("third", "c1", 20),
        line("alone", "c2", 20),
        serde_json::json!({
            "id": "march", "channel": "chat", "workspace": "acme",
            "started_at": "2026-03-01T09:00:00Z", "customer": {"id": "c3"},
            "turns": [{"role": "customer", "text": complaint}]
        })
        .to_string(),
        line("october", "c3", 20),
    ]
    .join("\n");
    let out = run_with_stdin(
        {
            let mut c = earshot();
            c.args(["analyze", "-", "--json", "--db"]).arg(&db);
            c
        },
        input.as_bytes(),
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v = json_lines(&out.stdout);
    let by_id = |id: &str| v.iter().find(|x| x["id"] == id).unwrap().clone();
    let risk = |id: &str| by_id(id)["risk"].as_f64().unwrap();
    let why = |id: &str| by_id(id)["risk_explanation"].to_string();
    assert!(
        risk("first") > 0.0,
        "the complaint itself is found: {}",
        why("first")
    );
    // The first contact has no history; the later ones do, also within one input batch.
    assert_eq!(risk("first"), risk("alone"));
    assert!(
        !why("first").contains("repeat complainer"),
        "{}",
        why("first")
    );
    assert!(
        why("second").contains("1 earlier complaint"),
        "{}",
        why("second")
    );
    assert!(
        why("third").contains("2 earlier complaints"),
        "{}",
        why("third")
    );
    assert!(risk("third") > risk("second") && risk("second") > risk("first"));
    // Outside the window it does not count.
    assert_eq!(risk("october"), risk("alone"), "{}", why("october"));
    // The stored risk is the rescored one.
    let stored = count(
        &db,
        "SELECT CAST(risk * 10 AS INTEGER) FROM conversations WHERE id = 'third'",
    );
    assert_eq!(stored, (risk("third") * 10.0) as i64);
}
