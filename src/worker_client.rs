//! The page's side of the Web Worker (`crates/worker`): spawns the worker lazily on the first
//! job (so it is not part of the initial load), sends one job at a time, hands its progress,
//! partial results, result or error to a Yew callback, and cancels by terminating the worker (the
//! next job spawns a fresh one). A worker that fails (a script that does not load, a crash)
//! reports an error to the job's callback and is replaced on the next job.
//!
//! A client reads the answers of one kind of job ([`SeedsClient`], [`SweepClient`],
//! [`PbClient`]), so each bundle links decoders only for the answers it uses.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use dialoglab_worker::{
    Job, Message, PanelOutput, PanelPartial, PbOutput, READY_ID, Request, Response, SeedsOutput,
    SweepPartial,
};
use serde::Serialize;
use serde::de::{DeserializeOwned, IgnoredAny};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{ErrorEvent, MessageEvent, Worker};
use yew::Callback;

/// Where Trunk puts the worker's loader (`data-loader-shim` in `index.html`), relative to the page.
pub const WORKER_URL: &str = "./dialoglab-worker_loader.js";

/// What a job reports: `P` is the kind of partial result, `O` of the result.
#[derive(Clone, Debug, PartialEq)]
pub enum Event<P, O> {
    /// `done` of `total` units finished.
    Progress {
        /// Units finished.
        done: u32,
        /// Units in the job.
        total: u32,
    },
    /// A piece of the result.
    Partial(P),
    /// The result (last event of the job).
    Done(O),
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

struct Inner<P, O> {
    live: Option<Live>,
    next_id: u32,
    current: Option<(u32, Callback<Event<P, O>>)>,
}

impl<P, O> Default for Inner<P, O> {
    fn default() -> Self {
        Inner {
            live: None,
            next_id: 0,
            current: None,
        }
    }
}

impl<P, O> Drop for Inner<P, O> {
    fn drop(&mut self) {
        if let Some(live) = self.live.take() {
            live.stop();
        }
    }
}

impl Live {
    /// Terminates the worker after detaching its handlers: a message it posted that is already
    /// queued on the page then reaches no handler, instead of the dropped closure (which throws
    /// »closure invoked … after being dropped«).
    fn stop(self) {
        self.worker.set_onmessage(None);
        self.worker.set_onerror(None);
        self.worker.terminate();
    }
}

/// A handle on (at most) one worker, running one job at a time, whose answers are read as
/// partial results `P` and results `O`. Clones share the worker.
pub struct WorkerClient<P, O> {
    inner: Rc<RefCell<Inner<P, O>>>,
}

/// A client for Monte-Carlo jobs ([`Job::Seeds`]): reads only their summary.
pub type SeedsClient = WorkerClient<IgnoredAny, SeedsOutput>;
/// A client for A/B jobs over the same towns ([`Job::Pair`]).
pub type PairClient = WorkerClient<IgnoredAny, dialoglab_worker::PairOutput>;
/// A client for the guide's verdict over many towns ([`Job::Towns`]).
pub type TownsClient = WorkerClient<IgnoredAny, dialoglab_worker::TownsOutput>;
/// A client for robustness jobs ([`Job::Robustness`]): reads each finding as it comes.
pub type RobustnessClient =
    WorkerClient<dialoglab_worker::RobustnessPartial, dialoglab_worker::RobustnessOutput>;
/// A client for sweep jobs ([`Job::Sweep`]): reads their points as they come.
pub type SweepClient = WorkerClient<SweepPartial, IgnoredAny>;
/// A client for `.pb` studies ([`Job::Pb`]).
pub type PbClient = WorkerClient<IgnoredAny, PbOutput>;
/// A client for panel selections ([`Job::Panel`]): reads the column generation's steps, LEGACY's
/// selection and the result.
pub type PanelClient = WorkerClient<PanelPartial, PanelOutput>;

impl<P, O> Clone for WorkerClient<P, O> {
    fn clone(&self) -> Self {
        WorkerClient {
            inner: Rc::clone(&self.inner),
        }
    }
}

impl<P, O> Default for WorkerClient<P, O> {
    fn default() -> Self {
        WorkerClient {
            inner: Rc::default(),
        }
    }
}

impl<P, O> PartialEq for WorkerClient<P, O> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.inner, &other.inner)
    }
}

impl<P: DeserializeOwned + 'static, O: DeserializeOwned + 'static> WorkerClient<P, O> {
    /// A client with no worker yet.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// Runs `job`, cancelling any job still running, and reports to `on_event`. Returns the job's
    /// id. If the worker cannot be started, `on_event` gets an error at once.
    /// `job` is a [`Job`] or a type of one job's own that writes the same JSON ([`dialoglab_worker::SeedsJob`], so
    /// that the sandbox bundle links no serializer for the jobs only the views bundle sends).
    pub fn run<J: Serialize>(&self, job: J, on_event: Callback<Event<P, O>>) -> u32 {
        self.run_with(job, None, on_event)
    }

    /// [`run`](Self::run) for a job that takes binary data (the `.pb` job): `bytes` is posted
    /// next to the JSON as `[text, bytes]` (a structured-clone copy, so the page keeps its own).
    pub fn run_with_bytes(
        &self,
        job: Job,
        bytes: &js_sys::Uint8Array,
        on_event: Callback<Event<P, O>>,
    ) -> u32 {
        self.run_with(job, Some(bytes), on_event)
    }

    fn run_with<J: Serialize>(
        &self,
        job: J,
        bytes: Option<&js_sys::Uint8Array>,
        on_event: Callback<Event<P, O>>,
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
            live.stop();
        }
    }
}

/// Starts a worker whose handlers report to the client behind `inner`.
fn spawn<P: DeserializeOwned + 'static, O: DeserializeOwned + 'static>(
    inner: Weak<RefCell<Inner<P, O>>>,
) -> Result<Live, String> {
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
fn receive<P: DeserializeOwned, O: DeserializeOwned>(inner: &Rc<RefCell<Inner<P, O>>>, text: &str) {
    let response = match Response::<Message<P, O>>::from_json(text) {
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
fn fail<P, O>(inner: &Rc<RefCell<Inner<P, O>>>, message: String) {
    let callback = {
        let mut guard = inner.borrow_mut();
        if let Some(live) = guard.live.take() {
            live.stop();
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
