//! Walking vendor JSON with the path of every value at hand, so that a missing or malformed field
//! is reported as `comments[3].author_id` rather than "invalid input".
//!
//! The path travels with each value as a small inline array of segments (field names are
//! literals), rendered only when an error is reported; reading a field costs no allocation, and a
//! child value does not borrow its parent.

use jiff::Timestamp;
use serde_json::Value;

use super::time;

/// A field that is missing or malformed: its path within the input and what is wrong with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Fail {
    pub field: String,
    pub message: String,
}

/// Deeper paths than this keep their first segments and end in `…`; no vendor format nests
/// this deep in the fields earshot reads.
const MAX_DEPTH: usize = 12;

#[derive(Clone, Copy)]
enum Seg {
    Key(&'static str),
    Idx(usize),
}

#[derive(Clone, Copy)]
struct Path {
    segs: [Seg; MAX_DEPTH],
    len: u8,
    truncated: bool,
}

impl Path {
    const EMPTY: Path = Path {
        segs: [Seg::Idx(0); MAX_DEPTH],
        len: 0,
        truncated: false,
    };

    fn push(mut self, seg: Seg) -> Path {
        match self.segs.get_mut(usize::from(self.len)) {
            Some(slot) => {
                *slot = seg;
                self.len += 1;
            }
            None => self.truncated = true,
        }
        self
    }
}

/// A value (or its absence) and where it stands in the input.
#[derive(Clone, Copy)]
pub(crate) struct J<'a> {
    v: Option<&'a Value>,
    prefix: &'a str,
    path: Path,
}

impl<'a> J<'a> {
    /// The root of a document; `prefix` is prepended to every path (empty for none).
    pub fn root(v: &'a Value, prefix: &'a str) -> J<'a> {
        J {
            v: Some(v),
            prefix,
            path: Path::EMPTY,
        }
    }

    /// The raw value, `None` when absent or `null`.
    pub fn value(&self) -> Option<&'a Value> {
        self.v.filter(|v| !v.is_null())
    }

    pub fn is_present(&self) -> bool {
        self.value().is_some()
    }

    pub fn get(&self, key: &'static str) -> J<'a> {
        J {
            v: self.value().and_then(|v| v.get(key)),
            prefix: self.prefix,
            path: self.path.push(Seg::Key(key)),
        }
    }

    /// The first of several spellings that is present (vendors rename fields across versions).
    pub fn get_any(&self, keys: &[&'static str]) -> J<'a> {
        for k in keys {
            let j = self.get(k);
            if j.is_present() {
                return j;
            }
        }
        self.get(keys.first().copied().unwrap_or(""))
    }

    /// The elements of an array (none when absent or not an array), each with its index.
    pub fn items(&self) -> impl Iterator<Item = J<'a>> + use<'a> {
        let (prefix, path) = (self.prefix, self.path);
        self.value()
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .enumerate()
            .map(move |(i, v)| J {
                v: Some(v),
                prefix,
                path: path.push(Seg::Idx(i)),
            })
    }

    pub fn is_array(&self) -> bool {
        self.value().is_some_and(Value::is_array)
    }

    pub fn is_object(&self) -> bool {
        self.value().is_some_and(Value::is_object)
    }

    pub fn len(&self) -> usize {
        self.value().and_then(Value::as_array).map_or(0, Vec::len)
    }

    /// The path, e.g. `tickets[2].comments[3].author_id`.
    pub fn path(&self) -> String {
        let mut out = self.prefix.to_string();
        for seg in self.path.segs.iter().take(usize::from(self.path.len)) {
            match seg {
                Seg::Key(k) => {
                    if !out.is_empty() {
                        out.push('.');
                    }
                    out.push_str(k);
                }
                Seg::Idx(i) => {
                    out.push('[');
                    out.push_str(&i.to_string());
                    out.push(']');
                }
            }
        }
        if self.path.truncated {
            out.push_str(".…");
        }
        out
    }

    pub fn fail(&self, message: impl Into<String>) -> Fail {
        Fail {
            field: self.path(),
            message: message.into(),
        }
    }

    fn last_key(&self) -> String {
        let last = usize::from(self.path.len)
            .checked_sub(1)
            .and_then(|i| self.path.segs.get(i));
        match last {
            Some(Seg::Key(k)) if !self.path.truncated => (*k).to_string(),
            _ => self.path(),
        }
    }

    /// The error for a required field that is absent, or present with the wrong type.
    pub fn missing(&self, expected: &str) -> Fail {
        match self.value() {
            None => self.fail(format!("missing field `{}`", self.last_key())),
            Some(v) => self.fail(format!("expected {expected}, found {}", kind(v))),
        }
    }

    pub fn str(&self) -> Option<&'a str> {
        self.value().and_then(Value::as_str)
    }

    /// A string that is not blank.
    pub fn text(&self) -> Option<&'a str> {
        self.str().filter(|s| !s.trim().is_empty())
    }

    pub fn req_str(&self) -> Result<&'a str, Fail> {
        self.str().ok_or_else(|| self.missing("a string"))
    }

    /// An identifier, written as a string or an integer.
    pub fn id(&self) -> Option<String> {
        match self.value()? {
            Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
            Value::Number(n) if n.is_i64() || n.is_u64() => Some(n.to_string()),
            _ => None,
        }
    }

    pub fn req_id(&self) -> Result<String, Fail> {
        self.id()
            .ok_or_else(|| self.missing("a string or integer id"))
    }

    /// A boolean, also accepting `"true"`/`"false"` strings and 0/1.
    pub fn bool(&self) -> Option<bool> {
        match self.value()? {
            Value::Bool(b) => Some(*b),
            Value::String(s) => match s.trim().to_ascii_lowercase().as_str() {
                "true" | "1" | "yes" => Some(true),
                "false" | "0" | "no" => Some(false),
                _ => None,
            },
            Value::Number(n) => n.as_i64().map(|i| i != 0),
            _ => None,
        }
    }

    /// An integer, written as a number or a numeric string.
    pub fn i64(&self) -> Option<i64> {
        match self.value()? {
            Value::Number(n) => n.as_i64(),
            Value::String(s) => s.trim().parse().ok(),
            _ => None,
        }
    }

    /// An optional timestamp: RFC 3339, a zone-less date-time (read as UTC) or Unix seconds.
    /// Present but unreadable is an error.
    pub fn time(&self) -> Result<Option<Timestamp>, Fail> {
        let Some(v) = self.value() else {
            return Ok(None);
        };
        match v {
            Value::String(s) if s.trim().is_empty() => Ok(None),
            Value::String(s) => time::parse_timestamp(s).map(Some).map_err(|m| self.fail(m)),
            Value::Number(n) => match n.as_i64() {
                Some(secs) => time::unix(secs).map(Some).map_err(|m| self.fail(m)),
                None => Err(self.fail(format!("expected a timestamp, found {n}"))),
            },
            other => Err(self.fail(format!("expected a timestamp, found {}", kind(other)))),
        }
    }

    /// An optional time offset in milliseconds, given in whole milliseconds.
    pub fn ms(&self) -> Result<Option<u64>, Fail> {
        self.offset(time::Unit::Millis)
    }

    /// An optional time offset given in seconds (as a number or a decimal string), converted to
    /// milliseconds exactly.
    pub fn secs(&self) -> Result<Option<u64>, Fail> {
        self.offset(time::Unit::Seconds)
    }

    fn offset(&self, unit: time::Unit) -> Result<Option<u64>, Fail> {
        let Some(v) = self.value() else {
            return Ok(None);
        };
        let parsed = match v {
            Value::String(s) if s.trim().is_empty() => return Ok(None),
            Value::String(s) => time::offset_ms(s, unit),
            Value::Number(n) => time::number_ms(n, unit),
            _ => None,
        };
        match parsed {
            Some(ms) => Ok(Some(ms)),
            None => Err(self.fail(format!(
                "expected a non-negative time in {}, found {}",
                unit.name(),
                short(v)
            ))),
        }
    }
}

/// What kind of JSON value this is, for messages.
pub(crate) fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// A value as it appears in the input, cut for messages.
pub(crate) fn short(v: &Value) -> String {
    let s = v.to_string();
    match s.char_indices().nth(40) {
        Some((i, _)) => format!("{}…", s.get(..i).unwrap_or_default()),
        None => s,
    }
}

/// One JSON document of an input and the 1-based line it starts on.
pub(crate) struct Doc {
    pub line: u64,
    pub value: Value,
}

/// Why a document could not be read: the line and the parser's message.
pub(crate) struct DocError {
    pub line: u64,
    pub message: String,
}

/// The documents of an input: a single JSON document, or JSON Lines (one document per line, as
/// exports written page by page are). A line that is not JSON is one error and the next line is
/// read. The flag tells whether the input was a stream of several documents.
pub(crate) fn documents(data: &[u8]) -> (Vec<Result<Doc, DocError>>, bool) {
    let data = data
        .strip_prefix(b"\xef\xbb\xbf".as_slice())
        .unwrap_or(data);
    match serde_json::from_slice::<Value>(data) {
        Ok(value) => {
            return (
                vec![Ok(Doc {
                    line: first_line(data),
                    value,
                })],
                false,
            );
        }
        Err(e) if !is_trailing(&e) => {
            // A lone document that fails is reported as such unless more lines follow that
            // parse on their own, which makes it JSON Lines with a bad line.
            if !looks_like_lines(data) {
                return (
                    vec![Err(DocError {
                        line: e.line() as u64,
                        message: strip_position(&e),
                    })],
                    false,
                );
            }
        }
        Err(_) => {}
    }
    let mut out = Vec::new();
    for (i, line) in data.split(|&b| b == b'\n').enumerate() {
        let line_no = i as u64 + 1;
        let trimmed = line.trim_ascii();
        if trimmed.is_empty() {
            continue;
        }
        match serde_json::from_slice::<Value>(trimmed) {
            Ok(value) => out.push(Ok(Doc {
                line: line_no,
                value,
            })),
            Err(e) => out.push(Err(DocError {
                line: line_no,
                message: strip_position(&e),
            })),
        }
    }
    (out, true)
}

fn is_trailing(e: &serde_json::Error) -> bool {
    e.to_string().starts_with("trailing characters")
}

fn looks_like_lines(data: &[u8]) -> bool {
    let mut good = 0;
    for line in data
        .split(|&b| b == b'\n')
        .map(<[u8]>::trim_ascii)
        .filter(|l| !l.is_empty())
    {
        if serde_json::from_slice::<serde::de::IgnoredAny>(line).is_ok() {
            good += 1;
            if good >= 2 {
                return true;
            }
        }
    }
    false
}

fn first_line(data: &[u8]) -> u64 {
    let lead = data
        .iter()
        .take_while(|b| b.is_ascii_whitespace())
        .filter(|&&b| b == b'\n')
        .count();
    lead as u64 + 1
}

fn strip_position(e: &serde_json::Error) -> String {
    let msg = e.to_string();
    match msg.rfind(" at line ") {
        Some(i) => format!(
            "not valid JSON: {} (column {})",
            msg.get(..i).unwrap_or(&msg),
            e.column()
        ),
        None => format!("not valid JSON: {msg}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_rendered_only_on_demand() {
        let v: Value = serde_json::json!({"a": [{"b": 1}, {"c": "x"}]});
        let root = J::root(&v, "");
        let a = root.get("a");
        let items: Vec<_> = a.items().collect();
        assert_eq!(items.len(), 2);
        let c = items[1].get("c");
        assert_eq!(c.path(), "a[1].c");
        assert_eq!(c.str(), Some("x"));
        assert_eq!(items[0].get("b").id().as_deref(), Some("1"));
        let missing = items[0].get("author_id").req_id().unwrap_err();
        assert_eq!(missing.field, "a[0].author_id");
        assert_eq!(missing.message, "missing field `author_id`");
        let prefixed = J::root(&v, "tickets[4]");
        assert_eq!(prefixed.get("a").path(), "tickets[4].a");
    }

    #[test]
    fn documents_reads_one_document_or_lines() {
        let (one, stream) = documents(b"\n{\"a\":1}\n");
        assert!(!stream);
        assert_eq!(one.len(), 1);
        let (lines, stream) = documents(b"{\"a\":1}\n{oops\n\n{\"a\":2}\n");
        assert!(stream);
        assert_eq!(lines.len(), 3);
        assert!(lines[1].as_ref().is_err_and(|e| e.line == 2));
        assert!(lines[2].as_ref().is_ok_and(|d| d.line == 4));
        let (bad, _) = documents(b"{\"a\": [1, 2");
        assert_eq!(bad.len(), 1);
        assert!(bad[0].is_err());
    }
}
