//! Helpers shared by the browser component tests. They wait for conditions, never for a
//! fixed time: `until` lets the page run a turn of the event loop at a time.

/// One turn of the event loop: pending effects, microtasks and timers that are due run.
pub async fn next_turn() {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(p).await.unwrap();
}

/// Waits until `cond` holds, a turn of the event loop at a time; fails naming `what` if it
/// does not within 5 seconds.
pub async fn until(what: &str, cond: impl Fn() -> bool) {
    let start = js_sys::Date::now();
    while !cond() {
        assert!(
            js_sys::Date::now() - start < 5000.0,
            "waited 5 s for {what}"
        );
        next_turn().await;
    }
}

/// The shares of a list answer SWR could send (`body`, JSON), read as the console reads it.
pub fn shares_from(body: &str) -> Vec<swr_share::model::Share> {
    swr_share::api::responses::share_list(&swr_share::api::RawResponse {
        status: 200,
        body: body.into(),
        subject_token: None,
        retry_after: None,
    })
    .unwrap()
}
