//! Evidence in the original text: each finding's span (Unicode scalar values of the turn's text,
//! end exclusive) becomes `<mark>` elements. Overlapping spans are cut at every boundary, so
//! marks never nest: each piece of text is marked once, naming every finding that covers it
//! (`data-findings="3 7"`), styled by the most severe. A finding's evidence is the text of the
//! marks that name it, in order. Everything is HTML-escaped (maud does it).

use earshot_model::Severity;
use maud::{Markup, html};

/// One span to mark.
#[derive(Debug, Clone)]
pub(crate) struct Mark {
    pub finding: i64,
    pub start: usize,
    pub end: usize,
    pub severity: Severity,
    /// The tooltip line: code, severity, explanation.
    pub note: String,
}

/// `text` with the spans of `marks` in `<mark>` elements. Spans past the end of the text are cut
/// to it; empty ones are left out. Before the first piece of each finding stands an empty
/// anchor `id="ev-{finding}"` for links from the list of findings.
pub(crate) fn highlight(text: &str, marks: &[Mark]) -> Markup {
    // Byte offset of every scalar value, and of the end.
    let offsets: Vec<usize> = text
        .char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(text.len()))
        .collect();
    let n = offsets.len() - 1;
    let marks: Vec<&Mark> = marks
        .iter()
        .filter(|m| m.start.min(n) < m.end.min(n))
        .collect();
    let mut cuts: Vec<usize> = vec![0, n];
    for m in &marks {
        cuts.push(m.start.min(n));
        cuts.push(m.end.min(n));
    }
    cuts.sort_unstable();
    cuts.dedup();
    // Each piece between two cuts, with the findings that cover it and those that start there.
    let mut started: Vec<i64> = Vec::new();
    let pieces: Vec<(&str, Vec<&Mark>, Vec<i64>)> = cuts
        .windows(2)
        .map(|w| {
            let (a, b) = (w[0], w[1]);
            let over: Vec<&Mark> = marks
                .iter()
                .copied()
                .filter(|m| m.start <= a && m.end.min(n) >= b)
                .collect();
            let mut anchors = Vec::new();
            for m in &over {
                if !started.contains(&m.finding) {
                    started.push(m.finding);
                    anchors.push(m.finding);
                }
            }
            (&text[offsets[a]..offsets[b]], over, anchors)
        })
        .collect();
    html! {
        @for (piece, over, anchors) in &pieces {
            @if over.is_empty() {
                (piece)
            } @else {
                @for id in anchors {
                    a id=(format!("ev-{id}")) {}
                }
                @let worst = over.iter().map(|m| m.severity).max().unwrap_or(Severity::Info);
                @let ids = over.iter().map(|m| m.finding.to_string()).collect::<Vec<_>>().join(" ");
                @let title = over.iter().map(|m| m.note.as_str()).collect::<Vec<_>>().join("\n");
                mark class={ "sev-" (worst.as_str()) @if over.len() > 1 { " many" } }
                    data-findings=(ids) title=(title) { (piece) }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(finding: i64, start: usize, end: usize, severity: Severity) -> Mark {
        Mark {
            finding,
            start,
            end,
            severity,
            note: format!("f{finding}"),
        }
    }

    /// The text of the marks naming `finding`, in order.
    fn marked(html: &str, finding: i64) -> String {
        let mut out = String::new();
        for part in html.split("<mark ").skip(1) {
            let (attrs, rest) = part.split_once('>').unwrap();
            let ids = attrs
                .split("data-findings=\"")
                .nth(1)
                .unwrap()
                .split('"')
                .next()
                .unwrap();
            if ids.split(' ').any(|i| i == finding.to_string()) {
                out.push_str(rest.split("</mark>").next().unwrap());
            }
        }
        out
    }

    #[test]
    fn marks_by_scalar_values_and_escapes() {
        let text = "你好 <b>idiot</b> & bye";
        // "idiot" starts at scalar 6 (你 好 space < b >).
        let h = highlight(text, &[m(1, 6, 11, Severity::High)]).into_string();
        assert!(
            h.contains("<mark class=\"sev-high\" data-findings=\"1\" title=\"f1\">idiot</mark>"),
            "{h}"
        );
        assert!(h.starts_with("你好 &lt;b&gt;"), "{h}");
        assert!(h.contains("&lt;/b&gt; &amp; bye"), "{h}");
        assert!(h.contains("<a id=\"ev-1\"></a>"), "{h}");
        assert_eq!(marked(&h, 1), "idiot");
    }

    #[test]
    fn overlapping_spans_are_cut_not_nested() {
        let text = "you stupid idiot now";
        let h = highlight(
            text,
            &[
                m(1, 4, 16, Severity::Medium),
                m(2, 11, 20, Severity::Critical),
            ],
        )
        .into_string();
        assert_eq!(marked(&h, 1), "stupid idiot");
        assert_eq!(marked(&h, 2), "idiot now");
        assert!(
            h.contains("class=\"sev-critical many\" data-findings=\"1 2\""),
            "{h}"
        );
        assert_eq!(h.matches("<mark").count(), 3);
        // Text outside the marks stays as it was.
        assert!(h.starts_with("you "));
    }

    #[test]
    fn nested_and_out_of_range_spans() {
        let text = "abcdef";
        let h = highlight(
            text,
            &[
                m(1, 0, 6, Severity::Low),
                m(2, 2, 4, Severity::High),
                m(3, 4, 99, Severity::Info),
                m(4, 9, 12, Severity::High),
                m(5, 3, 3, Severity::High),
            ],
        )
        .into_string();
        assert_eq!(marked(&h, 1), "abcdef");
        assert_eq!(marked(&h, 2), "cd");
        assert_eq!(marked(&h, 3), "ef");
        assert_eq!(marked(&h, 4), "");
        assert!(!h.contains("ev-5") && !h.contains("ev-4"));
        let plain: String = text.to_string();
        assert_eq!(marked(&h, 1), plain);
    }

    #[test]
    fn empty_text() {
        assert_eq!(
            highlight("", &[m(1, 0, 3, Severity::High)]).into_string(),
            ""
        );
    }
}
