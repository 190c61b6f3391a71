//! The built-in rule pack's own examples, run as part of `cargo test`, plus the pack-loading
//! errors users see.

use earshot_engine::RulePack;

fn report_failures(pack: &RulePack) -> Vec<String> {
    let report = pack.run_tests();
    report
        .cases
        .iter()
        .filter(|c| !c.ok)
        .map(|c| {
            format!(
                "{}:{} {} {}#{}: {}",
                c.file, c.line, c.rule, c.kind, c.index, c.detail
            )
        })
        .collect()
}

#[test]
fn builtin_pack_examples_pass() {
    let pack = RulePack::builtin();
    let report = pack.run_tests();
    assert!(
        report.cases.len() > 50,
        "only {} examples",
        report.cases.len()
    );
    assert!(
        report.untested.is_empty(),
        "rules without examples: {:?}",
        report.untested
    );
    let failures = report_failures(&pack);
    assert!(
        failures.is_empty(),
        "{} failing examples:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn builtin_pack_covers_the_text_codes() {
    let pack = RulePack::builtin();
    let codes = pack.codes();
    for code in [
        "courtesy.no_greeting",
        "courtesy.no_closing",
        "courtesy.no_signature",
        "courtesy.no_thanks",
        "process.identity_not_verified",
        "process.need_not_confirmed",
        "process.order_not_confirmed",
        "process.tracking_not_confirmed",
        "process.refund_not_explained",
        "process.inconsistent_explanation",
        "process.no_further_help",
        "conduct.no_empathy",
        "conduct.improper_promise",
        "conduct.sensitive_word",
        "sla.first_response",
        "sla.response_gap",
        "sla.resolution_time",
        "sla.marketplace",
    ] {
        assert!(codes.contains(&code), "no built-in rule emits {code}");
    }
}

#[test]
fn builtin_phrase_sets_cover_nine_languages() {
    let files = ["courtesy.yaml", "process.yaml", "conduct.yaml"];
    for f in files {
        let path = format!("{}/../../rules/builtin/{f}", env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read_to_string(&path).unwrap();
        let doc: serde_yaml_ng::Value = serde_yaml_ng::from_str(&text).unwrap();
        let phrases = doc.get("phrases").and_then(|p| p.as_mapping()).unwrap();
        for (name, langs) in phrases {
            let langs = langs.as_mapping().unwrap();
            for l in ["en", "de", "ja", "es", "fr", "vi", "th", "ar", "zh"] {
                assert!(
                    langs
                        .get(l)
                        .and_then(|v| v.as_sequence())
                        .is_some_and(|s| !s.is_empty()),
                    "{f}: phrase set {name:?} has no {l} phrases"
                );
            }
        }
    }
}

fn pack(rules: &str) -> Result<RulePack, earshot_engine::RuleError> {
    RulePack::parse(vec![
        (
            "p/pack.toml".into(),
            "name = \"t\"\nversion = \"1\"\n".into(),
        ),
        ("p/r.yaml".into(), rules.into()),
    ])
}

#[test]
fn errors_name_file_line_and_field() {
    let err =
        pack("rules:\n  - id: a\n    code: x.y\n    explain: e\n    match: { phrases: nope }\n")
            .unwrap_err();
    let msg = err.to_string();
    assert!(
        msg.starts_with("p/r.yaml:2: rule \"a\": field `match`: unknown phrase set \"nope\""),
        "{msg}"
    );

    let err =
        pack("rules:\n  - id: a\n    code: x.y\n    explain: e\n    colour: red\n").unwrap_err();
    let msg = err.to_string();
    assert!(msg.contains("p/r.yaml:") && msg.contains("colour"), "{msg}");

    let err =
        pack("rules:\n  - id: a\n    code: x.y\n    explain: e\n    match: { regex: \"(\" }\n")
            .unwrap_err();
    assert!(err.to_string().contains("regex"), "{err}");

    let err = pack("rules:\n  - id: a\n    code: X\n    explain: e\n    match: { role: agent }\n")
        .unwrap_err();
    assert!(err.to_string().contains("field `code`"), "{err}");
}

#[test]
fn a_failing_example_is_reported() {
    let p = pack(
        "rules:\n  - id: a\n    code: x.y\n    explain: e\n    match: { role: agent, phrases: [refund] }\n    tests:\n      trigger: [[\"agent: hello\"]]\n",
    )
    .unwrap();
    let r = p.run_tests();
    assert_eq!(r.failed(), 1);
    assert!(
        r.cases[0].detail.contains("to trigger"),
        "{}",
        r.cases[0].detail
    );
}

#[test]
fn the_abcd_example_pack_passes() {
    let dir = format!("{}/../../rules/examples/abcd", env!("CARGO_MANIFEST_DIR"));
    let pack = RulePack::load(&dir).unwrap_or_else(|e| panic!("{e}"));
    let failures = report_failures(&pack);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

mod engine_level {
    use earshot_engine::model::{Conversation, Order, Role, Turn};
    use earshot_engine::{CustomerHistory, Engine, EngineConfig};

    fn conv(turns: &[(Role, &str)]) -> Conversation {
        Conversation::new("c", turns.iter().map(|(r, t)| Turn::new(*r, *t)).collect())
    }

    #[test]
    fn a_claim_against_the_catalogue_is_wrong_info_and_moves_knowledge() {
        let mut c = conv(&[
            (
                Role::Customer,
                "How long does the battery of the AirWave Buds last?",
            ),
            (
                Role::Agent,
                "Hello! The AirWave Buds battery lasts 12 hours. Anything else?",
            ),
        ]);
        c.order = Some(Order {
            sku: Some("AA-EB-AWB-WHT".into()),
            ..Order::default()
        });
        let a = Engine::default().analyze(&c);
        let f = a
            .findings
            .iter()
            .find(|f| f.code.as_str() == "conduct.wrong_info")
            .expect("wrong_info");
        assert_eq!(f.evidence, "12 hours");
        let s = a.scores.unwrap();
        assert_eq!(s.knowledge_accuracy, Some(65.0));
        assert!(
            s.moved_by
                .iter()
                .any(|(_, code, p)| code == "conduct.wrong_info" && *p == -35.0)
        );

        let right = conv(&[
            (
                Role::Customer,
                "How long does the battery of the AirWave Buds last?",
            ),
            (
                Role::Agent,
                "Hello! The AirWave Buds battery lasts 8 hours. Anything else?",
            ),
        ]);
        let a = Engine::default().analyze(&right);
        assert!(
            !a.findings
                .iter()
                .any(|f| f.code.as_str() == "conduct.wrong_info")
        );
        assert_eq!(a.scores.unwrap().knowledge_accuracy, None);
    }

    #[test]
    fn empathy_is_not_applicable_when_the_customer_is_calm() {
        let c = conv(&[
            (Role::Customer, "Where is my parcel?"),
            (Role::Agent, "Hello, it ships today. Anything else?"),
        ]);
        let s = Engine::default().analyze(&c).scores.unwrap();
        assert_eq!(s.empathy, None);
        assert!(s.courtesy.is_some());
    }

    #[test]
    fn installation_forbidden_words_join_the_pack() {
        let cfg = EngineConfig {
            forbidden_words: vec!["bargain bin".into()],
            ..EngineConfig::default()
        };
        let c = conv(&[
            (Role::Customer, "Is it new?"),
            (Role::Agent, "Hello, it is from the bargain bin."),
        ]);
        let a = Engine::new(cfg).analyze(&c);
        assert!(a.findings.iter().any(|f| f.code.as_str() == "conduct.sensitive_word" && f.evidence == "bargain bin"));
        let a = Engine::default().analyze(&c);
        assert!(
            !a.findings
                .iter()
                .any(|f| f.code.as_str() == "conduct.sensitive_word")
        );
    }

    #[test]
    fn a_repeat_complainer_weighs_more() {
        let c = conv(&[
            (
                Role::Customer,
                "This is ridiculous, I am furious! Three weeks and still no parcel!",
            ),
            (Role::Agent, "It ships next week."),
        ]);
        let e = Engine::default();
        let alone = e.analyze(&c);
        let history = CustomerHistory {
            conversations: 3,
            complaints: 2,
            threats: 1,
            max_risk: 60.0,
        };
        let again = e.analyze_with_history(&c, &history);
        assert!(again.risk > alone.risk, "{} vs {}", again.risk, alone.risk);
        assert!(
            again
                .risk_explanation
                .iter()
                .any(|l| l.contains("repeat complainer")),
            "{:?}",
            again.risk_explanation
        );
    }
}
