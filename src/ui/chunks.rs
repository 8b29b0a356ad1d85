//! The split points. Each function here, with everything only it reaches, becomes its own
//! wasm chunk (`scripts/split-wasm.mjs`), fetched the first time it is called; `OnDemand`
//! calls them. `fallible` turns a failed fetch into `Err`, so the user gets a retry; without
//! it the failure would abort the whole app. On the host (tests) these are plain calls.
//! Each takes what it needs and returns a builder: `OnDemand` builds the view only if it is
//! still wanted when the chunk arrives, in its own render.
//!
//! Only with the `split` feature (index.html turns it on for Trunk): a split point compiles
//! to an import that only the split step provides, so builds that skip that step (the wasm
//! component tests) get plain async functions instead.
use leptos::prelude::*;
use wasm_split_helpers::SplitLoaderError;

use super::add_share_form::AddShareForm;
use super::edit_dialog::EditDialog;
use super::inbound::inbound_view::InboundView;
use super::org::bulk_share::BulkShare;
use super::org::org_view::OrgView;
use super::org::selection_actions::SelectionActions;
use super::reauth_dialog::ReauthDialog;
use super::repo_suggestions::RepoSuggestions;
use super::revoke_dialog::RevokeDialog;
use super::row_actions::{ExtendNote, RowMenu};
use super::sign_in_form::SignInForm;
use crate::model::Share;
use crate::state::changes::Changes;
use crate::state::selection::Selection;
use crate::state::shares::{Extension, SharesStore};

use super::on_demand::Build;

type Part = Result<Build, SplitLoaderError>;

/// `split_point!(chunk: name(args) => view)`: the async function `name` that fetches the
/// chunk `chunk` and returns a builder of `view`. Parts used together share a chunk: one
/// request instead of several, and no small chunks for the code they share.
macro_rules! split_point {
    ($chunk:ident: $name:ident($($arg:ident: $ty:ty),*) => $build:expr) => {
        #[cfg(feature = "split")]
        #[wasm_split_helpers::wasm_split($chunk, wasm_split_path = ::wasm_split_helpers, fallible)]
        pub fn $name($($arg: $ty),*) -> Part {
            Ok(Build::new(move || $build))
        }

        #[cfg(not(feature = "split"))]
        pub async fn $name($($arg: $ty),*) -> Part {
            Ok(Build::new(move || $build))
        }
    };
}

// Changing shares: wanted once the table is there.
split_point!(changes: add_form(existing: Signal<Vec<Share>>) => {
    let store = SharesStore::expect();
    view! { <AddShareForm repo=store.repo existing=existing action=Changes::expect().add/> }.into_any()
});
split_point!(changes: edit_dialog() => view! { <EditDialog/> }.into_any());
split_point!(changes: row_menu(share: Share, menu: NodeRef<leptos::html::Details>) => view! { <RowMenu share=share.clone() menu=menu/> }.into_any());
split_point!(changes: extend_note(asked: Extension) => view! { <ExtendNote asked=asked.clone()/> }.into_any());
split_point!(changes: revoke_dialog() => view! { <RevokeDialog/> }.into_any());
// Getting a token: signing in, or a new one after a refusal.
split_point!(tokens: reauth_dialog() => view! { <ReauthDialog/> }.into_any());
split_point!(tokens: sign_in_form() => view! { <SignInForm/> }.into_any());
// Suggestions for the repository fields, after the table.
split_point!(changes: repo_suggestions(namespace: Signal<String>) => view! { <RepoSuggestions namespace=namespace/> }.into_any());
// The organization-wide views: opened from their tab.
split_point!(organization: org_view() => view! { <OrgView/> }.into_any());
split_point!(organization: bulk_share() => view! { <BulkShare/> }.into_any());
split_point!(organization: inbound_view() => view! { <InboundView/> }.into_any());
split_point!(organization: selection_actions(selection: Selection) => view! { <SelectionActions selection=selection/> }.into_any());
