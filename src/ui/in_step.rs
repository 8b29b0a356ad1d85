//! Page state set by hand where a view would cost more (a row's cells written as markup,
//! a password field's value): a render effect that lives as long as the current owner.

use leptos::prelude::*;

/// Runs `sync` now and again whenever a signal it reads changes, until the owner of the
/// caller (a row, a field) is disposed. `sync` gets what it returned last time.
pub fn keep_in_step<T: 'static>(sync: impl FnMut(Option<T>) -> T + 'static) {
    let effect = RenderEffect::new(sync);
    // Dropping a render effect stops it: the owner keeps it.
    StoredValue::new_local(effect);
}
