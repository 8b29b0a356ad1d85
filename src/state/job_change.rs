//! How a job carries out one change, by the rule of a single write (`writes`): only SWR's
//! documented answer counts as sent, and an answer that leaves the change unknown (none, a
//! gateway's or SWR's 5xx, an undocumented 2xx, or a "exists" / "not shared" conflict) is
//! read back before anything is said or sent again. Read back: made as planned → done
//! ("confirmed by reading back"); not made → sent again (at most `MAX_ATTEMPTS` times, with
//! backoff); something else → changed elsewhere, with both versions. Throttling never gets
//! here: the job's pace waits it out.

use super::pool::sleep;
use super::session::Session;
use super::writes::{list_via, send_via, share_now, Via};
use crate::api::error::Operation;
use crate::api::responses::{self, documented_status, WriteAnswer};
use crate::api::retry::{retry_delay_ms, MAX_ATTEMPTS};
use crate::api::{ApiError, ApiRequest, SwrApi};
use crate::model::bulk::change::{terms, Change, ChangeKind};
use crate::model::new_share::NewShare;
use crate::model::write_check::{settle, Settled};
use crate::model::Share;

/// How one change of a job ended.
#[derive(Clone, Debug, PartialEq)]
pub enum ItemState {
    Waiting,
    Sending,
    /// SWR's documented answer (the list read back afterwards must show it), or, with the
    /// words why, an answer that left it unknown and a read-back that shows it as planned.
    Done(Option<String>),
    /// SWR has neither the plan nor what was there before: changed elsewhere meanwhile.
    Elsewhere(String),
    /// Sent and answered, but the list read back shows something else.
    Mismatch(String),
    Failed(String),
    /// Whether SWR made it is unknown (the read-back failed too); a retry reads it back first.
    Unknown(String),
    /// Cancelled before it was sent.
    NotSent,
}

impl ItemState {
    /// Why it did not go as planned, for the list of what did not work.
    pub fn problem(&self) -> Option<String> {
        match self {
            ItemState::Failed(why)
            | ItemState::Mismatch(why)
            | ItemState::Unknown(why)
            | ItemState::Elsewhere(why) => Some(why.clone()),
            ItemState::NotSent => Some("Not sent: cancelled.".into()),
            _ => None,
        }
    }

    /// How it was confirmed, when SWR's answer alone did not say (read back).
    pub fn note(&self) -> Option<String> {
        match self {
            ItemState::Done(Some(why)) => Some(why.clone()),
            _ => None,
        }
    }

    /// What "Retry failed" takes again.
    pub fn retried(&self) -> bool {
        matches!(
            self,
            ItemState::Failed(_)
                | ItemState::Mismatch(_)
                | ItemState::Unknown(_)
                | ItemState::NotSent
        )
    }

    /// Its outcome may have reached SWR unseen: read back before sending it again.
    pub fn read_first(&self) -> bool {
        matches!(self, ItemState::Mismatch(_) | ItemState::Unknown(_))
    }
}

pub fn op_of(change: &Change) -> Operation {
    match change.kind {
        ChangeKind::Create { .. } => Operation::Create,
        ChangeKind::Update { .. } => Operation::Update,
        ChangeKind::Delete => Operation::Delete,
    }
}

fn request(api: &SwrApi, change: &Change) -> ApiRequest {
    let (repo, account) = (&change.repo, change.account.as_str());
    match &change.kind {
        ChangeKind::Create {
            deadline,
            description,
        } => api.create_share(
            repo,
            &NewShare {
                account: account.to_string(),
                deadline: deadline.clone(),
                description: description.clone(),
            },
        ),
        ChangeKind::Update {
            deadline,
            description,
        } => api.update_share(repo, account, deadline, description),
        ChangeKind::Delete => api.delete_share(repo, account),
    }
}

/// An answer that says SWR already has the change, or already lacks what it changes: after
/// a lost answer, quite possibly this job's own change. Read back, never the last word.
fn conflicts(e: &ApiError, op: Operation) -> bool {
    match op {
        Operation::Create => e.status == 409 && !e.is_busy(),
        _ => e.is_share_gone(),
    }
}

/// Carries out `change`; `read_first`: an earlier attempt may have reached SWR unseen.
pub async fn carry_out(
    session: Session,
    via: Via<'_>,
    api: &mut SwrApi,
    change: &Change,
    read_first: bool,
) -> ItemState {
    let op = op_of(change);
    if change.changes_nothing() {
        return ItemState::Done(Some(format!(
            "Nothing to send: SWR already has it {}.",
            change.planned_terms().unwrap_or_default()
        )));
    }
    if read_first {
        let why = "An earlier attempt's outcome was not known.";
        match settled(session, via, api, change).await {
            Ok(Settled::NotApplied) => {}
            Ok(found) => return concluded(change, found, why),
            Err(e) => return unknown(why, &e),
        }
    }
    let mut attempt = 1;
    loop {
        let answer = send_via(
            session,
            via,
            api,
            |a| request(a, change),
            |r| responses::write_answer(r, op),
        )
        .await;
        // What left the change unknown, in words, and the error to advise on.
        let (why, error) = match answer {
            Ok(WriteAnswer::Documented) => return ItemState::Done(None),
            Ok(WriteAnswer::Undocumented { status, .. }) => (
                format!(
                    "SWR answered HTTP {status} instead of the documented {}.",
                    documented_words(op)
                ),
                None,
            ),
            Err(e) if e.outcome_unknown() || e.status >= 500 => (e.said(), Some(e)),
            Err(e) if conflicts(&e, op) => {
                return match settled(session, via, api, change).await {
                    Ok(Settled::NotApplied) => ItemState::Failed(e.describe(op)),
                    Ok(found) => concluded(change, found, &e.said()),
                    Err(read) => unknown(&e.said(), &read),
                };
            }
            Err(e) => return ItemState::Failed(e.describe(op)),
        };
        match settled(session, via, api, change).await {
            Err(read) => return unknown(&why, &read),
            Ok(Settled::NotApplied) if attempt < MAX_ATTEMPTS => {
                let e = error.unwrap_or_else(|| ApiError::network(""));
                // Undocumented answers are retried like "no answer".
                let ms = retry_delay_ms(&e, attempt, js_sys::Math::random()).unwrap_or(400);
                sleep(ms).await;
                attempt += 1;
            }
            Ok(Settled::NotApplied) => {
                let advice = error
                    .map(|e| e.advice(op))
                    .unwrap_or_else(|| "Retry failed sends it again.".into());
                return ItemState::Failed(format!(
                    "{why} The list read back shows it was not made. {advice}"
                ));
            }
            Ok(found) => return concluded(change, found, &why),
        }
    }
}

fn documented_words(op: Operation) -> &'static str {
    match documented_status(op) {
        204 => "204 No Content",
        _ => "201 Created",
    }
}

/// Reads back what SWR has for the change's account and settles it against the plan.
async fn settled(
    session: Session,
    via: Via<'_>,
    api: &mut SwrApi,
    change: &Change,
) -> Result<Settled, ApiError> {
    let list = list_via(session, via, api, &change.repo).await?;
    let now = share_now(session, via, api, &change.repo, &change.account, &list).await?;
    Ok(settle(
        &change.expected(),
        change.before.as_ref(),
        now.as_ref(),
    ))
}

/// A read-back that found the change made, or changed elsewhere. `why`: what came instead
/// of SWR's answer.
fn concluded(change: &Change, found: Settled, why: &str) -> ItemState {
    match found {
        Settled::Applied(_) => ItemState::Done(Some(format!(
            "Confirmed by reading back: {why} The list shows the change as planned."
        ))),
        Settled::NotApplied => ItemState::Failed(format!(
            "{why} The list read back shows it was not made."
        )),
        Settled::Elsewhere(now) => ItemState::Elsewhere(format!(
            "Changed elsewhere meanwhile: SWR now has {}; the plan was {}. Nothing more was sent: preview again to choose.",
            now_words(now.as_ref()),
            change
                .planned_terms()
                .unwrap_or_else(|| "to revoke it".into())
        )),
    }
}

fn now_words(now: Option<&Share>) -> String {
    match now {
        Some(s) => terms(&s.deadline, &s.description),
        None => "no share for this account".into(),
    }
}

fn unknown(why: &str, read: &ApiError) -> ItemState {
    ItemState::Unknown(format!(
        "Not confirmed: {why} The list could not be read back ({}), so whether SWR made the change is unknown. Retry failed reads it back before sending anything again.",
        read.headline()
    ))
}
