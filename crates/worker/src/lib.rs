//! Dialoglab's Web Worker: the message protocol between the page and the worker, and the jobs
//! the worker runs off the page's main thread (sweeps, Monte-Carlo seeds, `.pb` studies, the
//! robustness of headline findings, panel selection, the guide's verdict over many towns).
//!
//! The library builds natively (the protocol and every job are tested with `cargo test`); the
//! binary `dialoglab-worker` (`src/main.rs`) is the thin wasm32 entry point that Trunk builds as a
//! worker (`data-type="worker"` in `index.html`). The page's side is `src/worker_client.rs` in the
//! app: it spawns the worker on the first job, not at page load, and cancels a job by terminating
//! the worker.
//!
//! # Protocol
//! The page posts a [`Request`] `{id, job}` as a JSON string; the worker answers with
//! [`Response`]s `{id, message}`: first, once, [`Message::Ready`] (id [`READY_ID`]), then for each
//! job any number of [`Message::Progress`] and [`Message::Partial`] and finally one
//! [`Message::Done`] or [`Message::Error`]. The worker runs one job at a time, in order.
//!
//! # Adding a job kind
//! 1. Write `src/<job>.rs` with the job's input and output types (serde) and
//!    `pub fn run(input…, send: &mut dyn FnMut(Message)) -> Result<Output, String>`: validate the
//!    input first (an `Err` names what is wrong, never panic), call `send(Message::Progress{..})`
//!    as work finishes and `send(Message::Partial(..))` for pieces worth showing early.
//! 2. Add one variant to [`Job`] (the input), one to [`Output`] (the result) and, if it streams
//!    pieces, one to [`Partial`]; add the match arm in [`handle`].
//! 3. Add the page's reading of its answers in [`protocol`]: a `Message<P, O>` alias over
//!    enums holding only this job's partial and output variants (same names, so the same JSON),
//!    with [`serde::de::IgnoredAny`] for what the page does not read; the page's bundle then
//!    carries no decoder for other jobs' answers.
//! 4. Test it natively in the module (`cargo test -p dialoglab-worker`). The page sends it with
//!    `WorkerClient::run(Job::…, callback)` on a client of that alias's types.
//!
//! Heavy code belongs here rather than in the app: the worker's wasm is fetched only when a job
//! is first run, so it does not count against the page's initial-load budget.
#![deny(missing_docs)]

pub mod pair;
pub mod panel;
pub mod pb;
pub mod protocol;
pub mod robustness;
pub mod seeds;
pub mod stats;
pub mod sweep;
pub mod towns;

pub use protocol::{
    Job, Message, Output, PairMessage, PairOutput, PanelMessage, PanelOutput, PanelPartial,
    Partial, PbMessage, PbOutput, READY_ID, Request, Response, RobustnessMessage, RobustnessOutput,
    RobustnessPartial, SeedsJob, SeedsMessage, SeedsOutput, SweepMessage, SweepPartial,
    TownsMessage, TownsOutput,
};

/// Runs `request`, passing every message (progress, partials, then done or error) to `send`.
pub fn handle(request: &Request, send: &mut dyn FnMut(Message)) {
    handle_with_bytes(request, &[], send);
}

/// [`handle`] for a job that comes with binary data (a `.pb` file posted as a `Uint8Array`
/// next to the JSON text; see `src/main.rs`). Jobs without data ignore `bytes`.
pub fn handle_with_bytes(request: &Request, bytes: &[u8], send: &mut dyn FnMut(Message)) {
    let result = match &request.job {
        Job::Sweep { spec, points } => sweep::run(spec, *points, send),
        Job::Seeds { scenario, n } => seeds::run(scenario, *n, send),
        Job::Pb { options } => pb::run(bytes, options, send),
        Job::Robustness { spec } => robustness::run(spec, send),
        Job::Panel { spec } => panel::run(spec, send),
        Job::Pair { a, b, n } => pair::run(a, b, *n, send),
        Job::Towns { spec } => towns::run(spec, send),
    };
    send(match result {
        Ok(output) => Message::Done(output),
        Err(message) => Message::Error { message },
    });
}

/// Reads a request posted by the page (JSON text), runs it and passes each answer to `post` as
/// JSON text. A message that is not a request gets an error answer (with the id if it has one).
pub fn serve(text: &str, post: &mut dyn FnMut(String)) {
    serve_with_bytes(text, &[], post);
}

/// [`serve`] for a request posted with binary data.
pub fn serve_with_bytes(text: &str, bytes: &[u8], post: &mut dyn FnMut(String)) {
    match serde_json::from_str::<Request>(text) {
        Ok(request) => {
            let id = request.id;
            handle_with_bytes(&request, bytes, &mut |message| {
                post(Response { id, message }.to_json());
            });
        }
        Err(e) => {
            let id = serde_json::from_str::<serde_json::Value>(text)
                .ok()
                .and_then(|v| v.get("id").and_then(serde_json::Value::as_u64))
                .and_then(|id| u32::try_from(id).ok())
                .unwrap_or(READY_ID);
            post(
                Response::<Message> {
                    id,
                    message: Message::Error {
                        message: format!("the worker could not read the job: {e}"),
                    },
                }
                .to_json(),
            );
        }
    }
}

/// The [`Message::Ready`] announcement as JSON text.
#[must_use]
pub fn ready() -> String {
    Response::<Message> {
        id: READY_ID,
        message: Message::Ready,
    }
    .to_json()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::de::IgnoredAny;

    fn small() -> dialoglab_engine::Scenario {
        dialoglab_engine::presets::get("borgerbudget-small").unwrap()
    }

    #[test]
    fn requests_and_responses_round_trip_through_json() {
        let request = Request {
            id: 3,
            job: Job::Seeds {
                scenario: small(),
                n: 5,
            },
        };
        let text = request.to_json();
        assert!(text.starts_with("{\"id\":3,\"job\":{\"seeds\":"), "{text}");
        assert_eq!(serde_json::from_str::<Request>(&text).unwrap(), request);
        for message in [
            Message::<Partial, Output>::Ready,
            Message::Progress { done: 1, total: 2 },
            Message::Error {
                message: "x".into(),
            },
        ] {
            let r = Response { id: 9, message };
            assert_eq!(Response::from_json(&r.to_json()).unwrap(), r);
        }
        assert_eq!(ready(), "{\"id\":0,\"message\":\"ready\"}");
        assert!(Response::<Message>::from_json("{}").is_err());
    }

    #[test]
    fn the_page_reads_each_jobs_answers_with_that_jobs_own_types() {
        let answers = |job: Job| {
            let mut out = Vec::new();
            serve(&Request { id: 2, job }.to_json(), &mut |a| out.push(a));
            out
        };
        let seeds = answers(Job::Seeds {
            scenario: small(),
            n: 2,
        });
        let read: Vec<SeedsMessage> = seeds
            .iter()
            .map(|a| Response::<SeedsMessage>::from_json(a).unwrap().message)
            .collect();
        let full = Response::<Message>::from_json(seeds.last().unwrap()).unwrap();
        let Message::Done(Output::Seeds(summary)) = full.message else {
            panic!("{full:?}")
        };
        assert!(matches!(read[0], Message::Partial(IgnoredAny)));
        assert_eq!(
            read.last(),
            Some(&Message::Done(SeedsOutput::Seeds(summary)))
        );
        // Another job's output is not a seeds answer.
        let sweep_done = Response::<Message> {
            id: 2,
            message: Message::Done(Output::Sweep(sweep::SweepDone {
                point_count: 0,
                points: Vec::new(),
            })),
        };
        assert!(Response::<SeedsMessage>::from_json(&sweep_done.to_json()).is_err());
        let point = Response::<SweepMessage>::from_json(
            &Response::<Message> {
                id: 2,
                message: Message::Partial(Partial::Seed(seeds::SeedRun {
                    index: 0,
                    seed: 1,
                    values: Vec::new(),
                })),
            }
            .to_json(),
        );
        assert!(point.is_err(), "a seed run is not a sweep point");
    }

    #[test]
    fn serve_answers_progress_then_done_with_the_request_id() {
        let request = Request {
            id: 7,
            job: Job::Seeds {
                scenario: small(),
                n: 2,
            },
        };
        let mut answers = Vec::new();
        serve(&request.to_json(), &mut |a| answers.push(a));
        let answers: Vec<Response> = answers
            .iter()
            .map(|a| Response::from_json(a).unwrap())
            .collect();
        assert!(answers.iter().all(|a| a.id == 7));
        assert_eq!(answers.len(), 5, "2 × (partial, progress) + done");
        assert!(matches!(
            answers[1].message,
            Message::Progress { done: 1, total: 2 }
        ));
        assert!(matches!(
            answers[4].message,
            Message::Done(Output::Seeds(_))
        ));
    }

    #[test]
    fn garbage_gets_an_error_answer_not_a_panic() {
        for (text, id) in [
            ("not json", READY_ID),
            ("{\"id\":4,\"job\":{\"bake\":{}}}", 4),
            (
                "{\"id\":5,\"job\":{\"seeds\":{\"scenario\":{\"budgt\":1},\"n\":2}}}",
                5,
            ),
            ("{\"id\":99999999999,\"job\":1}", READY_ID),
        ] {
            let mut answers = Vec::new();
            serve(text, &mut |a| answers.push(a));
            assert_eq!(answers.len(), 1, "{text}");
            let r = Response::<Message>::from_json(&answers[0]).unwrap();
            assert_eq!(r.id, id, "{text}");
            let Message::Error { message } = r.message else {
                panic!("{text}: {r:?}")
            };
            assert!(message.contains("could not read the job"), "{message}");
        }
    }

    #[test]
    fn an_invalid_scenario_is_an_error_naming_the_field() {
        let mut scenario = small();
        scenario.budget = u64::MAX;
        let mut messages = Vec::new();
        handle(
            &Request {
                id: 1,
                job: Job::Seeds { scenario, n: 3 },
            },
            &mut |m| messages.push(m),
        );
        assert_eq!(messages.len(), 1);
        let Message::Error { message } = &messages[0] else {
            panic!("{messages:?}")
        };
        assert!(message.contains("budget"), "{message}");
    }
}
