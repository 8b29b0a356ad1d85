//! A CSV of account, repository, deadline and description, read into wanted shares for the
//! dry-run plan. Columns are found by their header (any order, any case; others ignored),
//! so this console's own CSV export reads back as it is.

use super::{csv, Wanted};
use crate::model::{Deadline, RepoRef};

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Imported {
    pub wanted: Vec<Wanted>,
    /// "Line 4: …" for every record that cannot be used.
    pub problems: Vec<String>,
}

pub fn import_csv(text: &str) -> Result<Imported, String> {
    let records = csv::read(text)?;
    let Some((header, body)) = records.split_first() else {
        return Err("The file is empty.".into());
    };
    let column = |name: &str| {
        header
            .iter()
            .position(|h| h.trim().eq_ignore_ascii_case(name))
    };
    let (Some(account), Some(repository)) = (column("account"), column("repository")) else {
        return Err(
            "The first line must name the columns: account, repository, deadline, description."
                .into(),
        );
    };
    let (deadline, description) = (column("deadline"), column("description"));
    let mut out = Imported::default();
    for (i, record) in body.iter().enumerate() {
        // The header is line 1; a record spanning lines is counted as one here.
        let line = i + 2;
        let cell = |at: Option<usize>| {
            at.and_then(|a| record.get(a))
                .map(|s| s.trim().to_string())
                .unwrap_or_default()
        };
        let repo_text = cell(Some(repository));
        let repo = match repo_text.split_once('/') {
            Some((ns, repo)) => RepoRef::new(ns, repo),
            None => Err(format!(
                "\"{repo_text}\" is not organization/repository (such as acme-prod/payments-api)."
            )),
        };
        let deadline_text = cell(deadline);
        let parsed = if deadline_text.is_empty() {
            Err("No deadline: write forever or a last valid day such as 2027-03-31.".to_string())
        } else {
            match Deadline::parse(&deadline_text) {
                Deadline::Unrecognised(s) => Err(format!(
                    "\"{s}\" is not a deadline: write forever or a date such as 2027-03-31."
                )),
                d => Ok(d),
            }
        };
        match (repo, parsed) {
            (Ok(repo), Ok(deadline)) => out.wanted.push(Wanted {
                repo,
                account: cell(Some(account)),
                deadline,
                // Descriptions keep their inner spaces; only the ends are trimmed.
                description: cell(description),
            }),
            (Err(why), _) | (_, Err(why)) => out.problems.push(format!("Line {line}: {why}")),
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn reads_columns_by_header_and_reports_bad_lines() {
        let text = "Repository,ACCOUNT,deadline,description,valid\r\n\
                    acme-prod/payments-api,partner-a,2027-03-31,\"Q1, audit\",true\r\n\
                    acme-prod/ml/models/base,partner-b,forever,,\r\n\
                    payments-api,partner-c,forever,,\r\n\
                    acme-prod/api,partner-d,soon,,\r\n";
        let got = import_csv(text).unwrap();
        assert_eq!(got.wanted.len(), 2);
        assert_eq!(got.wanted[0].account, "partner-a");
        assert_eq!(got.wanted[0].repo.display(), "acme-prod/payments-api");
        assert_eq!(
            got.wanted[0].deadline,
            Deadline::LastDay(NaiveDate::from_ymd_opt(2027, 3, 31).unwrap())
        );
        assert_eq!(got.wanted[0].description, "Q1, audit");
        assert_eq!(got.wanted[1].repo.repository, "ml/models/base");
        assert_eq!(got.wanted[1].deadline, Deadline::Forever);
        assert_eq!(got.problems.len(), 2);
        assert!(
            got.problems[0].starts_with("Line 4: \"payments-api\" is not organization/repository")
        );
        assert!(got.problems[1].starts_with("Line 5: \"soon\" is not a deadline"));
    }

    #[test]
    fn a_file_without_the_columns_is_refused() {
        assert!(import_csv("").unwrap_err().contains("empty"));
        assert!(import_csv("name,repo\nx,y")
            .unwrap_err()
            .contains("account, repository"));
    }
}
