//! The messages between the page and the worker. Both directions travel as JSON strings
//! (`serde_json`), so the page and the worker only share these types.
//!
//! ```text
//! page   → worker  {"id":1,"job":{"seeds":{"scenario":{…},"n":20}}}
//! worker → page    {"id":0,"message":"ready"}                       (once, when it can take jobs)
//! worker → page    {"id":1,"message":{"progress":{"done":3,"total":20}}}
//! worker → page    {"id":1,"message":{"partial":{"seed":{…}}}}
//! worker → page    {"id":1,"message":{"done":{"seeds":{…}}}}        (or {"error":{"message":"…"}})
//! page   → worker  {"id":2,"job":{"robustness":{"spec":{"base":{…},"findings":["targeted-outreach"],…}}}}
//! worker → page    {"id":2,"message":{"partial":{"robustness":{"finding":"targeted-outreach","holds":92,"members":100,…}}}}
//! ```
//!
//! The worker writes [`Message`] with every kind of [`Partial`] and [`Output`]; the page reads each
//! job's answers with [`Message`] over that job's own types ([`SeedsMessage`], [`SweepMessage`],
//! [`PbMessage`]), so a bundle carries decoders only for the answers it uses (the sandbox bundle
//! none for sweeps or `.pb` studies).

use dialoglab_engine::Scenario;
use dialoglab_engine::pb::PbError;
use dialoglab_engine::pb::study::{Study, StudyOptions};
use serde::de::{DeserializeOwned, IgnoredAny};
use serde::{Deserialize, Serialize};

use dialoglab_engine::sweep::{PointSummary, SweepSpec};

use dialoglab_engine::sensitivity::ensemble::Robustness;

use dialoglab_engine::panel::{PanelError, Progress as PanelProgress, Selection};

use crate::pair::PairSummary;
use crate::panel::{PanelDone, PanelSpec};
use crate::robustness::{RobustnessDone, RobustnessSpec};
use crate::seeds::{SeedRun, SeedsSummary};
use crate::sweep::{PointRange, SweepDone};
use crate::towns::{TownsCount, TownsSpec};

/// The id of the worker's `Ready` message; jobs use ids from 1.
pub const READY_ID: u32 = 0;

/// A job for the worker, with the id its answers will carry.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Request<J = Job> {
    /// Chosen by the page (≥ 1); every answer to this request carries it.
    pub id: u32,
    /// What to do: a [`Job`], or a type of one job's own that writes the same JSON
    /// ([`SeedsJob`]).
    pub job: J,
}

/// The jobs the sandbox bundle sends ([`Job::Seeds`], [`Job::Pair`], [`Job::Robustness`]) as it
/// writes them: the same JSON as the variants, in a type of its own, so that the sandbox carries
/// no serializer for the other jobs (sweeps, `.pb` studies), which only the views bundle sends.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "kebab-case")]
#[allow(
    clippy::large_enum_variant,
    reason = "one job is built per run; the size difference costs nothing"
)]
pub enum SeedsJob {
    /// Monte Carlo: `n` runs of `scenario` with seeds `scenario.seed`, `scenario.seed + 1`, …
    Seeds {
        /// The scenario; only its seed changes between runs.
        scenario: Scenario,
        /// Number of runs.
        n: u32,
    },
    /// A and B in the same `n` towns, as paired differences.
    Pair {
        /// Scenario A (the pinned run).
        a: Scenario,
        /// Scenario B (the current run).
        b: Scenario,
        /// Number of towns.
        n: u32,
    },
    /// How often each headline finding holds across plausible models.
    Robustness {
        /// The base scenario, the findings, the ensemble's size and seeds.
        spec: RobustnessSpec,
    },
}

/// The kinds of work the worker does. One variant per job module (see the crate docs).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[allow(
    clippy::large_enum_variant,
    reason = "one job is built per run; the size difference costs nothing"
)]
pub enum Job {
    /// A sweep (`dialoglab_engine::sweep`), or the slice `points` of its points.
    Sweep {
        /// The sweep.
        spec: SweepSpec,
        /// Only these points (all when absent): lets several workers share one sweep.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        points: Option<PointRange>,
    },
    /// Monte Carlo: `n` runs of `scenario` with seeds `scenario.seed`, `scenario.seed + 1`, …
    Seeds {
        /// The scenario; only its seed changes between runs.
        scenario: Scenario,
        /// Number of runs (1 ..= [`crate::seeds::MAX_SEEDS`]).
        n: u32,
    },
    /// Study a pabulib `.pb` file: the file's bytes travel next to the JSON as a `Uint8Array`
    /// (see [`crate::handle_with_bytes`]); at most [`crate::pb::MAX_BYTES`].
    Pb {
        /// Tie-breaking, reweighting profile, adults in the area.
        options: StudyOptions,
    },
    /// How often each headline finding holds across plausible models (an ensemble per finding).
    Robustness {
        /// The base scenario, the findings, the ensemble's size and seeds.
        spec: RobustnessSpec,
    },
    /// Select a citizens' panel from the selection software's two CSV files (LEGACY, maximin or
    /// LEXIMIN, `dialoglab_engine::panel`).
    Panel {
        /// The files, the panel size, the algorithm and the seed.
        spec: PanelSpec,
    },
    /// A and B in the same `n` towns (seeds `a.seed + k`, `b.seed + k`): paired differences of the
    /// headline numbers (`crate::pair`).
    Pair {
        /// Scenario A.
        a: Scenario,
        /// Scenario B.
        b: Scenario,
        /// Number of towns (1 ..= [`crate::seeds::MAX_SEEDS`]).
        n: u32,
    },
    /// The guide's verdict: in how many of `n` towns one number of the report goes up, down or
    /// stays the same from A to B (`crate::towns`).
    Towns {
        /// The two settings, the towns, the number and its tolerance.
        spec: TownsSpec,
    },
}

/// One answer from the worker: `M` is [`Message`] as the worker writes it, or one job's
/// answers as the page reads them (e.g. [`SeedsMessage`]).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Response<M = Message> {
    /// The request's id ([`READY_ID`] for [`Message::Ready`]).
    pub id: u32,
    /// The answer.
    pub message: M,
}

/// What the worker says about a job. `P` and `O` are the kinds of partial result and output:
/// all of them ([`Partial`], [`Output`]) when the worker writes, one job's when the page reads
/// ([`IgnoredAny`] skips what the page does not read).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Message<P = Partial, O = Output> {
    /// The worker has loaded and takes jobs (sent once, with [`READY_ID`]).
    Ready,
    /// `done` of `total` units of work are finished.
    Progress {
        /// Units finished.
        done: u32,
        /// Units in the job.
        total: u32,
    },
    /// A piece of the result, sent as soon as it is known (charts draw it at once).
    Partial(P),
    /// The job's result; nothing more comes for this id.
    Done(O),
    /// The job failed; nothing more comes for this id.
    Error {
        /// What went wrong, for the user (English; the page adds its own translated context).
        message: String,
    },
}

/// A piece of a result streamed while the job runs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Partial {
    /// The summary of one finished sweep point.
    SweepPoint(PointSummary),
    /// One finished Monte-Carlo run.
    Seed(SeedRun),
    /// How often one finding holds, once its ensemble is done.
    Robustness(Robustness),
    /// Where a maximin or LEXIMIN computation is: level, fixed respondents, compositions, gap.
    PanelStep(PanelProgress),
    /// LEGACY's selection, done before LEXIMIN starts (for the comparison).
    PanelLegacy(Box<Selection>),
}

/// The result of a job.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Output {
    /// The summaries of the sweep's (or the slice's) points.
    Sweep(SweepDone),
    /// Mean and 95% interval of the headline numbers over the seeds.
    Seeds(SeedsSummary),
    /// The study of a `.pb` file, or what is wrong with the file (line and problem).
    Pb(Box<Result<Study, PbError>>),
    /// Every finding's robustness, in the order asked.
    Robustness(RobustnessDone),
    /// The selected panel, or what is wrong with the files or the quotas.
    Panel(Box<Result<PanelDone, PanelError>>),
    /// A and B over the same towns, with paired differences.
    Pair(PairSummary),
    /// In how many towns a number went up, down or stayed the same.
    Towns(TownsCount),
}

impl<J: Serialize> Request<J> {
    /// The request as the JSON text the page posts. Written through a JSON tree (keys in
    /// alphabetical order), the way the page writes its links, so that the page's bundle holds
    /// one copy of the scenario's serializer.
    #[must_use]
    pub fn to_json(&self) -> String {
        serde_json::to_value(self)
            .map(|tree| tree.to_string())
            .unwrap_or_default()
    }
}

/// The answers to a [`Job::Seeds`] as the page reads them (the runs streamed as partials are
/// skipped: the page shows only the summary).
pub type SeedsMessage = Message<IgnoredAny, SeedsOutput>;

/// The output of a [`Job::Seeds`] ([`Output::Seeds`]).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SeedsOutput {
    /// Mean and 95% interval of the headline numbers over the seeds.
    Seeds(SeedsSummary),
}

/// The answers to a [`Job::Pair`] as the page reads them.
pub type PairMessage = Message<IgnoredAny, PairOutput>;

/// The output of a [`Job::Pair`] ([`Output::Pair`]).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PairOutput {
    /// A and B over the same towns, with paired differences.
    Pair(PairSummary),
}

/// The answers to a [`Job::Towns`] as the page reads them.
pub type TownsMessage = Message<IgnoredAny, TownsOutput>;

/// The output of a [`Job::Towns`] ([`Output::Towns`]).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum TownsOutput {
    /// In how many towns the number went up, down or stayed the same.
    Towns(TownsCount),
}

/// The answers to a [`Job::Sweep`] as the page reads them (the points, streamed as partials; the
/// final output is only the signal that the slice is finished).
pub type SweepMessage = Message<SweepPartial, IgnoredAny>;

/// A partial result of a [`Job::Sweep`] ([`Partial::SweepPoint`]).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SweepPartial {
    /// The summary of one finished sweep point.
    SweepPoint(PointSummary),
}

/// The answers to a [`Job::Pb`] as the page reads them.
pub type PbMessage = Message<IgnoredAny, PbOutput>;

/// The output of a [`Job::Pb`] ([`Output::Pb`]).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PbOutput {
    /// The study of a `.pb` file, or what is wrong with the file (line and problem).
    Pb(Box<Result<Study, PbError>>),
}

/// The answers to a [`Job::Robustness`] as the page reads them (each finding streamed as a
/// partial, then all of them).
pub type RobustnessMessage = Message<RobustnessPartial, RobustnessOutput>;

/// A partial result of a [`Job::Robustness`] ([`Partial::Robustness`]).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RobustnessPartial {
    /// How often one finding holds.
    Robustness(Robustness),
}

/// The output of a [`Job::Robustness`] ([`Output::Robustness`]).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RobustnessOutput {
    /// Every finding's robustness.
    Robustness(RobustnessDone),
}

/// The answers to a [`Job::Panel`] as the page reads them.
pub type PanelMessage = Message<PanelPartial, PanelOutput>;

/// A partial result of a [`Job::Panel`] ([`Partial::PanelStep`], [`Partial::PanelLegacy`]).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PanelPartial {
    /// Where the column generation is.
    PanelStep(PanelProgress),
    /// LEGACY's selection.
    PanelLegacy(Box<Selection>),
}

/// The output of a [`Job::Panel`] ([`Output::Panel`]).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PanelOutput {
    /// The selected panel, or what is wrong.
    Panel(Box<Result<PanelDone, PanelError>>),
}

impl<M: Serialize> Response<M> {
    /// The response as the JSON text the worker posts.
    #[must_use]
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

impl<M: DeserializeOwned> Response<M> {
    /// Reads a response posted by the worker.
    pub fn from_json(text: &str) -> Result<Response<M>, String> {
        serde_json::from_str(text).map_err(|e| format!("unreadable message from the worker: {e}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_seeds_job_of_its_own_writes_the_same_request_as_the_job_variant() {
        let scenario = dialoglab_engine::presets::get("faxe-dialogue").unwrap();
        let own = Request {
            id: 7,
            job: SeedsJob::Seeds {
                scenario: scenario.clone(),
                n: 20,
            },
        }
        .to_json();
        let variant = Request {
            id: 7,
            job: Job::Seeds { scenario, n: 20 },
        };
        assert_eq!(own, variant.to_json());
        assert_eq!(serde_json::from_str::<Request>(&own).unwrap(), variant);
        let mut b = dialoglab_engine::presets::get("faxe-dialogue").unwrap();
        b.invitation.strategy = dialoglab_engine::Strategy::Targeted;
        let a = dialoglab_engine::presets::get("faxe-dialogue").unwrap();
        let own = Request {
            id: 8,
            job: SeedsJob::Pair {
                a: a.clone(),
                b: b.clone(),
                n: 20,
            },
        }
        .to_json();
        let variant = Request {
            id: 8,
            job: Job::Pair { a, b, n: 20 },
        };
        assert_eq!(own, variant.to_json());
        assert_eq!(serde_json::from_str::<Request>(&own).unwrap(), variant);
    }
}
