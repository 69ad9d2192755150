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
use std::fmt::{self, Write as _};

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::metric::Metric;
use crate::population::{self, Population};
use crate::report::Report;
use crate::scenario::{PopulationParams, Scenario, ScenarioError};
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

/// How an axis's values were made, and how a chart should draw them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum Scale {
    /// Listed values (`PATH=v1,v2,v3`), drawn as categories in the given order.
    #[default]
    Categorical,
    /// An evenly spaced grid (`PATH=A..B:lin:N`).
    Linear,
    /// A geometric grid (`PATH=A..B:log:N`): draw on a log axis.
    Log,
}

/// One varied parameter: a dotted scenario path (as [`Scenario::set_path`] takes) and its values.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Axis {
    /// Dotted path of the scenario field, e.g. `budget` or `invitation.strategy`.
    pub path: String,
    /// The values in order, as JSON (numbers, strings such as `"targeted"`, booleans).
    pub values: Vec<Value>,
    /// How the values were made.
    #[serde(default)]
    pub scale: Scale,
}

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

fn grammar(text: &str, problem: impl Into<String>) -> SweepError {
    SweepError::Grammar {
        text: text.to_string(),
        problem: problem.into(),
    }
}

/// `v` rounded to 15 significant digits. A decimal of at most 15 digits converts to `f64`
/// exactly even with a fast JSON parser, so such axis values survive the trip through JSON (the
/// worker's message, a shard file) bit for bit.
fn short(v: f64) -> f64 {
    format!("{v:.14e}").parse().unwrap_or(v)
}

/// The JSON value at a dotted path of `scenario`, if the path names a field.
fn value_at(scenario: &Scenario, path: &str) -> Option<Value> {
    let tree = serde_json::to_value(scenario).ok()?;
    let mut node = &tree;
    for part in path.split('.') {
        node = match node {
            Value::Object(map) => map.get(part)?,
            Value::Array(items) => items.get(part.parse::<usize>().ok()?)?,
            _ => return None,
        };
    }
    Some(node.clone())
}

impl Axis {
    /// Reads an axis in the CLI grammar, checking the path against `base`:
    ///
    /// - `PATH=A..B:log:N` — `N` values from `A` to `B` (both > 0) evenly spaced in logarithm;
    /// - `PATH=A..B:lin:N` — `N` evenly spaced values from `A` to `B`;
    /// - `PATH=v1,v2,...` — the listed values (JSON when they parse, else strings, as `--set`).
    ///
    /// Grids need `N ≥ 2` and `A ≠ B`. Fractional values are kept to 15 significant digits (so that
    /// they survive JSON exactly). For integer fields (such as `budget`: money is integer)
    /// grid values are rounded to the nearest integer; if rounding makes two values equal the axis
    /// is an error (ask for fewer points). `seed` cannot be an axis: the sweep sets the seeds.
    pub fn parse(text: &str, base: &Scenario) -> Result<Axis, SweepError> {
        let (path, spec) = text
            .split_once('=')
            .ok_or_else(|| grammar(text, "expected PATH=VALUES"))?;
        let path = path.trim();
        let spec = spec.trim();
        if path.is_empty() {
            return Err(grammar(text, "the path is empty"));
        }
        if path == "seed" {
            return Err(grammar(
                text,
                "seed cannot be varied: the sweep runs every point with the same seeds (--seeds, --first-seed)",
            ));
        }
        let current = value_at(base, path)
            .ok_or_else(|| grammar(text, format!("there is no scenario field named {path}")))?;
        if spec.is_empty() {
            return Err(grammar(text, "no values after '='"));
        }
        let axis = if let Some((a, rest)) = spec.split_once("..") {
            Self::parse_grid(text, path, a, rest, &current)?
        } else {
            let values: Vec<Value> = spec
                .split(',')
                .map(|v| {
                    let v = v.trim();
                    match serde_json::from_str::<Value>(v) {
                        Ok(Value::Number(n)) if !(n.is_u64() || n.is_i64()) => n
                            .as_f64()
                            .map_or(Value::Number(n), |f| Value::from(short(f))),
                        Ok(value) => value,
                        Err(_) => Value::String(v.to_string()),
                    }
                })
                .collect();
            if values.iter().any(|v| v.as_str() == Some("")) {
                return Err(grammar(text, "an empty value in the list"));
            }
            Axis {
                path: path.to_string(),
                values,
                scale: Scale::Categorical,
            }
        };
        if axis.values.len() > MAX_AXIS_VALUES as usize {
            return Err(grammar(
                text,
                format!(
                    "{} values; an axis has at most {MAX_AXIS_VALUES}",
                    axis.values.len()
                ),
            ));
        }
        Ok(axis)
    }

    fn parse_grid(
        text: &str,
        path: &str,
        a: &str,
        rest: &str,
        current: &Value,
    ) -> Result<Axis, SweepError> {
        let mut parts = rest.split(':');
        let (Some(b), Some(kind), Some(n), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(grammar(text, "a range needs A..B:log:N or A..B:lin:N"));
        };
        let number = |s: &str, what: &str| -> Result<f64, SweepError> {
            s.trim()
                .parse::<f64>()
                .ok()
                .filter(|v| v.is_finite())
                .ok_or_else(|| grammar(text, format!("{what} {s:?} is not a number")))
        };
        let a = number(a, "the start")?;
        let b = number(b, "the end")?;
        let n: u32 = n.trim().parse().map_err(|_| {
            grammar(
                text,
                format!("the number of points {n:?} is not a whole number"),
            )
        })?;
        if !(2..=MAX_AXIS_VALUES).contains(&n) {
            return Err(grammar(
                text,
                format!("a grid needs 2 – {MAX_AXIS_VALUES} points, not {n}"),
            ));
        }
        if a.total_cmp(&b).is_eq() {
            return Err(grammar(text, "the start and the end are equal"));
        }
        let scale = match kind.trim() {
            "log" => {
                if a <= 0.0 || b <= 0.0 {
                    return Err(grammar(text, "a log grid needs a start and end above 0"));
                }
                Scale::Log
            }
            "lin" => Scale::Linear,
            other => {
                return Err(grammar(
                    text,
                    format!("unknown grid {other:?}: use log or lin"),
                ));
            }
        };
        if !current.is_number() {
            return Err(grammar(
                text,
                format!("{path} is not a number ({current}); list its values instead"),
            ));
        }
        let integer = current.is_u64() || current.is_i64();
        let last = f64::from(n - 1);
        let mut values = Vec::with_capacity(n as usize);
        for k in 0..n {
            let t = f64::from(k) / last;
            let v = if k == 0 {
                a
            } else if k == n - 1 {
                b
            } else if scale == Scale::Log {
                libm::exp(libm::log(a) + (libm::log(b) - libm::log(a)) * t)
            } else {
                a + (b - a) * t
            };
            let value = if integer {
                let r = libm::round(v);
                if r >= 0.0 {
                    Value::from(r as u64)
                } else {
                    Value::from(r as i64)
                }
            } else {
                Value::from(short(v))
            };
            if integer && values.last() == Some(&value) {
                return Err(grammar(
                    text,
                    format!(
                        "{path} is a whole number and rounding makes grid values repeat ({value}); ask for fewer points or a wider range"
                    ),
                ));
            }
            values.push(value);
        }
        Ok(Axis {
            path: path.to_string(),
            values,
            scale,
        })
    }

    /// Number of values.
    #[must_use]
    pub fn len(&self) -> u32 {
        self.values.len() as u32
    }

    /// Whether the axis has no values.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }
}

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

/// Populations already drawn, keyed by what they were drawn from (`population` parameters and
/// seed). Holds at most `capacity` populations (about 66 bytes per citizen each) and forgets the
/// oldest first.
#[derive(Debug, Default)]
pub struct PopulationCache {
    capacity: usize,
    entries: Vec<(PopulationParams, u64, Population)>,
    draws: u64,
}

impl PopulationCache {
    /// A cache of at most `capacity` populations (at least 1).
    #[must_use]
    pub fn new(capacity: usize) -> PopulationCache {
        PopulationCache {
            capacity: capacity.max(1),
            entries: Vec::new(),
            draws: 0,
        }
    }

    /// The population of `params` and `seed`, drawn now unless it is cached.
    pub fn get(&mut self, params: &PopulationParams, seed: u64) -> &Population {
        let found = self
            .entries
            .iter()
            .position(|(p, s, _)| *s == seed && p == params);
        let k = if let Some(k) = found {
            k
        } else {
            if self.entries.len() >= self.capacity {
                self.entries.remove(0);
            }
            self.draws += 1;
            self.entries
                .push((params.clone(), seed, population::generate(params, seed)));
            self.entries.len() - 1
        };
        &self.entries[k].2
    }

    /// How many populations this cache has drawn (a measure of reuse).
    #[must_use]
    pub fn draws(&self) -> u64 {
        self.draws
    }
}

/// An experiment made of seeded runs: a list of points (scenarios), each run with seed indices
/// `0..seeds`, numbered as jobs `j = point · seeds + seed_index` — a [`Sweep`], a Morris screening
/// or an ensemble ([`crate::sensitivity`]). Whatever runs the jobs (the CLI on all cores, a shard
/// of them on a cluster node, the app's worker) needs only this, and gets the same [`Sample`]s.
pub trait Design {
    /// Number of points.
    fn point_count(&self) -> u32;
    /// Seeded runs per point.
    fn seeds(&self) -> u32;
    /// The scenario of `point` run with seed index `seed_index`, its seed set.
    fn scenario_for(&self, point: u32, seed_index: u32) -> Scenario;
    /// Number of values in each [`Sample`] (the metrics the design reads from a report).
    fn value_count(&self) -> usize {
        Metric::SWEEP.len()
    }
    /// The values of one run's report, [`Design::value_count`] of them.
    fn values_of(&self, report: &Report) -> Vec<Option<f64>> {
        Sample::metrics_of(report)
    }

    /// Number of jobs (points × seeds).
    fn job_count(&self) -> u32 {
        self.point_count() * self.seeds()
    }

    /// Job `index` (`index < job_count()`).
    fn job(&self, index: u32) -> Job {
        Job {
            index,
            point: index / self.seeds(),
            seed_index: index % self.seeds(),
        }
    }

    /// Runs job `job` on `pop`, which must be the population of its scenario
    /// (`population::generate(&scenario.population, scenario.seed)`).
    fn run_design_job(&self, job: u32, pop: &Population) -> Sample {
        let job = self.job(job);
        let scenario = self.scenario_for(job.point, job.seed_index);
        let report = crate::simulate(pop, &scenario);
        Sample {
            job: job.index,
            point: job.point,
            seed_index: job.seed_index,
            values: self.values_of(&report),
        }
    }
}

impl Design for Sweep {
    fn point_count(&self) -> u32 {
        Sweep::point_count(self)
    }

    fn seeds(&self) -> u32 {
        self.spec.seeds
    }

    fn scenario_for(&self, point: u32, seed_index: u32) -> Scenario {
        Sweep::scenario_for(self, point, seed_index)
    }
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
        let report = crate::simulate(pop, scenario);
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

/// Formats an axis value for CSV: integers as integers, other numbers with Rust's shortest
/// round-trip formatting (plain `.` decimal point, no exponent), booleans as `true`/`false`,
/// strings as themselves (quoted when they contain a comma, quote or line break).
fn csv_value(value: &Value) -> String {
    let text = match value {
        Value::Number(n) => {
            if let Some(u) = n.as_u64() {
                u.to_string()
            } else if let Some(i) = n.as_i64() {
                i.to_string()
            } else {
                n.as_f64().map_or_else(String::new, |f| format!("{f}"))
            }
        }
        Value::String(s) => s.clone(),
        Value::Bool(b) => b.to_string(),
        Value::Null => String::new(),
        other => other.to_string(),
    };
    csv_field(&text)
}

fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

fn csv_number(value: Option<f64>) -> String {
    value.map_or_else(String::new, |v| format!("{v}"))
}

fn json_number(value: Option<f64>) -> String {
    value.map_or_else(|| "null".to_string(), |v| Value::from(v).to_string())
}

impl Sweep {
    /// The summaries as CSV, one row per point and metric (a "long" table that R, pandas and
    /// spreadsheets pivot easily), points in point order and metrics in [`Metric::SWEEP`] order:
    ///
    /// `point,<x path>[,<series path>],metric,n,mean,ci_low,ci_high`
    ///
    /// Numbers use Rust's shortest round-trip formatting (full precision, `.` as decimal point,
    /// no exponent); an absent mean or interval is an empty field. Lines end with `\n`.
    #[must_use]
    pub fn to_csv(&self, points: &[PointSummary]) -> String {
        // Writing to a String cannot fail.
        let mut out = String::new();
        out.push_str("point,");
        out.push_str(&csv_field(&self.spec.x.path));
        if let Some(series) = &self.spec.series {
            out.push(',');
            out.push_str(&csv_field(&series.path));
        }
        out.push_str(",metric,n,mean,ci_low,ci_high\n");
        for p in points {
            let mut head = format!("{},{}", p.point, csv_value(&p.x));
            if let Some(series) = &p.series {
                head.push(',');
                head.push_str(&csv_value(series));
            }
            for (name, e) in Metric::SWEEP.iter().map(|m| m.name()).zip(&p.metrics) {
                let _ = writeln!(
                    out,
                    "{head},{name},{},{},{},{}",
                    e.n,
                    csv_number(e.mean),
                    csv_number(e.lo),
                    csv_number(e.hi)
                );
            }
        }
        out
    }

    /// The summaries as JSON Lines, one object per point in point order:
    ///
    /// `{"point":0,"<x path>":X,["<series path>":S,]"runs":R,"metrics":{"<metric>":{"n":N,"mean":M,"ci_low":L,"ci_high":H},...}}`
    ///
    /// with metrics in [`Metric::SWEEP`] order, `null` for an absent mean or interval, and numbers in
    /// shortest round-trip form. Lines end with `\n`.
    #[must_use]
    pub fn to_jsonl(&self, points: &[PointSummary]) -> String {
        let key = |k: &str| Value::from(k).to_string();
        let mut out = String::new();
        for p in points {
            let _ = write!(
                out,
                "{{\"point\":{},{}:{}",
                p.point,
                key(&self.spec.x.path),
                p.x
            );
            if let (Some(axis), Some(value)) = (&self.spec.series, &p.series) {
                let _ = write!(out, ",{}:{value}", key(&axis.path));
            }
            let _ = write!(out, ",\"runs\":{},\"metrics\":{{", p.runs);
            for (k, (name, e)) in Metric::SWEEP
                .iter()
                .map(|m| m.name())
                .zip(&p.metrics)
                .enumerate()
            {
                if k > 0 {
                    out.push(',');
                }
                let _ = write!(
                    out,
                    "{}:{{\"n\":{},\"mean\":{},\"ci_low\":{},\"ci_high\":{}}}",
                    key(name),
                    e.n,
                    json_number(e.mean),
                    json_number(e.lo),
                    json_number(e.hi)
                );
            }
            out.push_str("}}\n");
        }
        out
    }
}
