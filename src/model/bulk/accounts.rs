//! Accounts pasted in one go: separated by commas, semicolons, spaces or new lines.

use crate::model::names::validate_account;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Accounts {
    /// Valid and distinct, in the order given (the first spelling kept).
    pub valid: Vec<String>,
    /// What was given, and why it cannot be an account name.
    pub invalid: Vec<(String, String)>,
    /// How many were given again (compared without regard to case, as SWR does).
    pub repeated: usize,
}

pub fn parse_accounts(text: &str) -> Accounts {
    let mut out = Accounts::default();
    for item in text
        .split(|c: char| c == ',' || c == ';' || c.is_whitespace())
        .filter(|s| !s.is_empty())
    {
        let seen = out.valid.iter().any(|a| a.eq_ignore_ascii_case(item))
            || out
                .invalid
                .iter()
                .any(|(a, _)| a.eq_ignore_ascii_case(item));
        if seen {
            out.repeated += 1;
            continue;
        }
        match validate_account(item) {
            Ok(()) => out.valid.push(item.to_string()),
            Err(why) => out.invalid.push((item.to_string(), why)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commas_spaces_and_new_lines_separate_and_repeats_go() {
        let a = parse_accounts("partner-a, partner-b\npartner-c;partner-d  \r\n\tPARTNER-A,,\n");
        assert_eq!(
            a.valid,
            ["partner-a", "partner-b", "partner-c", "partner-d"]
        );
        assert_eq!(a.repeated, 1);
        assert!(a.invalid.is_empty());
    }

    #[test]
    fn invalid_names_are_kept_with_the_reason() {
        let a = parse_accounts("good-one bad/name good-one");
        assert_eq!(a.valid, ["good-one"]);
        assert_eq!(a.invalid.len(), 1);
        assert_eq!(a.invalid[0].0, "bad/name");
        assert!(!a.invalid[0].1.is_empty());
        assert_eq!(a.repeated, 1);
    }

    #[test]
    fn nothing_given_is_nothing() {
        assert_eq!(parse_accounts(" \n,, "), Accounts::default());
    }
}
