//! SWR's shared-repositories list, all pages: the repositories this account shares (the
//! overview's first step) or that other accounts share with it ("Shared with you").

use super::session::Session;
use super::writes::{send_via, Via};
use crate::api::dto::RepoDto;
use crate::api::requests::Center;
use crate::api::{responses, ApiError, SwrApi};

/// The largest page SWR gives: most accounts need one request.
const PAGE: usize = 1000;

/// Every repository of `center` (in `namespace`, or in all), all pages.
pub async fn shared_repos(
    session: Session,
    via: Via<'_>,
    api: &mut SwrApi,
    center: Center,
    namespace: Option<&str>,
) -> Result<Vec<RepoDto>, ApiError> {
    let mut found = Vec::new();
    loop {
        let seen = found.len();
        let (page, total) = send_via(
            session,
            via,
            api,
            |a| a.list_shared_repos(center, namespace, seen, PAGE),
            responses::repos,
        )
        .await?;
        let got = page.len();
        found.extend(page);
        if got == 0 || found.len() >= total {
            return Ok(found);
        }
    }
}
