//! Validators for what the user types, from the rules in the SWR API pages. Each returns a
//! sentence that says what is wrong and how to fix it.

pub const NAMESPACE_MAX: usize = 64;
pub const REPOSITORY_MAX: usize = 128;
pub const ACCOUNT_MAX: usize = 64;
pub const DESCRIPTION_MAX: usize = 1000;

/// Organization name: 1–64 characters; lowercase letters, digits, `.`, `_`, `-`; starts
/// with a letter, ends with a letter or digit; separators never side by side, except `__`.
pub fn validate_namespace(s: &str) -> Result<(), String> {
    check_name(s, "organization", NAMESPACE_MAX, &['.', '_', '-'], true)
}

/// Repository name: 1–128 characters; lowercase letters, digits, `.`, `/`, `_`, `-`;
/// starts and ends with a letter or digit; separators never side by side, except `__`.
pub fn validate_repository(s: &str) -> Result<(), String> {
    check_name(
        s,
        "repository",
        REPOSITORY_MAX,
        &['.', '/', '_', '-'],
        false,
    )
}

fn check_name(
    s: &str,
    what: &str,
    max: usize,
    separators: &[char],
    letter_first: bool,
) -> Result<(), String> {
    let len = s.chars().count();
    if len == 0 {
        return Err(format!("Enter the {what} name."));
    }
    if len > max {
        return Err(format!("At most {max} characters (this has {len})."));
    }
    if s.chars().any(|c| c.is_ascii_uppercase()) {
        return Err("Use lowercase letters only.".into());
    }
    if let Some(c) = s
        .chars()
        .find(|c| !(c.is_ascii_lowercase() || c.is_ascii_digit() || separators.contains(c)))
    {
        let allowed: Vec<String> = separators.iter().map(|c| format!("'{c}'")).collect();
        return Err(format!(
            "{} is not allowed: use lowercase letters, digits and {}.",
            capitalized(&char_label(c)),
            allowed.join(", ")
        ));
    }
    let first = s.chars().next().unwrap_or_default();
    if letter_first && !first.is_ascii_lowercase() {
        return Err("Must start with a lowercase letter.".into());
    }
    if !letter_first && !first.is_ascii_alphanumeric() {
        return Err("Must start with a lowercase letter or digit.".into());
    }
    if !s.ends_with(|c: char| c.is_ascii_alphanumeric()) {
        return Err("Must end with a lowercase letter or digit.".into());
    }
    // Runs of separators: each must be a single separator or exactly "__".
    for run in s
        .split(|c: char| c.is_ascii_alphanumeric())
        .filter(|r| !r.is_empty())
    {
        if run.chars().all(|c| c == '_') && run.len() > 2 {
            return Err("At most two underscores in a row.".into());
        }
        if run.len() > 1 && run != "__" {
            return Err(format!(
                "'{run}' is not allowed: separators cannot be next to each other."
            ));
        }
    }
    Ok(())
}

/// The account (tenant) name a repository is shared with: IAM account names are letters,
/// digits, `-`, `_` and `.`, starting with a letter or digit.
pub fn validate_account(s: &str) -> Result<(), String> {
    let len = s.chars().count();
    if len == 0 {
        return Err("Enter the name of the account to share with.".into());
    }
    if len > ACCOUNT_MAX {
        return Err(format!(
            "At most {ACCOUNT_MAX} characters (this has {len})."
        ));
    }
    if let Some(c) = s
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.')))
    {
        return Err(format!(
            "{} is not allowed in an account name: use letters, digits, '-', '_' and '.'.",
            capitalized(&char_label(c))
        ));
    }
    if !s.starts_with(|c: char| c.is_ascii_alphanumeric()) {
        return Err("An account name starts with a letter or digit.".into());
    }
    Ok(())
}

/// Names a character so that the user can find it: visible ones in quotes, the others by
/// what they are and their code point (an invisible U+200B pasted from a chat, a tab).
pub fn char_label(c: char) -> String {
    let invisible = match c {
        ' ' => return "a space".into(),
        '\t' => return "a tab".into(),
        '\n' | '\r' => return "a line break".into(),
        '\u{00A0}' => Some("NO-BREAK SPACE"),
        '\u{00AD}' => Some("SOFT HYPHEN"),
        '\u{200B}' => Some("ZERO WIDTH SPACE"),
        '\u{200C}' => Some("ZERO WIDTH NON-JOINER"),
        '\u{200D}' => Some("ZERO WIDTH JOINER"),
        '\u{200E}' => Some("LEFT-TO-RIGHT MARK"),
        '\u{200F}' => Some("RIGHT-TO-LEFT MARK"),
        '\u{2060}' => Some("WORD JOINER"),
        '\u{FEFF}' => Some("ZERO WIDTH NO-BREAK SPACE"),
        c if c.is_whitespace() => Some("a space character"),
        c if c.is_control() => Some("a control character"),
        _ => None,
    };
    match invisible {
        Some(name) => format!("an invisible character (U+{:04X} {name})", c as u32),
        None => format!("'{c}'"),
    }
}

/// `char_label`'s text starts with `a` or a quote, so ASCII upper case is enough (and keeps
/// Rust's Unicode case tables out of the module).
fn capitalized(s: &str) -> String {
    let mut s = s.to_string();
    if let Some(first) = s.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    s
}

pub fn validate_description(s: &str) -> Result<(), String> {
    let len = s.chars().count();
    if len > DESCRIPTION_MAX {
        return Err(format!(
            "At most {DESCRIPTION_MAX} characters (this has {len}); shorten it by {}.",
            len - DESCRIPTION_MAX
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn namespace_lengths_1_and_64() {
        assert!(validate_namespace("a").is_ok());
        assert!(validate_namespace(&"a".repeat(64)).is_ok());
        assert_eq!(
            validate_namespace(&"a".repeat(65)),
            Err("At most 64 characters (this has 65).".into())
        );
        assert_eq!(
            validate_namespace(""),
            Err("Enter the organization name.".into())
        );
    }

    #[test]
    fn namespace_separators() {
        for ok in ["a.b", "a_b", "a-b", "a__b", "a1.b2-c3_d4", "ab__cd__ef"] {
            assert_eq!(validate_namespace(ok), Ok(()), "{ok}");
        }
        assert_eq!(
            validate_namespace("a___b"),
            Err("At most two underscores in a row.".into())
        );
        assert!(validate_namespace("a._b")
            .unwrap_err()
            .contains("next to each other"));
        assert!(validate_namespace("a--b")
            .unwrap_err()
            .contains("next to each other"));
        assert!(validate_namespace("a..b")
            .unwrap_err()
            .contains("next to each other"));
        assert!(validate_namespace("a/b")
            .unwrap_err()
            .contains("'/' is not allowed"));
    }

    #[test]
    fn namespace_first_and_last_characters() {
        assert_eq!(
            validate_namespace("1abc"),
            Err("Must start with a lowercase letter.".into())
        );
        assert_eq!(
            validate_namespace("_abc"),
            Err("Must start with a lowercase letter.".into())
        );
        assert_eq!(
            validate_namespace("abc-"),
            Err("Must end with a lowercase letter or digit.".into())
        );
        assert_eq!(validate_namespace("abc1"), Ok(()));
        assert_eq!(
            validate_namespace("Acme"),
            Err("Use lowercase letters only.".into())
        );
        assert!(validate_namespace("ac me")
            .unwrap_err()
            .starts_with("A space is not allowed"));
    }

    #[test]
    fn repository_rules() {
        for ok in [
            "1",
            "paas",
            "tools/builder",
            "ml/models/base",
            "a__b",
            "9lives",
            &"r".repeat(128),
        ] {
            assert_eq!(validate_repository(ok), Ok(()), "{ok}");
        }
        assert!(validate_repository(&"r".repeat(129))
            .unwrap_err()
            .contains("128"));
        assert_eq!(
            validate_repository("/a"),
            Err("Must start with a lowercase letter or digit.".into())
        );
        assert_eq!(
            validate_repository("a/"),
            Err("Must end with a lowercase letter or digit.".into())
        );
        assert!(validate_repository("a//b")
            .unwrap_err()
            .contains("next to each other"));
        assert!(validate_repository("a/_b")
            .unwrap_err()
            .contains("next to each other"));
        assert_eq!(
            validate_repository("a___b"),
            Err("At most two underscores in a row.".into())
        );
        assert!(validate_repository("a$b")
            .unwrap_err()
            .contains("'$' is not allowed"));
        assert_eq!(
            validate_repository(""),
            Err("Enter the repository name.".into())
        );
    }

    #[test]
    fn account_rules() {
        for ok in [
            "partner-bank",
            "OTC00000000001000000123",
            "a",
            "x.y_z",
            &"a".repeat(64),
        ] {
            assert_eq!(validate_account(ok), Ok(()), "{ok}");
        }
        assert!(validate_account("").is_err());
        assert!(validate_account(&"a".repeat(65))
            .unwrap_err()
            .contains("64"));
        assert!(validate_account("two words")
            .unwrap_err()
            .starts_with("A space is not allowed"));
        assert!(validate_account("two\twords")
            .unwrap_err()
            .starts_with("A tab is not allowed"));
        let zw = validate_account("partner\u{200B}bank").unwrap_err();
        assert!(
            zw.starts_with("An invisible character (U+200B ZERO WIDTH SPACE) is not allowed"),
            "{zw}"
        );
        assert!(
            !zw.contains('\u{200B}'),
            "the message must not hide the character itself"
        );
        assert!(validate_account("caf\u{e9}")
            .unwrap_err()
            .starts_with("'\u{e9}'"));
        assert!(validate_account("a\u{7}b")
            .unwrap_err()
            .contains("U+0007 a control character"));
        assert!(validate_account("a/b").unwrap_err().contains("'/'"));
        assert!(validate_account("-lead").is_err());
    }

    #[test]
    fn description_limit_counts_characters() {
        assert!(validate_description("").is_ok());
        assert!(validate_description(&"é".repeat(1000)).is_ok());
        assert_eq!(
            validate_description(&"x".repeat(1003)),
            Err("At most 1000 characters (this has 1003); shorten it by 3.".into())
        );
    }
}
