//! Sweeps: one or two scenario parameters varied over a grid, `R` seeded runs per grid point, and
//! the mean with a 95% interval of every headline metric (DESIGN §2.3, "Sweeps").
//!
//! A [`SweepSpec`] is plain serde data (the CLI builds it from `--vary`, the app's worker receives
//! it as JSON); [`Sweep::new`] validates it and prepares the scenario of every point.
//!
//! # Order
//! - **Points**: the x axis varies fastest. Point `p = s · nx + x` has x value `x` and series value
//!   `s` (`s = 0` when there is no series axis), so each series is one curve, in x order.
//! - **Jobs**: job `j = p · R + k` runs point `p` with seed index `k` (`0 ≤ k < R`); its seed is
//!   `first_seed + k`. The same seed index gives the same seed at every point.
//!
//! # Common random numbers
//! The engine draws every stage from a stream seeded by the scenario's seed and the stage
//! ([`crate::rng`]), so running every point with the same seed sequence compares points on the
//! same citizens and the same draws. When the varied paths leave `population.*` alone, each seed's
//! population is drawn once and reused at every point ([`PopulationCache`]): the report is the
//! same as [`crate::run`]'s (population drawing depends only on `population` and `seed`).
//!
//! # Metrics
//! [`Metric::SWEEP`] lists the headline metrics by stable name (an API: files, the worker and the app
//! use these names); [`Sample::values`] and [`PointSummary::metrics`] follow its order:
//!
//! | name | definition (from the run's [`Report`]) |
//! |---|---|
//! | `representativeness.invited`, `.attendees`, `.speakers`, `.voters` | representativeness index `R(S) = 1 − mean_a TVD_a` of the stage (year 1) |
//! | `influence_gap.<attribute>` for `age_band`, `gender`, `occupation`, `children`, `education`, `income`, `marginalised`, `association_member`, `district` | `max_g I_g − min_g I_g` (year 1) |
//! | `legitimacy` | `cost(W ∩ W_all) / max(cost(W), cost(W_all))` |
//! | `welfare_loss` | `1 − Σ s_i(W) / Σ s_i(W_all)` |
//! | `voice_gini` | Gini of speaking time among attendees |
//! | `turnout` | voters ÷ population |
//! | `attendees` | number of attendees (year 1) |
//! | `cost_per_attendee` | invitation cost in DKK ÷ attendees; absent when nobody attended |
//!
//! # Intervals
//! For a metric with `n` values `v_1 … v_n` at a point (runs where it is absent do not count):
//! mean `m = (Σ v_k) / n` summed in seed order; sample standard deviation
//! `s = √(Σ (v_k − m)² / (n − 1))`; 95% interval `m ± t · s / √n` with `t` the 0.975 quantile of
//! Student's t with `n − 1` degrees of freedom ([`t_quantile_975`], computed with `libm` so that
//! native and WebAssembly agree bit for bit). With `n < 2` there is no interval.
//!
//! # Limits
//! An axis has at most [`MAX_AXIS_VALUES`] values, a sweep at most [`MAX_POINTS`] points and
//! [`MAX_JOBS`] runs in all (points × seeds); larger experiments are split into several sweeps.
//!
//! ```
//! use dialoglab_engine::sweep::{Axis, Sweep, SweepSpec};
//! let mut base = dialoglab_engine::presets::get("faxe-dialogue").unwrap();
//! base.population.size = 2_000;
//! base.invitation.letters = 500;
//! let x = Axis::parse("budget=100000..1000000:log:3", &base).unwrap();
//! let series = Axis::parse("invitation.strategy=open-call,targeted", &base).unwrap();
//! let spec = SweepSpec { base, x, series: Some(series), seeds: 2, first_seed: 1 };
//! let sweep = Sweep::new(spec).unwrap();
//! assert_eq!((sweep.point_count(), sweep.job_count()), (6, 12));
//! let result = sweep.run();
//! let legitimacy = result.points[0].get("legitimacy").unwrap();
//! assert_eq!(legitimacy.n, 2);
//! ```

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::metric::Metric;
pub use crate::population::Cache as PopulationCache;
use crate::population::{self, Population};
use crate::report::Report;
use crate::scenario::{Scenario, ScenarioError};
use crate::stats::estimate_with;
pub use crate::stats::{Estimate, t_quantile_975};

/// Most values on one axis.
pub const MAX_AXIS_VALUES: u32 = 1_000;
/// Most points (x values × series values) in one sweep.
pub const MAX_POINTS: u32 = 10_000;
/// Most runs (points × seeds) in one sweep; one run of `faxe-dialogue` takes a few milliseconds,
/// so this is about an hour of one core, and keeps every sample of a merge in memory.
pub const MAX_JOBS: u32 = 1_000_000;

/// The position of metric `name` in [`Metric::SWEEP`].
#[must_use]
pub fn metric_index(name: &str) -> Option<usize> {
    Metric::SWEEP.iter().position(|m| m.name() == name)
}

mod axis;
mod design;
mod output;

pub use axis::{Axis, Scale};
pub use design::Design;

/// A sweep: a base scenario, an x axis, an optional series axis and `seeds` runs per point.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SweepSpec {
    /// The scenario every point starts from; its `seed` is replaced by the sweep's seeds.
    pub base: Scenario,
    /// The x axis.
    pub x: Axis,
    /// The series axis (one curve per value), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub series: Option<Axis>,
    /// Runs per point, `R` (1 – [`MAX_JOBS`] ÷ points).
    pub seeds: u32,
    /// Seed of seed index 0; seed index `k` runs with seed `first_seed + k`.
    pub first_seed: u64,
}

/// Why a sweep cannot be run.
#[derive(Clone, Debug, PartialEq)]
pub enum SweepError {
    /// An axis written in the `--vary` grammar could not be read.
    Grammar {
        /// The text as given.
        text: String,
        /// What is wrong.
        problem: String,
    },
    /// An axis value does not fit its field, or a point's scenario is not valid.
    Point {
        /// What the point sets, e.g. `budget = 100 and invitation.strategy = "targeted"`.
        point: String,
        /// The scenario's complaint.
        error: ScenarioError,
    },
    /// The base scenario is not valid.
    Base(ScenarioError),
    /// A count outside its limit, or axes that do not fit together.
    Invalid(String),
}

impl fmt::Display for SweepError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SweepError::Grammar { text, problem } => write!(
                f,
                "cannot read the axis {text:?}: {problem} (write PATH=A..B:log:N, PATH=A..B:lin:N or PATH=v1,v2,...)"
            ),
            SweepError::Point { point, error } => write!(f, "at {point}: {error}"),
            SweepError::Base(error) => write!(f, "the base scenario: {error}"),
            SweepError::Invalid(problem) => f.write_str(problem),
        }
    }
}

impl std::error::Error for SweepError {}

/// One grid point.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Point {
    /// Point index (`series · nx + x`).
    pub index: u32,
    /// Index of the x value.
    pub x: u32,
    /// Index of the series value (0 without a series axis).
    pub series: u32,
}

/// One run of a sweep: a point and a seed index.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Job {
    /// Job index (`point · R + seed_index`).
    pub index: u32,
    /// Point index.
    pub point: u32,
    /// Seed index `k`; the run's seed is `first_seed + k`.
    pub seed_index: u32,
}

/// The headline metrics of one run.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Sample {
    /// Job index.
    pub job: u32,
    /// Point index.
    pub point: u32,
    /// Seed index.
    pub seed_index: u32,
    /// One value per entry of [`Metric::SWEEP`], `None` where the metric is undefined for this run.
    pub values: Vec<Option<f64>>,
}

impl Sample {
    /// The headline metrics of `report`, in [`Metric::SWEEP`] order.
    #[must_use]
    pub fn metrics_of(report: &Report) -> Vec<Option<f64>> {
        Metric::SWEEP.iter().map(|m| m.of(report)).collect()
    }
}

/// Every metric's estimate at one point.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PointSummary {
    /// Point index.
    pub point: u32,
    /// The x value.
    pub x: Value,
    /// The series value (absent without a series axis).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub series: Option<Value>,
    /// Runs that contributed to this point.
    pub runs: u32,
    /// One estimate per entry of [`Metric::SWEEP`].
    pub metrics: Vec<Estimate>,
}

impl PointSummary {
    /// The estimate of metric `name` (a [`Metric::SWEEP`] name).
    #[must_use]
    pub fn get(&self, name: &str) -> Option<&Estimate> {
        metric_index(name).and_then(|k| self.metrics.get(k))
    }
}

/// What [`Sweep::run`] returns: every point's summary and every run's sample, in job order.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SweepResult {
    /// One summary per point, in point order.
    pub points: Vec<PointSummary>,
    /// One sample per job, in job order.
    pub samples: Vec<Sample>,
}

/// A validated sweep, with the scenario of every point prepared.
#[derive(Clone, Debug, PartialEq)]
pub struct Sweep {
    spec: SweepSpec,
    scenarios: Vec<Scenario>,
}

fn describe(path: &str, value: &Value) -> String {
    format!("{path} = {value}")
}

impl Sweep {
    /// Validates `spec` and prepares every point's scenario. Errors name the axis or point at
    /// fault: an unknown path, a value of the wrong type or out of range (by
    /// [`Scenario::validate`]), an empty axis, the same path on both axes, or more than
    /// [`MAX_POINTS`] points or [`MAX_JOBS`] runs.
    pub fn new(spec: SweepSpec) -> Result<Sweep, SweepError> {
        spec.base.validate().map_err(SweepError::Base)?;
        let axes: Vec<&Axis> = std::iter::once(&spec.x).chain(&spec.series).collect();
        for axis in &axes {
            if axis.values.is_empty() {
                return Err(SweepError::Invalid(format!(
                    "the axis {} has no values",
                    axis.path
                )));
            }
            if axis.values.len() > MAX_AXIS_VALUES as usize {
                return Err(SweepError::Invalid(format!(
                    "the axis {} has {} values; at most {MAX_AXIS_VALUES}",
                    axis.path,
                    axis.values.len()
                )));
            }
            if axis.path == "seed" {
                return Err(SweepError::Invalid(
                    "seed cannot be an axis: the sweep sets the seeds".into(),
                ));
            }
        }
        if let Some(series) = &spec.series
            && series.path == spec.x.path
        {
            return Err(SweepError::Invalid(format!(
                "{} is on both axes; vary two different fields",
                series.path
            )));
        }
        let nx = spec.x.len();
        let ns = spec.series.as_ref().map_or(1, Axis::len);
        let points = u64::from(nx) * u64::from(ns);
        if points > u64::from(MAX_POINTS) {
            return Err(SweepError::Invalid(format!(
                "{nx} × {ns} = {points} points; a sweep has at most {MAX_POINTS}"
            )));
        }
        if spec.seeds == 0 {
            return Err(SweepError::Invalid(
                "the number of seeds must be at least 1".into(),
            ));
        }
        let jobs = points * u64::from(spec.seeds);
        if jobs > u64::from(MAX_JOBS) {
            return Err(SweepError::Invalid(format!(
                "{points} points × {} seeds = {jobs} runs; a sweep has at most {MAX_JOBS} (split the experiment into several sweeps)",
                spec.seeds
            )));
        }
        if spec
            .first_seed
            .checked_add(u64::from(spec.seeds - 1))
            .is_none()
        {
            return Err(SweepError::Invalid(format!(
                "seeds {} + {} overflow the largest seed",
                spec.first_seed, spec.seeds
            )));
        }
        // Apply each x value once and each series value on top of it.
        let mut scenarios = Vec::with_capacity(points as usize);
        for s in 0..ns {
            for x in 0..nx {
                let mut scenario = spec.base.clone();
                let mut what = Vec::new();
                for (axis, k) in
                    std::iter::once((&spec.x, x)).chain(spec.series.as_ref().map(|a| (a, s)))
                {
                    let value = &axis.values[k as usize];
                    what.push(describe(&axis.path, value));
                    scenario
                        .set_path(&axis.path, value.clone())
                        .map_err(|error| SweepError::Point {
                            point: what.join(" and "),
                            error,
                        })?;
                }
                scenario.validate().map_err(|error| SweepError::Point {
                    point: what.join(" and "),
                    error,
                })?;
                scenarios.push(scenario);
            }
        }
        Ok(Sweep { spec, scenarios })
    }

    /// The specification.
    #[must_use]
    pub fn spec(&self) -> &SweepSpec {
        &self.spec
    }

    /// Number of points.
    #[must_use]
    pub fn point_count(&self) -> u32 {
        self.scenarios.len() as u32
    }

    /// Number of jobs (points × seeds).
    #[must_use]
    pub fn job_count(&self) -> u32 {
        self.point_count() * self.spec.seeds
    }

    /// Point `index` (`index < point_count()`).
    #[must_use]
    pub fn point(&self, index: u32) -> Point {
        let nx = self.spec.x.len();
        Point {
            index,
            x: index % nx,
            series: index / nx,
        }
    }

    /// Job `index` (`index < job_count()`).
    #[must_use]
    pub fn job(&self, index: u32) -> Job {
        Job {
            index,
            point: index / self.spec.seeds,
            seed_index: index % self.spec.seeds,
        }
    }

    /// The seed of seed index `seed_index`.
    #[must_use]
    pub fn seed(&self, seed_index: u32) -> u64 {
        self.spec.first_seed + u64::from(seed_index)
    }

    /// The scenario of `point` run with seed index `seed_index`.
    #[must_use]
    pub fn scenario_for(&self, point: u32, seed_index: u32) -> Scenario {
        let mut scenario = self.scenarios[point as usize].clone();
        scenario.seed = self.seed(seed_index);
        scenario
    }

    /// Runs job `job` from scratch (draws its population), exactly as [`crate::run`] would.
    #[must_use]
    pub fn run_job(&self, job: u32) -> Sample {
        let job = self.job(job);
        let scenario = self.scenario_for(job.point, job.seed_index);
        let pop = population::generate(&scenario.population, scenario.seed);
        Self::sample(job, &pop, &scenario)
    }

    /// Runs job `job` on `pop`, which must be the population of its scenario
    /// (`population::generate(&scenario.population, scenario.seed)` for
    /// `scenario = scenario_for(point, seed_index)`): for callers that share populations between
    /// threads themselves.
    #[must_use]
    pub fn run_job_with(&self, job: u32, pop: &Population) -> Sample {
        let job = self.job(job);
        let scenario = self.scenario_for(job.point, job.seed_index);
        Self::sample(job, pop, &scenario)
    }

    /// Runs job `job` on a population from `cache`.
    pub fn run_job_cached(&self, job: u32, cache: &mut PopulationCache) -> Sample {
        let job = self.job(job);
        let scenario = self.scenario_for(job.point, job.seed_index);
        let pop = cache.get(&scenario.population, scenario.seed);
        Self::sample(job, pop, &scenario)
    }

    fn sample(job: Job, pop: &Population, scenario: &Scenario) -> Sample {
        let report = crate::simulate_with(pop, scenario, crate::Detail::Headline);
        Sample {
            job: job.index,
            point: job.point,
            seed_index: job.seed_index,
            values: Sample::metrics_of(&report),
        }
    }

    /// Runs every seed of `point` and summarises it: a caller can stream results point by point.
    /// Populations come from `cache`; give it room for `seeds` populations (when the population
    /// is not varied, later points then reuse every draw).
    pub fn run_point(
        &self,
        point: u32,
        cache: &mut PopulationCache,
    ) -> (PointSummary, Vec<Sample>) {
        let samples: Vec<Sample> = (0..self.spec.seeds)
            .map(|k| self.run_job_cached(point * self.spec.seeds + k, cache))
            .collect();
        (self.summarise(point, &samples), samples)
    }

    /// Runs every point with seed index `seed_index` (one population draw when the population is
    /// not varied): a caller can also stream a sweep seed by seed, every curve gaining one run per
    /// pass. Samples come in point order.
    #[must_use]
    pub fn run_seed(&self, seed_index: u32) -> Vec<Sample> {
        let mut cache = PopulationCache::new(1);
        (0..self.point_count())
            .map(|p| self.run_job_cached(p * self.spec.seeds + seed_index, &mut cache))
            .collect()
    }

    /// Runs the whole sweep sequentially (seed by seed, so each population is drawn once) and
    /// summarises it.
    #[must_use]
    pub fn run(&self) -> SweepResult {
        let mut samples: Vec<Sample> = (0..self.spec.seeds)
            .flat_map(|k| self.run_seed(k))
            .collect();
        samples.sort_by_key(|s| s.job);
        SweepResult {
            points: self.aggregate(&samples),
            samples,
        }
    }

    /// Summarises `samples` (any subset of the jobs, in any order) for every point; points with
    /// no sample get `runs = 0`. The result does not depend on the order of `samples`.
    #[must_use]
    pub fn aggregate(&self, samples: &[Sample]) -> Vec<PointSummary> {
        let mut by_point: Vec<Vec<&Sample>> = vec![Vec::new(); self.point_count() as usize];
        for s in samples {
            if let Some(v) = by_point.get_mut(s.point as usize) {
                v.push(s);
            }
        }
        let mut t_cache = BTreeMap::new();
        by_point
            .into_iter()
            .enumerate()
            .map(|(p, mut v)| {
                v.sort_by_key(|s| s.job);
                self.summarise_sorted(p as u32, &v, &mut t_cache)
            })
            .collect()
    }

    fn summarise(&self, point: u32, samples: &[Sample]) -> PointSummary {
        let mut v: Vec<&Sample> = samples.iter().filter(|s| s.point == point).collect();
        v.sort_by_key(|s| s.job);
        self.summarise_sorted(point, &v, &mut BTreeMap::new())
    }

    fn summarise_sorted(
        &self,
        point: u32,
        samples: &[&Sample],
        t_cache: &mut BTreeMap<u32, f64>,
    ) -> PointSummary {
        let p = self.point(point);
        let metrics = (0..Metric::SWEEP.len())
            .map(|m| {
                let values: Vec<f64> = samples
                    .iter()
                    .filter_map(|s| s.values.get(m).copied().flatten())
                    .collect();
                estimate_with(&values, t_cache)
            })
            .collect();
        PointSummary {
            point,
            x: self.spec.x.values[p.x as usize].clone(),
            series: self
                .spec
                .series
                .as_ref()
                .map(|a| a.values[p.series as usize].clone()),
            runs: samples.len() as u32,
            metrics,
        }
    }
}
