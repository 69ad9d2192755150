//! Where the real-data view's computation runs: [`start`] studies `.pb` bytes and reports
//! progress and the result to a callback. It runs in the page after yielding once, so the
//! progress bar is drawn before the work starts.

use std::rc::Rc;

use dialoglab_engine::pb::study::{Progress, Study, StudyOptions, study_bytes};
use yew::Callback;

use crate::components::pb_view::FileError;

/// What a study reports.
#[derive(Clone, Debug, PartialEq)]
pub enum StudyEvent {
    /// Steps done so far.
    Progress(Progress),
    /// The result (last event).
    Done(Box<Result<Study, FileError>>),
}

/// Studies `bytes` with `options`, reporting to `on_event`.
pub fn start(bytes: Rc<Vec<u8>>, options: StudyOptions, on_event: Callback<StudyEvent>) {
    gloo::timers::callback::Timeout::new(0, move || {
        let result = study_bytes(&bytes, &options, &mut |p| {
            on_event.emit(StudyEvent::Progress(p));
        })
        .map_err(|e| FileError::Parse(e.into()));
        on_event.emit(StudyEvent::Done(Box::new(result)));
    })
    .forget();
}
