//! The view the user would bookmark (repository, filter, status, sort, page), mirrored into
//! the URL query when the console owns the page.

use leptos::prelude::*;

use super::embedding::HostOptions;
use super::url;
use crate::model::view_state::ViewState;

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
            Effect::new(move |_| view.0.with(url::write));
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
