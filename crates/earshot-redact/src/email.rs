//! E-mail addresses, found by growing outwards from each `@`.

use crate::{Hit, Kind};

fn is_local(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'%' | b'+' | b'-' | b'\'')
}

fn is_domain(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-')
}

/// Pushes every address in `text`. Only ASCII is taken on either side of the `@`, so that an
/// address written straight after Japanese or Chinese text does not swallow the words before it.
pub(crate) fn find(text: &str, hits: &mut Vec<Hit>) {
    let b = text.as_bytes();
    let mut from = 0;
    while let Some(off) = b[from..].iter().position(|&c| c == b'@') {
        let at = from + off;
        from = at + 1;
        let mut start = at;
        while start > 0 && is_local(b[start - 1]) {
            start -= 1;
        }
        while start < at && matches!(b[start], b'.' | b'\'' | b'-') {
            start += 1;
        }
        let mut end = at + 1;
        while end < b.len() && is_domain(b[end]) {
            end += 1;
        }
        while end > at + 1 && matches!(b[end - 1], b'.' | b'-') {
            end -= 1;
        }
        if start == at || end == at + 1 {
            continue;
        }
        let domain = &text[at + 1..end];
        let Some((head, tld)) = domain.rsplit_once('.') else {
            continue;
        };
        if head.is_empty() || tld.len() < 2 || !tld.bytes().all(|c| c.is_ascii_alphabetic()) {
            continue;
        }
        hits.push(Hit::new(start, end, Kind::Email));
        from = end;
    }
}
