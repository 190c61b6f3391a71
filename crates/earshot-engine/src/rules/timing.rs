//! Response times: business-hour calendars and the walk over a conversation's turns that measures
//! first response, each later reply and resolution.

use earshot_model::{Conversation, Role};
use jiff::civil::{Date, Time, Weekday};
use jiff::tz::TimeZone;
use jiff::{Timestamp, ToSpan};

use super::model::CalendarDef;

/// Opening hours in one time zone. The time-zone database is bundled into the binary, so
/// calendars work on machines without `/usr/share/zoneinfo`.
#[derive(Debug, Clone)]
pub struct Calendar {
    tz: TimeZone,
    days: [bool; 7],
    open: Time,
    close: Time,
    holidays: Vec<Date>,
}

fn weekday(s: &str) -> Option<Weekday> {
    Some(match s.to_ascii_lowercase().get(..3)? {
        "mon" => Weekday::Monday,
        "tue" => Weekday::Tuesday,
        "wed" => Weekday::Wednesday,
        "thu" => Weekday::Thursday,
        "fri" => Weekday::Friday,
        "sat" => Weekday::Saturday,
        "sun" => Weekday::Sunday,
        _ => return None,
    })
}

impl Calendar {
    pub fn from_def(d: &CalendarDef) -> Result<Calendar, String> {
        let tz = jiff::tz::db()
            .get(&d.timezone)
            .map_err(|_| format!("unknown time zone {:?}", d.timezone))?;
        let mut days = [false; 7];
        for s in &d.days {
            let w = weekday(s).ok_or_else(|| format!("unknown day {s:?} (mon .. sun)"))?;
            days[w.to_monday_zero_offset() as usize] = true;
        }
        let (a, b) = d
            .hours
            .split_once('-')
            .ok_or_else(|| format!("hours {:?} are not `09:00-18:00`", d.hours))?;
        let t = |s: &str| {
            s.trim()
                .parse::<Time>()
                .map_err(|_| format!("bad time {s:?} in hours {:?}", d.hours))
        };
        let (open, close) = (t(a)?, t(b)?);
        if close <= open {
            return Err(format!("hours {:?} close before they open", d.hours));
        }
        let mut holidays = Vec::new();
        for h in &d.holidays {
            holidays.push(
                h.parse::<Date>()
                    .map_err(|_| format!("bad holiday date {h:?}"))?,
            );
        }
        Ok(Calendar {
            tz,
            days,
            open,
            close,
            holidays,
        })
    }

    /// Business hours between two instants: the overlap with opening hours, day by day.
    pub fn hours_between(&self, a: Timestamp, b: Timestamp) -> f64 {
        if b <= a {
            return 0.0;
        }
        let mut day = a.to_zoned(self.tz.clone()).date();
        let last = b.to_zoned(self.tz.clone()).date();
        let mut secs = 0i64;
        // A year of calendar days is the most a response time can sensibly span; the cap keeps a
        // wrong timestamp from costing a long loop.
        for _ in 0..400 {
            if day > last {
                break;
            }
            let open_day = self.days[day.weekday().to_monday_zero_offset() as usize]
                && !self.holidays.contains(&day);
            if open_day {
                let start = day
                    .to_datetime(self.open)
                    .to_zoned(self.tz.clone())
                    .map(|z| z.timestamp());
                let end = day
                    .to_datetime(self.close)
                    .to_zoned(self.tz.clone())
                    .map(|z| z.timestamp());
                if let (Ok(s), Ok(e)) = (start, end) {
                    let s = s.max(a);
                    let e = e.min(b);
                    if e > s {
                        secs += e.as_second() - s.as_second();
                    }
                }
            }
            match day.checked_add(1.day()) {
                Ok(d) => day = d,
                Err(_) => break,
            }
        }
        secs as f64 / 3600.0
    }
}

/// One answer: the customer waited from `since` until the agent replied in turn `turn` at `at`.
#[derive(Debug, Clone, Copy)]
pub struct Reply {
    pub turn: usize,
    pub since: Timestamp,
    pub at: Timestamp,
}

/// The agent replies of a conversation with how long the customer had waited for each: from the
/// oldest unanswered customer message to the agent's next message.
pub fn replies(conv: &Conversation) -> Vec<Reply> {
    let mut out = Vec::new();
    let mut waiting: Option<Timestamp> = None;
    for (i, t) in conv.turns.iter().enumerate() {
        if t.internal {
            continue;
        }
        let Some(at) = t.at else { continue };
        match t.role {
            Role::Customer => {
                waiting.get_or_insert(at);
            }
            Role::Agent => {
                if let Some(since) = waiting.take() {
                    out.push(Reply { turn: i, since, at });
                }
            }
            Role::Bot | Role::System => {}
        }
    }
    out
}

pub fn fmt_hours(h: f64) -> String {
    if h < 1.0 {
        format!("{:.0} min", h * 60.0)
    } else {
        format!("{h:.1} h")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn berlin() -> Calendar {
        Calendar::from_def(&CalendarDef {
            timezone: "Europe/Berlin".into(),
            days: vec![
                "mon".into(),
                "tue".into(),
                "wed".into(),
                "thu".into(),
                "fri".into(),
            ],
            hours: "09:00-18:00".into(),
            holidays: vec!["2025-03-05".into()],
        })
        .unwrap()
    }

    #[test]
    fn friday_evening_to_monday_morning_is_short_in_business_hours() {
        let c = berlin();
        // Friday 17:00 Berlin (16:00 UTC) to Monday 10:00 Berlin (09:00 UTC): 1 h + 1 h.
        let a: Timestamp = "2025-03-07T16:00:00Z".parse().unwrap();
        let b: Timestamp = "2025-03-10T09:00:00Z".parse().unwrap();
        assert!((c.hours_between(a, b) - 2.0).abs() < 1e-9);
    }

    #[test]
    fn holidays_are_closed() {
        let c = berlin();
        let a: Timestamp = "2025-03-05T08:00:00Z".parse().unwrap();
        let b: Timestamp = "2025-03-05T16:00:00Z".parse().unwrap();
        assert_eq!(c.hours_between(a, b), 0.0);
    }
}
