use leptos::prelude::*;

/// Runs something once typing has paused: each call restarts the wait, so a burst of
/// keystrokes ends in one request instead of one per key.
#[derive(Clone, Copy)]
pub struct Pause(StoredValue<u64>);

/// How long a pause in typing must be before the value counts as meant.
pub const TYPING_PAUSE_MS: u64 = 600;

impl Pause {
    pub fn new() -> Pause {
        Pause(StoredValue::new(0))
    }

    pub fn after(&self, f: impl FnOnce() + 'static) {
        let n = self.0.get_value() + 1;
        self.0.set_value(n);
        let seq = self.0;
        set_timeout(
            move || {
                if seq.try_get_value() == Some(n) {
                    f();
                }
            },
            std::time::Duration::from_millis(TYPING_PAUSE_MS),
        );
    }

    /// The value was committed another way (Enter, leaving the field, a paste).
    pub fn cancel(&self) {
        self.0.set_value(self.0.get_value() + 1);
    }
}

impl Default for Pause {
    fn default() -> Self {
        Pause::new()
    }
}
