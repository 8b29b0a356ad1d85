//! The pace of a job's requests (and of the loads that read many lists): at most the
//! window's width on the wire, six at first (the browser's connections to one origin). A
//! throttled answer (`api::retry::is_throttling`: nothing was carried out) waits and is
//! sent again, and narrows the window; answers that flow widen it again.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use futures_channel::oneshot;
use futures_util::future::LocalBoxFuture;

use super::pool::{sleep, IN_FLIGHT};
use crate::api::retry::{
    is_throttling, may_be_throttling, throttle_delay_ms, Window, MAX_THROTTLED,
};
use crate::api::{transport, ApiError, ApiRequest, RawResponse};

#[derive(Clone)]
pub struct Pace(Rc<Inner>);

struct Inner {
    window: RefCell<Window>,
    on_wire: Cell<usize>,
    waiting: RefCell<Vec<oneshot::Sender<()>>>,
    /// Told when the width it allows changes while narrowed; None when back to full.
    slowed: Box<dyn Fn(Option<usize>)>,
    told: Cell<Option<usize>>,
}

/// One place on the wire, given back when dropped (also when the request is abandoned).
struct OnWire<'a>(&'a Pace);

impl Drop for OnWire<'_> {
    fn drop(&mut self) {
        let inner = &self.0 .0;
        inner.on_wire.set(inner.on_wire.get() - 1);
        self.0.wake();
    }
}

impl Pace {
    pub fn new(slowed: impl Fn(Option<usize>) + 'static) -> Pace {
        Pace(Rc::new(Inner {
            window: RefCell::new(Window::new(IN_FLIGHT)),
            on_wire: Cell::new(0),
            waiting: RefCell::new(Vec::new()),
            slowed: Box::new(slowed),
            told: Cell::new(None),
        }))
    }

    /// For `writes::send_via`: sends through this pace.
    pub fn via(
        &self,
    ) -> impl Fn(&ApiRequest) -> LocalBoxFuture<'static, Result<RawResponse, ApiError>> {
        let pace = self.clone();
        move |req: &ApiRequest| {
            let (pace, req) = (pace.clone(), req.clone());
            Box::pin(async move { pace.send(&req).await })
        }
    }

    /// Sends `req` until an answer that is not throttling comes (or `MAX_THROTTLED` of
    /// them: the last one is returned). No answer at all is returned as it is: the caller
    /// decides whether it may have been carried out.
    pub async fn send(&self, req: &ApiRequest) -> Result<RawResponse, ApiError> {
        let mut throttled = 0;
        loop {
            let (answer, sent_in) = {
                let (_place, sent_in) = self.enter().await;
                (transport::send(req).await, sent_in)
            };
            let Ok(r) = answer else { return answer };
            if !(may_be_throttling(r.status)
                && is_throttling(&ApiError::from_response(r.status, &r.body)))
            {
                self.0.window.borrow_mut().answered();
                self.changed();
                return Ok(r);
            }
            throttled += 1;
            self.0.window.borrow_mut().throttled(sent_in);
            self.changed();
            if throttled >= MAX_THROTTLED {
                return Ok(r);
            }
            sleep(throttle_delay_ms(
                r.retry_after.as_deref(),
                throttled,
                js_sys::Math::random(),
            ))
            .await;
        }
    }

    /// Waits for a place on the wire; the window's epoch it was taken in.
    async fn enter(&self) -> (OnWire<'_>, u64) {
        loop {
            let inner = &self.0;
            if inner.on_wire.get() < inner.window.borrow().slots() {
                inner.on_wire.set(inner.on_wire.get() + 1);
                return (OnWire(self), inner.window.borrow().epoch());
            }
            let (tx, rx) = oneshot::channel();
            inner.waiting.borrow_mut().push(tx);
            let _ = rx.await;
        }
    }

    /// Every waiter looks again (a handful at most); those without a place wait again.
    fn wake(&self) {
        let waiting = std::mem::take(&mut *self.0.waiting.borrow_mut());
        for w in waiting {
            let _ = w.send(());
        }
    }

    fn changed(&self) {
        let now = self.0.window.borrow().slowed();
        if now != self.0.told.get() {
            self.0.told.set(now);
            (self.0.slowed)(now);
        }
        self.wake();
    }
}
