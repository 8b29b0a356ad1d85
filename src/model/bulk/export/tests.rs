use chrono::{NaiveDate, TimeZone};

use super::*;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn located(repo: &str, account: &str, deadline: Deadline, description: &str) -> Located {
    let (ns, repo) = repo.split_once('/').unwrap();
    Located {
        repo: RepoRef::new(ns, repo).unwrap(),
        share: Share {
            created: Timestamp::At(Utc.with_ymd_and_hms(2026, 5, 9, 2, 38, 0).unwrap()),
            updated: Timestamp::Raw("yesterday".into()),
            ..Share::sample(account)
                .until(deadline)
                .described(description)
        },
    }
}

fn rows() -> Vec<Located> {
    vec![
        located(
            "acme-prod/payments-api",
            "partner-a",
            Deadline::LastDay(day(2026, 12, 10)),
            "Q4 \"audit\", ${var.x} %{if}\nline two",
        ),
        located("acme-prod/ml/models/base", "9lives", Deadline::Forever, ""),
        // The same name as the next one once cleaned: that one gets a suffix.
        located(
            "acme-prod/payments_api",
            "partner-a",
            Deadline::LastDay(day(2027, 6, 1)),
            "later",
        ),
        located(
            "acme-prod/payments.api",
            "partner-a",
            Deadline::LastDay(day(2026, 11, 30)),
            "a; b, c\\d",
        ),
    ]
}

#[test]
fn csv_reads_back_through_the_importer() {
    let text = to_csv(&rows());
    assert!(text.starts_with(
        "account,repository,deadline,description,access_ends,valid,created,updated,creator\r\n"
    ));
    assert!(
        text.contains("2026-12-11T00:00:00Z"),
        "access ends at midnight UTC after the last day"
    );
    assert!(text.contains("2026-05-09T02:38:00Z"));
    let back = super::super::import::import_csv(&text).unwrap();
    assert!(back.problems.is_empty(), "{:?}", back.problems);
    assert_eq!(back.wanted.len(), 4);
    for (w, r) in back.wanted.iter().zip(rows()) {
        assert_eq!(
            (&w.repo, &w.account, &w.deadline, &w.description),
            (
                &r.repo,
                &r.share.account,
                &r.share.deadline,
                &r.share.description
            )
        );
    }
}

#[test]
fn json_has_iso_utc_times() {
    let v: serde_json::Value = serde_json::from_str(&to_json(&rows())).unwrap();
    assert_eq!(v[0]["account"], "partner-a");
    assert_eq!(v[0]["namespace"], "acme-prod");
    assert_eq!(v[0]["deadline"], "2026-12-10");
    assert_eq!(v[0]["access_ends"], "2026-12-11T00:00:00Z");
    assert_eq!(v[0]["created"], "2026-05-09T02:38:00Z");
    assert_eq!(v[1]["deadline"], "forever");
    assert!(v[1]["access_ends"].is_null());
    assert_eq!(v[1]["repository"], "ml/models/base");
}

#[test]
fn terraform_parses_and_keeps_every_value_as_text() {
    for provider in [Provider::Huawei, Provider::OpenTelekom] {
        let text = to_terraform(&rows(), provider);
        let body: hcl::Body =
            hcl::from_str(&text).unwrap_or_else(|e| panic!("{provider:?}: {e}\n{text}"));
        let blocks: Vec<_> = body
            .blocks()
            .filter(|b| b.identifier() == "resource")
            .collect();
        assert_eq!(blocks.len(), 4);
        let names: Vec<_> = blocks
            .iter()
            .map(|b| b.labels()[1].as_str().to_string())
            .collect();
        assert_eq!(names[0], "acme-prod_payments-api_partner-a");
        assert_eq!(names[1], "acme-prod_ml_models_base_9lives");
        assert_eq!(names[2], "acme-prod_payments_api_partner-a");
        assert_eq!(
            names[3], "acme-prod_payments_api_partner-a_2",
            "unique once cleaned"
        );
        // The description comes back exactly, templates and all, as a plain string.
        let description = blocks[0]
            .body()
            .attributes()
            .find(|a| a.key() == "description")
            .unwrap();
        assert_eq!(
            description.expr(),
            &hcl::Expression::from("Q4 \"audit\", ${var.x} %{if}\nline two")
        );
        let deadline = |i: usize| {
            blocks[i]
                .body()
                .attributes()
                .find(|a| a.key() == "deadline")
                .unwrap()
                .expr()
                .clone()
        };
        match provider {
            Provider::Huawei => {
                assert_eq!(
                    blocks[0].labels()[0].as_str(),
                    "huaweicloud_swr_repository_sharing"
                );
                assert_eq!(deadline(0), hcl::Expression::from("2026-12-10"));
                assert_eq!(deadline(1), hcl::Expression::from("forever"));
                assert_eq!(
                    body.blocks().filter(|b| b.identifier() == "import").count(),
                    4
                );
                assert!(text.contains("id = \"acme-prod,ml/models/base,9lives\""));
            }
            Provider::OpenTelekom => {
                assert_eq!(
                    blocks[0].labels()[0].as_str(),
                    "opentelekomcloud_swr_domain_v2"
                );
                assert_eq!(deadline(0), hcl::Expression::from("2026-12-10T00:00:00Z"));
                assert_eq!(
                    body.blocks().filter(|b| b.identifier() == "import").count(),
                    0
                );
            }
        }
    }
}

/// Unfolds RFC 5545 content lines.
fn unfold(text: &str) -> Vec<String> {
    text.replace("\r\n ", "")
        .split("\r\n")
        .filter(|l| !l.is_empty())
        .map(String::from)
        .collect()
}

#[test]
fn icalendar_folds_escapes_and_keeps_to_the_horizon() {
    let now = Utc.with_ymd_and_hms(2026, 11, 25, 12, 0, 0).unwrap();
    let mut list = rows();
    list[0].share.description = "ü".repeat(60);
    let text = to_icalendar(&list, now, 30);
    assert!(text.ends_with("END:VCALENDAR\r\n"));
    for line in text.split("\r\n") {
        assert!(line.len() <= 75, "{} octets: {line}", line.len());
        assert!(!line.contains('\n'));
    }
    let lines = unfold(&text);
    // Within 30 days: partner-a (Dec 10) and the one on payments.api (Nov 30); not forever,
    // not June.
    assert_eq!(lines.iter().filter(|l| *l == "BEGIN:VEVENT").count(), 2);
    assert!(lines.contains(&"DTSTART;VALUE=DATE:20261210".to_string()));
    assert!(lines.contains(&"DTEND;VALUE=DATE:20261211".to_string()));
    let description = lines
        .iter()
        .find(|l| l.starts_with("DESCRIPTION:Access for partner-a"))
        .unwrap();
    assert!(
        description.ends_with(&format!("\\nDescription: {}", "ü".repeat(60))),
        "{description}"
    );
    let escaped = lines.iter().find(|l| l.contains("Description: a")).unwrap();
    assert!(
        escaped.ends_with("Description: a\\; b\\, c\\\\d"),
        "{escaped}"
    );
    assert!(lines.iter().any(
        |l| l == "SUMMARY:SWR share ends: partner-a may no longer pull acme-prod/payments-api"
    ));
}
