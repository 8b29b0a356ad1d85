//! Component tests of the edit and revoke dialogs in headless Chromium, over a store with
//! no token (so nothing can reach the network).
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;

use swr_share::model::{RepoRef, Share};
use swr_share::state::changes::Changes;
use swr_share::state::embedding::{HostMode, HostOptions};
use swr_share::state::session::Session;
use swr_share::state::shares::SharesStore;
use swr_share::state::view::View;
use swr_share::ui::edit_dialog::EditDialog;
use swr_share::ui::revoke_dialog::RevokeDialog;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

mod support;
use support::{shares_from, until};

fn share() -> Share {
    let body = r#"[{"access_domain":"partner","permit":"read","deadline":"2099-01-31T00:00:00Z","description":"old words",
      "creator_name":"alice","created":"2026-01-01T00:00:00Z","updated":"2026-01-01T00:00:00Z","status":true}]"#;
    shares_from(body).remove(0)
}

/// Mounts both dialogs over a store for demo/paas and hands the store and its changes back.
fn mount() -> (HtmlElement, SharesStore, Changes) {
    let root: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&root).unwrap();
    let out = std::rc::Rc::new(std::cell::RefCell::new(None));
    let slot = out.clone();
    let handle = leptos::mount::mount_to(root.clone(), move || {
        let session = Session::new(HostMode::Mounted, None);
        provide_context(session);
        let host = HostOptions {
            mode: HostMode::Mounted,
            fixed_repo: RepoRef::new("demo", "paas").ok(),
        };
        let view = View::new(&host);
        let store = SharesStore::new(session, view);
        provide_context(store);
        Changes::provide(store);
        *slot.borrow_mut() = Some((store, Changes::expect()));
        view! { <div class="swr-share"><EditDialog/><RevokeDialog/></div> }
    });
    std::mem::forget(handle); // lives for the rest of the test page
    let (store, changes) = out.borrow_mut().take().unwrap();
    (root, store, changes)
}

fn dialog(root: &HtmlElement, labelled_by: &str) -> web_sys::HtmlDialogElement {
    root.query_selector(&format!("dialog[aria-labelledby={labelled_by}]"))
        .unwrap()
        .unwrap()
        .unchecked_into()
}

#[wasm_bindgen_test]
async fn edit_dialog_opens_filled_and_refuses_a_past_day() {
    let (root, store, changes) = mount();
    let d = dialog(&root, "ss-edit-h");
    assert!(!d.open());
    store.edit(share());
    until("the edit dialog to open as a modal", || d.open()).await;
    assert!(d
        .text_content()
        .unwrap()
        .contains("Edit the share of partner"));
    let day: HtmlInputElement = root
        .query_selector("#ss-edit-last-day")
        .unwrap()
        .unwrap()
        .unchecked_into();
    assert_eq!(day.value(), "2099-01-31");
    let desc: web_sys::HtmlTextAreaElement = root
        .query_selector("#ss-edit-description")
        .unwrap()
        .unwrap()
        .unchecked_into();
    assert_eq!(desc.value(), "old words");

    day.set_value("2001-01-01");
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    day.dispatch_event(&web_sys::Event::new_with_event_init_dict("input", &init).unwrap())
        .unwrap();
    let save: HtmlElement = root.query_selector("#ss-edit-h ~ * button[type=submit], dialog[aria-labelledby=ss-edit-h] button[type=submit]").unwrap().unwrap().unchecked_into();
    save.click();
    let msg = || {
        root.query_selector("#ss-edit-last-day-msg")
            .unwrap()
            .and_then(|m| m.text_content())
            .unwrap_or_default()
    };
    until("the day to be refused as in the past", || {
        msg().contains("in the past")
    })
    .await;
    assert_eq!(changes.update.version().get_untracked(), 0, "nothing sent");

    // Cancel closes it and clears the state.
    let cancel: HtmlElement = d
        .query_selector("button.ss-secondary")
        .unwrap()
        .unwrap()
        .unchecked_into();
    cancel.click();
    until("the dialog to close", || !d.open()).await;
    assert!(store.editing.get_untracked().is_none());
}

#[wasm_bindgen_test]
async fn revoke_dialog_names_account_and_repository() {
    let (root, store, _) = mount();
    store.revoking.set(Some(share()));
    let d = dialog(&root, "ss-revoke-h");
    until("the revoke dialog to open", || d.open()).await;
    let text = d.text_content().unwrap();
    assert!(text.contains("Revoke partner?"), "{text}");
    assert!(text.contains("demo/paas"), "{text}");
    let confirm = d
        .query_selector("button.ss-danger")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap();
    assert_eq!(
        confirm, "Revoke partner",
        "the danger button repeats the name"
    );
    // The dialog closing by itself (Escape does this) clears the state too.
    d.close();
    until("the state to clear", || {
        store.revoking.get_untracked().is_none()
    })
    .await;
}
