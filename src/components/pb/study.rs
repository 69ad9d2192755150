//! The real-data view's study: [`use_pb_study`] holds the file shown, its error and progress, and
//! [`start`] sends `.pb` bytes to the Web Worker
//! (`crates/worker`, job `Pb`), which parses and studies them off the page, and turns the
//! worker's answers into [`StudyEvent`]s. The parser and the rules' analytics therefore stay out
//! of the page's own wasm.

use dialoglab_engine::pb::PbError;
use dialoglab_engine::pb::study::{Progress, Study, StudyOptions};
use dialoglab_worker::{Job, PbOutput};
use serde::de::IgnoredAny;
use std::rc::Rc;

use yew::prelude::*;

use crate::worker_client::{Event, PbClient};

/// Why the last file was not shown.
#[derive(Clone, Debug, PartialEq)]
pub enum FileError {
    /// Larger than the view's limit ([`super::MAX_FILE_BYTES`]).
    TooBig(u64),
    /// The parser's complaint.
    Parse(PbError),
    /// The browser could not read the file, or the computation failed.
    Other(String),
}

/// What a study reports.
#[derive(Clone, Debug, PartialEq)]
pub enum StudyEvent {
    /// Steps done so far.
    Progress(Progress),
    /// The result (last event).
    Done(Box<Result<Study, FileError>>),
}

/// The view's event for a worker event (`None`: nothing to show).
#[must_use]
pub fn translate(event: Event<IgnoredAny, PbOutput>) -> Option<StudyEvent> {
    match event {
        Event::Progress { done, total } => Some(StudyEvent::Progress(Progress { done, total })),
        Event::Partial(_) => None,
        Event::Done(PbOutput::Pb(result)) => Some(StudyEvent::Done(Box::new(
            (*result).map_err(FileError::Parse),
        ))),
        Event::Error(message) => Some(StudyEvent::Done(Box::new(Err(FileError::Other(message))))),
    }
}

/// Studies `bytes` with `options` in the worker behind `client`, reporting to `on_event` (a
/// running study of the same client is cancelled).
pub fn start(
    client: &PbClient,
    bytes: &js_sys::Uint8Array,
    options: StudyOptions,
    on_event: Callback<StudyEvent>,
) {
    client.run_with_bytes(
        Job::Pb { options },
        bytes,
        Callback::from(move |event| {
            if let Some(e) = translate(event) {
                on_event.emit(e);
            }
        }),
    );
}

/// A file studied in the worker.
#[derive(Clone, Debug)]
pub struct Loaded {
    /// The file's name.
    pub name: String,
    /// The file's bytes (kept to study it again with other options).
    pub bytes: Rc<js_sys::Uint8Array>,
    /// The study.
    pub study: Rc<Study>,
}

/// The real-data view's study: what is shown, and how to study another file.
#[derive(Clone)]
pub struct PbStudy {
    /// The file shown, if any.
    pub loaded: UseStateHandle<Option<Loaded>>,
    /// Why the last file was not shown (the file shown before stays).
    pub error: UseStateHandle<Option<FileError>>,
    /// The running study's progress.
    pub progress: UseStateHandle<Option<Progress>>,
    /// Studies a file's bytes with these options in the worker.
    pub start: Callback<(String, Rc<js_sys::Uint8Array>, StudyOptions)>,
    /// Stops a running study at once (the worker is terminated; the next file starts a new one);
    /// the file shown before, if any, stays.
    pub cancel: Callback<()>,
}

/// The study state of the real-data view, with its own worker client.
#[hook]
pub fn use_pb_study() -> PbStudy {
    let loaded = use_state(|| None::<Loaded>);
    let error = use_state(|| None::<FileError>);
    let progress = use_state(|| None::<Progress>);
    let client = use_memo((), |()| PbClient::new());
    let start = {
        let (loaded, error, progress) = (loaded.clone(), error.clone(), progress.clone());
        let client = client.clone();
        Callback::from(
            move |(name, bytes, options): (String, Rc<js_sys::Uint8Array>, StudyOptions)| {
                progress.set(Some(Progress { done: 0, total: 1 }));
                let (loaded, error, progress) = (loaded.clone(), error.clone(), progress.clone());
                let job_bytes = bytes.clone();
                let on_event = Callback::from(move |event: StudyEvent| match event {
                    StudyEvent::Progress(p) => progress.set(Some(p)),
                    StudyEvent::Done(result) => {
                        progress.set(None);
                        match *result {
                            Ok(study) => {
                                loaded.set(Some(Loaded {
                                    name: name.clone(),
                                    bytes: bytes.clone(),
                                    study: Rc::new(study),
                                }));
                                error.set(None);
                            }
                            Err(e) => error.set(Some(e)),
                        }
                    }
                });
                start(&client, &job_bytes, options, on_event);
            },
        )
    };
    let cancel = {
        let (client, progress) = (client.clone(), progress.clone());
        Callback::from(move |()| {
            client.cancel();
            progress.set(None);
        })
    };
    PbStudy {
        loaded,
        error,
        progress,
        start,
        cancel,
    }
}

/// Reads the first file of a list and hands its bytes (or an error) to `done`.
pub fn read_file(
    file: web_sys::File,
    done: Callback<Result<(String, Rc<js_sys::Uint8Array>), FileError>>,
) {
    let size = file.size() as u64;
    if size > super::MAX_FILE_BYTES {
        done.emit(Err(FileError::TooBig(size)));
        return;
    }
    let name = file.name();
    wasm_bindgen_futures::spawn_local(async move {
        match wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await {
            Ok(buffer) => done.emit(Ok((name, Rc::new(js_sys::Uint8Array::new(&buffer))))),
            Err(e) => done.emit(Err(FileError::Other(
                e.as_string().unwrap_or_else(|| "read error".into()),
            ))),
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use dialoglab_engine::pb::PbError;

    #[test]
    fn worker_answers_become_view_events() {
        assert_eq!(
            translate(Event::Progress { done: 2, total: 11 }),
            Some(StudyEvent::Progress(Progress { done: 2, total: 11 }))
        );
        let bad = translate(Event::Done(PbOutput::Pb(Box::new(Err(PbError::Empty)))));
        assert_eq!(
            bad,
            Some(StudyEvent::Done(Box::new(Err(FileError::Parse(
                PbError::Empty
            )))))
        );
        assert!(matches!(
            translate(Event::Error("gone".into())),
            Some(StudyEvent::Done(r)) if *r == Err(FileError::Other("gone".into()))
        ));
    }
}
