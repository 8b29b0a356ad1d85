//! Expiry at a glance: how long a share has left (or since when it is over), whether it is
//! inside the warning threshold, and the presets and extensions for a new deadline.

use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};

use super::{Deadline, Share};

pub const DEFAULT_WARNING_DAYS: i64 = 14;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expiry {
    Forever,
    /// Valid, with this much time left, outside the warning threshold.
    Valid {
        left: Duration,
    },
    /// Valid, but ending within the warning threshold.
    Expiring {
        left: Duration,
    },
    /// Over, this long ago (zero when SWR says expired but the date is not yet past).
    Expired {
        ago: Duration,
    },
    /// A deadline the app cannot read; SWR's status is all there is.
    Unknown {
        valid: bool,
    },
}

impl Expiry {
    /// SWR's `status` is the truth for "expired"; the deadline gives the time left.
    pub fn of(share: &Share, now: DateTime<Utc>, warning_days: i64) -> Expiry {
        match (&share.deadline, share.deadline.cutoff()) {
            (Deadline::Forever, _) if share.valid => Expiry::Forever,
            (_, Some(cutoff)) if share.valid && cutoff > now => {
                let left = cutoff - now;
                if left <= Duration::days(warning_days) {
                    Expiry::Expiring { left }
                } else {
                    Expiry::Valid { left }
                }
            }
            (_, Some(cutoff)) => Expiry::Expired {
                ago: (now - cutoff).max(Duration::zero()),
            },
            // No end the app can compute (a deadline it does not recognise): SWR's status.
            _ => Expiry::Unknown { valid: share.valid },
        }
    }

    /// `label` where it adds to the date beside it: nothing for "Forever", which says it all.
    pub fn relative(&self) -> Option<String> {
        (*self != Expiry::Forever).then(|| self.label())
    }

    /// "in 5 days", "in 3 hours", "expired 2 days ago", "forever".
    pub fn label(&self) -> String {
        match self {
            Expiry::Forever => "forever".into(),
            Expiry::Valid { left } | Expiry::Expiring { left } => format!("in {}", span(*left)),
            Expiry::Expired { ago } if *ago < Duration::days(1) => "expired today".into(),
            Expiry::Expired { ago } => format!("expired {} ago", span(*ago)),
            Expiry::Unknown { valid: true } => "valid".into(),
            Expiry::Unknown { valid: false } => "expired".into(),
        }
    }

    pub fn status(&self) -> Status {
        match self {
            Expiry::Forever | Expiry::Valid { .. } | Expiry::Unknown { valid: true } => {
                Status::Valid
            }
            Expiry::Expiring { .. } => Status::ExpiringSoon,
            Expiry::Expired { .. } | Expiry::Unknown { valid: false } => Status::Expired,
        }
    }
}

/// A share's status at a glance: the chip, the filter and the summary all go by it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    Valid,
    ExpiringSoon,
    Expired,
}

impl Status {
    /// In words, never colour alone.
    pub fn word(self) -> &'static str {
        match self {
            Status::Valid => "Valid",
            Status::ExpiringSoon => "Expiring soon",
            Status::Expired => "Expired",
        }
    }

    pub fn icon(self) -> &'static str {
        match self {
            Status::Valid => "✓",
            Status::ExpiringSoon => "⚠",
            Status::Expired => "✕",
        }
    }

    pub fn css_class(self) -> &'static str {
        match self {
            Status::Valid => "ss-valid",
            Status::ExpiringSoon => "ss-expiring",
            Status::Expired => "ss-expired",
        }
    }
}

fn span(d: Duration) -> String {
    let plural = |n: i64, unit: &str| {
        if n == 1 {
            format!("1 {unit}")
        } else {
            format!("{n} {unit}s")
        }
    };
    // Far-off dates read as "73 years", not "26699 days".
    if d >= Duration::days(365) {
        plural(d.num_days() / 365, "year")
    } else if d >= Duration::days(1) {
        plural(d.num_days(), "day")
    } else if d >= Duration::hours(1) {
        plural(d.num_hours(), "hour")
    } else {
        plural(d.num_minutes().max(1), "minute")
    }
}

/// Quick choices for a new deadline.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Preset {
    Days(i64),
    EndOfQuarter,
    Forever,
}

pub const PRESETS: [Preset; 5] = [
    Preset::Days(7),
    Preset::Days(30),
    Preset::Days(90),
    Preset::EndOfQuarter,
    Preset::Forever,
];

impl Preset {
    pub fn label(&self) -> String {
        match self {
            Preset::Days(n) => format!("{n} days"),
            Preset::EndOfQuarter => "End of quarter".into(),
            Preset::Forever => "Forever".into(),
        }
    }

    /// The deadline the preset gives from `today` (UTC): N days means access through the
    /// N-th day from today.
    pub fn deadline(&self, today: NaiveDate) -> Deadline {
        match self {
            Preset::Days(n) => Deadline::LastDay(today + Duration::days(*n)),
            Preset::EndOfQuarter => Deadline::LastDay(end_of_quarter(today)),
            Preset::Forever => Deadline::Forever,
        }
    }
}

pub fn end_of_quarter(d: NaiveDate) -> NaiveDate {
    let last_month = ((d.month0() / 3) + 1) * 3;
    let (y, m) = if last_month == 12 {
        (d.year() + 1, 1)
    } else {
        (d.year(), last_month + 1)
    };
    NaiveDate::from_ymd_opt(y, m, 1).expect("valid month") - Duration::days(1)
}

/// One-click extension: `days` more from the later of the current last day and today;
/// `None` means make it forever.
pub fn extend(current: &Deadline, days: Option<i64>, today: NaiveDate) -> Deadline {
    match (current, days) {
        (_, None) | (Deadline::Forever, _) => Deadline::Forever,
        (Deadline::LastDay(d), Some(n)) => Deadline::LastDay((*d).max(today) + Duration::days(n)),
        (Deadline::Unrecognised(_), Some(n)) => Deadline::LastDay(today + Duration::days(n)),
    }
}

/// "2 expired, 3 expire within 14 days".
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    pub expired: usize,
    pub expiring: usize,
    pub forever: usize,
    pub total: usize,
}

pub fn summarize<'a>(expiries: impl Iterator<Item = &'a Expiry>) -> Summary {
    let mut s = Summary::default();
    for e in expiries {
        s.total += 1;
        match e {
            Expiry::Expired { .. } | Expiry::Unknown { valid: false } => s.expired += 1,
            Expiry::Expiring { .. } => s.expiring += 1,
            Expiry::Forever => s.forever += 1,
            _ => {}
        }
    }
    s
}

#[cfg(test)]
mod tests {
    #[test]
    fn forever_adds_nothing_to_its_date_an_expired_forever_share_does() {
        use super::Expiry;
        assert_eq!(Expiry::Forever.relative(), None);
        assert_eq!(
            Expiry::Unknown { valid: false }.relative().as_deref(),
            Some("expired")
        );
    }

    use super::*;
    use crate::model::time::{parse_rfc3339, parse_ymd};

    fn share(deadline: &str, valid: bool) -> Share {
        Share {
            valid,
            ..Share::sample("a").until(Deadline::parse(deadline))
        }
    }
    fn at(s: &str) -> DateTime<Utc> {
        parse_rfc3339(s).unwrap()
    }
    fn day(s: &str) -> NaiveDate {
        parse_ymd(s).unwrap()
    }

    #[test]
    fn the_utc_day_boundary() {
        let s = share("2030-06-10T00:00:00Z", true);
        let e = Expiry::of(&s, at("2030-06-10T23:59:00Z"), 14);
        assert_eq!(
            e,
            Expiry::Expiring {
                left: Duration::minutes(1)
            }
        );
        assert_eq!(e.label(), "in 1 minute");
        let e = Expiry::of(
            &share("2030-06-10T00:00:00Z", false),
            at("2030-06-11T00:00:00Z"),
            14,
        );
        assert_eq!(
            e,
            Expiry::Expired {
                ago: Duration::zero()
            }
        );
        assert_eq!(e.label(), "expired today");
        assert_eq!(
            Expiry::of(
                &share("2030-06-10T16:00:00.000Z", false),
                at("2030-06-14T01:00:00Z"),
                14
            )
            .label(),
            "expired 3 days ago"
        );
    }

    #[test]
    fn threshold_and_words() {
        let now = at("2030-06-01T12:00:00Z");
        let soon = Expiry::of(&share("2030-06-14T00:00:00Z", true), now, 14);
        assert!(matches!(soon, Expiry::Expiring { .. }));
        assert_eq!(soon.label(), "in 13 days");
        assert_eq!(soon.status(), Status::ExpiringSoon);
        let later = Expiry::of(&share("2030-06-16T00:00:00Z", true), now, 14);
        assert!(matches!(later, Expiry::Valid { .. }));
        assert_eq!(later.status(), Status::Valid);
        assert_eq!(
            Expiry::of(&share("2030-06-16T00:00:00Z", true), now, 30).status(),
            Status::ExpiringSoon
        );
        assert_eq!(
            Expiry::of(&share("forever", true), now, 14),
            Expiry::Forever
        );
        assert_eq!(
            Expiry::of(&share("in a while", false), now, 14).status(),
            Status::Expired
        );
        assert_eq!(
            Expiry::of(&share("2030-06-03T00:00:00Z", true), now, 14).label(),
            "in 2 days"
        );
        // Far-off dates in years, not tens of thousands of days.
        assert_eq!(
            Expiry::of(&share("2103-06-20T00:00:00Z", true), now, 14).label(),
            "in 73 years"
        );
        assert_eq!(
            Expiry::of(&share("2031-07-01T00:00:00Z", true), now, 14).label(),
            "in 1 year"
        );
        assert_eq!(
            Expiry::of(&share("2030-06-01T00:00:00Z", true), now, 14).label(),
            "in 12 hours"
        );
    }

    #[test]
    fn swr_status_wins_over_the_date() {
        // SWR says expired although the date is in the future (e.g. a different reading).
        let e = Expiry::of(
            &share("2030-06-20T00:00:00Z", false),
            at("2030-06-01T00:00:00Z"),
            14,
        );
        assert_eq!(e.status(), Status::Expired);
    }

    #[test]
    fn presets() {
        let today = day("2026-11-23");
        assert_eq!(
            Preset::Days(7).deadline(today),
            Deadline::LastDay(day("2026-11-30"))
        );
        assert_eq!(
            Preset::Days(90).deadline(today),
            Deadline::LastDay(day("2027-02-21"))
        );
        assert_eq!(
            Preset::EndOfQuarter.deadline(today),
            Deadline::LastDay(day("2026-12-31"))
        );
        assert_eq!(end_of_quarter(day("2026-01-01")), day("2026-03-31"));
        assert_eq!(end_of_quarter(day("2026-06-30")), day("2026-06-30"));
        assert_eq!(end_of_quarter(day("2024-08-15")), day("2024-09-30"));
        assert_eq!(Preset::Forever.deadline(today), Deadline::Forever);
    }

    #[test]
    fn extensions_count_from_the_later_of_deadline_and_today() {
        let today = day("2026-11-23");
        assert_eq!(
            extend(&Deadline::LastDay(day("2026-12-01")), Some(30), today),
            Deadline::LastDay(day("2026-12-31"))
        );
        assert_eq!(
            extend(&Deadline::LastDay(day("2026-01-01")), Some(30), today),
            Deadline::LastDay(day("2026-12-23"))
        );
        assert_eq!(
            extend(&Deadline::LastDay(day("2026-01-01")), None, today),
            Deadline::Forever
        );
        assert_eq!(
            extend(&Deadline::Forever, Some(30), today),
            Deadline::Forever
        );
    }

    #[test]
    fn summary_counts() {
        let now = at("2030-06-01T00:00:00Z");
        let list = [
            share("forever", true),
            share("2030-06-03T00:00:00Z", true),
            share("2020-01-01T00:00:00Z", false),
            share("2031-01-01T00:00:00Z", true),
        ];
        let e: Vec<Expiry> = list.iter().map(|s| Expiry::of(s, now, 14)).collect();
        assert_eq!(
            summarize(e.iter()),
            Summary {
                expired: 1,
                expiring: 1,
                forever: 1,
                total: 4
            }
        );
    }
}
