//! A share's deadline: forever, or a last valid day. SWR keys expiry on the day: access
//! ends at 00:00:00 UTC of the day after the deadline date.

use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Utc};

use super::time::{parse_rfc3339, parse_ymd, utc_minutes, ymd};

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Deadline {
    Forever,
    /// The last day (UTC) on which the share is valid.
    LastDay(NaiveDate),
    /// A value SWR sent that is neither `forever` nor a date-time; shown as it came.
    Unrecognised(String),
}

impl Deadline {
    /// Reads SWR's `deadline`: `forever` or a UTC date-time such as
    /// `2018-10-01T16:00:00.000Z`. Only the date counts, as the service's day rule does.
    pub fn parse(s: &str) -> Deadline {
        if s.eq_ignore_ascii_case("forever") {
            return Deadline::Forever;
        }
        match parse_rfc3339(s)
            .map(|t| t.date_naive())
            .or_else(|| parse_ymd(s))
        {
            Some(d) => Deadline::LastDay(d),
            None => Deadline::Unrecognised(s.to_string()),
        }
    }

    /// What to send: `forever`, or midnight UTC of the last valid day (as the Terraform
    /// provider sends it), so the date SWR stores is the date the user picked.
    pub fn to_api(&self) -> String {
        match self {
            Deadline::Forever => "forever".into(),
            Deadline::LastDay(d) => format!("{}T00:00:00Z", ymd(*d)),
            Deadline::Unrecognised(s) => s.clone(),
        }
    }

    /// The instant access ends: 00:00:00 UTC of the day after the last valid day.
    pub fn cutoff(&self) -> Option<DateTime<Utc>> {
        match self {
            Deadline::LastDay(d) => {
                Some((*d + Duration::days(1)).and_time(NaiveTime::MIN).and_utc())
            }
            _ => None,
        }
    }

    pub fn label(&self) -> String {
        match self {
            Deadline::Forever => "Forever".into(),
            Deadline::LastDay(d) => ymd(*d),
            Deadline::Unrecognised(s) => s.clone(),
        }
    }
}

/// `2026-11-24 00:00 UTC`.
pub fn format_utc(t: DateTime<Utc>) -> String {
    utc_minutes(t)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn reads_every_format_swr_sends() {
        assert_eq!(Deadline::parse("forever"), Deadline::Forever);
        assert_eq!(
            Deadline::parse("2018-10-01T16:00:00.000Z"),
            Deadline::LastDay(date("2018-10-01"))
        );
        assert_eq!(
            Deadline::parse("2021-10-01T16:00:00Z"),
            Deadline::LastDay(date("2021-10-01"))
        );
        assert_eq!(
            Deadline::parse("2024-01-01T00:00:00Z"),
            Deadline::LastDay(date("2024-01-01"))
        );
        assert_eq!(
            Deadline::parse("2024-01-01"),
            Deadline::LastDay(date("2024-01-01"))
        );
        assert_eq!(
            Deadline::parse("someday"),
            Deadline::Unrecognised("someday".into())
        );
    }

    #[test]
    fn sends_midnight_utc_of_the_last_day() {
        assert_eq!(
            Deadline::LastDay(date("2030-06-30")).to_api(),
            "2030-06-30T00:00:00Z"
        );
        assert_eq!(Deadline::Forever.to_api(), "forever");
    }

    #[test]
    fn cutoff_is_the_next_midnight_utc() {
        let c = Deadline::LastDay(date("2030-12-31")).cutoff().unwrap();
        assert_eq!(format_utc(c), "2031-01-01 00:00 UTC");
        assert_eq!(Deadline::Forever.cutoff(), None);
    }
}
