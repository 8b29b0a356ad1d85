//! The few date and time formats the app reads and writes, by hand: chrono's strftime and
//! RFC 3339 machinery would add tens of kilobytes to the wasm for these five functions.

use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime, NaiveTime, Timelike, Utc};

/// `2026-11-23`.
pub fn ymd(d: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

/// `2026-11-24 00:00 UTC`.
pub fn utc_minutes(t: DateTime<Utc>) -> String {
    format!(
        "{} {:02}:{:02} UTC",
        ymd(t.date_naive()),
        t.hour(),
        t.minute()
    )
}

/// `2026-11-24T08:14:42Z`.
pub fn iso_seconds(t: DateTime<Utc>) -> String {
    format!(
        "{}T{:02}:{:02}:{:02}Z",
        ymd(t.date_naive()),
        t.hour(),
        t.minute(),
        t.second()
    )
}

/// iCalendar's basic formats: `20261124` for a date, `20261124T081442Z` for a time (the
/// extended ones above without their separators).
pub fn compact_date(d: NaiveDate) -> String {
    ymd(d).replace('-', "")
}

pub fn compact_utc(t: DateTime<Utc>) -> String {
    iso_seconds(t).replace(['-', ':'], "")
}

fn num(s: &str) -> Option<u32> {
    (!s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

/// `YYYY-MM-DD`, nothing else.
pub fn parse_ymd(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    NaiveDate::from_ymd_opt(num(&s[..4])? as i32, num(&s[5..7])?, num(&s[8..10])?)
}

/// RFC 3339 as SWR and IAM write it: `2021-06-10T08:14:42.56632Z`, any number of fraction
/// digits, `Z` or a `±hh:mm` offset.
pub fn parse_rfc3339(s: &str) -> Option<DateTime<Utc>> {
    let date = parse_ymd(s.get(..10)?)?;
    let rest = s.get(10..)?;
    let rest = rest
        .strip_prefix('T')
        .or_else(|| rest.strip_prefix('t'))
        .or_else(|| rest.strip_prefix(' '))?;
    let (h, m, sec) = (
        num(rest.get(..2)?)?,
        num(rest.get(3..5)?)?,
        num(rest.get(6..8)?)?,
    );
    if rest.as_bytes().get(2) != Some(&b':') || rest.as_bytes().get(5) != Some(&b':') {
        return None;
    }
    let mut rest = &rest[8..];
    let mut nanos = 0u32;
    if let Some(frac) = rest.strip_prefix('.') {
        let digits = frac.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 {
            return None;
        }
        let kept = &frac[..digits.min(9)];
        nanos = num(kept)? * 10u32.pow(9 - kept.len() as u32);
        rest = &frac[digits..];
    }
    let offset_secs: i64 = match rest {
        "Z" | "z" => 0,
        o if o.len() == 6 && (o.starts_with('+') || o.starts_with('-')) && &o[3..4] == ":" => {
            let v = (num(&o[1..3])? * 3600 + num(&o[4..6])? * 60) as i64;
            if o.starts_with('-') {
                -v
            } else {
                v
            }
        }
        _ => return None,
    };
    let time = NaiveTime::from_hms_nano_opt(h, m, sec, nanos)?;
    let local = NaiveDateTime::new(date, time).and_utc();
    Some(local - chrono::Duration::seconds(offset_secs))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        let d = parse_ymd("2026-02-28").unwrap();
        assert_eq!(ymd(d), "2026-02-28");
        for bad in [
            "2026-02-30",
            "2026-2-28",
            "26-02-28x",
            "2026/02/28",
            "",
            "2026-02-2a",
        ] {
            assert_eq!(parse_ymd(bad), None, "{bad}");
        }
    }

    #[test]
    fn rfc3339_as_swr_writes_it() {
        let t = parse_rfc3339("2021-06-10T08:14:42.56632Z").unwrap();
        assert_eq!(t.timestamp_subsec_micros(), 566_320);
        assert_eq!(utc_minutes(t), "2021-06-10 08:14 UTC");
        assert_eq!(iso_seconds(t), "2021-06-10T08:14:42Z");
        assert_eq!(compact_utc(t), "20210610T081442Z");
        assert_eq!(compact_date(t.date_naive()), "20210610");
        assert_eq!(
            utc_minutes(parse_rfc3339("2018-10-01T16:00:00.000Z").unwrap()),
            "2018-10-01 16:00 UTC"
        );
        assert_eq!(
            utc_minutes(parse_rfc3339("2017-04-08T14:12:23Z").unwrap()),
            "2017-04-08 14:12 UTC"
        );
        assert_eq!(
            utc_minutes(parse_rfc3339("2024-01-01T02:30:00+08:00").unwrap()),
            "2023-12-31 18:30 UTC"
        );
        assert_eq!(
            parse_rfc3339("2026-11-24T12:00:00.000000Z")
                .unwrap()
                .to_rfc3339(),
            "2026-11-24T12:00:00+00:00"
        );
        for bad in [
            "2021-06-10",
            "2021-06-10T08:14Z",
            "2021-06-10T08:14:42",
            "2021-06-10T08:14:42.Z",
            "2021-06-10T25:00:00Z",
            "yesterday",
        ] {
            assert_eq!(parse_rfc3339(bad), None, "{bad}");
        }
    }
}
