//! Quiet hours: a daily window, in the team's own time zone, during which alerts wait.

use jiff::civil::Time;
use jiff::tz::TimeZone;
use jiff::{Timestamp, ToSpan};

use crate::config::{ConfigError, QuietHoursSettings, config_error};

/// A checked quiet-hours window. `start > end` means the window spans midnight (22:00–07:00).
#[derive(Debug, Clone)]
pub struct QuietHours {
    pub start: Time,
    pub end: Time,
    pub tz: TimeZone,
    /// Whether critical findings go out at once anyway.
    pub critical_bypass: bool,
}

impl QuietHours {
    pub(crate) fn build(at: &str, q: &QuietHoursSettings) -> Result<QuietHours, ConfigError> {
        let start = parse_hhmm(&format!("{at}.start"), &q.start)?;
        let end = parse_hhmm(&format!("{at}.end"), &q.end)?;
        if start == end {
            return Err(config_error(
                format!("{at}.end"),
                "equals start; the window would be empty",
            ));
        }
        let tz = match q.tz.as_deref().map(str::trim) {
            None | Some("") | Some("UTC") => TimeZone::UTC,
            Some(name) => TimeZone::get(name).map_err(|_| {
                config_error(format!("{at}.tz"), format!("unknown time zone {name:?}"))
            })?,
        };
        Ok(QuietHours {
            start,
            end,
            tz,
            critical_bypass: q.critical_bypass.unwrap_or(true),
        })
    }

    /// When `now` lies inside the window, the instant the window ends; otherwise `None`.
    pub fn release_at(&self, now: Timestamp) -> Option<Timestamp> {
        let local = now.to_zoned(self.tz.clone());
        let t = local.time();
        let inside = if self.start < self.end {
            t >= self.start && t < self.end
        } else {
            t >= self.start || t < self.end
        };
        if !inside {
            return None;
        }
        // The end is today if it is still ahead, else tomorrow. A wall-clock time that a DST
        // change skips or repeats resolves the "compatible" way (later for a gap).
        let mut date = local.date();
        if t >= self.end {
            date = date.checked_add(1.day()).ok()?;
        }
        let end = date.to_datetime(self.end).to_zoned(self.tz.clone()).ok()?;
        Some(end.timestamp())
    }
}

fn parse_hhmm(at: &str, s: &str) -> Result<Time, ConfigError> {
    let bad = || config_error(at, format!("{s:?} is not a time like \"22:00\""));
    let (h, m) = s.trim().split_once(':').ok_or_else(bad)?;
    let h: i8 = h.parse().map_err(|_| bad())?;
    let m: i8 = m.parse().map_err(|_| bad())?;
    Time::new(h, m, 0, 0).map_err(|_| bad())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn qh(start: &str, end: &str, tz: &str) -> QuietHours {
        let s = QuietHoursSettings {
            start: start.into(),
            end: end.into(),
            tz: Some(tz.into()),
            critical_bypass: None,
        };
        QuietHours::build("q", &s).unwrap()
    }

    #[test]
    fn window_over_midnight_releases_at_local_end() {
        let q = qh("22:00", "07:00", "Europe/Berlin");
        // 2024-05-09 23:30 in Berlin (CEST, UTC+2) is 21:30 UTC: inside, ends 05:00 UTC next day.
        let now: Timestamp = "2024-05-09T21:30:00Z".parse().unwrap();
        assert_eq!(
            q.release_at(now),
            Some("2024-05-10T05:00:00Z".parse().unwrap())
        );
        // 02:00 local, after midnight: ends the same local day.
        let now: Timestamp = "2024-05-10T00:00:00Z".parse().unwrap();
        assert_eq!(
            q.release_at(now),
            Some("2024-05-10T05:00:00Z".parse().unwrap())
        );
        // 12:00 local: outside.
        assert_eq!(q.release_at("2024-05-10T10:00:00Z".parse().unwrap()), None);
        // 07:00 local exactly: the window is over.
        assert_eq!(q.release_at("2024-05-10T05:00:00Z".parse().unwrap()), None);
    }

    #[test]
    fn daytime_window() {
        let q = qh("12:00", "13:00", "UTC");
        assert!(
            q.release_at("2024-05-10T12:30:00Z".parse().unwrap())
                .is_some()
        );
        assert!(
            q.release_at("2024-05-10T13:30:00Z".parse().unwrap())
                .is_none()
        );
    }

    #[test]
    fn bad_values_name_the_field() {
        let s = QuietHoursSettings {
            start: "25:00".into(),
            end: "07:00".into(),
            ..Default::default()
        };
        assert_eq!(QuietHours::build("q", &s).unwrap_err().field, "q.start");
        let s = QuietHoursSettings {
            start: "22:00".into(),
            end: "07:00".into(),
            tz: Some("Mars/Base".into()),
            critical_bypass: None,
        };
        assert_eq!(QuietHours::build("q", &s).unwrap_err().field, "q.tz");
    }
}
