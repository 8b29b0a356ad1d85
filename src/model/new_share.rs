//! The add-share form: what the user typed, checked field by field before anything is sent.

use chrono::NaiveDate;

use super::day_input::DayInput;
use super::names::{validate_account, validate_description};
use super::{Deadline, Share};

#[derive(Clone, Debug, Default, PartialEq)]
pub struct ShareForm {
    pub account: String,
    pub until: DayInput,
    pub description: String,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct FormErrors {
    pub account: Option<String>,
    pub last_day: Option<String>,
    pub description: Option<String>,
}

impl FormErrors {
    pub fn is_empty(&self) -> bool {
        self.account.is_none() && self.last_day.is_none() && self.description.is_none()
    }
}

/// A share ready to be sent.
#[derive(Clone, Debug, PartialEq)]
pub struct NewShare {
    pub account: String,
    pub deadline: Deadline,
    pub description: String,
}

impl ShareForm {
    /// `today` is the current UTC date: a last valid day before it would already be over.
    /// `existing` is the loaded list, to catch a duplicate before SWR answers 409.
    pub fn validate(&self, today: NaiveDate, existing: &[Share]) -> Result<NewShare, FormErrors> {
        let account = self.account.trim().to_string();
        let mut errors = FormErrors {
            account: validate_account(&account).err(),
            ..Default::default()
        };
        if errors.account.is_none() {
            if let Some(s) = existing.iter().find(|s| s.is_account(&account)) {
                errors.account = Some(format!(
                    "{} already has a share on this repository (valid until {}). Change that share instead of adding another.",
                    s.account,
                    s.deadline.label()
                ));
            }
        }
        let deadline = self.until.deadline(today);
        errors.last_day = deadline.as_ref().err().cloned();
        errors.description = validate_description(&self.description).err();
        match deadline {
            Ok(deadline) if errors.is_empty() => Ok(NewShare {
                account,
                deadline,
                description: self.description.clone(),
            }),
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn day(s: &str) -> DayInput {
        DayInput {
            value: s.into(),
            ..Default::default()
        }
    }

    fn share(account: &str) -> Share {
        Share::sample(account)
    }

    #[test]
    fn a_valid_form_becomes_a_new_share() {
        let f = ShareForm {
            account: " partner ".into(),
            until: day("2030-01-31"),
            description: "x".into(),
        };
        let s = f.validate(d("2026-11-23"), &[]).unwrap();
        assert_eq!(s.account, "partner");
        assert_eq!(s.deadline.to_api(), "2030-01-31T00:00:00Z");
        let f = ShareForm {
            account: "p".into(),
            until: DayInput {
                forever: true,
                ..Default::default()
            },
            ..Default::default()
        };
        assert_eq!(
            f.validate(d("2026-11-23"), &[]).unwrap().deadline,
            Deadline::Forever
        );
    }

    #[test]
    fn every_field_reports_its_own_problem() {
        let f = ShareForm {
            account: "has space".into(),
            until: day(""),
            description: "d".repeat(1001),
        };
        let e = f.validate(d("2026-11-23"), &[]).unwrap_err();
        assert!(e.account.unwrap().contains("space"));
        assert!(e.last_day.unwrap().contains("Choose the last valid day"));
        assert!(e.description.unwrap().contains("1000"));
    }

    #[test]
    fn today_is_allowed_yesterday_is_not() {
        let f = |d: &str| ShareForm {
            account: "p".into(),
            until: day(d),
            ..Default::default()
        };
        assert!(f("2026-11-23").validate(d("2026-11-23"), &[]).is_ok());
        let e = f("2026-11-22").validate(d("2026-11-23"), &[]).unwrap_err();
        assert!(e.last_day.unwrap().contains("in the past"));
    }

    #[test]
    fn duplicates_are_caught_case_insensitively() {
        let f = ShareForm {
            account: "Partner-Bank".into(),
            until: DayInput {
                forever: true,
                ..Default::default()
            },
            ..Default::default()
        };
        let e = f
            .validate(d("2026-11-23"), &[share("partner-bank")])
            .unwrap_err();
        assert!(e.account.unwrap().contains("already has a share"));
    }
}
