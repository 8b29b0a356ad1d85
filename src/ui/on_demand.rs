use std::future::Future;

use futures_util::future::LocalBoxFuture;
use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos::wasm_split::SplitLoaderError;

/// True from the first time `now` is true on: a part once wanted stays (closing a dialog
/// must not unload it).
pub fn latch(now: impl Fn() -> bool + Send + Sync + 'static) -> Memo<bool> {
    Memo::new(move |was: Option<&bool>| was.copied().unwrap_or(false) || now())
}

/// Builds a part's view; made by a split point in `ui/chunks.rs`, its code in the chunk.
#[derive(Clone)]
pub struct Build(Arc<dyn Fn() -> AnyView + Send + Sync>);

impl Build {
    pub fn new(build: impl Fn() -> AnyView + Send + Sync + 'static) -> Build {
        Build(Arc::new(build))
    }
}

#[derive(Clone)]
enum Phase {
    Loading,
    Failed,
    Ready(Build),
}

/// A part of the console kept out of the first download: its code is a separate wasm chunk
/// (`ui/chunks.rs`, split by `scripts/split-wasm.mjs`), fetched the first time it is shown.
/// A chunk that cannot be fetched says so in place, with a retry, never a blank panel.
#[component]
pub fn OnDemand<F, Fut>(
    /// What the part is, for the messages: "the edit dialog".
    what: &'static str,
    /// Fetches the chunk (once per page; a failure is not remembered).
    load: F,
    /// The user asked for the part (a click): a failure takes the focus to its retry, so
    /// it is seen and heard where the user is.
    #[prop(optional)]
    asked: bool,
) -> impl IntoView
where
    F: Fn() -> Fut + Send + Sync + 'static,
    Fut: Future<Output = Result<Build, SplitLoaderError>> + 'static,
{
    // The body is not generic: one copy of it serves every part (a generic body would be
    // compiled once per call site, into the first load).
    on_demand(
        what,
        Box::new(move || Box::pin(load()) as LocalBoxFuture<'static, Part>),
        asked,
    )
}

type Part = Result<Build, SplitLoaderError>;
type Loader = Box<dyn Fn() -> LocalBoxFuture<'static, Part> + Send + Sync>;

fn on_demand(what: &'static str, load: Loader, asked: bool) -> impl IntoView {
    let load = StoredValue::new(load);
    let phase = RwSignal::new(Phase::Loading);
    let retry = NodeRef::<leptos::html::Button>::new();
    let fetch = move || {
        phase.set(Phase::Loading);
        let loading = load.with_value(|load| load());
        spawn_local(async move {
            let answer = loading.await;
            // Gone meanwhile (the part is no longer on screen): nothing to show.
            if phase.is_disposed() {
                return;
            }
            let failed = answer.is_err();
            phase.set(match answer {
                Ok(build) => Phase::Ready(build),
                Err(_) => Phase::Failed,
            });
            if failed && asked {
                // After the render that shows the button.
                request_animation_frame(move || {
                    if let Some(b) = retry.get_untracked() {
                        let _ = b.focus();
                    }
                });
            }
        });
    };
    fetch();
    move || {
        match phase.get() {
        Phase::Loading => {
            view! {
                <p class="ss-muted" role="status">
                    "Loading "
                    {what}
                    "…"
                </p>
            }.into_any()
        }
        Phase::Failed => view! {
            <div class="ss-alert" role="alert" data-testid="chunk-error">
                <strong>"Could not load " {what} ". "</strong>
                "The browser could not fetch this part of the console from the server (offline, or the server was updated). Check the connection, then "
                <button
                    type="button"
                    class="ss-link-button"
                    node_ref=retry
                    on:click=move |_| fetch()
                >
                    "try again"
                </button>
                "."
            </div>
        }
        .into_any(),
        Phase::Ready(build) => (build.0)(),
    }
    }
}
