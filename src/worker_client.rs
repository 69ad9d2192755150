//! The page's side of the Web Worker (`crates/worker`): spawns the worker lazily on the first
//! job (so it is not part of the initial load), sends one job at a time, hands its progress,
//! partial results, result or error to a Yew callback, and cancels by terminating the worker (the
//! next job spawns a fresh one). A worker that fails (a script that does not load, a crash)
//! reports an error to the job's callback and is replaced on the next job.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use dialoglab_worker::{Job, Message, Output, Partial, READY_ID, Request, Response};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{ErrorEvent, MessageEvent, Worker};
use yew::Callback;

/// Where Trunk puts the worker's loader (`data-loader-shim` in `index.html`), relative to the page.
pub const WORKER_URL: &str = "./dialoglab-worker_loader.js";

/// What a job reports.
#[derive(Clone, Debug, PartialEq)]
pub enum Event {
    /// `done` of `total` units finished.
    Progress {
        /// Units finished.
        done: u32,
        /// Units in the job.
        total: u32,
    },
    /// A piece of the result.
    Partial(Partial),
    /// The result (last event of the job).
    Done(Output),
    /// The job failed (last event of the job); the text is for the user.
    Error(String),
}

/// A running worker with its handlers.
struct Live {
    worker: Worker,
    ready: bool,
    /// The job posted as soon as the worker says it is ready.
    queued: Option<JsValue>,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::Event)>,
}

#[derive(Default)]
struct Inner {
    live: Option<Live>,
    next_id: u32,
    current: Option<(u32, Callback<Event>)>,
}

impl Drop for Inner {
    fn drop(&mut self) {
        if let Some(live) = self.live.take() {
            live.worker.terminate();
        }
    }
}

/// A handle on (at most) one worker, running one job at a time. Clones share the worker.
#[derive(Clone, Default)]
pub struct WorkerClient {
    inner: Rc<RefCell<Inner>>,
}

impl PartialEq for WorkerClient {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.inner, &other.inner)
    }
}

impl WorkerClient {
    /// A client with no worker yet.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// Runs `job`, cancelling any job still running, and reports to `on_event`. Returns the job's
    /// id. If the worker cannot be started, `on_event` gets an error at once.
    pub fn run(&self, job: Job, on_event: Callback<Event>) -> u32 {
        self.run_with(job, None, on_event)
    }

    /// [`run`](Self::run) for a job that takes binary data (the `.pb` job): `bytes` is posted
    /// next to the JSON as `[text, bytes]` (a structured-clone copy, so the page keeps its own).
    pub fn run_with_bytes(
        &self,
        job: Job,
        bytes: &js_sys::Uint8Array,
        on_event: Callback<Event>,
    ) -> u32 {
        self.run_with(job, Some(bytes), on_event)
    }

    fn run_with(
        &self,
        job: Job,
        bytes: Option<&js_sys::Uint8Array>,
        on_event: Callback<Event>,
    ) -> u32 {
        self.cancel();
        let id = {
            let mut inner = self.inner.borrow_mut();
            inner.next_id = inner.next_id.checked_add(1).unwrap_or(READY_ID + 1);
            inner.next_id
        };
        let text = JsValue::from_str(&Request { id, job }.to_json());
        let message = match bytes {
            Some(b) => js_sys::Array::of2(&text, b).into(),
            None => text,
        };
        if self.inner.borrow().live.is_none() {
            match spawn(Rc::downgrade(&self.inner)) {
                Ok(live) => self.inner.borrow_mut().live = Some(live),
                Err(message) => {
                    on_event.emit(Event::Error(message));
                    return id;
                }
            }
        }
        let mut inner = self.inner.borrow_mut();
        inner.current = Some((id, on_event));
        if let Some(live) = inner.live.as_mut() {
            if live.ready {
                let _ = live.worker.post_message(&message);
            } else {
                live.queued = Some(message);
            }
        }
        id
    }

    /// Stops the running job at once by terminating the worker (no further events arrive); the
    /// next [`run`](Self::run) starts a new worker.
    pub fn cancel(&self) {
        let mut inner = self.inner.borrow_mut();
        inner.current = None;
        if let Some(live) = inner.live.take() {
            live.worker.terminate();
        }
    }
}

/// Starts a worker whose handlers report to the client behind `inner`.
fn spawn(inner: Weak<RefCell<Inner>>) -> Result<Live, String> {
    let worker = Worker::new(WORKER_URL)
        .map_err(|e| format!("the worker could not be started: {}", describe(&e)))?;
    let on_message = {
        let inner = inner.clone();
        Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            if let Some(inner) = inner.upgrade() {
                receive(&inner, &event.data().as_string().unwrap_or_default());
            }
        })
    };
    // A crash inside the worker arrives as an ErrorEvent; a script that cannot be loaded as a
    // plain Event.
    let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
        event.prevent_default();
        let message = event.dyn_ref::<ErrorEvent>().map_or_else(
            || "the worker could not be loaded".to_string(),
            |e| format!("the worker stopped: {}", e.message()),
        );
        if let Some(inner) = inner.upgrade() {
            fail(&inner, message);
        }
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    Ok(Live {
        worker,
        ready: false,
        queued: None,
        _on_message: on_message,
        _on_error: on_error,
    })
}

/// Handles one message from the worker.
fn receive(inner: &Rc<RefCell<Inner>>, text: &str) {
    let response = match Response::from_json(text) {
        Ok(r) => r,
        Err(message) => return fail(inner, message),
    };
    if response.id == READY_ID {
        let mut guard = inner.borrow_mut();
        if let Message::Error { message } = response.message {
            drop(guard);
            return fail(inner, message);
        }
        if let Some(live) = guard.live.as_mut() {
            live.ready = true;
            if let Some(message) = live.queued.take() {
                let _ = live.worker.post_message(&message);
            }
        }
        return;
    }
    // Emit outside the borrow: the callback may start or cancel a job.
    let callback = {
        let mut guard = inner.borrow_mut();
        let Some((id, callback)) = guard.current.clone() else {
            return;
        };
        if id != response.id {
            return;
        }
        if matches!(response.message, Message::Done(_) | Message::Error { .. }) {
            guard.current = None;
        }
        callback
    };
    match response.message {
        Message::Progress { done, total } => callback.emit(Event::Progress { done, total }),
        Message::Partial(p) => callback.emit(Event::Partial(p)),
        Message::Done(out) => callback.emit(Event::Done(out)),
        Message::Error { message } => callback.emit(Event::Error(message)),
        Message::Ready => {}
    }
}

/// The worker failed: report to the running job, drop the worker (a new one starts next time).
fn fail(inner: &Rc<RefCell<Inner>>, message: String) {
    let callback = {
        let mut guard = inner.borrow_mut();
        if let Some(live) = guard.live.take() {
            live.worker.terminate();
        }
        guard.current.take().map(|(_, c)| c)
    };
    if let Some(c) = callback {
        c.emit(Event::Error(message));
    }
}

/// A JavaScript error or value as a message for the user.
pub(crate) fn describe(value: &JsValue) -> String {
    value
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| value.as_string())
        .unwrap_or_else(|| "unknown error".into())
}
