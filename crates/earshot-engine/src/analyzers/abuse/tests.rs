//! Behaviour of the abuse analyzer on whole turns.

use earshot_model::{Role, Severity};
use earshot_text::{Lang, normalize};

use super::Abuse;
use crate::{TurnAnalyzer, TurnContext, TurnResult};

fn run(role: Role, text: &str) -> Vec<(String, Severity)> {
    let a = Abuse::new();
    let norm = normalize(text);
    let lang = earshot_text::detect_language(text);
    let cx = TurnContext {
        index: 0,
        role,
        text,
        norm: &norm,
        lang,
        internal: false,
    };
    let mut out = TurnResult::new(Lang::Und);
    a.analyze(&cx, &mut out);
    out.findings
        .iter()
        .filter(|f| f.confidence >= 0.5)
        .map(|f| (f.code.as_str().to_string(), f.severity))
        .collect()
}

fn codes(text: &str) -> Vec<String> {
    run(Role::Customer, text)
        .into_iter()
        .map(|(c, _)| c)
        .collect()
}

#[test]
fn insults_aimed_at_the_agent_are_high() {
    for text in [
        "you idiot",
        "du Idiot!",
        "お前バカだな",
        "mày ngu quá",
        "你是傻逼",
        "you are a b!tch",
        "eres un pendejo",
        "t'es un connard",
    ] {
        let r = run(Role::Customer, text);
        assert!(
            r.iter()
                .any(|(c, s)| c == "abuse.insult" && *s == Severity::High),
            "{text}: {r:?}"
        );
    }
}

#[test]
fn undirected_profanity_is_low() {
    let r = run(Role::Customer, "this damn box arrived broken");
    assert_eq!(r, vec![("abuse.profanity".to_string(), Severity::Low)]);
    let r = run(Role::Customer, "this f***ing box arrived broken");
    assert_eq!(r, vec![("abuse.profanity".to_string(), Severity::Low)]);
}

#[test]
fn an_abusive_agent_is_critical() {
    let r = run(Role::Agent, "you are an idiot");
    assert!(r.iter().any(|(_, s)| *s == Severity::Critical), "{r:?}");
}

#[test]
fn negation_and_reported_speech_drop_or_lower() {
    assert!(codes("I'm not calling you an idiot").is_empty());
    assert!(codes("he called me an idiot").is_empty());
}

#[test]
fn disguises_are_seen_through() {
    for text in [
        "crossing-eye B**h",
        "f u c k you",
        "ｆｕｃｋ you",
        "a$$hole",
        "shіt",
        "fuuuuuck",
        "傻B",
        "cnm",
        "đm mày",
    ] {
        assert!(!codes(text).is_empty(), "{text}");
    }
}

#[test]
fn ordinary_support_text_is_clean() {
    for text in [
        "Where is my order 1234? I need it by Friday.",
        "Can I get a refund for the cocktail shaker?",
        "垃圾桶坏了，请帮我换一个",
        "Tôi chưa nhận được hàng, bạn kiểm tra giúp nhé",
        "Black and gay customers deserve the same service.",
        "The app is useless today",
    ] {
        assert!(codes(text).is_empty(), "{text}: {:?}", codes(text));
    }
}

/// Known limit: the trained model's character trigrams see "cun"/"unt" inside "Scunthorpe"
/// and fire although the lexicon's allowlist does not. The fix (hiding allowlisted words from the
/// model's features) is open work; the lexicon alone passes (`lexicon::tests`).
#[test]
#[ignore = "open: the model does not yet honour the allowlist"]
fn scunthorpe_is_clean_with_the_model() {
    assert!(codes("My assistant booked a class on Scunthorpe history.").is_empty());
}
