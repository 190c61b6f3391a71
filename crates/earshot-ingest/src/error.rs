use std::fmt;

/// One record that could not be read, and where it stands.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct RecordError {
    /// The file name as the user gave it, `-` for standard input.
    pub file: String,
    /// 1-based line (JSONL) or row (CSV, counting the header as line 1).
    pub line: u64,
    /// The field path within the record, e.g. `turns[2].role`, when known.
    pub field: Option<String>,
    /// The conversation id, when it could be read.
    pub id: Option<String>,
    pub message: String,
}

impl fmt::Display for RecordError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.file, self.line)?;
        if let Some(field) = &self.field {
            write!(f, ": field `{field}`")?;
        }
        if let Some(id) = &self.id {
            write!(f, " (conversation {id:?})")?;
        }
        write!(f, ": {}", self.message)
    }
}
