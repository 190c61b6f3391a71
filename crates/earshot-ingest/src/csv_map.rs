//! CSV exports with one message per row, grouped into conversations by the `id` column.
//!
//! A mapping names which column feeds which field (`id=ticket_id,role=sender,text=body`).
//! Columns whose header already is a field name (`id`, `role`, `text`, `at`, `customer.name` or
//! `customer_name`, ...) map themselves. Rows of one conversation must be contiguous, as helpdesk
//! exports sorted by ticket are; the reader keeps one conversation in memory at a time.

use std::collections::HashSet;
use std::fmt;

use earshot_model::{Agent, Channel, Conversation, Customer, Order, Role, Turn};

use crate::{Input, RecordError};

/// Fields a CSV column can feed. Conversation fields are taken from the first row of each
/// conversation that has them; turn fields from every row.
const FIELDS: &[&str] = &[
    "id",
    "role",
    "text",
    "at",
    "author",
    "internal",
    "start_ms",
    "end_ms",
    "turn.channel",
    "channel",
    "source",
    "language",
    "workspace",
    "started_at",
    "ended_at",
    "tags",
    "customer.id",
    "customer.name",
    "customer.country",
    "customer.value",
    "customer.segment",
    "agent.id",
    "agent.name",
    "agent.team",
    "order.id",
    "order.value",
    "order.currency",
    "order.product_line",
    "order.sku",
    "order.marketplace",
];

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct MapError(pub String);

impl fmt::Display for MapError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Which column feeds which field.
#[derive(Debug, Clone, Default)]
pub struct CsvMapping {
    pairs: Vec<(String, String)>,
}

fn canonical_field(key: &str) -> Option<&'static str> {
    let k = key.trim().to_ascii_lowercase().replacen('_', ".", 1);
    let k = match k.as_str() {
        // `product_line` keeps its underscore; the replacement above only touches the first one.
        "order.product.line" => "order.product_line".to_string(),
        "start.ms" => "start_ms".to_string(),
        "end.ms" => "end_ms".to_string(),
        "started.at" => "started_at".to_string(),
        "ended.at" => "ended_at".to_string(),
        _ => k,
    };
    FIELDS
        .iter()
        .copied()
        .find(|f| *f == k || f.replace('.', "_") == key.trim().to_ascii_lowercase())
}

impl CsvMapping {
    /// Parses `field=column,field=column`.
    pub fn parse(spec: &str) -> Result<CsvMapping, MapError> {
        let mut pairs = Vec::new();
        for part in spec.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let (field, column) = part
                .split_once('=')
                .ok_or_else(|| MapError(format!("--map entry {part:?} is not field=column")))?;
            let canon = canonical_field(field).ok_or_else(|| {
                MapError(format!(
                    "--map names unknown field {:?}; known fields: {}",
                    field.trim(),
                    FIELDS.join(", ")
                ))
            })?;
            pairs.push((canon.to_string(), column.trim().to_string()));
        }
        Ok(CsvMapping { pairs })
    }

    /// Resolves the mapping against a header row: field → column index.
    fn resolve(&self, headers: &csv::StringRecord) -> Result<Vec<(&'static str, usize)>, MapError> {
        let find = |name: &str| {
            headers
                .iter()
                .position(|h| h.trim().eq_ignore_ascii_case(name))
        };
        let mut out: Vec<(&'static str, usize)> = Vec::new();
        for (field, column) in &self.pairs {
            let idx = find(column).ok_or_else(|| {
                MapError(format!(
                    "--map {field}={column}: the file has no column {column:?}"
                ))
            })?;
            let f = FIELDS.iter().copied().find(|x| x == field).unwrap_or("id");
            out.push((f, idx));
        }
        for (i, h) in headers.iter().enumerate() {
            if let Some(f) = canonical_field(h)
                && !out.iter().any(|(g, _)| *g == f)
            {
                out.push((f, i));
            }
        }
        for required in ["id", "role", "text"] {
            if !out.iter().any(|(f, _)| *f == required) {
                return Err(MapError(format!(
                    "no column for `{required}`: name one with --map {required}=COLUMN"
                )));
            }
        }
        Ok(out)
    }
}

/// Role names as helpdesks write them.
pub fn parse_role(s: &str) -> Option<Role> {
    Role::parse(s).or_else(|| match s.trim().to_ascii_lowercase().as_str() {
        "end-user" | "end_user" | "enduser" | "user" | "requester" | "client" | "buyer"
        | "contact" | "visitor" | "caller" | "consumer" | "guest" => Some(Role::Customer),
        "staff" | "support" | "operator" | "seller" | "admin" | "representative" | "rep"
        | "human" | "teammate" | "csr" => Some(Role::Agent),
        "assistant" | "chatbot" | "automation" | "ai" => Some(Role::Bot),
        "note" | "event" => Some(Role::System),
        _ => None,
    })
}

/// Reads CSV rows into conversations.
pub struct CsvReader {
    name: String,
    rows: csv::StringRecordsIntoIter<Box<dyn std::io::BufRead + Send>>,
    columns: Vec<(&'static str, usize)>,
    current: Option<(Conversation, u64)>,
    seen: HashSet<String>,
    /// The row number of the last row read (the header is row 1).
    row: u64,
    pending_error: Option<RecordError>,
    done: bool,
}

impl CsvReader {
    /// Reads the header and resolves the mapping; a mapping that does not fit the header is an
    /// error before any row is read.
    pub fn new(input: Input, mapping: &CsvMapping) -> Result<CsvReader, RecordError> {
        let delimiter = if input
            .name
            .to_ascii_lowercase()
            .trim_end_matches(".gz")
            .ends_with(".tsv")
        {
            b'\t'
        } else {
            b','
        };
        let name = input.name.clone();
        let mut rdr = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .flexible(true)
            .from_reader(input.reader);
        let header_error = |message: String| RecordError {
            file: name.clone(),
            line: 1,
            field: None,
            id: None,
            message,
        };
        let headers = rdr
            .headers()
            .map_err(|e| header_error(format!("cannot read the header: {e}")))?
            .clone();
        let columns = mapping.resolve(&headers).map_err(|e| header_error(e.0))?;
        Ok(CsvReader {
            name,
            rows: rdr.into_records(),
            columns,
            current: None,
            seen: HashSet::new(),
            row: 1,
            pending_error: None,
            done: false,
        })
    }

    fn err(
        &self,
        line: u64,
        field: Option<&str>,
        id: Option<&str>,
        message: String,
    ) -> RecordError {
        RecordError {
            file: self.name.clone(),
            line,
            field: field.map(str::to_string),
            id: id.map(str::to_string),
            message,
        }
    }

    fn get<'r>(&self, rec: &'r csv::StringRecord, field: &str) -> Option<&'r str> {
        let (_, idx) = self.columns.iter().find(|(f, _)| *f == field)?;
        rec.get(*idx).map(str::trim).filter(|s| !s.is_empty())
    }

    /// Builds the turn of one row and, for the first row of a conversation, the conversation.
    fn row_to_parts(
        &self,
        rec: &csv::StringRecord,
        line: u64,
    ) -> Result<(String, Turn, Conversation), RecordError> {
        let id = self
            .get(rec, "id")
            .ok_or_else(|| self.err(line, Some("id"), None, "empty id".into()))?;
        let e = |field: &str, msg: String| self.err(line, Some(field), Some(id), msg);
        let role_s = self
            .get(rec, "role")
            .ok_or_else(|| e("role", "empty role".into()))?;
        let role = parse_role(role_s).ok_or_else(|| {
            e(
                "role",
                format!("unknown role {role_s:?}; expected customer, agent, bot or system"),
            )
        })?;
        let mut turn = Turn::new(role, self.get(rec, "text").unwrap_or_default());
        turn.author = self.get(rec, "author").map(str::to_string);
        if let Some(at) = self.get(rec, "at") {
            turn.at = Some(parse_time(at).map_err(|m| e("at", m))?);
        }
        if let Some(v) = self.get(rec, "internal") {
            turn.internal = parse_bool(v)
                .ok_or_else(|| e("internal", format!("expected true or false, found {v:?}")))?;
        }
        for (field, slot) in [
            ("start_ms", &mut turn.start_ms),
            ("end_ms", &mut turn.end_ms),
        ] {
            if let Some(v) = self.get(rec, field) {
                *slot = Some(
                    v.parse()
                        .map_err(|_| e(field, format!("expected milliseconds, found {v:?}")))?,
                );
            }
        }
        turn.channel = self.get(rec, "turn.channel").map(str::to_string);

        let mut conv = Conversation::new(id, Vec::new());
        if let Some(c) = self.get(rec, "channel") {
            conv.channel =
                Channel::parse(c).ok_or_else(|| e("channel", format!("unknown channel {c:?}")))?;
        }
        conv.source = self.get(rec, "source").map(str::to_string);
        conv.language = self.get(rec, "language").map(str::to_string);
        conv.workspace = self.get(rec, "workspace").map(str::to_string);
        if let Some(v) = self.get(rec, "started_at") {
            conv.started_at = Some(parse_time(v).map_err(|m| e("started_at", m))?);
        }
        if let Some(v) = self.get(rec, "ended_at") {
            conv.ended_at = Some(parse_time(v).map_err(|m| e("ended_at", m))?);
        }
        if let Some(t) = self.get(rec, "tags") {
            conv.tags = t
                .split([';', ',', '|'])
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .collect();
        }
        let num = |field: &str| -> Result<Option<f64>, RecordError> {
            self.get(rec, field)
                .map(|v| {
                    v.parse::<f64>()
                        .map_err(|_| e(field, format!("expected a number, found {v:?}")))
                })
                .transpose()
        };
        let customer = Customer {
            id: self.get(rec, "customer.id").map(str::to_string),
            name: self.get(rec, "customer.name").map(str::to_string),
            country: self.get(rec, "customer.country").map(str::to_string),
            value: num("customer.value")?,
            segment: self.get(rec, "customer.segment").map(str::to_string),
        };
        if customer != Customer::default() {
            conv.customer = Some(customer);
        }
        if let Some(agent_id) = self
            .get(rec, "agent.id")
            .or_else(|| self.get(rec, "agent.name"))
        {
            conv.agents.push(Agent {
                id: agent_id.to_string(),
                name: self.get(rec, "agent.name").map(str::to_string),
                team: self.get(rec, "agent.team").map(str::to_string),
                hired_at: None,
            });
        }
        let order = Order {
            id: self.get(rec, "order.id").map(str::to_string),
            value: num("order.value")?,
            currency: self.get(rec, "order.currency").map(str::to_string),
            product_line: self.get(rec, "order.product_line").map(str::to_string),
            sku: self.get(rec, "order.sku").map(str::to_string),
            marketplace: self.get(rec, "order.marketplace").map(str::to_string),
        };
        if order != Order::default() {
            conv.order = Some(order);
        }
        Ok((id.to_string(), turn, conv))
    }

    fn finish_current(&mut self) -> Option<Conversation> {
        self.current.take().map(|(c, _)| c)
    }
}

/// Fills the gaps of `into` from a later row of the same conversation.
fn merge(into: &mut Conversation, row: Conversation) {
    if into.source.is_none() {
        into.source = row.source;
    }
    if into.language.is_none() {
        into.language = row.language;
    }
    if into.workspace.is_none() {
        into.workspace = row.workspace;
    }
    if into.channel == Channel::Other {
        into.channel = row.channel;
    }
    into.started_at = into.started_at.or(row.started_at);
    into.ended_at = row.ended_at.or(into.ended_at);
    if into.customer.is_none() {
        into.customer = row.customer;
    }
    if into.order.is_none() {
        into.order = row.order;
    }
    for t in row.tags {
        if !into.tags.contains(&t) {
            into.tags.push(t);
        }
    }
    for a in row.agents {
        if !into.agents.iter().any(|b| b.id == a.id) {
            into.agents.push(a);
        }
    }
}

impl Iterator for CsvReader {
    type Item = Result<Conversation, RecordError>;

    fn next(&mut self) -> Option<Self::Item> {
        if let Some(e) = self.pending_error.take() {
            return Some(Err(e));
        }
        while !self.done {
            let Some(rec) = self.rows.next() else {
                self.done = true;
                break;
            };
            self.row += 1;
            let line = self.row;
            let rec = match rec {
                Ok(r) => r,
                Err(e) => {
                    let msg = match e.kind() {
                        csv::ErrorKind::Utf8 { .. } => "invalid UTF-8 in this row".to_string(),
                        _ => e.to_string(),
                    };
                    return Some(Err(self.err(line, None, None, msg)));
                }
            };
            let (id, turn, conv) = match self.row_to_parts(&rec, line) {
                Ok(p) => p,
                Err(e) => return Some(Err(e)),
            };
            match &mut self.current {
                Some((c, _)) if c.id == id => {
                    c.turns.push(turn);
                    merge(c, conv);
                }
                _ => {
                    if self.seen.contains(&id) {
                        return Some(Err(self.err(
                            line,
                            Some("id"),
                            Some(&id),
                            "rows of this conversation are not contiguous; sort the file by its id column".into(),
                        )));
                    }
                    self.seen.insert(id);
                    let mut conv = conv;
                    conv.turns.push(turn);
                    let previous = self.current.replace((conv, line));
                    if let Some((p, _)) = previous {
                        return Some(Ok(p));
                    }
                }
            }
        }
        self.finish_current().map(Ok)
    }
}

fn parse_time(s: &str) -> Result<jiff::Timestamp, String> {
    if let Ok(ts) = s.parse::<jiff::Timestamp>() {
        return Ok(ts);
    }
    // Many exports write "2025-03-01 10:00:00" without an offset: read it as UTC.
    if let Ok(dt) = s.replace(' ', "T").parse::<jiff::civil::DateTime>() {
        return dt
            .to_zoned(jiff::tz::TimeZone::UTC)
            .map(|z| z.timestamp())
            .map_err(|e| e.to_string());
    }
    if let Ok(secs) = s.parse::<i64>() {
        // Unix seconds, or milliseconds when the number is too large for seconds.
        let ts = if secs > 100_000_000_000 {
            jiff::Timestamp::from_millisecond(secs)
        } else {
            jiff::Timestamp::from_second(secs)
        };
        return ts.map_err(|e| e.to_string());
    }
    Err(format!("expected an RFC 3339 timestamp, found {s:?}"))
}

fn parse_bool(s: &str) -> Option<bool> {
    match s.to_ascii_lowercase().as_str() {
        "true" | "1" | "yes" | "y" => Some(true),
        "false" | "0" | "no" | "n" => Some(false),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(
        name: &str,
        data: &str,
        map: &str,
    ) -> Result<Vec<Result<Conversation, RecordError>>, RecordError> {
        let input = Input {
            name: name.into(),
            reader: Box::new(std::io::Cursor::new(data.as_bytes().to_vec())),
        };
        Ok(CsvReader::new(input, &CsvMapping::parse(map).unwrap())?.collect())
    }

    #[test]
    fn groups_rows_with_a_mapping() {
        let data = "ticket_id,sender,body,created_at,Customer Name\n\
                    T1,end-user,where is my order?,2025-03-01 10:00:00,Ana\n\
                    T1,agent,Let me check.,2025-03-01T10:05:00Z,\n\
                    T2,customer,thanks,2025-03-02T10:00:00Z,Bo\n";
        let out = read(
            "x.csv",
            data,
            "id=ticket_id,role=sender,text=body,at=created_at,customer.name=Customer Name",
        )
        .unwrap();
        assert_eq!(out.len(), 2);
        let t1 = out[0].as_ref().unwrap();
        assert_eq!(t1.id, "T1");
        assert_eq!(t1.turns.len(), 2);
        assert_eq!(t1.turns[0].role, Role::Customer);
        assert_eq!(t1.customer.as_ref().unwrap().name.as_deref(), Some("Ana"));
        assert_eq!(out[1].as_ref().unwrap().turns[0].text, "thanks");
    }

    #[test]
    fn bad_rows_are_reported_and_the_rest_is_read() {
        let data = "id,role,text\nA,customer,hi\nA,wizard,boo\nB,agent,hello\nA,customer,again\n";
        let out = read("x.csv", data, "").unwrap();
        let errs: Vec<_> = out.iter().filter_map(|r| r.as_ref().err()).collect();
        let oks: Vec<_> = out.iter().filter_map(|r| r.as_ref().ok()).collect();
        assert_eq!(oks.len(), 2);
        assert_eq!(errs.len(), 2);
        assert_eq!(errs[0].line, 3);
        assert_eq!(errs[0].field.as_deref(), Some("role"));
        assert!(errs[1].message.contains("not contiguous"), "{}", errs[1]);
    }

    #[test]
    fn missing_required_column_fails_at_the_header() {
        let err = read("x.csv", "ticket,who\n1,agent\n", "").unwrap_err();
        assert_eq!(err.line, 1);
        assert!(err.message.contains("no column for `id`"), "{err}");
        assert!(CsvMapping::parse("colour=x").is_err());
    }
}
