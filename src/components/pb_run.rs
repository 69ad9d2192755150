//! Where the real-data view's computation runs: [`start`] sends `.pb` bytes to the Web Worker
//! (`crates/worker`, job `Pb`), which parses and studies them off the page, and turns the
//! worker's answers into [`StudyEvent`]s. The parser and the rules' analytics therefore stay out
//! of the page's own wasm.

use dialoglab_engine::pb::PbError;
use dialoglab_engine::pb::study::{Progress, Study, StudyOptions};
use dialoglab_worker::{Job, PbOutput};
use serde::de::IgnoredAny;
use yew::Callback;

use crate::worker_client::{Event, PbClient};

/// Why the last file was not shown.
#[derive(Clone, Debug, PartialEq)]
pub enum FileError {
    /// Larger than the view's limit ([`crate::components::pb_view::MAX_FILE_BYTES`]).
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
