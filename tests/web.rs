//! Component tests in headless Chromium (wasm-bindgen-test): the share table and the
//! add-share form, mounted on their own with a fake action in place of the network.
#![cfg(target_arch = "wasm32")]

use std::cell::Cell;
use std::rc::Rc;

use leptos::prelude::*;
use swr_share::api::outcome::WriteOutcome;
use swr_share::api::ApiError;
use swr_share::model::new_share::NewShare;
use swr_share::model::{RepoRef, Share};
use swr_share::state::embedding::{HostMode, HostOptions};
use swr_share::state::session::Session;
use swr_share::state::shares::SharesStore;
use swr_share::state::view::View;
use swr_share::ui::add_share_form::AddShareForm;
use swr_share::ui::share_table::ShareTable;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

mod support;
use support::{shares_from, until};

fn container() -> HtmlElement {
    let doc = document();
    let div = doc.create_element("div").unwrap();
    doc.body().unwrap().append_child(&div).unwrap();
    div.unchecked_into()
}

fn input(root: &HtmlElement, selector: &str) -> HtmlInputElement {
    root.query_selector(selector)
        .unwrap()
        .expect(selector)
        .unchecked_into()
}

fn type_into(root: &HtmlElement, selector: &str, value: &str) {
    let el = input(root, selector);
    el.set_value(value);
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    el.dispatch_event(&web_sys::Event::new_with_event_init_dict("input", &init).unwrap())
        .unwrap();
}

fn click(root: &HtmlElement, selector: &str) {
    root.query_selector(selector)
        .unwrap()
        .expect(selector)
        .unchecked_into::<HtmlElement>()
        .click();
}

fn text(root: &HtmlElement, selector: &str) -> String {
    root.query_selector(selector)
        .unwrap()
        .map(|e| e.text_content().unwrap_or_default())
        .unwrap_or_default()
}

fn demo_shares() -> Vec<Share> {
    let body = r#"[
      {"namespace":"demo","repository":"paas","access_domain":"swr","permit":"read","deadline":"2018-10-01T16:00:00.000Z",
       "description":"description","creator_id":"fb3f","creator_name":"user1","created":"2017-04-08T14:12:23Z",
       "updated":"2017-04-13T21:01:11Z","status":false},
      {"namespace":"demo","repository":"paas","access_domain":"partner","permit":"read","deadline":"forever",
       "description":"","creator_id":"fb3f","creator_name":"user1","created":"2021-06-10T08:14:42.56632Z",
       "updated":"2021-06-10T08:14:42.56632Z","status":true}]"#;
    shares_from(body)
}

#[wasm_bindgen_test]
fn table_shows_every_field_and_status_in_words() {
    let root = container();
    let shares = demo_shares();
    let handle = leptos::mount::mount_to(
        root.clone(),
        move || view! { <ShareTable shares=shares.clone()/> },
    );
    let rows = root.query_selector_all("tbody tr").unwrap();
    assert_eq!(rows.length(), 2);
    // A time's spaces are non-breaking (the cell wraps only between date and time).
    let first = rows
        .get(0)
        .unwrap()
        .text_content()
        .unwrap()
        .replace('\u{a0}', " ");
    for expected in [
        "swr",
        "Pull",
        "2018-10-01",
        "Expired",
        "description",
        "user1",
        "2017-04-08 14:12 UTC",
        "2017-04-13 21:01 UTC",
    ] {
        assert!(
            first.contains(expected),
            "{expected:?} missing from {first:?}"
        );
    }
    let second = rows.get(1).unwrap().text_content().unwrap();
    assert!(
        second.contains("Forever") && second.contains("Valid"),
        "{second}"
    );
    assert_eq!(
        root.query_selector_all("thead th[scope=col]")
            .unwrap()
            .length(),
        8
    );
    drop(handle);
}

/// Rows are written as markup in one call: what SWR sends is shown as text, never as markup.
#[wasm_bindgen_test]
fn table_shows_markup_from_swr_as_text() {
    let root = container();
    let body = r#"[{"namespace":"demo","repository":"paas","access_domain":"partner","permit":"read",
       "deadline":"forever","description":"<img src=x onerror=\"alert(1)\"> & <b>bold</b>",
       "creator_id":"id\" onmouseover=\"x","creator_name":"<i>user</i>","created":"2021-06-10T08:14:42Z",
       "updated":"2021-06-10T08:14:42Z","status":true}]"#;
    let shares = shares_from(body);
    let handle = leptos::mount::mount_to(
        root.clone(),
        move || view! { <ShareTable shares=shares.clone()/> },
    );
    let row = root.query_selector("tbody tr").unwrap().unwrap();
    assert!(row.query_selector("img, b, i").unwrap().is_none());
    let text = row.text_content().unwrap();
    assert!(
        text.contains(r#"<img src=x onerror="alert(1)"> & <b>bold</b>"#)
            && text.contains("<i>user</i>"),
        "{text}"
    );
    let creator = row
        .query_selector("td[data-label=Creator] span[title]")
        .unwrap()
        .unwrap();
    assert_eq!(
        creator.get_attribute("title").unwrap(),
        r#"id" onmouseover="x"#
    );
    assert!(!creator.has_attribute("onmouseover"));
    drop(handle);
}

struct Harness {
    root: HtmlElement,
    dispatched: Rc<Cell<u32>>,
    /// The fake action answers once this is true.
    answer: Rc<Cell<bool>>,
    _handle: leptos::mount::UnmountHandle<leptos::tachys::view::any_view::AnyViewState>,
}

/// Mounts the form over a fake action that answers `result` at once, or (`held`) when the
/// test sets `answer`, inside a session with no token (so nothing can reach the network).
fn form_with(result: WriteOutcome, held: bool) -> Harness {
    let root = container();
    let dispatched = Rc::new(Cell::new(0));
    let counter = dispatched.clone();
    let answer = Rc::new(Cell::new(!held));
    let gate = answer.clone();
    let handle = leptos::mount::mount_to(root.clone(), move || {
        let result = result.clone();
        let (counter, gate) = (counter.clone(), gate.clone());
        let action = Action::new_local(move |_: &(RepoRef, NewShare)| {
            counter.set(counter.get() + 1);
            let (result, gate) = (result.clone(), gate.clone());
            async move {
                until("the test to let the answer through", || gate.get()).await;
                result
            }
        });
        let session = Session::new(HostMode::Mounted, None);
        provide_context(session);
        let host = HostOptions {
            mode: HostMode::Mounted,
            fixed_repo: RepoRef::new("demo", "paas").ok(),
        };
        provide_context(SharesStore::new(session, View::new(&host)));
        let repo = Signal::derive(|| RepoRef::new("demo", "paas").ok());
        view! { <AddShareForm repo=repo existing=demo_shares() action=action/> }.into_any()
    });
    Harness {
        root,
        dispatched,
        answer,
        _handle: handle,
    }
}

#[wasm_bindgen_test]
async fn invalid_input_is_explained_and_nothing_is_sent() {
    let h = form_with(WriteOutcome::Done(None), false);
    type_into(&h.root, "#ss-account", "two words");
    type_into(&h.root, "#ss-description", &"x".repeat(1001));
    click(&h.root, "button[type=submit]");
    until("the account's message", || {
        !text(&h.root, "#ss-account-msg").is_empty()
    })
    .await;
    assert_eq!(h.dispatched.get(), 0, "no request for invalid input");
    assert!(text(&h.root, "#ss-account-msg").contains("A space is not allowed"));
    assert!(text(&h.root, "#ss-last-day-msg").contains("Choose the last valid day"));
    assert!(text(&h.root, "#ss-description-msg").contains("1000"));
    assert_eq!(
        input(&h.root, "#ss-account")
            .get_attribute("aria-invalid")
            .as_deref(),
        Some("true")
    );

    // A duplicate of a listed account is caught before sending, whatever its case.
    type_into(&h.root, "#ss-account", "PARTNER");
    type_into(&h.root, "#ss-description", "");
    type_into(&h.root, "#ss-last-day", "2099-01-01");
    click(&h.root, "button[type=submit]");
    until("the duplicate to be named", || {
        text(&h.root, "#ss-account-msg").contains("already has a share")
    })
    .await;
    assert_eq!(h.dispatched.get(), 0);
}

#[wasm_bindgen_test]
async fn success_names_what_swr_stored() {
    let mut stored = demo_shares().remove(0);
    stored.account = "new-partner".into();
    let h = form_with(WriteOutcome::Done(Some(stored)), false);
    type_into(&h.root, "#ss-account", "New-Partner");
    type_into(&h.root, "#ss-last-day", "2099-01-31");
    until("the exact end of access", || {
        text(&h.root, "[data-testid=cutoff]").contains("Access ends at 2099-02-01 00:00 UTC")
    })
    .await;
    click(&h.root, "button[type=submit]");
    // What SWR stored is named, not what was typed.
    until("the success naming what SWR stored", || {
        text(&h.root, ".ss-success").contains("Shared demo/paas with new-partner")
    })
    .await;
    assert_eq!(h.dispatched.get(), 1);
}

#[wasm_bindgen_test]
async fn failure_keeps_the_input_and_names_status_code_and_remedy() {
    let err = ApiError::from_response(
        409,
        r#"{"errorCode":"SVCSTG.SWR.4090089","errorMessage":"The shared account already exists"}"#,
    );
    let h = form_with(WriteOutcome::Failed(err), false);
    type_into(&h.root, "#ss-account", "late-partner");
    type_into(&h.root, "#ss-description", "keep me");
    input(&h.root, "input[type=checkbox]").click();
    click(&h.root, "button[type=submit]");
    until("the failure", || !text(&h.root, "[role=alert]").is_empty()).await;
    assert_eq!(input(&h.root, "#ss-account").value(), "late-partner");
    assert_eq!(input(&h.root, "#ss-description").value(), "keep me");
    let alert = text(&h.root, "[role=alert]");
    assert!(alert.contains("HTTP 409 · SVCSTG.SWR.4090089"), "{alert}");
    assert!(alert.contains("already has a share"), "{alert}");
    assert!(text(&h.root, ".ss-success").is_empty(), "no success shown");
}

#[wasm_bindgen_test]
async fn one_click_one_request_while_pending() {
    let h = form_with(WriteOutcome::Done(None), true);
    type_into(&h.root, "#ss-account", "slow-partner");
    input(&h.root, "input[type=checkbox]").click();
    click(&h.root, "button[type=submit]");
    let button: web_sys::HtmlButtonElement = h
        .root
        .query_selector("button[type=submit]")
        .unwrap()
        .unwrap()
        .unchecked_into();
    until("the button to be disabled while the request runs", || {
        button.disabled()
    })
    .await;
    assert!(button.text_content().unwrap().contains("Sharing"));
    // A second submit (e.g. Enter in a field) while pending sends nothing.
    let form: web_sys::HtmlFormElement = h
        .root
        .query_selector("form")
        .unwrap()
        .unwrap()
        .unchecked_into();
    let _ = form.request_submit();
    h.answer.set(true);
    until("the answer to enable the button again", || {
        !button.disabled()
    })
    .await;
    assert_eq!(h.dispatched.get(), 1);
}
