//! The view the user would bookmark (repository, filter, status, sort, page), mirrored into
//! the URL query when the console owns the page.

use leptos::prelude::*;

use super::embedding::HostOptions;
use super::url;
use crate::model::view_state::ViewState;

/// How long the filter text waits before it goes into the URL.
const TYPING_PAUSE: std::time::Duration = std::time::Duration::from_millis(400);

#[derive(Clone, Copy)]
pub struct View(pub RwSignal<ViewState>);

impl View {
    pub fn new(host: &HostOptions) -> View {
        let mut start = if host.uses_url() {
            url::read()
        } else {
            ViewState::default()
        };
        if let Some(r) = &host.fixed_repo {
            start.namespace = r.namespace.clone();
            start.repository = r.repository.clone();
        }
        let view = View(RwSignal::new(start));
        if host.uses_url() {
            // Typing in the filter writes the URL once the typing pauses: a history call
            // costs 1–2 ms, as much as the rest of a keystroke. Anything else is written
            // at once (a test or a user may copy the URL right after a click).
            let pending = StoredValue::new_local(None::<TimeoutHandle>);
            Effect::new(move |before: Option<ViewState>| {
                let now = view.0.get();
                if let Some(t) = pending.try_update_value(Option::take).flatten() {
                    t.clear();
                }
                if before.is_some_and(|b| b.differs_only_in_text(&now)) {
                    let later = set_timeout_with_handle(
                        move || view.0.with_untracked(url::write),
                        TYPING_PAUSE,
                    );
                    pending.set_value(later.ok());
                } else {
                    url::write(&now);
                }
                now
            });
        }
        view
    }

    pub fn expect() -> View {
        expect_context::<View>()
    }

    /// Changes the view; any change but paging goes back to page 1.
    pub fn update(&self, f: impl FnOnce(&mut ViewState)) {
        self.0.update(|v| {
            let page = v.page;
            f(v);
            if v.page == page {
                v.page = 1;
            }
        });
    }
}
