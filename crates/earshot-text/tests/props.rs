//! Property tests: normalisation accepts any string and its maps always point inside the
//! original text, in order.

use earshot_text::{detect_language, normalize};
use proptest::prelude::*;

fn check_view(view: &earshot_text::View, original_chars: usize) {
    let text = view.as_str();
    let mut last_start = 0;
    let mut last_end = 0;
    for (b, c) in text.char_indices() {
        let span = view.original_span(b..b + c.len_utf8());
        assert!(span.start <= span.end);
        assert!(span.end as usize <= original_chars);
        assert!(span.start >= last_start, "starts must not go back");
        assert!(span.end >= last_end, "ends must not go back");
        last_start = span.start;
        last_end = span.end;
    }
    let all = view.original_span(0..text.len());
    assert!(all.end as usize <= original_chars);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn any_string_normalises_with_spans_inside_and_monotone(s in "\\PC{0,40}") {
        let n = normalize(&s);
        let chars = s.chars().count();
        check_view(n.folded(), chars);
        check_view(n.skeleton(), chars);
        let _ = detect_language(&s);
    }

    #[test]
    fn disguise_alphabet_never_panics(s in "[a-zA-Z0-9 .*_$@!\\-\u{200b}\u{0301}\u{0336}аеоіÀ-ỹ０-９ａ-ｚ]{0,30}") {
        let n = normalize(&s);
        let chars = s.chars().count();
        check_view(n.folded(), chars);
        check_view(n.skeleton(), chars);
    }

    #[test]
    fn arbitrary_ranges_never_panic(s in "\\PC{0,20}", a in 0usize..200, b in 0usize..200) {
        let n = normalize(&s);
        let span = n.original_span(a..b);
        prop_assert!(span.start <= span.end);
        let span = n.skeleton().original_span(a..b);
        prop_assert!(span.end as usize <= s.chars().count());
    }
}
