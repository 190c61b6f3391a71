//! Charts as inline SVG, drawn on the server: horizontal bars and a trend of bars with a line.
//! Sizes are in the SVG's own units; CSS scales it to the width of its box.

use maud::{Markup, html};

/// One bar of a bar chart.
pub(crate) struct Bar {
    pub label: String,
    pub value: f64,
    /// The figure written after the bar.
    pub text: String,
    /// Where a click on the bar goes.
    pub href: Option<String>,
    /// The tooltip.
    pub title: String,
    /// An extra CSS class (`risk`).
    pub class: &'static str,
}

fn short(label: &str, max: usize) -> String {
    if label.chars().count() <= max {
        label.to_string()
    } else {
        let mut s: String = label.chars().take(max.saturating_sub(1)).collect();
        s.push('…');
        s
    }
}

/// Horizontal bars, longest for the largest value (or against `max` when given).
pub(crate) fn bars(items: &[Bar], max: Option<f64>, label: &str) -> Markup {
    const W: f64 = 470.0;
    const LABEL: f64 = 190.0;
    const ROOM: f64 = 230.0;
    const ROW: f64 = 24.0;
    let max = max
        .unwrap_or_else(|| items.iter().map(|b| b.value).fold(0.0, f64::max))
        .max(f64::MIN_POSITIVE);
    let h = ROW * items.len() as f64 + 6.0;
    html! {
        svg.chart.bars width=(W) height=(h) viewBox=(format!("0 0 {W} {h}")) role="img" aria-label=(label) {
            @for (i, b) in items.iter().enumerate() {
                @let y = 3.0 + i as f64 * ROW;
                @let len = (b.value.max(0.0) / max * ROOM).max(if b.value > 0.0 { 2.0 } else { 0.0 });
                @let row = html! {
                    title { (b.title) }
                    text x=(LABEL - 6.0) y=(y + 15.0) text-anchor="end" { (short(&b.label, 28)) }
                    rect class={ "bar " (b.class) } x=(LABEL) y=(y + 3.0) width=(format!("{len:.1}")) height=(ROW - 7.0) rx="2" {}
                    text x=(LABEL + len + 5.0) y=(y + 15.0) { (b.text) }
                };
                @if let Some(href) = &b.href {
                    a href=(href) { g { (row) } }
                } @else {
                    g { (row) }
                }
            }
        }
    }
}

/// One bucket of a trend.
pub(crate) struct Point {
    pub label: String,
    /// The bar (a count).
    pub volume: f64,
    /// The line, 0–100.
    pub line: Option<f64>,
    pub title: String,
}

/// Volume as grey bars against its own scale, the line (risk, 0–100) against the left axis.
pub(crate) fn trend(points: &[Point], label: &str) -> Markup {
    const W: f64 = 1100.0;
    const H: f64 = 260.0;
    const L: f64 = 36.0;
    const R: f64 = 40.0;
    const T: f64 = 10.0;
    const B: f64 = 36.0;
    let n = points.len().max(1) as f64;
    let step = (W - L - R) / n;
    let plot_h = H - T - B;
    let vmax = points.iter().map(|p| p.volume).fold(0.0, f64::max).max(1.0);
    let y_of = |v: f64| T + plot_h - v / 100.0 * plot_h;
    let line: Vec<String> = points
        .iter()
        .enumerate()
        .filter_map(|(i, p)| {
            p.line
                .map(|v| format!("{:.1},{:.1}", L + step * (i as f64 + 0.5), y_of(v)))
        })
        .collect();
    // At most about eight labels under the axis.
    let every = (points.len() / 8).max(1);
    html! {
        svg.chart.trend width=(W) height=(H) viewBox=(format!("0 0 {W} {H}")) role="img" aria-label=(label) {
            @for v in [0.0, 25.0, 50.0, 75.0, 100.0] {
                line.grid x1=(L) x2=(W - R) y1=(y_of(v)) y2=(y_of(v)) {}
                text x=(L - 5.0) y=(y_of(v) + 4.0) text-anchor="end" { (v) }
            }
            @for (i, p) in points.iter().enumerate() {
                @let x = L + step * i as f64;
                @let bh = p.volume / vmax * plot_h * 0.9;
                @let bw = (step * 0.7).min(48.0);
                rect.vol x=(format!("{:.1}", x + (step - bw) / 2.0)) y=(format!("{:.1}", T + plot_h - bh))
                    width=(format!("{bw:.1}")) height=(format!("{bh:.1}")) {}
                @if i % every == 0 {
                    text x=(format!("{:.1}", x + step * 0.5)) y=(H - B + 16.0) text-anchor="middle" { (p.label) }
                }
            }
            line.axis x1=(L) x2=(W - R) y1=(T + plot_h) y2=(T + plot_h) {}
            // The volume's scale: the tallest bar, on the right.
            text.vol-scale x=(W - R + 4.0) y=(T + plot_h * 0.1 + 4.0) { (vmax) }
            @if line.len() > 1 {
                polyline.line points=(line.join(" ")) {}
            }
            @for (i, p) in points.iter().enumerate() {
                @if let Some(v) = p.line {
                    circle.dot cx=(format!("{:.1}", L + step * (i as f64 + 0.5))) cy=(format!("{:.1}", y_of(v))) r="2.5" {}
                }
                rect.hit x=(format!("{:.1}", L + step * i as f64)) y=(T) width=(format!("{step:.1}")) height=(plot_h) {
                    title { (p.title) }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_escape_and_scale() {
        let b = bars(
            &[
                Bar {
                    label: "<script>".into(),
                    value: 10.0,
                    text: "10".into(),
                    href: Some("/queue?code=a".into()),
                    title: "t".into(),
                    class: "",
                },
                Bar {
                    label: "b".into(),
                    value: 5.0,
                    text: "5".into(),
                    href: None,
                    title: "t".into(),
                    class: "risk",
                },
            ],
            None,
            "chart",
        )
        .into_string();
        assert!(b.contains("&lt;script&gt;") && !b.contains("<script>"));
        assert!(
            b.contains("width=\"230.0\"") && b.contains("width=\"115.0\""),
            "{b}"
        );
        assert!(b.contains("<a href=\"/queue?code=a\">"));
    }

    #[test]
    fn trend_draws_a_line_through_points() {
        let pts: Vec<Point> = (0..3)
            .map(|i| Point {
                label: format!("d{i}"),
                volume: i as f64,
                line: Some(50.0),
                title: String::new(),
            })
            .collect();
        let t = trend(&pts, "trend").into_string();
        assert!(t.contains("<polyline"), "{t}");
        assert_eq!(t.matches("<circle").count(), 3);
    }
}
