//! Helpers shared by the browser component tests.

/// Waits `ms` milliseconds; Leptos runs effects on later ticks.
pub async fn settle(ms: i32) {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(p).await.unwrap();
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
