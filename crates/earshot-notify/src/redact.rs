//! Personal data must not leave earshot inside an alert. The caller passes its redactor (the
//! workspace's full one); [`BuiltinRedactor`] is a conservative fallback that masks e-mail
//! addresses, phone-like digit runs and card numbers, erring towards masking too much.

/// Removes personal data from a text before it is put into an alert.
pub trait Redactor: Send + Sync {
    fn redact(&self, text: &str) -> String;
}

impl<F: Fn(&str) -> String + Send + Sync> Redactor for F {
    fn redact(&self, text: &str) -> String {
        self(text)
    }
}

/// Masks `[email]`, `[card]` (13–19 digits passing the Luhn check) and `[phone]` (any other run
/// of seven or more digits, with spaces, dashes, dots, slashes or brackets between them).
/// Calendar dates such as `2024-05-09` are left alone.
#[derive(Debug, Clone, Copy, Default)]
pub struct BuiltinRedactor;

impl Redactor for BuiltinRedactor {
    fn redact(&self, text: &str) -> String {
        let masked = mask_emails(text);
        mask_digit_runs(&masked)
    }
}

fn is_local_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '.' | '_' | '%' | '+' | '-')
}

fn is_domain_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '.' | '-')
}

fn mask_emails(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    let mut emitted = 0;
    while i < chars.len() {
        if chars[i] == '@' || chars[i] == '＠' {
            let mut s = i;
            while s > emitted && is_local_char(chars[s - 1]) {
                s -= 1;
            }
            let mut e = i + 1;
            while e < chars.len() && is_domain_char(chars[e]) {
                e += 1;
            }
            // A trailing dot ends the sentence, not the domain.
            while e > i + 1 && chars[e - 1] == '.' {
                e -= 1;
            }
            let domain: String = chars[i + 1..e].iter().collect();
            if s < i && domain.contains('.') && !domain.starts_with('.') {
                out.extend(&chars[emitted..s]);
                out.push_str("[email]");
                emitted = e;
                i = e;
                continue;
            }
        }
        i += 1;
    }
    out.extend(&chars[emitted..]);
    out
}

fn digit_value(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        // Fullwidth digits, common in Chinese and Japanese text.
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

fn is_separator(c: char) -> bool {
    matches!(c, ' ' | '-' | '.' | '/' | '(' | ')' | '\u{a0}' | '－')
}

fn mask_digit_runs(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let starts = digit_value(chars[i]).is_some()
            || (matches!(chars[i], '+' | '(')
                && chars.get(i + 1).and_then(|&c| digit_value(c)).is_some());
        if !starts {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        // Extend over digits and single separators; the run ends at its last digit.
        let mut j = i;
        let mut last_digit = i;
        let mut digits = Vec::new();
        while j < chars.len() {
            if let Some(d) = digit_value(chars[j]) {
                digits.push(d);
                last_digit = j;
                j += 1;
            } else if chars[j] == ')'
                || ((is_separator(chars[j]) || (j == i && chars[j] == '+'))
                    && chars
                        .get(j + 1)
                        .is_some_and(|&c| digit_value(c).is_some() || c == '('))
            {
                // A closing bracket may follow a digit directly: "(0)30".
                j += 1;
            } else {
                break;
            }
        }
        let end = last_digit + 1;
        let run: String = chars[i..end].iter().collect();
        let label = classify(&digits, &run);
        match label {
            Some(l) => out.push_str(l),
            None => out.push_str(&run),
        }
        i = end.max(i + 1);
    }
    out
}

fn classify(digits: &[u32], run: &str) -> Option<&'static str> {
    if digits.len() < 7 || looks_like_date(run) {
        return None;
    }
    if (13..=19).contains(&digits.len()) && luhn(digits) {
        return Some("[card]");
    }
    Some("[phone]")
}

fn looks_like_date(run: &str) -> bool {
    let parts: Vec<&str> = run.split(['-', '/', '.']).collect();
    let lens: Vec<usize> = parts.iter().map(|p| p.chars().count()).collect();
    parts.len() == 3 && (lens == [4, 2, 2] || lens == [2, 2, 4] || lens == [4, 1, 1])
}

fn luhn(digits: &[u32]) -> bool {
    let sum: u32 = digits
        .iter()
        .rev()
        .enumerate()
        .map(|(k, &d)| {
            if k % 2 == 1 {
                let x = d * 2;
                if x > 9 { x - 9 } else { x }
            } else {
                d
            }
        })
        .sum();
    sum.is_multiple_of(10)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(s: &str) -> String {
        BuiltinRedactor.redact(s)
    }

    #[test]
    fn masks_emails() {
        assert_eq!(
            r("write to marta.r+de@shop-de.example."),
            "write to [email]."
        );
        assert_eq!(r("@everyone hi"), "@everyone hi");
        assert_eq!(r("邮箱 张三@例子.中国 谢谢"), "邮箱 [email] 谢谢");
    }

    #[test]
    fn masks_phones_and_cards() {
        assert_eq!(r("call +49 (0)30 1234-5678 now"), "call [phone] now");
        assert_eq!(r("我的电话１３８００１３８０００"), "我的电话[phone]");
        assert_eq!(
            r("card 4111 1111 1111 1111, exp 12/27"),
            "card [card], exp 12/27"
        );
        assert_eq!(r("order 123-4567890-1234567"), "order [phone]");
    }

    #[test]
    fn keeps_short_numbers_and_dates() {
        assert_eq!(
            r("2 items for 129.99 EUR on 2024-05-09"),
            "2 items for 129.99 EUR on 2024-05-09"
        );
        assert_eq!(r("sh1t"), "sh1t");
    }

    #[test]
    fn closures_are_redactors() {
        let f = |s: &str| s.replace("Marta", "[name]");
        assert_eq!(f.redact("Marta said"), "[name] said");
    }
}
