//! Mapping character offsets of the original text onto the redacted text, so that evidence
//! spans found on the original still highlight the right words after redaction.

use earshot_model::Span;
use serde::{Deserialize, Serialize};

/// One replaced stretch: `original` in the input became `output` in the redacted text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Segment {
    pub original: Span,
    pub output: Span,
}

/// The replaced stretches of one text, in order. Offsets are in Unicode scalar values, like
/// every [`Span`] in earshot.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OffsetMap {
    segments: Vec<Segment>,
}

impl OffsetMap {
    pub(crate) fn new(segments: Vec<Segment>) -> OffsetMap {
        OffsetMap { segments }
    }

    pub fn segments(&self) -> &[Segment] {
        &self.segments
    }

    /// Where an offset of the original lands in the output when it opens a span: an offset
    /// inside a replaced stretch moves to the start of its token.
    pub fn map_start(&self, offset: u32) -> u32 {
        self.map(offset, false)
    }

    /// Where an offset of the original lands in the output when it closes a span: an offset
    /// inside a replaced stretch moves to the end of its token.
    pub fn map_end(&self, offset: u32) -> u32 {
        self.map(offset, true)
    }

    /// The span of the output that shows what `span` covered in the original. A span that
    /// touches part of a replaced value grows to cover the whole token, so a highlight never
    /// points into the middle of `[PHONE]`.
    pub fn map_span(&self, span: Span) -> Span {
        let start = self.map_start(span.start);
        let end = if span.end == span.start {
            start
        } else {
            self.map_end(span.end).max(start)
        };
        Span { start, end }
    }

    fn map(&self, offset: u32, closing: bool) -> u32 {
        // Segments are sorted and disjoint, so the last one starting at or before the offset
        // decides; everything after a segment shifts by that segment's change in length.
        let i = self
            .segments
            .partition_point(|s| s.original.start <= offset);
        if i == 0 {
            return offset;
        }
        let s = &self.segments[i - 1];
        if offset >= s.original.end {
            let shifted = i64::from(offset) - i64::from(s.original.end) + i64::from(s.output.end);
            return u32::try_from(shifted.max(0)).unwrap_or(u32::MAX);
        }
        if offset == s.original.start {
            return s.output.start;
        }
        if closing {
            s.output.end
        } else {
            s.output.start
        }
    }
}
