//! The native format: one JSON conversation per line.

use std::io::BufRead;

use earshot_model::Conversation;

use crate::source::read_line_limited;
use crate::{Input, MAX_RECORD_BYTES, RecordError};

/// Parses one native JSON conversation, naming the failing field's path in the error.
pub fn parse_conversation(json: &str) -> Result<Conversation, (Option<String>, String)> {
    // Most lines are valid: parse them at full speed, and pay for path tracking only to explain
    // a line that fails.
    if let Ok(c) = serde_json::from_str::<Conversation>(json) {
        return Ok(c);
    }
    let mut de = serde_json::Deserializer::from_str(json);
    let parsed: Result<Conversation, _> = serde_path_to_error::deserialize(&mut de);
    let conv = match parsed {
        Ok(c) => c,
        Err(e) => {
            let path = e.path().to_string();
            let field = (path != ".").then_some(path);
            return Err((field, strip_position(&e.into_inner().to_string())));
        }
    };
    if let Err(e) = de.end() {
        return Err((None, strip_position(&e.to_string())));
    }
    Ok(conv)
}

/// serde_json appends "at line 1 column 57" to its messages; within one JSONL record the column
/// is what helps, so keep only that.
fn strip_position(msg: &str) -> String {
    match msg.rfind(" at line ") {
        Some(i) => {
            let tail = &msg[i + 9..];
            match tail.split_once(" column ") {
                Some((_, col)) => format!("{} (column {col})", &msg[..i]),
                None => msg[..i].to_string(),
            }
        }
        None => msg.to_string(),
    }
}

/// Reads native JSONL, one conversation per line; blank lines are skipped.
pub struct JsonlReader {
    input: Input,
    line: u64,
    buf: Vec<u8>,
    done: bool,
}

impl JsonlReader {
    pub fn new(input: Input) -> JsonlReader {
        JsonlReader {
            input,
            line: 0,
            buf: Vec::with_capacity(4096),
            done: false,
        }
    }

    fn error(&self, field: Option<String>, id: Option<String>, message: String) -> RecordError {
        RecordError {
            file: self.input.name.clone(),
            line: self.line,
            field,
            id,
            message,
        }
    }
}

impl Iterator for JsonlReader {
    type Item = Result<Conversation, RecordError>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.done {
            self.line += 1;
            let read = read_line_limited(
                &mut *self.input.reader as &mut dyn BufRead,
                &mut self.buf,
                MAX_RECORD_BYTES,
            );
            match read {
                Err(e) => {
                    self.done = true;
                    return Some(Err(self.error(None, None, format!("read error: {e}"))));
                }
                Ok(Ok(0)) => {
                    self.done = true;
                    return None;
                }
                Ok(Err(n)) => {
                    return Some(Err(self.error(
                        None,
                        None,
                        format!("record is {n} bytes, more than the limit of {MAX_RECORD_BYTES}"),
                    )));
                }
                Ok(Ok(_)) => {}
            }
            let text = match std::str::from_utf8(&self.buf) {
                Ok(t) => t,
                Err(e) => {
                    return Some(Err(self.error(
                        None,
                        None,
                        format!("invalid UTF-8 at byte {}", e.valid_up_to()),
                    )));
                }
            };
            let trimmed = text.trim_start_matches('\u{feff}').trim();
            if trimmed.is_empty() {
                continue;
            }
            return Some(match parse_conversation(trimmed) {
                Ok(c) => Ok(c),
                Err((field, message)) => {
                    let id = sniff_id(trimmed);
                    Err(self.error(field, id, message))
                }
            });
        }
        None
    }
}

/// The record's id, if the line is JSON with a string `id`, so errors can name the conversation.
fn sniff_id(line: &str) -> Option<String> {
    #[derive(serde::Deserialize)]
    struct IdOnly {
        id: String,
    }
    serde_json::from_str::<IdOnly>(line).ok().map(|r| r.id)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(data: &str) -> Vec<Result<Conversation, RecordError>> {
        let input = Input {
            name: "t.jsonl".into(),
            reader: Box::new(std::io::Cursor::new(data.as_bytes().to_vec())),
        };
        JsonlReader::new(input).collect()
    }

    #[test]
    fn reads_good_lines_and_reports_bad_ones_with_line_and_field() {
        let out = read(concat!(
            r#"{"id":"a","turns":[{"role":"customer","text":"hi"}]}"#,
            "\n",
            "\n",
            r#"{"id":"b","turns":[{"role":"wizard","text":"hi"}]}"#,
            "\n",
            "{not json\n",
            r#"{"id":"c","turns":[]}"#,
        ));
        assert_eq!(out.len(), 4);
        assert_eq!(out[0].as_ref().unwrap().id, "a");
        let e = out[1].as_ref().unwrap_err();
        assert_eq!(e.line, 3);
        assert_eq!(e.field.as_deref(), Some("turns[0].role"));
        assert_eq!(e.id.as_deref(), Some("b"));
        assert!(
            e.to_string()
                .starts_with("t.jsonl:3: field `turns[0].role`"),
            "{e}"
        );
        assert!(e.message.contains("wizard"), "{e}");
        assert_eq!(out[2].as_ref().unwrap_err().line, 4);
        assert_eq!(out[3].as_ref().unwrap().id, "c");
    }

    #[test]
    fn missing_id_and_bad_timestamp_are_named() {
        let out = read(concat!(
            r#"{"turns":[]}"#,
            "\n",
            r#"{"id":"x","started_at":"yesterday","turns":[]}"#,
            "\n",
        ));
        let e0 = out[0].as_ref().unwrap_err();
        assert!(e0.message.contains("missing field `id`"), "{e0}");
        let e1 = out[1].as_ref().unwrap_err();
        assert_eq!(e1.field.as_deref(), Some("started_at"));
    }

    #[test]
    fn invalid_utf8_is_one_error_and_reading_goes_on() {
        let mut data =
            b"{\"id\":\"a\",\"turns\":[{\"role\":\"agent\",\"text\":\"\xff\"}]}\n".to_vec();
        data.extend_from_slice(br#"{"id":"b","turns":[]}"#);
        let input = Input {
            name: "-".into(),
            reader: Box::new(std::io::Cursor::new(data)),
        };
        let out: Vec<_> = JsonlReader::new(input).collect();
        assert!(out[0].as_ref().unwrap_err().message.contains("UTF-8"));
        assert_eq!(out[1].as_ref().unwrap().id, "b");
    }

    #[test]
    fn trailing_garbage_is_rejected() {
        let out = read(r#"{"id":"a","turns":[]} x"#);
        assert!(out[0].is_err());
    }
}
