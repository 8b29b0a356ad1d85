use leptos::html::Dialog;
use leptos::prelude::*;

/// A native modal `<dialog>`: focus stays inside, Escape closes it, and the browser returns
/// focus to what opened it.
#[component]
pub fn Modal(
    #[prop(into)] open: Signal<bool>,
    /// Called when the dialog closes by itself (Escape).
    #[prop(into)]
    on_close: Callback<()>,
    labelled_by: &'static str,
    children: Children,
) -> impl IntoView {
    let dialog = NodeRef::<Dialog>::new();
    Effect::new(move |_| {
        let Some(d) = dialog.get() else { return };
        match (open.get(), d.open()) {
            (true, false) => {
                let _ = d.show_modal();
            }
            (false, true) => d.close(),
            _ => {}
        }
    });
    view! {
        <dialog
            node_ref=dialog
            class="ss-dialog"
            aria-labelledby=labelled_by
            on:close=move |_| on_close.run(())
        >
            {children()}
        </dialog>
    }
}
