//! Bounded parallelism for jobs of many requests: at most `limit` in flight (about 6, the
//! browser's per-origin connection limit), each worker taking the next item when it is done.

use std::cell::RefCell;
use std::future::Future;
use std::rc::Rc;

use futures_util::future::join_all;
use wasm_bindgen::JsCast;

pub const IN_FLIGHT: usize = 6;

/// Runs `work(index, item)` for every item, at most `limit` at a time, in order of index.
pub async fn run_bounded<T, F, Fut>(items: Vec<T>, limit: usize, work: F)
where
    F: Fn(usize, T) -> Fut + Clone,
    Fut: Future<Output = ()>,
{
    let queue = Rc::new(RefCell::new(items.into_iter().enumerate()));
    let workers = (0..limit.max(1)).map(|_| {
        let (queue, work) = (queue.clone(), work.clone());
        async move {
            loop {
                let next = queue.borrow_mut().next();
                match next {
                    Some((i, item)) => work(i, item).await,
                    None => break,
                }
            }
        }
    });
    join_all(workers).await;
}

/// Waits `ms` milliseconds (a retry's backoff) without blocking the page.
pub async fn sleep(ms: u32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(
                resolve.unchecked_ref(),
                ms as i32,
            );
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}
