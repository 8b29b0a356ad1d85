//! How a write ended, from SWR's answer and the list read back after it. Only SWR's
//! documented answer, confirmed by the list, is a success; anything else says plainly
//! what is known.

use super::error::{ApiError, Operation};
use super::responses::{documented_status, WriteAnswer};
use crate::model::write_check::ReadBack;
use crate::model::Share;

#[derive(Clone, Debug, PartialEq)]
pub enum WriteOutcome {
    /// SWR's documented answer, and the list read back shows the change: the share as SWR
    /// stored it (None after a revoke).
    Done(Option<Share>),
    /// Add: nothing sent, because the account already has this share.
    Exists(Share),
    /// Extend: the share changed elsewhere since the list was loaded; nothing sent.
    Changed { loaded: Share, current: Share },
    /// SWR refused, or no answer came: nothing changed as far as SWR tells.
    Failed(ApiError),
    /// SWR's answer or the list read back leaves the change unconfirmed: what is known.
    Unconfirmed(String),
}

impl WriteOutcome {
    pub fn is_done(&self) -> bool {
        matches!(self, WriteOutcome::Done(_))
    }

    pub fn error(&self) -> Option<&ApiError> {
        match self {
            WriteOutcome::Failed(e) => Some(e),
            _ => None,
        }
    }
}

fn documented(op: Operation) -> &'static str {
    match documented_status(op) {
        204 => "204 No Content",
        _ => "201 Created",
    }
}

fn answer_words(status: u16, body: &str) -> String {
    if body.is_empty() {
        format!("HTTP {status}")
    } else {
        format!("HTTP {status} with a body it does not document")
    }
}

/// Puts SWR's answer and the read-back together.
pub fn conclude(
    op: Operation,
    answer: WriteAnswer,
    read_back: Result<ReadBack, ApiError>,
) -> WriteOutcome {
    let doc = documented(op);
    match (answer, read_back) {
        (WriteAnswer::Documented, Ok(ReadBack::Shows(stored))) => WriteOutcome::Done(stored),
        (WriteAnswer::Documented, Ok(ReadBack::Differs(m))) => WriteOutcome::Unconfirmed(format!(
            "SWR answered {doc}, but the list read back does not show the change: {m} Reload to see the current shares, then try again."
        )),
        (WriteAnswer::Documented, Ok(ReadBack::NotListed)) => WriteOutcome::Unconfirmed(format!(
            "SWR answered {doc}, but the change could not be found to confirm it. Reload to check."
        )),
        (WriteAnswer::Documented, Err(e)) => WriteOutcome::Unconfirmed(format!(
            "SWR answered {doc}, but the list could not be read back to confirm the change ({}). Reload to check.",
            e.describe(Operation::List)
        )),
        (WriteAnswer::Undocumented { status, body }, read) => WriteOutcome::Unconfirmed(format!(
            "Not confirmed: SWR answered {} instead of the documented {doc}. {}",
            answer_words(status, &body),
            list_says(read, "The list read back does show the change; check it, since an answer like this may come from a proxy rather than from SWR.")
        )),
    }
}

/// A write that met an error which leaves its outcome unknown (`ApiError::outcome_unknown`),
/// put together with the list read back after it: a refusal only if the list shows that
/// nothing changed.
pub fn conclude_unanswered(error: ApiError, read_back: Result<ReadBack, ApiError>) -> WriteOutcome {
    match read_back {
        Ok(ReadBack::Differs(_)) => WriteOutcome::Failed(error),
        read => WriteOutcome::Unconfirmed(format!(
            "Not confirmed: {} {}",
            error.said(),
            list_says(read, "Yet the list read back shows the change: SWR made it. Check it before doing it again.")
        )),
    }
}

/// What the list read back says after an answer that does not: `shows` when it shows the change.
fn list_says(read: Result<ReadBack, ApiError>, shows: &str) -> String {
    match read {
        Ok(ReadBack::Shows(_)) => shows.to_string(),
        Ok(ReadBack::Differs(m)) => format!("The list read back does not show the change: {m} Nothing was changed; try again."),
        Ok(ReadBack::NotListed) => "The change could not be found in the list read back. Reload to check.".to_string(),
        Err(e) => format!(
            "The list could not be read back ({}), so whether anything changed is unknown. Reload to check.",
            e.describe(Operation::List)
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn odd() -> WriteAnswer {
        WriteAnswer::Undocumented {
            status: 200,
            body: "[{\"namespace\"".into(),
        }
    }

    #[test]
    fn only_a_documented_and_confirmed_write_is_done() {
        assert_eq!(
            conclude(
                Operation::Delete,
                WriteAnswer::Documented,
                Ok(ReadBack::Shows(None))
            ),
            WriteOutcome::Done(None)
        );
        match conclude(Operation::Create, odd(), Ok(ReadBack::Shows(None))) {
            WriteOutcome::Unconfirmed(m) => {
                assert!(
                    m.starts_with(
                        "Not confirmed: SWR answered HTTP 200 with a body it does not document"
                    ),
                    "{m}"
                );
                assert!(m.contains("instead of the documented 201 Created"), "{m}");
                assert!(m.contains("does show the change"), "{m}");
            }
            o => panic!("{o:?}"),
        }
        match conclude(
            Operation::Update,
            odd(),
            Ok(ReadBack::Differs(
                "p's share is valid until 2027-01-01 instead of 2027-02-01.".into(),
            )),
        ) {
            WriteOutcome::Unconfirmed(m) => {
                assert!(m.contains("does not show the change"), "{m}");
                assert!(m.contains("Nothing was changed"), "{m}");
            }
            o => panic!("{o:?}"),
        }
        match conclude(
            Operation::Delete,
            WriteAnswer::Documented,
            Err(ApiError::network("down")),
        ) {
            WriteOutcome::Unconfirmed(m) => {
                assert!(
                    m.starts_with(
                        "SWR answered 204 No Content, but the list could not be read back"
                    ),
                    "{m}"
                )
            }
            o => panic!("{o:?}"),
        }
        match conclude(
            Operation::Create,
            WriteAnswer::Documented,
            Ok(ReadBack::Differs(
                "p has no share on this repository.".into(),
            )),
        ) {
            WriteOutcome::Unconfirmed(m) => assert!(m.contains("p has no share"), "{m}"),
            o => panic!("{o:?}"),
        }
    }

    #[test]
    fn a_gateway_error_is_a_refusal_only_when_the_list_shows_nothing_changed() {
        let timeout = || ApiError::from_response(504, "<html>Gateway Time-out</html>");
        match conclude_unanswered(timeout(), Ok(ReadBack::Shows(None))) {
            WriteOutcome::Unconfirmed(m) => {
                assert!(m.starts_with("Not confirmed: "), "{m}");
                assert!(m.contains("HTTP 504") || m.contains("Gateway"), "{m}");
                assert!(m.contains("SWR made it"), "{m}");
                assert!(!m.contains("try again"), "{m}");
            }
            o => panic!("{o:?}"),
        }
        assert_eq!(
            conclude_unanswered(timeout(), Ok(ReadBack::Differs("no change".into()))),
            WriteOutcome::Failed(timeout())
        );
        match conclude_unanswered(
            ApiError::network("down"),
            Err(ApiError::network("still down")),
        ) {
            WriteOutcome::Unconfirmed(m) => assert!(m.contains("is unknown"), "{m}"),
            o => panic!("{o:?}"),
        }
    }
}
