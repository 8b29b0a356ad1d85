//! Page state set by hand where a view would cost more (a row's cells written as markup,
//! a password field's value): a render effect that lives as long as the current owner.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Runs `sync` now and again whenever a signal it reads changes, until the owner of the
/// caller (a row, a field) is disposed. `sync` gets what it returned last time.
pub fn keep_in_step<T: 'static>(sync: impl FnMut(Option<T>) -> T + 'static) {
    let effect = RenderEffect::new(sync);
    // Dropping a render effect stops it: the owner keeps it.
    StoredValue::new_local(effect);
}

/// Keeps a field's value in step with `value`, as `prop:value` would, but set at once and
/// only when it differs from what the field shows. `prop:value` is applied in a microtask
/// after the page is mounted, and Chrome lays out the whole page whenever a script sets a
/// password field's value (25–60 ms before the first row); and it sets a filter field, on
/// every keystroke, to what it already shows. Typing is left alone.
pub fn field_value(el: web_sys::Element, value: Signal<String>) {
    let input: web_sys::HtmlInputElement = el.unchecked_into();
    keep_in_step(move |_| {
        let v = value.get();
        if input.value() != v {
            input.set_value(&v);
        }
    });
}
