//! Sensitive data shared in the conversation: payment card numbers (Luhn-checked).

use earshot_model::{Code, Finding, Span};

use crate::{TurnAnalyzer, TurnContext, TurnResult};

pub struct SensitiveData;

/// Runs of 13–19 digits, allowing single spaces or dashes between groups, that pass the Luhn
/// check. Returns spans in characters.
pub fn card_numbers(text: &str) -> Vec<Span> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() || (i > 0 && chars[i - 1].is_ascii_alphanumeric()) {
            i += 1;
            continue;
        }
        let start = i;
        let mut digits = Vec::with_capacity(19);
        let mut j = i;
        let mut last_digit_end = i;
        while j < chars.len() && digits.len() < 20 {
            let c = chars[j];
            if c.is_ascii_digit() {
                digits.push(c as u8 - b'0');
                last_digit_end = j + 1;
                j += 1;
            } else if (c == ' ' || c == '-') && j + 1 < chars.len() && chars[j + 1].is_ascii_digit() {
                j += 1;
            } else {
                break;
            }
        }
        let followed_by_alnum = chars.get(last_digit_end).is_some_and(|c| c.is_ascii_alphanumeric());
        if (13..=19).contains(&digits.len()) && !followed_by_alnum && luhn(&digits) {
            out.push(Span::new(start, last_digit_end));
        }
        i = last_digit_end.max(i + 1);
    }
    out
}

fn luhn(digits: &[u8]) -> bool {
    let mut sum = 0u32;
    for (k, d) in digits.iter().rev().enumerate() {
        let mut v = *d as u32;
        if k % 2 == 1 {
            v *= 2;
            if v > 9 {
                v -= 9;
            }
        }
        sum += v;
    }
    sum % 10 == 0
}

impl TurnAnalyzer for SensitiveData {
    fn name(&self) -> &'static str {
        "privacy"
    }

    fn analyze(&self, turn: &TurnContext<'_>, out: &mut TurnResult) {
        if !turn.text.bytes().any(|b| b.is_ascii_digit()) {
            return;
        }
        for span in card_numbers(turn.text) {
            let f = Finding::new(Code::PRIVACY_SENSITIVE_DATA, "a payment card number was shared in the conversation")
                .confidence(0.95)
                .source("privacy");
            out.findings.push(turn.finding_span(f, span));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_luhn_valid_cards_only() {
        let t = "my card is 4111 1111 1111 1111 and order 114-1234567-1234567";
        let spans = card_numbers(t);
        assert_eq!(spans.len(), 1);
        assert_eq!(spans[0].slice(t), Some("4111 1111 1111 1111"));
        assert!(card_numbers("4111 1111 1111 1112").is_empty());
        assert!(card_numbers("SKU4111111111111111").is_empty());
    }
}
