//! The dashboard's rollups (migration 0006) kept up to date by `save_batch`, a batch at a time.
//!
//! A conversation about to be replaced is read through one query, [`ROW`], and its old
//! contribution taken out; the saved one is put in from the values just written
//! ([`Contribution::saved`]). The changes are summed per rollup row in memory and written once per
//! row at the end of the batch, so a batch of 512 conversations touches a few hundred rollup rows,
//! not thousands. The trigger that does the same for a deleted conversation, and the one for the
//! top-1% mark, stay in SQL.
//!
//! [`ROW`] computes day, week, minutes and the scores as the migration's backfill and the full
//! scans do, in SQL; [`Contribution::saved`] computes the same in Rust, to the bit (SQLite's
//! julian-day arithmetic included), so that what is put in is exactly what is later taken out. A
//! test holds the two side by side.

use std::collections::HashMap;

use rusqlite::{OptionalExtension, Transaction, params};

use crate::Result;

/// The rollup-relevant values of one stored conversation, with its team and tags.
const ROW: &str = "
SELECT substr(COALESCE(c.started_at, c.analyzed_at), 1, 10),
       COALESCE(date(COALESCE(c.started_at, c.analyzed_at), 'weekday 0', '-6 days'), ''),
       c.risk, IFNULL(c.severity IN ('medium', 'high', 'critical'), 0),
       IFNULL(c.severity IN ('high', 'critical'), 0), c.top1pct,
       json_extract(c.scores, '$.overall'), json_extract(c.scores, '$.knowledge_accuracy'),
       json_extract(c.scores, '$.courtesy'), json_extract(c.scores, '$.empathy'),
       json_extract(c.scores, '$.patience'), json_extract(c.scores, '$.efficiency'),
       c.finding_flags, c.findings_above_info, c.finding_codes, c.turn_count,
       (julianday(c.ended_at) - julianday(c.started_at)) * 1440.0,
       c.agent_id, c.channel, c.language, c.marketplace, c.product_line, c.country,
       COALESCE(f.team, ''),
       (SELECT json_group_array(t.tag) FROM conversation_tags t
        WHERE t.workspace = c.workspace AND t.conversation_id = c.id)
FROM conversations c
LEFT JOIN conversation_facts f ON f.workspace = c.workspace AND f.conversation_id = c.id
WHERE c.workspace = ?1 AND c.id = ?2";

/// `rollup_day`: conversations, risk, flagged, high, top1pct, overall, overall_n, anger,
/// threat, abuse. Integers as `i64`, sums of reals as `f64` (see the table for each).
#[derive(Default)]
struct Day {
    n: [i64; 8],
    risk: f64,
    overall: f64,
}

/// `rollup_key`: conversations, anger, threat, abuse; risk.
#[derive(Default)]
struct Key {
    n: [i64; 4],
    risk: f64,
}

/// `rollup_code`: conversations, findings, above_info; risk.
#[derive(Default)]
struct CodeDay {
    n: [i64; 3],
    risk: f64,
}

/// `rollup_agent`: the six scores (overall first) as sums and counts, then risk and minutes;
/// the counts conversations, high, top1pct, findings, process_complete, stable, turns,
/// minutes_n.
#[derive(Default)]
struct AgentWeek {
    score: [f64; 6],
    score_n: [i64; 6],
    risk: f64,
    minutes: f64,
    n: [i64; 8],
}

/// The changes of one batch, per rollup row.
#[derive(Default)]
pub(crate) struct Rollups {
    day: HashMap<(String, String), Day>,
    key: HashMap<(String, &'static str, String, String), Key>,
    code: HashMap<(String, String, String), CodeDay>,
    agent: HashMap<(String, String, String, String), AgentWeek>,
}

const KINDS: [&str; 5] = [
    "channel",
    "language",
    "marketplace",
    "product_line",
    "country",
];

impl Rollups {
    /// Adds (`sign` 1) or takes out (`sign` -1) a conversation of `workspace`.
    pub(crate) fn add(&mut self, workspace: &str, s: &Contribution, sign: i64) {
        let ws = workspace.to_string();
        let (sf, flag) = (sign as f64, |bit: i64| i64::from(s.flags & bit != 0));

        let d = self.day.entry((ws.clone(), s.day.clone())).or_default();
        let counts = [
            1,
            s.flagged,
            s.high,
            s.top1pct,
            i64::from(s.scores[0].is_some()),
            flag(1),
            flag(2),
            flag(4),
        ];
        for (a, b) in d.n.iter_mut().zip(counts) {
            *a += sign * b;
        }
        d.risk += sf * s.risk;
        d.overall += sf * s.scores[0].unwrap_or(0.0);

        let keys = KINDS
            .iter()
            .zip(&s.keys)
            .filter_map(|(k, v)| Some((*k, v.clone()?)))
            .chain(s.tags.iter().map(|t| ("tag", t.clone())));
        for (kind, key) in keys {
            let k = self
                .key
                .entry((ws.clone(), kind, key, s.day.clone()))
                .or_default();
            for (a, b) in k.n.iter_mut().zip([1, flag(1), flag(2), flag(4)]) {
                *a += sign * b;
            }
            k.risk += sf * s.risk;
        }

        for (code, n, above) in &s.codes {
            let c = self
                .code
                .entry((ws.clone(), code.clone(), s.day.clone()))
                .or_default();
            for (a, b) in c.n.iter_mut().zip([i64::from(*above > 0), *n, *above]) {
                *a += sign * b;
            }
            c.risk += sf * s.risk * *above as f64;
        }

        if let Some(agent) = &s.agent {
            let a = self
                .agent
                .entry((ws, agent.clone(), s.team.clone(), s.week.clone()))
                .or_default();
            for (i, v) in s.scores.iter().enumerate() {
                a.score[i] += sf * v.unwrap_or(0.0);
                a.score_n[i] += sign * i64::from(v.is_some());
            }
            a.risk += sf * s.risk;
            a.minutes += sf * s.minutes.unwrap_or(0.0);
            let counts = [
                1,
                s.high,
                s.top1pct,
                s.above_info,
                i64::from(s.flags & 8 == 0),
                i64::from(s.flags & 16 == 0),
                s.turns,
                i64::from(s.minutes.is_some()),
            ];
            for (a, b) in a.n.iter_mut().zip(counts) {
                *a += sign * b;
            }
        }
    }

    /// Writes the batch's changes: one upsert per rollup row that changed.
    pub(crate) fn write(self, tx: &Transaction<'_>) -> Result<()> {
        let mut day = tx.prepare_cached(
            "INSERT INTO rollup_day (workspace, day, conversations, flagged, high, top1pct, overall_n,
                anger, threat, abuse, risk, overall)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)
             ON CONFLICT (workspace, day) DO UPDATE SET conversations = conversations + excluded.conversations,
                flagged = flagged + excluded.flagged, high = high + excluded.high,
                top1pct = top1pct + excluded.top1pct, overall_n = overall_n + excluded.overall_n,
                anger = anger + excluded.anger, threat = threat + excluded.threat,
                abuse = abuse + excluded.abuse, risk = risk + excluded.risk,
                overall = overall + excluded.overall",
        )?;
        for ((ws, d), v) in self.day {
            if v.n.iter().all(|x| *x == 0) && v.risk == 0.0 && v.overall == 0.0 {
                continue;
            }
            let n = v.n;
            day.execute(params![
                ws, d, n[0], n[1], n[2], n[3], n[4], n[5], n[6], n[7], v.risk, v.overall
            ])?;
        }
        let mut key = tx.prepare_cached(
            "INSERT INTO rollup_key (workspace, kind, key, day, conversations, anger, threat, abuse, risk)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
             ON CONFLICT (workspace, kind, key, day) DO UPDATE SET
                conversations = conversations + excluded.conversations, anger = anger + excluded.anger,
                threat = threat + excluded.threat, abuse = abuse + excluded.abuse,
                risk = risk + excluded.risk",
        )?;
        for ((ws, kind, k, d), v) in self.key {
            if v.n.iter().all(|x| *x == 0) && v.risk == 0.0 {
                continue;
            }
            let n = v.n;
            key.execute(params![ws, kind, k, d, n[0], n[1], n[2], n[3], v.risk])?;
        }
        let mut code = tx.prepare_cached(
            "INSERT INTO rollup_code (workspace, code, day, conversations, findings, above_info, risk)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
             ON CONFLICT (workspace, code, day) DO UPDATE SET
                conversations = conversations + excluded.conversations,
                findings = findings + excluded.findings, above_info = above_info + excluded.above_info,
                risk = risk + excluded.risk",
        )?;
        for ((ws, c, d), v) in self.code {
            if v.n.iter().all(|x| *x == 0) && v.risk == 0.0 {
                continue;
            }
            let n = v.n;
            code.execute(params![ws, c, d, n[0], n[1], n[2], v.risk])?;
        }
        let mut agent = tx.prepare_cached(
            "INSERT INTO rollup_agent (workspace, agent_id, team, week,
                overall, knowledge_accuracy, courtesy, empathy, patience, efficiency,
                overall_n, knowledge_accuracy_n, courtesy_n, empathy_n, patience_n, efficiency_n,
                risk, minutes, conversations, high, top1pct, findings, process_complete, stable,
                turns, minutes_n)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,
                ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26)
             ON CONFLICT (workspace, agent_id, team, week) DO UPDATE SET
                overall = overall + excluded.overall,
                knowledge_accuracy = knowledge_accuracy + excluded.knowledge_accuracy,
                courtesy = courtesy + excluded.courtesy, empathy = empathy + excluded.empathy,
                patience = patience + excluded.patience, efficiency = efficiency + excluded.efficiency,
                overall_n = overall_n + excluded.overall_n,
                knowledge_accuracy_n = knowledge_accuracy_n + excluded.knowledge_accuracy_n,
                courtesy_n = courtesy_n + excluded.courtesy_n, empathy_n = empathy_n + excluded.empathy_n,
                patience_n = patience_n + excluded.patience_n,
                efficiency_n = efficiency_n + excluded.efficiency_n,
                risk = risk + excluded.risk, minutes = minutes + excluded.minutes,
                conversations = conversations + excluded.conversations, high = high + excluded.high,
                top1pct = top1pct + excluded.top1pct, findings = findings + excluded.findings,
                process_complete = process_complete + excluded.process_complete,
                stable = stable + excluded.stable, turns = turns + excluded.turns,
                minutes_n = minutes_n + excluded.minutes_n",
        )?;
        for ((ws, a, team, week), v) in self.agent {
            if v.n.iter().all(|x| *x == 0)
                && v.score_n.iter().all(|x| *x == 0)
                && v.score.iter().all(|x| *x == 0.0)
                && v.risk == 0.0
                && v.minutes == 0.0
            {
                continue;
            }
            let (s, sn, n) = (v.score, v.score_n, v.n);
            agent.execute(params![
                ws, a, team, week, s[0], s[1], s[2], s[3], s[4], s[5], sn[0], sn[1], sn[2], sn[3],
                sn[4], sn[5], v.risk, v.minutes, n[0], n[1], n[2], n[3], n[4], n[5], n[6], n[7]
            ])?;
        }
        Ok(())
    }
}

/// What one conversation adds to the rollups.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Contribution {
    day: String,
    week: String,
    risk: f64,
    flagged: i64,
    high: i64,
    top1pct: i64,
    /// overall, knowledge_accuracy, courtesy, empathy, patience, efficiency.
    scores: [Option<f64>; 6],
    flags: i64,
    above_info: i64,
    /// `[code, findings, findings above info]`.
    codes: Vec<(String, i64, i64)>,
    turns: i64,
    minutes: Option<f64>,
    agent: Option<String>,
    /// channel, language, marketplace, product_line, country.
    keys: [Option<String>; 5],
    team: String,
    tags: Vec<String>,
}

/// The columns of a conversation row as `save_batch` writes them, for [`Contribution::saved`].
pub(crate) struct Saved<'a> {
    pub started_at: Option<&'a str>,
    pub ended_at: Option<&'a str>,
    pub analyzed_at: &'a str,
    pub risk: f64,
    pub severity: Option<&'a str>,
    /// The stored row's mark, which a save keeps; 0 for a new row.
    pub top1pct: i64,
    pub scores: Option<&'a str>,
    pub flags: i64,
    pub above_info: i64,
    pub codes: &'a [(&'a str, i64, i64)],
    pub turns: i64,
    pub agent: Option<&'a str>,
    pub keys: [Option<&'a str>; 5],
    pub team: Option<&'a str>,
    /// Distinct, without empty ones.
    pub tags: &'a [&'a str],
}

impl Contribution {
    /// The stored conversation `(workspace, id)`, if any.
    pub(crate) fn stored(
        tx: &Transaction<'_>,
        workspace: &str,
        id: &str,
    ) -> Result<Option<Contribution>> {
        let mut q = tx.prepare_cached(ROW)?;
        let row = q
            .query_row(params![workspace, id], |r| {
                Ok((
                    Contribution {
                        day: r.get(0)?,
                        week: r.get(1)?,
                        risk: r.get(2)?,
                        flagged: r.get(3)?,
                        high: r.get(4)?,
                        top1pct: r.get(5)?,
                        scores: [
                            r.get(6)?,
                            r.get(7)?,
                            r.get(8)?,
                            r.get(9)?,
                            r.get(10)?,
                            r.get(11)?,
                        ],
                        flags: r.get(12)?,
                        above_info: r.get(13)?,
                        codes: Vec::new(),
                        turns: r.get(15)?,
                        minutes: r.get(16)?,
                        agent: r.get(17)?,
                        keys: [r.get(18)?, r.get(19)?, r.get(20)?, r.get(21)?, r.get(22)?],
                        team: r.get(23)?,
                        tags: Vec::new(),
                    },
                    r.get::<_, Option<String>>(14)?,
                    r.get::<_, String>(24)?,
                ))
            })
            .optional()?;
        let Some((mut c, codes, tags)) = row else {
            return Ok(None);
        };
        if let Some(codes) = codes {
            c.codes = serde_json::from_str(&codes)?;
        }
        c.tags = serde_json::from_str(&tags)?;
        Ok(Some(c))
    }

    /// The contribution of a row as it is written, computed as [`ROW`] would read it.
    pub(crate) fn saved(s: &Saved<'_>) -> Result<Contribution> {
        let at = s.started_at.unwrap_or(s.analyzed_at);
        let scores = match s.scores {
            Some(json) => {
                let v: serde_json::Map<String, serde_json::Value> = serde_json::from_str(json)?;
                [
                    "overall",
                    "knowledge_accuracy",
                    "courtesy",
                    "empathy",
                    "patience",
                    "efficiency",
                ]
                .map(|k| v.get(k).and_then(serde_json::Value::as_f64))
            }
            None => [None; 6],
        };
        let minutes = match (s.started_at, s.ended_at) {
            (Some(a), Some(b)) => match (julian_ms(a), julian_ms(b)) {
                (Some(a), Some(b)) => {
                    Some((b as f64 / 86_400_000.0 - a as f64 / 86_400_000.0) * 1440.0)
                }
                _ => None,
            },
            _ => None,
        };
        Ok(Contribution {
            day: at.chars().take(10).collect(),
            week: monday(at).unwrap_or_default(),
            risk: s.risk,
            flagged: i64::from(matches!(s.severity, Some("medium" | "high" | "critical"))),
            high: i64::from(matches!(s.severity, Some("high" | "critical"))),
            top1pct: s.top1pct,
            scores,
            flags: s.flags,
            above_info: s.above_info,
            codes: s
                .codes
                .iter()
                .map(|(c, n, a)| (c.to_string(), *n, *a))
                .collect(),
            turns: s.turns,
            minutes,
            agent: s.agent.map(str::to_string),
            keys: s.keys.map(|k| k.map(str::to_string)),
            team: s.team.unwrap_or_default().to_string(),
            tags: s.tags.iter().map(|t| t.to_string()).collect(),
        })
    }

    pub(crate) fn top1pct(&self) -> i64 {
        self.top1pct
    }
}

/// A timestamp as SQLite's date functions read it: `YYYY-MM-DDTHH:MM[:SS[.fff]]` with `Z` or
/// nothing after it (the only forms earshot writes).
struct Moment {
    date: jiff::civil::Date,
    h: i64,
    m: i64,
    /// Seconds with their fraction, as SQLite computes them.
    s: f64,
}

fn moment(ts: &str) -> Option<Moment> {
    let b = ts.as_bytes();
    if b.len() < 16 || b[10] != b'T' || b[13] != b':' {
        return None;
    }
    let date: jiff::civil::Date = ts.get(..10)?.parse().ok()?;
    let num = |r: std::ops::Range<usize>| -> Option<i64> {
        let t = ts.get(r)?;
        t.bytes()
            .all(|c| c.is_ascii_digit())
            .then(|| t.parse().ok())?
    };
    let (h, m) = (num(11..13)?, num(14..16)?);
    let mut rest = &ts[16..];
    let mut s = 0.0;
    if let Some(r) = rest.strip_prefix(':') {
        s = num(17..19)? as f64;
        rest = &r[2..];
        if let Some(r) = rest.strip_prefix('.')
            && r.starts_with(|c: char| c.is_ascii_digit())
        {
            // parseHhMmSs: digits accumulated in a double, divided once, capped below a second.
            let (mut ms, mut scale) = (0.0f64, 1.0f64);
            let digits = r.bytes().take_while(u8::is_ascii_digit).count();
            for d in r.bytes().take(digits) {
                ms = ms * 10.0 + f64::from(d - b'0');
                scale *= 10.0;
            }
            ms /= scale;
            if ms > 0.999 {
                ms = 0.999;
            }
            s += ms;
            rest = &r[digits..];
        }
    }
    (rest.is_empty() || rest == "Z").then_some(Moment { date, h, m, s })
}

/// SQLite's `iJD` (milliseconds since the julian epoch) of a timestamp, as `computeJD` does it.
fn julian_ms(ts: &str) -> Option<i64> {
    let t = moment(ts)?;
    let (y, mo, d) = (
        i64::from(t.date.year()),
        i64::from(t.date.month()),
        i64::from(t.date.day()),
    );
    if !(-4713..=9999).contains(&y) {
        return None;
    }
    let (y, mo) = if mo <= 2 { (y - 1, mo + 12) } else { (y, mo) };
    // C integer division truncates toward zero, as Rust's does.
    let a = (y + 4800) / 100;
    let b = 38 - a + (a / 4);
    let x1 = 36525 * (y + 4716) / 100;
    let x2 = 306001 * (mo + 1) / 10000;
    let day = ((x1 + x2 + d + b) as f64 - 1524.5) * 86_400_000.0;
    Some(day as i64 + t.h * 3_600_000 + t.m * 60_000 + (t.s * 1000.0 + 0.5) as i64)
}

/// `date(ts, 'weekday 0', '-6 days')`: the Monday of the timestamp's week, `YYYY-MM-DD`.
fn monday(ts: &str) -> Option<String> {
    let t = moment(ts)?;
    if !(0..=9999).contains(&t.date.year()) {
        return None;
    }
    let back = i64::from(t.date.weekday().to_monday_zero_offset());
    let m = t.date.checked_sub(jiff::Span::new().days(back)).ok()?;
    (m.year() >= 0).then(|| m.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Timestamps as earshot writes them (jiff), across centuries, leap days, week ends and
    /// fractions of seconds.
    fn timestamps() -> Vec<String> {
        let mut out = Vec::new();
        let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..3000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            // Seconds between 1601 and 2399, and nanoseconds with 0 to 9 significant digits.
            let secs = (x % (800 * 365 * 86_400)) as i64 - 11_644_473_600;
            let nanos = match x % 5 {
                0 => 0,
                1 => ((x >> 20) % 1000) as i32 * 1_000_000,
                2 => 999_999_999,
                _ => ((x >> 24) % 1_000_000_000) as i32,
            };
            out.push(jiff::Timestamp::new(secs, nanos).unwrap().to_string());
        }
        out.extend(
            [
                "2024-02-29T23:59:59.9995Z",
                "2026-09-06T00:00:00Z",
                "2026-09-07T00:00:00Z",
                "1999-12-31T23:59:59.999999999Z",
                "2000-01-01T00:00:00.0005Z",
            ]
            .map(String::from),
        );
        out
    }

    #[test]
    fn julian_days_and_mondays_match_sqlite() {
        let c = rusqlite::Connection::open_in_memory().unwrap();
        let ts = timestamps();
        for pair in ts.windows(2) {
            let (a, b) = (&pair[0], &pair[1]);
            let (minutes, week): (Option<f64>, Option<String>) = c
                .query_row(
                    "SELECT (julianday(?2) - julianday(?1)) * 1440.0, date(?1, 'weekday 0', '-6 days')",
                    [a, b],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .unwrap();
            let ours = (julian_ms(a), julian_ms(b));
            let ours = ours
                .0
                .zip(ours.1)
                .map(|(a, b)| (b as f64 / 86_400_000.0 - a as f64 / 86_400_000.0) * 1440.0);
            assert_eq!(
                ours.map(f64::to_bits),
                minutes.map(f64::to_bits),
                "{a} .. {b}"
            );
            assert_eq!(monday(a), week, "{a}");
        }
    }

    #[test]
    fn a_saved_row_contributes_what_sqlite_reads_back() {
        use earshot_model::{Agent, Analysis, Conversation, Finding, Role, Scores, Turn};
        let mut s = crate::sqlite::SqliteStore::in_memory().unwrap();
        let ts = timestamps();
        let mut x: u32 = 12345;
        let mut next = || {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            x
        };
        let items: Vec<(Conversation, Analysis)> = (0..400)
            .map(|i| {
                let mut c =
                    Conversation::new(format!("c{i}"), vec![Turn::new(Role::Customer, "x")]);
                c.started_at = (i % 7 != 0).then(|| ts[i].parse().unwrap());
                c.ended_at = (i % 3 != 0).then(|| ts[i + 1].parse().unwrap());
                c.tags = vec!["b".into(), "a".into(), "b".into(), String::new()];
                if i % 4 != 0 {
                    c.agents = vec![Agent {
                        id: format!("a{}", i % 5),
                        team: (i % 3 == 0).then(|| "red".into()),
                        ..Default::default()
                    }];
                }
                // Scores of any f32 value, as the scorecard makes them.
                let mut dim = || {
                    (next() % 5 != 0).then(|| f32::from_bits(0x3f80_0000 + next() % 0x0280_0000))
                };
                let scores = Scores {
                    overall: dim(),
                    knowledge_accuracy: dim(),
                    courtesy: dim(),
                    empathy: dim(),
                    patience: dim(),
                    efficiency: dim(),
                    ..Default::default()
                };
                let a = Analysis {
                    id: c.id.clone(),
                    workspace: "w".into(),
                    language: "en".into(),
                    risk: (next() % 10_000) as f32 / 97.0,
                    severity: None,
                    satisfaction: None,
                    scores: Some(scores),
                    findings: vec![Finding::new(earshot_model::Code::EMOTION_ANGER, "x")],
                    turns: vec![],
                    risk_explanation: vec![],
                    diagnostics: vec![],
                };
                (c, a)
            })
            .collect();
        // `save_batch` compares, in this crate's tests, the contribution it computes with the one
        // SQLite reads back (a debug assertion); saving twice takes every row out again.
        crate::insights::rollup_tests::save(&mut s, &items);
        crate::insights::rollup_tests::save(&mut s, &items);
    }
}
