//! Sensitive data shared in the conversation: payment card numbers (Luhn-checked).

use earshot_model::{Code, Finding, Span};

use crate::{TurnAnalyzer, TurnContext, TurnResult};

pub struct SensitiveData;

/// Payment card numbers: 13–19 digits written as one run or in the groups cards print (4-4-4-4,
/// 4-6-5, 4-4-4-4-3), with an issuer prefix (Visa, Mastercard, Amex, Discover, JCB, UnionPay,
/// Diners) and a valid Luhn check digit. Order and tracking numbers (Amazon's 3-7-7 groups, long
/// carrier numbers) fail the grouping or the prefix. Returns spans in characters.
pub fn card_numbers(text: &str) -> Vec<Span> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit()
            || (i > 0 && (chars[i - 1].is_ascii_alphanumeric() || chars[i - 1] == '-'))
        {
            i += 1;
            continue;
        }
        let start = i;
        let mut digits: Vec<u8> = Vec::with_capacity(19);
        let mut groups: Vec<usize> = vec![0];
        let mut j = i;
        let mut end = i;
        while j < chars.len() && digits.len() <= 19 {
            let c = chars[j];
            if c.is_ascii_digit() {
                digits.push(c as u8 - b'0');
                if let Some(g) = groups.last_mut() {
                    *g += 1;
                }
                end = j + 1;
                j += 1;
            } else if (c == ' ' || c == '-') && chars.get(j + 1).is_some_and(char::is_ascii_digit) {
                groups.push(0);
                j += 1;
            } else {
                break;
            }
        }
        let followed_by_word = chars.get(end).is_some_and(|c| c.is_ascii_alphanumeric());
        if !followed_by_word && is_card(&digits, &groups) {
            out.push(Span::new(start, end));
        }
        i = end.max(i + 1);
    }
    out
}

fn is_card(digits: &[u8], groups: &[usize]) -> bool {
    let n = digits.len();
    if !(13..=19).contains(&n) {
        return false;
    }
    let grouped_like_a_card = matches!(
        groups,
        [_] | [4, 4, 4, 4] | [4, 6, 5] | [4, 6, 4] | [4, 4, 4, 4, 3] | [4, 4, 4, 1]
    );
    let prefix = |k: usize| digits[..k].iter().fold(0u32, |a, d| a * 10 + *d as u32);
    // Each issuer's prefixes and the lengths its cards have.
    let issuer = match digits[0] {
        4 => matches!(n, 13 | 16 | 19),
        5 => (51..=55).contains(&prefix(2)) && n == 16,
        2 => (2221..=2720).contains(&prefix(4)) && n == 16,
        3 => match prefix(2) {
            34 | 37 => n == 15,
            35 => (16..=19).contains(&n),
            36 | 38 | 39 | 30 => (14..=19).contains(&n),
            _ => false,
        },
        6 => matches!(prefix(2), 60 | 62 | 64 | 65) && (16..=19).contains(&n),
        _ => false,
    };
    grouped_like_a_card && issuer && luhn(digits)
}

fn luhn(digits: &[u8]) -> bool {
    let sum: u32 = digits
        .iter()
        .rev()
        .enumerate()
        .map(|(k, d)| {
            let v = *d as u32;
            // Every second digit from the right is doubled, its digits summed.
            if k.is_multiple_of(2) {
                v
            } else if v * 2 > 9 {
                v * 2 - 9
            } else {
                v * 2
            }
        })
        .sum();
    sum.is_multiple_of(10)
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
            let f = Finding::new(
                Code::PRIVACY_SENSITIVE_DATA,
                "a payment card number was shared in the conversation",
            )
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
        // Amazon order numbers and long tracking numbers are not cards, even when Luhn-valid.
        assert!(card_numbers("order 406-8605778-3345165 please").is_empty());
        assert!(card_numbers("tracking 200049158478409").is_empty());
        // Issuer prefixes with the wrong length are tracking numbers, not cards.
        assert!(card_numbers("534396744954816").is_empty());
        assert!(card_numbers("3724087765176173090").is_empty());
        assert_eq!(card_numbers("amex 3782 822463 10005").len(), 1);
        assert_eq!(card_numbers("5555-5555-5555-4444").len(), 1);
    }
}
