//! "Now", ticking once a minute so relative expiry labels stay correct while the page is
//! open.

use chrono::{DateTime, Utc};
use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct Now(pub RwSignal<DateTime<Utc>>);

impl Now {
    pub fn new() -> Now {
        let now = Now(RwSignal::new(Utc::now()));
        if let Ok(handle) = set_interval_with_handle(
            move || now.0.set(Utc::now()),
            std::time::Duration::from_secs(60),
        ) {
            on_cleanup(move || handle.clear());
        }
        now
    }

    pub fn expect() -> Now {
        expect_context::<Now>()
    }
}

impl Default for Now {
    fn default() -> Self {
        Now::new()
    }
}
