//! The "valid until" input of the add form and the edit dialog: Forever, or a last valid
//! day from an `<input type="date">`. Such an input reports "" both when it is empty and
//! when what was typed is not a whole, existing date; the element's `validity.badInput`
//! tells the two apart, so the message can say what is wrong with what was typed.

use chrono::NaiveDate;

use super::time::{parse_ymd, ymd};
use super::Deadline;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct DayInput {
    pub forever: bool,
    /// `YYYY-MM-DD`, as the date input gives it.
    pub value: String,
    /// The browser's `validity.badInput`: something was typed that is not a date.
    pub unreadable: bool,
}

impl DayInput {
    /// The deadline the input describes, or a sentence saying what is wrong and what to
    /// do. `today` is the current UTC date: a last valid day before it is already over.
    pub fn deadline(&self, today: NaiveDate) -> Result<Deadline, String> {
        if self.forever {
            return Ok(Deadline::Forever);
        }
        let value = self.value.trim();
        if value.is_empty() && self.unreadable {
            return Err("What was typed is not a whole date that exists: a part is missing, or that day does not exist in that month (such as 30 February). Complete day, month and year, or pick the day from the calendar.".into());
        }
        if value.is_empty() {
            return Err("Choose the last valid day, or choose Forever.".into());
        }
        match parse_ymd(value) {
            None => Err(format!("{value:?} is not a date (YYYY-MM-DD).")),
            Some(d) if d < today => Err(format!(
                "{} is in the past: access would already have ended. Choose {} or later.",
                ymd(d),
                ymd(today)
            )),
            Some(d) => Ok(Deadline::LastDay(d)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        parse_ymd(s).unwrap()
    }

    fn input(value: &str, unreadable: bool) -> DayInput {
        DayInput {
            forever: false,
            value: value.into(),
            unreadable,
        }
    }

    #[test]
    fn forever_and_valid_days() {
        let today = d("2026-11-25");
        let forever = DayInput {
            forever: true,
            ..Default::default()
        };
        assert_eq!(forever.deadline(today), Ok(Deadline::Forever));
        assert_eq!(
            input("2026-11-25", false).deadline(today),
            Ok(Deadline::LastDay(today))
        );
        assert_eq!(
            input(" 2027-02-28 ", false).deadline(today),
            Ok(Deadline::LastDay(d("2027-02-28")))
        );
    }

    #[test]
    fn each_problem_has_its_own_words() {
        let today = d("2026-11-25");
        let empty = input("", false).deadline(today).unwrap_err();
        assert!(empty.starts_with("Choose the last valid day"), "{empty}");
        // 02/30/2027 or 12/__/2027 typed into the field: "" with badInput.
        let typed = input("", true).deadline(today).unwrap_err();
        assert!(typed.contains("not a whole date that exists"), "{typed}");
        assert!(typed.contains("30 February"), "{typed}");
        assert!(!typed.starts_with("Choose the last valid day"));
        let past = input("2026-11-24", false).deadline(today).unwrap_err();
        assert!(past.contains("in the past") && past.contains("2026-11-25 or later"));
        let junk = input("2027-02-30", false).deadline(today).unwrap_err();
        assert!(junk.contains("is not a date"), "{junk}");
    }
}
