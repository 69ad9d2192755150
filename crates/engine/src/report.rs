//! The report of a run: plain serde data that the app draws and the CLI prints.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::metrics::Representativeness;
use crate::scenario::Strategy;

/// Version of the report format; bumped when a field changes meaning.
pub const REPORT_VERSION: u32 = 1;

/// Everything a run measured.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// Report format version ([`REPORT_VERSION`]).
    pub report_version: u32,
    /// The scenario's seed.
    pub seed: u64,
    /// The invitation strategy used.
    pub strategy: Strategy,
    /// The budget in DKK.
    pub budget: u64,
    /// The population the stages are compared with.
    pub population: PopulationReport,
    /// Each stage by name: `invited`, `attendees`.
    pub stages: BTreeMap<String, StageReport>,
    /// Panel selection details (stratified sortition only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub selection: Option<SelectionReport>,
    /// What the invitation cost.
    pub cost: CostReport,
}

/// The population.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PopulationReport {
    /// Number of adult citizens.
    pub size: u32,
    /// Share of each category per attribute.
    pub shares: BTreeMap<String, BTreeMap<String, f64>>,
    /// Means of the continuous traits (free time in hours per week, the rest 0 – 1).
    pub means: BTreeMap<String, f64>,
}

/// One stage of the funnel.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StageReport {
    /// Citizens in the stage.
    pub count: u32,
    /// `count` ÷ population size.
    pub share_of_population: f64,
    /// How well the stage mirrors the population.
    pub representativeness: Representativeness,
}

/// How the stratified panel was selected.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SelectionReport {
    /// Citizens who answered the letter and joined the pool.
    pub pool: u32,
    /// Panel members selected (before drop-outs).
    pub panel: u32,
    /// Whether the quotas were met without filling up past them.
    pub quotas_met: bool,
    /// Replicate draws behind the probability estimates.
    pub replicates: u16,
    /// Smallest estimated selection probability of a pool member, given the pool.
    pub min_probability: f64,
    /// Largest estimated selection probability of a pool member, given the pool.
    pub max_probability: f64,
    /// Each pool member (citizen index) with the estimated probability of selection given the pool.
    pub probabilities: Vec<PoolProbability>,
    /// Estimated end-to-end selection probability (letter × answer × selection) by category: the
    /// mean over the category's citizens of `letters/N · P(answer) · s̄(cell)`, with `s̄(cell)` the
    /// mean selection probability of pool members of the same age band, gender and education.
    pub end_to_end: BTreeMap<String, BTreeMap<String, f64>>,
}

/// One pool member's estimated selection probability.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PoolProbability {
    /// Citizen index in the population.
    pub citizen: u32,
    /// Estimated probability of being selected, given the pool.
    pub probability: f64,
}

/// What the invitation cost.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CostReport {
    /// Letters sent.
    pub letters: u32,
    /// Personal outreach contacts made.
    pub contacts: u32,
    /// Staff hours.
    pub staff_hours: f64,
    /// Letters and staff hours in DKK.
    pub dkk: u64,
    /// `dkk` per attendee (absent when nobody attended).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dkk_per_attendee: Option<f64>,
}
