//! Unit tests of the threat analyzer: the pattern files are valid, and the rules for intent,
//! negation, past frames, near misses and roles hold in every language.

use earshot_model::Role;
use earshot_text::{Lang, normalize};

use super::{REPORT_THRESHOLD, build};
use crate::{TurnAnalyzer, TurnContext, TurnResult};

/// The codes found in `text` said by `role`, with confidence at or above the report threshold.
fn codes(role: Role, text: &str) -> Vec<String> {
    let (t, _) = build();
    let norm = normalize(text);
    let cx = TurnContext {
        index: 0,
        role,
        text,
        norm: &norm,
        lang: Lang::Und,
        internal: false,
    };
    let mut out = TurnResult::new(Lang::Und);
    t.analyze(&cx, &mut out);
    out.findings
        .iter()
        .filter(|f| f.confidence >= REPORT_THRESHOLD)
        .map(|f| f.code.as_str().to_string())
        .collect()
}

fn customer(text: &str) -> Vec<String> {
    codes(Role::Customer, text)
}

#[test]
fn every_pattern_file_parses_without_problems() {
    let (t, errors) = build();
    assert!(
        errors.is_empty(),
        "problems in the threat pattern files:\n{}",
        errors.join("\n")
    );
    assert!(t.ac.is_some());
    assert!(t.entries.len() > 500, "only {} patterns", t.entries.len());
}

#[test]
fn intent_and_target_make_a_threat_with_a_span_on_the_phrase() {
    let (t, _) = build();
    let text = "Hello. I will contact my Lawyer if this is not fixed.";
    let norm = normalize(text);
    let cx = TurnContext {
        index: 0,
        role: Role::Customer,
        text,
        norm: &norm,
        lang: Lang::En,
        internal: false,
    };
    let mut out = TurnResult::new(Lang::En);
    t.analyze(&cx, &mut out);
    let f = out
        .findings
        .iter()
        .find(|f| f.code.as_str() == "threat.legal")
        .expect("a legal threat");
    assert_eq!(f.evidence, "will contact my Lawyer");
    assert!(
        f.explanation.contains("'will contact'") && f.explanation.contains("lawyer"),
        "{}",
        f.explanation
    );
    assert!(f.confidence >= 0.8);
}

#[test]
fn threats_are_found_in_every_language() {
    for (text, code) in [
        ("I'm going to sue you", "threat.legal"),
        ("Ich werde meinen Anwalt einschalten", "threat.legal"),
        ("弁護士に相談します", "threat.legal"),
        ("Voy a contactar a mi abogado", "threat.legal"),
        ("Je vais porter plainte", "threat.legal"),
        ("Tôi sẽ kiện các bạn", "threat.legal"),
        ("ฉันจะฟ้องร้องบริษัทคุณ", "threat.legal"),
        ("سوف أرفع دعوى قضائية ضدكم", "threat.legal"),
        ("我会起诉你们", "threat.legal"),
        ("我要打12315投诉你们", "threat.regulator"),
        ("Ich kaufe nie wieder bei Ihnen", "threat.churn"),
        (
            "I'm filing an A-to-z claim today",
            "threat.marketplace_claim",
        ),
        ("我要给差评", "threat.review"),
        ("I will file a chargeback with my bank", "threat.chargeback"),
        ("I swear I'll kill you", "threat.violence"),
    ] {
        assert!(
            customer(text).iter().any(|c| c == code),
            "{text:?} should give {code}"
        );
    }
}

#[test]
fn negation_cancels_the_threat() {
    for text in [
        "I'm not going to sue, I just want my money back",
        "Ich werde nicht klagen",
        "我不会给差评的",
        "訴えるつもりはない",
        "No voy a demandar",
        "Je ne vais pas porter plainte",
        "Tôi sẽ không kiện đâu",
        "ฉันจะไม่ฟ้องหรอก",
        "لن أرفع دعوى",
    ] {
        assert!(
            customer(text).is_empty(),
            "{text:?} is negated but gave {:?}",
            customer(text)
        );
    }
}

#[test]
fn a_condition_keeps_its_negation_to_itself() {
    assert_eq!(
        customer("If you don't refund me I will sue"),
        ["threat.legal"]
    );
    assert_eq!(customer("不退款就给你们一星"), ["threat.review"]);
}

#[test]
fn near_misses_are_not_threats() {
    for text in [
        "I'll leave a 5-star review",
        "your lawyer-approved return policy says 30 days",
        "can I cancel one item?",
        "the court case in the news",
        "PayPal is my payment method",
        "this price is killing me",
    ] {
        assert!(
            customer(text).is_empty(),
            "{text:?} gave {:?}",
            customer(text)
        );
    }
}

#[test]
fn a_past_frame_lowers_confidence_below_the_report_threshold() {
    assert!(customer("Last time I had to contact my lawyer").is_empty());
    let (t, _) = build();
    let text = "Last time I had to contact my lawyer";
    let norm = normalize(text);
    let cx = TurnContext {
        index: 0,
        role: Role::Customer,
        text,
        norm: &norm,
        lang: Lang::En,
        internal: false,
    };
    let mut out = TurnResult::new(Lang::En);
    t.analyze(&cx, &mut out);
    assert_eq!(out.findings.len(), 1, "still reported, at a low confidence");
}

#[test]
fn churn_by_cancelling_needs_anger() {
    assert!(customer("Please cancel my order, I ordered twice").is_empty());
    assert_eq!(
        customer("Cancel my order right now, this is ridiculous"),
        ["threat.churn"]
    );
}

#[test]
fn agents_only_trigger_violence() {
    assert!(
        codes(
            Role::Agent,
            "You may open an A-to-z claim if it does not arrive"
        )
        .is_empty()
    );
    assert_eq!(codes(Role::Agent, "I will kill you"), ["threat.violence"]);
}

#[test]
fn odd_input_does_not_panic() {
    for text in [
        "",
        "!!!",
        "\u{200b}",
        "sue",
        "律",
        "a-to-z",
        "ない訴え",
        "سأ",
        "...will...sue...",
    ] {
        let _ = customer(text);
    }
}
