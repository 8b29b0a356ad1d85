//! While a job runs, closing or reloading the page asks for confirmation first.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

pub struct LeaveGuard(Option<Closure<dyn Fn(web_sys::BeforeUnloadEvent)>>);

impl LeaveGuard {
    /// Asks before leaving until dropped.
    pub fn arm() -> LeaveGuard {
        let handler =
            Closure::<dyn Fn(web_sys::BeforeUnloadEvent)>::new(|e: web_sys::BeforeUnloadEvent| {
                e.prevent_default();
                e.set_return_value("A job is still sending changes to SWR.");
            });
        if let Some(w) = web_sys::window() {
            let _ = w
                .add_event_listener_with_callback("beforeunload", handler.as_ref().unchecked_ref());
        }
        LeaveGuard(Some(handler))
    }
}

impl Drop for LeaveGuard {
    fn drop(&mut self) {
        if let (Some(w), Some(h)) = (web_sys::window(), self.0.take()) {
            let _ =
                w.remove_event_listener_with_callback("beforeunload", h.as_ref().unchecked_ref());
        }
    }
}
