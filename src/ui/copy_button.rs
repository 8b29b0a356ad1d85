use leptos::prelude::*;

/// Copies `text` to the clipboard and says so (in words, for screen readers too).
#[component]
pub fn CopyButton(#[prop(into)] text: String, label: &'static str) -> impl IntoView {
    let copied = RwSignal::new(false);
    let copy = move |_| {
        let Some(clipboard) = web_sys::window().map(|w| w.navigator().clipboard()) else {
            return;
        };
        let promise = clipboard.write_text(&text);
        leptos::task::spawn_local(async move {
            copied.set(wasm_bindgen_futures::JsFuture::from(promise).await.is_ok());
        });
    };
    view! {
        <button type="button" class="ss-link-button" on:click=copy>
            {move || if copied.get() { "Copied ✓" } else { label }}
        </button>
    }
}
