use leptos::prelude::*;

use super::time::local;
use crate::model::deadline::format_utc;
use crate::model::{Deadline, Share};

/// Every field of the list response, one row per account.
#[component]
pub fn ShareTable(#[prop(into)] shares: Signal<Vec<Share>>) -> impl IntoView {
    view! {
        <div class="ss-table-wrap">
            <table class="ss-table">
                <caption class="ss-visually-hidden">"Accounts this repository is shared with"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Account"</th>
                        <th scope="col">"Permission"</th>
                        <th scope="col">"Valid until"</th>
                        <th scope="col">"Status"</th>
                        <th scope="col">"Description"</th>
                        <th scope="col">"Created by"</th>
                        <th scope="col">"Created"</th>
                        <th scope="col">"Updated"</th>
                    </tr>
                </thead>
                <tbody>
                    <For each=move || shares.get() key=row_key children=move |s| view! { <ShareRow share=s/> }/>
                </tbody>
            </table>
        </div>
    }
}

/// Rows re-render when anything shown in them changes, not only when the account does.
fn row_key(s: &Share) -> (String, String, String, bool, String) {
    (
        s.account.clone(),
        s.deadline.label(),
        s.updated.label(),
        s.valid,
        s.description.clone(),
    )
}

#[component]
fn ShareRow(share: Share) -> impl IntoView {
    let until_title = match share.deadline.cutoff() {
        Some(c) => format!("Access ends {} ({} your time)", format_utc(c), local(c)),
        None if share.deadline == Deadline::Forever => "No end date".to_string(),
        None => "SWR sent a deadline the app does not recognise".to_string(),
    };
    let (status_class, status_text) = if share.valid {
        ("ss-status ss-valid", "✓ Valid")
    } else {
        ("ss-status ss-expired", "✕ Expired")
    };
    let time_title =
        |t: &crate::model::share::Timestamp| t.instant().map(local).unwrap_or_default();
    view! {
        <tr data-account=share.account.clone()>
            <th scope="row" class="ss-mono">{share.account.clone()}</th>
            <td><span class="ss-chip">{share.permission_label().to_string()}</span></td>
            <td title=until_title>{share.deadline.label()}</td>
            <td><span class=status_class>{status_text}</span></td>
            <td class="ss-desc">{share.description.clone()}</td>
            <td title=share.creator_id.clone()>{share.creator_name.clone()}</td>
            <td title=time_title(&share.created)>{share.created.label()}</td>
            <td title=time_title(&share.updated)>{share.updated.label()}</td>
        </tr>
    }
}
