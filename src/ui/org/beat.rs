use leptos::prelude::*;

/// How often a view that follows many answers a second repaints.
pub const REPAINT_MS: u64 = 150;

/// A signal that ticks every `REPAINT_MS` while `active()` holds. A view that reads a
/// fast-changing value untracked after tracking the beat repaints a few times a second
/// instead of at every answer: up to a hundred answers a second otherwise repaint the page
/// at every frame (BENCHMARKS.md: a 500-change job, 285 frames against 37).
pub fn beat(active: impl Fn() -> bool + 'static) -> RwSignal<u32> {
    let beat = RwSignal::new(0u32);
    if let Ok(handle) = set_interval_with_handle(
        move || {
            if active() {
                beat.update(|b| *b = b.wrapping_add(1));
            }
        },
        std::time::Duration::from_millis(REPAINT_MS),
    ) {
        on_cleanup(move || handle.clear());
    }
    beat
}
