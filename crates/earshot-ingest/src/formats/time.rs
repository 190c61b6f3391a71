//! Time values as vendors write them, converted exactly.
//!
//! Speech-to-text services give offsets in seconds as strings (`"1.23"`), as JSON numbers
//! (`1.23`), as protobuf durations (`"1.500s"`), as ISO 8601 durations (`"PT1M2.5S"`), in 100 ns
//! ticks or in milliseconds. Converting through floating point turns 1.23 s into 1229 ms, so every
//! decimal here is read digit by digit as an integer and rounded half up to the millisecond.

use jiff::Timestamp;

/// The unit a vendor writes an offset in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Unit {
    Seconds,
    Millis,
    /// Azure's 100-nanosecond ticks.
    Ticks,
}

impl Unit {
    pub fn name(self) -> &'static str {
        match self {
            Unit::Seconds => "seconds",
            Unit::Millis => "milliseconds",
            Unit::Ticks => "100 ns ticks",
        }
    }

    /// How many places the decimal point moves right to turn a value in this unit into
    /// milliseconds (negative: left).
    fn shift_to_ms(self) -> i32 {
        match self {
            Unit::Seconds => 3,
            Unit::Millis => 0,
            Unit::Ticks => -4,
        }
    }
}

/// Reads a non-negative decimal (`"12"`, `"1.23"`, `"0.0005"`, `"+3."`) in `unit` and returns
/// whole milliseconds, rounded half up. No floating point is involved.
pub(crate) fn offset_ms(s: &str, unit: Unit) -> Option<u64> {
    let s = s.trim();
    let s = s.strip_prefix('+').unwrap_or(s);
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) => (i, f),
        None => (s, ""),
    };
    if int.is_empty() && frac.is_empty() {
        return None;
    }
    if !int.bytes().all(|b| b.is_ascii_digit()) || !frac.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    // Move the decimal point right by `shift` places: the digits before the new point are the
    // milliseconds, the first digit after it decides the rounding.
    let shift = unit.shift_to_ms();
    let mut digits: Vec<u8> = int.bytes().chain(frac.bytes()).map(|b| b - b'0').collect();
    let point = int.len() as i64 + i64::from(shift);
    if point < 0 {
        // The point moves left past the first digit: pad with leading zeros so that the rounding
        // digit below is the right one.
        let lead = usize::try_from(-point).ok()?;
        digits.splice(0..0, std::iter::repeat_n(0, lead));
    }
    let point = usize::try_from(point.max(0)).ok()?;
    while digits.len() < point {
        digits.push(0);
    }
    let mut ms: u64 = 0;
    for d in digits.iter().take(point) {
        ms = ms.checked_mul(10)?.checked_add(u64::from(*d))?;
    }
    if digits.get(point).is_some_and(|d| *d >= 5) {
        ms = ms.checked_add(1)?;
    }
    Some(ms)
}

/// A JSON number in `unit`, converted to milliseconds. Integers convert exactly; a float is
/// converted through its shortest decimal form, which is exactly the text the vendor wrote
/// whenever that text had at most 17 significant digits.
pub(crate) fn number_ms(n: &serde_json::Number, unit: Unit) -> Option<u64> {
    if let Some(u) = n.as_u64() {
        return offset_ms(&u.to_string(), unit);
    }
    let f = n.as_f64()?;
    if !f.is_finite() || f < 0.0 {
        return None;
    }
    offset_ms(&format!("{f}"), unit)
}

/// A protobuf Duration as Google writes it in JSON: `"1.500s"`.
pub(crate) fn google_duration_ms(s: &str) -> Option<u64> {
    offset_ms(s.trim().strip_suffix('s')?, Unit::Seconds)
}

/// An ISO 8601 duration of the kind Azure writes: `PT1M2.5S`, `PT0.4S`, `P1DT2H`, `PT1H`.
pub(crate) fn iso_duration_ms(s: &str) -> Option<u64> {
    let rest = s.trim().strip_prefix('P')?;
    let (date, time) = match rest.split_once('T') {
        Some((d, t)) => (d, t),
        None => (rest, ""),
    };
    let mut total: u64 = 0;
    for (part, is_time) in [(date, false), (time, true)] {
        let mut num = String::new();
        for c in part.chars() {
            if c.is_ascii_digit() || c == '.' {
                num.push(c);
                continue;
            }
            let secs_per: u64 = match (c, is_time) {
                ('D', false) => 86_400,
                ('W', false) => 604_800,
                ('H', true) => 3_600,
                ('M', true) => 60,
                ('S', true) => 1,
                _ => return None,
            };
            let ms = offset_ms(&num, Unit::Seconds)?;
            total = total.checked_add(ms.checked_mul(secs_per)?)?;
            num.clear();
        }
        if !num.is_empty() {
            return None;
        }
    }
    Some(total)
}

/// A clock time `hh:mm:ss.ttt`, `mm:ss.ttt` or `hh:mm:ss,ttt` (SubRip's comma) in milliseconds.
pub(crate) fn clock_ms(s: &str) -> Option<u64> {
    let s = s.trim().replace(',', ".");
    let parts: Vec<&str> = s.split(':').collect();
    let (h, m, sec) = match parts.as_slice() {
        [h, m, sec] => (*h, *m, *sec),
        [m, sec] => ("0", *m, *sec),
        _ => return None,
    };
    let whole = |x: &str| -> Option<u64> {
        if x.is_empty() || !x.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        x.parse().ok()
    };
    let h = whole(h)?;
    let m = whole(m)?;
    let sec = offset_ms(sec, Unit::Seconds)?;
    h.checked_mul(3_600_000)?
        .checked_add(m.checked_mul(60_000)?)?
        .checked_add(sec)
}

/// Unix seconds, or milliseconds when the number is too large to be seconds (as `csv_map` reads
/// them).
pub(crate) fn unix(n: i64) -> Result<Timestamp, String> {
    let ts = if n.unsigned_abs() > 100_000_000_000 {
        Timestamp::from_millisecond(n)
    } else {
        Timestamp::from_second(n)
    };
    ts.map_err(|e| format!("timestamp {n} is out of range: {e}"))
}

/// A timestamp string: RFC 3339 with an offset, a zone-less date-time read as UTC (Gorgias,
/// many CSV exports), or Unix seconds written as a string.
pub(crate) fn parse_timestamp(s: &str) -> Result<Timestamp, String> {
    let s = s.trim();
    if let Ok(ts) = s.parse::<Timestamp>() {
        return Ok(ts);
    }
    let civil = if s.len() > 10 && s.as_bytes().get(10) == Some(&b' ') {
        s.replacen(' ', "T", 1)
    } else {
        s.to_string()
    };
    if let Ok(dt) = civil.parse::<jiff::civil::DateTime>() {
        return dt
            .to_zoned(jiff::tz::TimeZone::UTC)
            .map(|z| z.timestamp())
            .map_err(|e| e.to_string());
    }
    if let Ok(n) = s.parse::<i64>() {
        return unix(n);
    }
    Err(format!("expected an RFC 3339 timestamp, found {s:?}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimal_seconds_are_exact() {
        assert_eq!(offset_ms("1.23", Unit::Seconds), Some(1230));
        assert_eq!(offset_ms("0.42", Unit::Seconds), Some(420));
        assert_eq!(offset_ms("4.100", Unit::Seconds), Some(4100));
        assert_eq!(offset_ms("12", Unit::Seconds), Some(12_000));
        assert_eq!(offset_ms("0.0005", Unit::Seconds), Some(1));
        assert_eq!(offset_ms("0.0004", Unit::Seconds), Some(0));
        assert_eq!(offset_ms("2.9999", Unit::Seconds), Some(3000));
        assert_eq!(offset_ms(".5", Unit::Seconds), Some(500));
        assert_eq!(offset_ms("-1", Unit::Seconds), None);
        assert_eq!(offset_ms("1e3", Unit::Seconds), None);
        assert_eq!(offset_ms("", Unit::Seconds), None);
        assert_eq!(offset_ms(".", Unit::Seconds), None);
        assert_eq!(offset_ms("99999999999999999999999", Unit::Seconds), None);
    }

    #[test]
    fn ticks_and_millis() {
        assert_eq!(offset_ms("4000000", Unit::Ticks), Some(400));
        assert_eq!(offset_ms("16000000", Unit::Ticks), Some(1600));
        assert_eq!(offset_ms("15000", Unit::Ticks), Some(2));
        assert_eq!(offset_ms("14999", Unit::Ticks), Some(1));
        assert_eq!(offset_ms("4999", Unit::Ticks), Some(0));
        assert_eq!(offset_ms("5000", Unit::Ticks), Some(1));
        assert_eq!(offset_ms("7", Unit::Ticks), Some(0));
        assert_eq!(offset_ms("1240", Unit::Millis), Some(1240));
        assert_eq!(offset_ms("1240.5", Unit::Millis), Some(1241));
    }

    #[test]
    fn floats_use_their_shortest_decimal_form() {
        let n: serde_json::Number = serde_json::from_str("1.23").unwrap();
        assert_eq!(number_ms(&n, Unit::Seconds), Some(1230));
        let n: serde_json::Number = serde_json::from_str("0.29").unwrap();
        assert_eq!(number_ms(&n, Unit::Seconds), Some(290));
        let n: serde_json::Number = serde_json::from_str("3").unwrap();
        assert_eq!(number_ms(&n, Unit::Seconds), Some(3000));
        let n: serde_json::Number = serde_json::from_str("-0.5").unwrap();
        assert_eq!(number_ms(&n, Unit::Seconds), None);
    }

    #[test]
    fn durations_and_clocks() {
        assert_eq!(google_duration_ms("1.500s"), Some(1500));
        assert_eq!(google_duration_ms("4.1s"), Some(4100));
        assert_eq!(google_duration_ms("4.1"), None);
        assert_eq!(iso_duration_ms("PT1M2.5S"), Some(62_500));
        assert_eq!(iso_duration_ms("PT0.4S"), Some(400));
        assert_eq!(iso_duration_ms("P1DT1H"), Some(90_000_000));
        assert_eq!(iso_duration_ms("PT1X"), None);
        assert_eq!(clock_ms("00:00:02,480"), Some(2480));
        assert_eq!(clock_ms("01:02:03.004"), Some(3_723_004));
        assert_eq!(clock_ms("02:03.5"), Some(123_500));
        assert_eq!(clock_ms("2:x.5"), None);
    }

    #[test]
    fn timestamps() {
        assert!(parse_timestamp("2024-05-02T08:14:09Z").is_ok());
        let naive = parse_timestamp("2019-11-16T15:59:41.966927").unwrap();
        assert_eq!(naive.to_string(), "2019-11-16T15:59:41.966927Z");
        assert!(parse_timestamp("2024-05-03 01:22:10").is_ok());
        assert_eq!(
            parse_timestamp("1714730000").unwrap().as_second(),
            1_714_730_000
        );
        assert!(parse_timestamp("yesterday").is_err());
    }
}
