//! The rows in view carried out: CSV and JSON (times in ISO 8601 UTC), Terraform for both
//! providers' sharing resources, and an iCalendar file with one event per share that ends
//! within a horizon.

use chrono::{DateTime, Duration, Utc};

use super::csv;
use crate::model::share::Timestamp;
use crate::model::time::{compact_date, compact_utc, iso_seconds};
use crate::model::{Deadline, RepoRef, Share};

/// A share with the repository it belongs to: a row of any table.
#[derive(Clone, Debug, PartialEq)]
pub struct Located {
    pub repo: RepoRef,
    pub share: Share,
}

/// The CSV header; the first four columns are what the importer reads.
pub const CSV_HEADER: [&str; 9] = [
    "account",
    "repository",
    "deadline",
    "description",
    "access_ends",
    "valid",
    "created",
    "updated",
    "creator",
];

fn timestamp(t: &Timestamp) -> String {
    match t {
        Timestamp::At(t) => iso_seconds(*t),
        Timestamp::Raw(s) => s.clone(),
    }
}

/// `forever`, the last valid day (`2027-03-31`), or what SWR sent.
fn deadline(d: &Deadline) -> String {
    match d {
        Deadline::Forever => "forever".into(),
        other => other.label(),
    }
}

pub fn to_csv(rows: &[Located]) -> String {
    let mut table = vec![CSV_HEADER.iter().map(|s| s.to_string()).collect::<Vec<_>>()];
    table.extend(rows.iter().map(|r| {
        let s = &r.share;
        vec![
            s.account.clone(),
            r.repo.display(),
            deadline(&s.deadline),
            s.description.clone(),
            s.deadline.cutoff().map(iso_seconds).unwrap_or_default(),
            s.valid.to_string(),
            timestamp(&s.created),
            timestamp(&s.updated),
            s.creator_name.clone(),
        ]
    }));
    csv::write(&table)
}

pub fn to_json(rows: &[Located]) -> String {
    let items: Vec<_> = rows
        .iter()
        .map(|r| {
            let s = &r.share;
            serde_json::json!({
                "account": s.account,
                "namespace": r.repo.namespace,
                "repository": r.repo.repository,
                "permission": "pull",
                "deadline": deadline(&s.deadline),
                "access_ends": s.deadline.cutoff().map(iso_seconds),
                "valid": s.valid,
                "description": s.description,
                "created": timestamp(&s.created),
                "updated": timestamp(&s.updated),
                "creator": s.creator_name,
            })
        })
        .collect();
    serde_json::to_string_pretty(&items).unwrap_or_default()
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Provider {
    /// `huaweicloud_swr_repository_sharing` (Huawei Cloud).
    Huawei,
    /// `opentelekomcloud_swr_domain_v2` (Open Telekom Cloud).
    OpenTelekom,
}

/// A quoted HCL string: quotes, backslashes, control characters and template sequences
/// (`${`, `%{`) escaped, so a description never becomes code.
fn hcl_string(s: &str) -> String {
    let mut out = String::from("\"");
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '$' | '%' if chars.peek() == Some(&'{') => {
                out.push(c);
                out.push(c);
            }
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A resource name: letters, digits, `_` and `-`, starting with a letter.
fn hcl_name(r: &Located, taken: &mut Vec<String>) -> String {
    let raw = format!(
        "{}_{}_{}",
        r.repo.namespace, r.repo.repository, r.share.account
    );
    let mut name: String = raw
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' {
                c.to_ascii_lowercase()
            } else {
                '_'
            }
        })
        .collect();
    if !name.starts_with(|c: char| c.is_ascii_alphabetic()) {
        name.insert_str(0, "share_");
    }
    let base = name.clone();
    let mut n = 2;
    while taken.contains(&name) {
        name = format!("{base}_{n}");
        n += 1;
    }
    taken.push(name.clone());
    name
}

pub fn to_terraform(rows: &[Located], provider: Provider) -> String {
    let mut out = String::from(
        "# Written by swr-share. `terraform plan` shows what differs from SWR; the import\n# blocks adopt the existing shares instead of creating them again.\n",
    );
    let mut taken = Vec::new();
    for r in rows {
        let s = &r.share;
        let name = hcl_name(r, &mut taken);
        let org = hcl_string(&r.repo.namespace);
        let repo = hcl_string(&r.repo.repository);
        let account = hcl_string(&s.account);
        let description = hcl_string(&s.description);
        match provider {
            Provider::Huawei => {
                let kind = "huaweicloud_swr_repository_sharing";
                // The provider wants a day (or forever) and sends it as midnight UTC.
                let deadline = hcl_string(&deadline(&s.deadline));
                out.push_str(&format!(
                    "\nresource \"{kind}\" \"{name}\" {{\n  organization    = {org}\n  repository      = {repo}\n  sharing_account = {account}\n  permission      = \"pull\"\n  deadline        = {deadline}\n  description     = {description}\n}}\n"
                ));
                // Its import ID: organization, repository, account (commas, as a
                // repository name may hold a slash).
                let id = hcl_string(&format!(
                    "{},{},{}",
                    r.repo.namespace, r.repo.repository, s.account
                ));
                out.push_str(&format!(
                    "\nimport {{\n  to = {kind}.{name}\n  id = {id}\n}}\n"
                ));
            }
            Provider::OpenTelekom => {
                let kind = "opentelekomcloud_swr_domain_v2";
                // Passed to SWR as it is: forever or a UTC date-time.
                let deadline = hcl_string(&s.deadline.to_api());
                out.push_str(&format!(
                    "\nresource \"{kind}\" \"{name}\" {{\n  organization  = {org}\n  repository    = {repo}\n  access_domain = {account}\n  permission    = \"read\"\n  deadline      = {deadline}\n  description   = {description}\n}}\n"
                ));
            }
        }
    }
    out
}

/// iCalendar TEXT escaping (RFC 5545 §3.3.11).
fn ical_text(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// A content line folded at 75 octets, never inside a character (RFC 5545 §3.1).
fn fold(line: &str, out: &mut String) {
    let mut width = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if width + len > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += len;
    }
    out.push_str("\r\n");
}

/// One all-day event on the last valid day of every share whose access ends between `now`
/// and `now + horizon_days`, with a reminder a week before.
pub fn to_icalendar(rows: &[Located], now: DateTime<Utc>, horizon_days: i64) -> String {
    let mut out = String::new();
    let stamp = compact_utc(now);
    for line in [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//swr-share//SWR share console//EN",
        "CALSCALE:GREGORIAN",
        "X-WR-CALNAME:SWR shares ending",
    ] {
        fold(line, &mut out);
    }
    let until = now + Duration::days(horizon_days);
    for r in rows {
        let s = &r.share;
        let (Deadline::LastDay(day), Some(cutoff)) = (&s.deadline, s.deadline.cutoff()) else {
            continue;
        };
        if cutoff <= now || cutoff > until {
            continue;
        }
        let what = format!("{} may no longer pull {}", s.account, r.repo.display());
        let detail = format!(
            "Access for {} to pull {} ends {} UTC (last valid day {}).{}",
            s.account,
            r.repo.display(),
            crate::model::deadline::format_utc(cutoff),
            day,
            if s.description.is_empty() {
                String::new()
            } else {
                format!("\nDescription: {}", s.description)
            }
        );
        for line in [
            "BEGIN:VEVENT".to_string(),
            format!(
                "UID:{}",
                ical_text(&format!(
                    "{}/{}/{}/{}@swr-share",
                    r.repo.namespace, r.repo.repository, s.account, day
                ))
            ),
            format!("DTSTAMP:{stamp}"),
            format!("DTSTART;VALUE=DATE:{}", compact_date(*day)),
            format!(
                "DTEND;VALUE=DATE:{}",
                compact_date(*day + Duration::days(1))
            ),
            format!("SUMMARY:{}", ical_text(&format!("SWR share ends: {what}"))),
            format!("DESCRIPTION:{}", ical_text(&detail)),
            "TRANSP:TRANSPARENT".to_string(),
            "BEGIN:VALARM".to_string(),
            "ACTION:DISPLAY".to_string(),
            "TRIGGER:-P7D".to_string(),
            format!("DESCRIPTION:{}", ical_text(&format!("In a week: {what}"))),
            "END:VALARM".to_string(),
            "END:VEVENT".to_string(),
        ] {
            fold(&line, &mut out);
        }
    }
    fold("END:VCALENDAR", &mut out);
    out
}

// Host only: it parses the Terraform output with hcl-rs.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
