//! How every change reaches SWR: send it; if SWR refuses the token, wait for a new one and
//! send it again (nothing typed is lost meanwhile); accept only SWR's documented answer;
//! then read the list back and say whether it shows the change. Also after no answer or a
//! gateway's: SWR may have acted before the connection was cut. The read-back
//! (`share_now`) is the one a bulk job uses for each of its changes too.

use futures_util::future::LocalBoxFuture;

use super::loader::Loader;
use super::session::Session;
use crate::api::error::Operation;
use crate::api::outcome::{conclude, conclude_unanswered, WriteOutcome};
use crate::api::responses;
use crate::api::{transport, ApiError, ApiRequest, RawResponse, SwrApi};
use crate::model::limits::LIST_PAGE_SIZE;
use crate::model::write_check::{read_back, Expected, ReadBack};
use crate::model::{RepoRef, Share};

/// What a share list answers: the region's API base, the token and the repository.
#[derive(Clone, Debug, PartialEq)]
pub struct ListKey {
    pub swr: String,
    pub token: String,
    pub repo: RepoRef,
}

impl ListKey {
    pub fn new(api: &SwrApi, repo: RepoRef) -> ListKey {
        ListKey {
            swr: api.swr_base.clone(),
            token: api.token.clone(),
            repo,
        }
    }
}

/// How a request goes out: None, straight away (a change the user makes); or a job's
/// pace (`state::pace`), which waits out throttling. Behind a function, so that the first
/// load does not carry the pace's code.
pub type Via<'a> =
    Option<&'a dyn Fn(&ApiRequest) -> LocalBoxFuture<'static, Result<RawResponse, ApiError>>>;

/// Sends `build(api)`, reading the answer with `read`. On a 401 it waits for the next token
/// (the user's or the host's) and sends again with it; `api` then carries that token.
pub async fn send_retrying<T>(
    session: Session,
    api: &mut SwrApi,
    build: impl Fn(&SwrApi) -> ApiRequest,
    read: impl Fn(&RawResponse) -> Result<T, ApiError>,
) -> Result<T, ApiError> {
    send_via(session, None, api, build, read).await
}

/// `send_retrying`, through `via`.
pub async fn send_via<T>(
    session: Session,
    via: Via<'_>,
    api: &mut SwrApi,
    build: impl Fn(&SwrApi) -> ApiRequest,
    read: impl Fn(&RawResponse) -> Result<T, ApiError>,
) -> Result<T, ApiError> {
    let answer = send_until_accepted(session, via, api, &build).await?;
    read(&answer)
}

/// The loop of `send_via`, not generic: one copy serves every request. A 401 that no new
/// token follows is returned as it is, for `read` to turn into its error.
async fn send_until_accepted(
    session: Session,
    via: Via<'_>,
    api: &mut SwrApi,
    build: &dyn Fn(&SwrApi) -> ApiRequest,
) -> Result<RawResponse, ApiError> {
    loop {
        let req = build(api);
        let answer = match via {
            Some(send) => send(&req).await?,
            None => transport::send(&req).await?,
        };
        if answer.status != 401 {
            return Ok(answer);
        }
        let refusal = ApiError::from_response(answer.status, &answer.body);
        match session.next_token(&api.token, refusal).await {
            Some(token) => api.token = token,
            None => return Ok(answer),
        }
    }
}

/// Where a write's read-back goes: the store's list, if the user still looks at it.
#[derive(Clone, Copy)]
pub struct ListTarget {
    pub list: Loader<ListKey, Vec<Share>>,
    pub wanted: leptos::prelude::Memo<Option<ListKey>>,
}

impl ListTarget {
    fn keep(&self, key: ListKey, rows: Vec<Share>) {
        use leptos::prelude::GetUntracked;
        if self.wanted.get_untracked().as_ref() == Some(&key) {
            self.list.put(key, rows);
        }
    }
}

/// One write, confirmed: `build` makes the request from the client (whose token may be
/// replaced on the way), `expected` is what the list should show afterwards.
pub async fn write(
    session: Session,
    target: ListTarget,
    mut api: SwrApi,
    repo: RepoRef,
    op: Operation,
    build: impl Fn(&SwrApi) -> ApiRequest,
    expected: Expected,
) -> WriteOutcome {
    let answer =
        match send_retrying(session, &mut api, build, |r| responses::write_answer(r, op)).await {
            Ok(a) => a,
            // No answer, or a gateway's: SWR may have acted; the list says whether it did.
            Err(e) if e.outcome_unknown() => {
                let check = read_back_after(session, target, &mut api, &repo, &expected).await;
                return conclude_unanswered(e, check);
            }
            Err(e) => return WriteOutcome::Failed(e),
        };
    let check = read_back_after(session, target, &mut api, &repo, &expected).await;
    conclude(op, answer, check)
}

/// Reads the list back and compares it with what the write should have done.
async fn read_back_after(
    session: Session,
    target: ListTarget,
    api: &mut SwrApi,
    repo: &RepoRef,
    expected: &Expected,
) -> Result<ReadBack, ApiError> {
    let rows = list_via(session, None, api, repo).await?;
    let now = share_now(session, None, api, repo, expected.account(), &rows).await;
    target.keep(ListKey::new(api, repo.clone()), rows);
    Ok(read_back(expected, now?.as_slice(), false))
}

/// A repository's share list, through `via` (the job's pace, or None).
pub async fn list_via(
    session: Session,
    via: Via<'_>,
    api: &mut SwrApi,
    repo: &RepoRef,
) -> Result<Vec<Share>, ApiError> {
    send_via(
        session,
        via,
        api,
        |a| a.list_shares(repo),
        responses::share_list,
    )
    .await
}

/// The share of `account` as SWR has it now, from `list` (the repository's list, just
/// read), or from SWR itself when the list is cut at SWR's page size and does not show it.
pub async fn share_now(
    session: Session,
    via: Via<'_>,
    api: &mut SwrApi,
    repo: &RepoRef,
    account: &str,
    list: &[Share],
) -> Result<Option<Share>, ApiError> {
    if let Some(s) = list.iter().find(|s| s.is_account(account)) {
        return Ok(Some(s.clone()));
    }
    if list.len() < LIST_PAGE_SIZE {
        return Ok(None);
    }
    send_via(
        session,
        via,
        api,
        |a| a.get_share(repo, account),
        responses::share_check,
    )
    .await
}

/// The current share of `account` (None: it has none), asked of SWR itself.
pub async fn current_share(
    session: Session,
    api: &mut SwrApi,
    repo: &RepoRef,
    account: &str,
) -> Result<Option<Share>, ApiError> {
    send_retrying(
        session,
        api,
        |a| a.get_share(repo, account),
        responses::share_check,
    )
    .await
}
