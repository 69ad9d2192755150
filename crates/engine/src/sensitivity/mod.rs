//! Global sensitivity: how much each uncertain coefficient moves the headline metrics, and how
//! often a headline finding holds across plausible models (issue 16, item 5).
//!
//! - [`morris`]: Morris elementary effects (screening). `r` trajectories over `k` factors on a
//!   `p`-level grid, each factor scaled to its range; per factor and metric `μ*` (mean absolute
//!   effect), `μ` (mean effect) and `σ` (standard deviation of the effects), as in Campolongo,
//!   Cariboni & Saltelli (2007), *An effective screening design for sensitivity analysis of large
//!   models*, Environmental Modelling & Software 22, 1509–1518.
//! - [`ensemble`]: a Latin hypercube of `N` parameter sets over the factors' ranges, each run with
//!   the same `R` seeds (common random numbers), and the robustness of a [`Finding`]: "holds in
//!   `h` of `N`" and the three factors that move it most.
//!
//! Both are [`Design`](crate::sweep::Design)s: a list of points (scenarios), each run with seed
//! indices `0..R`, in the sweep's job order (`job = point · R + seed_index`), read through the
//! sweep's metric extraction ([`crate::metric::Metric::SWEEP`], [`crate::sweep::Sample::metrics_of`]).
//! Whatever runs the jobs — in any order, on any number of threads, split in shards — the
//! analysis of the same samples gives the same bytes: it sorts them by job first.
//!
//! # Factors
//! A [`Factor`] is a dotted scenario path (as [`Scenario::set_path`] takes) with a plausible range
//! `[low, high]`. A unit coordinate `u ∈ [0, 1]` sets the field to `low + u · (high − low)`,
//! rounded to a whole number for integer fields. [`default_factors`] lists the coefficients
//! analysed when none are given.
//!
//! ```
//! use dialoglab_engine::population;
//! use dialoglab_engine::sensitivity::ensemble::{Ensemble, EnsembleSpec};
//! use dialoglab_engine::sensitivity::{Factor, finding};
//! use dialoglab_engine::sweep::Design;
//!
//! let mut base = dialoglab_engine::presets::get("faxe-dialogue").unwrap();
//! base.population.size = 1_000;
//! base.invitation.letters = 200;
//! let ensemble = Ensemble::new(EnsembleSpec {
//!     base,
//!     factors: vec![Factor::new("attendance.intercept", -5.0, -4.0)],
//!     samples: 3,
//!     seeds: 1,
//!     first_seed: 1,
//!     design_seed: 1,
//!     finding: finding("facilitation-evens-voice"),
//! })
//! .unwrap();
//! // Run every job (the CLI does this on all cores), then count the members where it holds.
//! let samples: Vec<_> = (0..ensemble.job_count())
//!     .map(|j| {
//!         let job = ensemble.job(j);
//!         let s = ensemble.scenario_for(job.point, job.seed_index);
//!         ensemble.run_design_job(j, &population::generate(&s.population, s.seed))
//!     })
//!     .collect();
//! let robustness = ensemble.analyse(&samples).unwrap().robustness.unwrap();
//! assert_eq!(robustness.members, 3);
//! println!("holds in {} of {}", robustness.holds, robustness.members);
//! ```

pub mod ensemble;
pub mod morris;

use std::fmt;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::metric::Metric;
use crate::report::Report;
use crate::scenario::Scenario;
use crate::sweep::{Sample, metric_index};

/// Most factors in one analysis.
pub const MAX_FACTORS: usize = 200;

/// One uncertain scenario coefficient and its plausible range.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Factor {
    /// Dotted scenario path, e.g. `attendance.intercept`.
    pub path: String,
    /// Lower end of the plausible range.
    pub low: f64,
    /// Upper end of the plausible range.
    pub high: f64,
}

impl Factor {
    /// A factor over `[low, high]`.
    #[must_use]
    pub fn new(path: &str, low: f64, high: f64) -> Factor {
        Factor {
            path: path.to_string(),
            low,
            high,
        }
    }

    /// The factor's value at unit coordinate `u`.
    #[must_use]
    pub fn at(&self, u: f64) -> f64 {
        self.low + u * (self.high - self.low)
    }
}

/// The factors analysed when none are given: every coefficient of the parameter registry
/// ([`crate::registry`]) with a plausible range (`low < high`), over that range.
#[must_use]
pub fn default_factors() -> Vec<Factor> {
    crate::registry::parameters()
        .iter()
        .filter(|p| p.low < p.high)
        .map(|p| Factor::new(p.path, p.low, p.high))
        .collect()
}

/// Why an analysis cannot be run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SensitivityError(pub String);

impl fmt::Display for SensitivityError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for SensitivityError {}

pub(crate) fn invalid(text: impl Into<String>) -> SensitivityError {
    SensitivityError(text.into())
}

/// Checks a factor list: 1 – [`MAX_FACTORS`] factors, distinct paths naming numeric fields of
/// `base` (not `seed`), finite ranges with `low < high`.
pub fn check_factors(base: &Scenario, factors: &[Factor]) -> Result<(), SensitivityError> {
    if factors.is_empty() {
        return Err(invalid("no factors to vary"));
    }
    if factors.len() > MAX_FACTORS {
        return Err(invalid(format!(
            "{} factors; an analysis has at most {MAX_FACTORS}",
            factors.len()
        )));
    }
    let tree = serde_json::to_value(base).map_err(|e| invalid(e.to_string()))?;
    for (k, f) in factors.iter().enumerate() {
        if f.path == "seed" {
            return Err(invalid(
                "seed cannot be a factor: the analysis sets the seeds",
            ));
        }
        match lookup(&tree, &f.path) {
            None => {
                return Err(invalid(format!(
                    "factor {}: there is no scenario field named {}",
                    f.path, f.path
                )));
            }
            Some(v) if !v.is_number() => {
                return Err(invalid(format!(
                    "factor {}: the field is not a number ({v})",
                    f.path
                )));
            }
            Some(_) => {}
        }
        if !(f.low.is_finite() && f.high.is_finite() && f.low < f.high) {
            return Err(invalid(format!(
                "factor {}: the range {} – {} must be finite with low < high",
                f.path, f.low, f.high
            )));
        }
        if factors[..k].iter().any(|g| g.path == f.path) {
            return Err(invalid(format!("factor {} is given twice", f.path)));
        }
    }
    Ok(())
}

/// The node at a dotted path of a JSON tree ([`crate::path::get`]).
pub use crate::path::get as lookup;
use crate::path::get_mut as lookup_mut;

/// A fixed setting of a scenario field, e.g. `invitation.strategy = "targeted"`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Setting {
    /// Dotted scenario path.
    pub path: String,
    /// The value, as JSON.
    pub value: Value,
}

impl Setting {
    /// `path = value`.
    #[must_use]
    pub fn new(path: &str, value: Value) -> Setting {
        Setting {
            path: path.to_string(),
            value,
        }
    }
}

/// `base` with factor `k` set to `factors[k].at(units[k])` and then every setting applied, in one
/// pass through JSON; validated. Errors name the field at fault.
pub fn apply(
    base: &Scenario,
    factors: &[Factor],
    units: &[f64],
    settings: &[Setting],
) -> Result<Scenario, SensitivityError> {
    let mut tree = serde_json::to_value(base).map_err(|e| invalid(e.to_string()))?;
    for (f, &u) in factors.iter().zip(units) {
        let node = lookup_mut(&mut tree, &f.path)
            .ok_or_else(|| invalid(format!("there is no scenario field named {}", f.path)))?;
        let v = f.at(u);
        *node = if node.is_u64() || node.is_i64() {
            let r = libm::round(v);
            if r >= 0.0 {
                Value::from(r as u64)
            } else {
                Value::from(r as i64)
            }
        } else {
            Value::from(v)
        };
    }
    for s in settings {
        let node = lookup_mut(&mut tree, &s.path)
            .ok_or_else(|| invalid(format!("there is no scenario field named {}", s.path)))?;
        *node = s.value.clone();
    }
    let scenario: Scenario =
        serde_json::from_value(tree).map_err(|e| invalid(format!("a sampled scenario: {e}")))?;
    scenario.validate().map_err(|e| {
        let what: Vec<String> = factors
            .iter()
            .zip(units)
            .map(|(f, &u)| format!("{} = {}", f.path, f.at(u)))
            .chain(settings.iter().map(|s| format!("{} = {}", s.path, s.value)))
            .collect();
        invalid(format!(
            "the scenario with {} is not valid: {e}",
            what.join(", ")
        ))
    })?;
    Ok(scenario)
}

/// The number at a dotted key of `report`'s JSON form (e.g.
/// `stages.attendees.representativeness.ratios.age_band.67+`), if there is one.
///
/// The keys of a stage's representativeness (the findings' usual metrics) are read from the report
/// directly; any other key through the report's JSON tree, which costs about as much as a short
/// run. Both give the same answer (tested), non-finite numbers being `None` as in JSON.
#[must_use]
pub fn report_number(report: &Report, key: &str) -> Option<f64> {
    if let Some(direct) = stage_number(report, key) {
        return direct.filter(|v| v.is_finite());
    }
    let tree = serde_json::to_value(report).ok()?;
    lookup(&tree, key)?.as_f64()
}

/// `Some(value)` for a key `stages.S.representativeness.{index | tvd.A | ratios.A.C}`, read from
/// the report's fields; `None` for any other key.
#[allow(
    clippy::option_option,
    reason = "outer: whether the key has this form; inner: whether the report has a number there"
)]
fn stage_number(report: &Report, key: &str) -> Option<Option<f64>> {
    let rest = key.strip_prefix("stages.")?;
    let (stage, rest) = rest.split_once('.')?;
    let rest = rest.strip_prefix("representativeness.")?;
    let r = report.stages.get(stage).map(|s| &s.representativeness);
    let parts: Vec<&str> = rest.split('.').collect();
    Some(match parts.as_slice() {
        ["index"] => r.map(|r| r.index),
        ["tvd", attribute] => r.and_then(|r| r.tvd.get(*attribute)).copied(),
        ["ratios", attribute, category] => r
            .and_then(|r| r.ratios.get(*attribute))
            .and_then(|m| m.get(*category))
            .copied(),
        _ => return None,
    })
}

/// The direction a finding states.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Direction {
    /// A's metric is above B's.
    Greater,
    /// A's metric is below B's.
    Less,
}

impl Direction {
    /// `>` or `<`.
    #[must_use]
    pub fn symbol(self) -> &'static str {
        match self {
            Direction::Greater => ">",
            Direction::Less => "<",
        }
    }

    /// Whether a difference `A − B` goes this way (strictly).
    #[must_use]
    pub fn holds(self, difference: f64) -> bool {
        match self {
            Direction::Greater => difference > 0.0,
            Direction::Less => difference < 0.0,
        }
    }
}

/// A headline comparison "A vs B on a metric, in a direction", e.g. "targeted outreach brings
/// more marginalised citizens than an open call". In an ensemble it is evaluated in each member
/// on the same parameter set and seeds for A and B (paired).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Finding {
    /// Stable name, e.g. `targeted-outreach`.
    pub name: String,
    /// The claim in English.
    pub statement: String,
    /// What scenario A sets on top of the member's parameters.
    pub a: Vec<Setting>,
    /// What scenario B sets on top of the member's parameters.
    pub b: Vec<Setting>,
    /// A [`Metric::SWEEP`] name, or a dotted key of the report's JSON.
    pub metric: String,
    /// The stated direction of `A − B`.
    pub direction: Direction,
}

impl Finding {
    /// The metric's index among the headline metrics, or `None` when it is a report key.
    #[must_use]
    pub fn headline_index(&self) -> Option<usize> {
        metric_index(&self.metric)
    }

    /// The finding's metric read from `report`'s JSON by key (for a metric that is not a
    /// headline one; headline metrics come from [`crate::sweep::Sample::metrics_of`]).
    #[must_use]
    pub fn value(&self, report: &Report) -> Option<f64> {
        report_number(report, &self.metric)
    }
}

/// The built-in headline findings, by name.
#[must_use]
pub fn findings() -> Vec<Finding> {
    let strategy = |s: &str| vec![Setting::new("invitation.strategy", Value::from(s))];
    vec![
        Finding {
            name: "targeted-outreach".into(),
            statement: "Targeted outreach brings more marginalised citizens to the meeting than an open call".into(),
            a: strategy("targeted"),
            b: strategy("open-call"),
            metric: "stages.attendees.representativeness.ratios.marginalised.yes".into(),
            direction: Direction::Greater,
        },
        Finding {
            name: "panel-representative".into(),
            statement: "A stratified citizens' panel mirrors the population better than an open call".into(),
            a: strategy("stratified"),
            b: strategy("open-call"),
            metric: "representativeness.attendees".into(),
            direction: Direction::Greater,
        },
        Finding {
            name: "retirees-dominate".into(),
            statement: "Under an open call the 67+ are over-represented at the meeting more than under sortition letters".into(),
            a: strategy("open-call"),
            b: strategy("letters"),
            metric: "stages.attendees.representativeness.ratios.age_band.67+".into(),
            direction: Direction::Greater,
        },
        Finding {
            name: "daytime-retirees".into(),
            statement: "Daytime meetings bring relatively more retirees than evening meetings".into(),
            a: vec![Setting::new("invitation.supports.evening", Value::from(false))],
            b: vec![Setting::new("invitation.supports.evening", Value::from(true))],
            metric: "stages.attendees.representativeness.ratios.occupation.retired".into(),
            direction: Direction::Greater,
        },
        Finding {
            name: "facilitation-evens-voice".into(),
            statement: "Facilitated meetings spread speaking time more evenly than realistic ones".into(),
            a: vec![Setting::new("meeting.format", Value::from("ideal"))],
            b: vec![Setting::new("meeting.format", Value::from("realistic"))],
            metric: "voice_gini".into(),
            direction: Direction::Less,
        },
        Finding {
            name: "online-vote-turnout".into(),
            statement: "Offering an online vote raises turnout".into(),
            a: vec![Setting::new("vote.online", Value::from(true))],
            b: vec![Setting::new("vote.online", Value::from(false))],
            metric: "turnout".into(),
            direction: Direction::Greater,
        },
    ]
}

/// The built-in finding called `name`.
#[must_use]
pub fn finding(name: &str) -> Option<Finding> {
    findings().into_iter().find(|f| f.name == name)
}

/// The values a finding's design reads from each run: the headline metrics, then the finding's
/// report key when its metric is not a headline one.
pub(crate) fn values_with(report: &Report, finding: Option<&Finding>) -> Vec<Option<f64>> {
    let mut values = crate::sweep::Sample::metrics_of(report);
    if let Some(f) = finding
        && f.headline_index().is_none()
    {
        values.push(f.value(report));
    }
    values
}

/// Index of a finding's metric among the values of [`values_with`].
pub(crate) fn finding_value_index(finding: &Finding) -> usize {
    finding.headline_index().unwrap_or(Metric::SWEEP.len())
}

/// Mean of the defined values, in order; `None` when there are none.
pub(crate) fn mean(values: impl IntoIterator<Item = Option<f64>>) -> Option<f64> {
    let (mut sum, mut n) = (0.0, 0u32);
    for v in values.into_iter().flatten() {
        sum += v;
        n += 1;
    }
    (n > 0).then(|| sum / f64::from(n))
}

/// `scenario` with the seed of seed index `seed_index` (`first_seed + seed_index`): the same seeds at
/// every point of Morris, ensembles and calibration (common random numbers).
pub(crate) fn seeded(scenario: &Scenario, first_seed: u64, seed_index: u32) -> Scenario {
    let mut s = scenario.clone();
    s.seed = first_seed + u64::from(seed_index);
    s
}

/// The samples of an analysis indexed by job, every job exactly once: the one reading of a run's
/// samples that Morris, ensembles and calibration share (their `analyse` take the samples in any
/// order, e.g. merged from shards).
pub(crate) struct JobSamples<'a> {
    by_job: Vec<&'a Sample>,
    seeds: usize,
}

impl<'a> JobSamples<'a> {
    /// Indexes `samples` of an analysis of `jobs` jobs with `seeds` seeds per point; errors name a
    /// job that is outside the analysis (`what`: "analysis", "calibration"), given twice or
    /// missing.
    pub(crate) fn new(
        samples: &'a [Sample],
        jobs: u32,
        seeds: u32,
        what: &str,
    ) -> Result<Self, SensitivityError> {
        let mut slots: Vec<Option<&Sample>> = vec![None; jobs as usize];
        for s in samples {
            let slot = slots
                .get_mut(s.job as usize)
                .ok_or_else(|| invalid(format!("job {} is not part of this {what}", s.job)))?;
            if slot.is_some() {
                return Err(invalid(format!("job {} is given twice", s.job)));
            }
            *slot = Some(s);
        }
        let by_job = slots
            .iter()
            .enumerate()
            .map(|(j, s)| s.ok_or_else(|| invalid(format!("job {j} is missing"))))
            .collect::<Result<_, _>>()?;
        Ok(JobSamples {
            by_job,
            seeds: seeds as usize,
        })
    }

    /// The mean over the seeds of point `point` of value `index` (undefined values left out).
    pub(crate) fn seed_mean(&self, point: usize, index: usize) -> Option<f64> {
        mean((0..self.seeds).map(|k| {
            self.by_job[point * self.seeds + k]
                .values
                .get(index)
                .copied()
                .flatten()
        }))
    }
}

/// Ranks of `values` (1-based, ties get their average rank).
pub(crate) fn ranks(values: &[f64]) -> Vec<f64> {
    let mut order: Vec<usize> = (0..values.len()).collect();
    order.sort_by(|&a, &b| values[a].total_cmp(&values[b]).then(a.cmp(&b)));
    let mut out = vec![0.0; values.len()];
    let mut i = 0;
    while i < order.len() {
        let mut j = i;
        while j + 1 < order.len() && values[order[j + 1]].total_cmp(&values[order[i]]).is_eq() {
            j += 1;
        }
        // Positions i..=j share the average of ranks i+1 ..= j+1.
        let rank = f64::midpoint(i as f64, j as f64) + 1.0;
        for &k in &order[i..=j] {
            out[k] = rank;
        }
        i = j + 1;
    }
    out
}

/// Spearman's rank correlation of `x` and `y` (Pearson's correlation of their ranks); 0 when
/// either is constant or there are fewer than 2 pairs.
#[must_use]
pub fn spearman(x: &[f64], y: &[f64]) -> f64 {
    let n = x.len().min(y.len());
    if n < 2 {
        return 0.0;
    }
    let rx = ranks(&x[..n]);
    let ry = ranks(&y[..n]);
    let m = f64::midpoint(n as f64, 1.0);
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for (a, b) in rx.iter().zip(&ry) {
        sxy += (a - m) * (b - m);
        sxx += (a - m) * (a - m);
        syy += (b - m) * (b - m);
    }
    if sxx == 0.0 || syy == 0.0 {
        return 0.0;
    }
    sxy / libm::sqrt(sxx * syy)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stage_numbers_read_directly_equal_the_json_lookup() {
        let s = crate::presets::get("faxe-dialogue").unwrap();
        let report = crate::run(&s).unwrap();
        let tree = serde_json::to_value(&report).unwrap();
        let json = |key: &str| lookup(&tree, key).and_then(Value::as_f64);
        let mut keys: Vec<String> = findings().into_iter().map(|f| f.metric).collect();
        for (stage, st) in &report.stages {
            keys.push(format!("stages.{stage}.representativeness.index"));
            for (a, cats) in &st.representativeness.ratios {
                keys.push(format!("stages.{stage}.representativeness.tvd.{a}"));
                for c in cats.keys() {
                    keys.push(format!("stages.{stage}.representativeness.ratios.{a}.{c}"));
                }
            }
        }
        keys.extend(
            [
                "stages.nobody.representativeness.index",
                "stages.attendees.representativeness.ratios.age_band.200+",
                "stages.attendees.representativeness.ratios.age_band",
                "stages.attendees.representativeness.ratios",
                "stages.attendees.count",
                "outcome.turnout",
            ]
            .map(str::to_string),
        );
        assert!(keys.len() > 40, "{}", keys.len());
        let mut direct = 0;
        for key in &keys {
            if stage_number(&report, key).is_some() {
                direct += 1;
            }
            assert_eq!(report_number(&report, key), json(key), "{key}");
        }
        assert!(direct > 30, "most keys are read directly: {direct}");
        assert!(report_number(&report, "outcome.turnout").is_some());
    }

    #[test]
    fn ranks_average_ties() {
        assert_eq!(ranks(&[3.0, 1.0, 2.0]), vec![3.0, 1.0, 2.0]);
        assert_eq!(ranks(&[1.0, 5.0, 5.0, 0.0]), vec![2.0, 3.5, 3.5, 1.0]);
    }

    #[test]
    fn spearman_of_monotone_and_reversed() {
        let x = [1.0, 2.0, 3.0, 4.0, 5.0];
        let y = [1.0, 8.0, 27.0, 64.0, 125.0];
        assert!((spearman(&x, &y) - 1.0).abs() < 1e-12);
        let z: Vec<f64> = y.iter().map(|v| -v).collect();
        assert!((spearman(&x, &z) + 1.0).abs() < 1e-12);
        assert!(spearman(&x, &[2.0; 5]).abs() < f64::MIN_POSITIVE);
    }

    #[test]
    fn default_factors_and_findings_fit_the_default_scenario() {
        let base = Scenario::default();
        let factors = default_factors();
        check_factors(&base, &factors).unwrap();
        for u in [0.0, 0.5, 1.0] {
            let units = vec![u; factors.len()];
            apply(&base, &factors, &units, &[]).unwrap();
        }
        for f in findings() {
            apply(&base, &factors, &vec![0.5; factors.len()], &f.a).unwrap();
            apply(&base, &factors, &vec![0.5; factors.len()], &f.b).unwrap();
        }
        let report = crate::run(&base).unwrap();
        for f in findings() {
            let index = finding_value_index(&f);
            let v = values_with(&report, Some(&f));
            assert!(v[index].is_some(), "{}: no value for {}", f.name, f.metric);
        }
    }

    #[test]
    fn bad_factors_are_named() {
        let base = Scenario::default();
        for (factors, needle) in [
            (vec![], "no factors"),
            (
                vec![Factor::new("attendance.nope", 0.0, 1.0)],
                "attendance.nope",
            ),
            (
                vec![Factor::new("invitation.strategy", 0.0, 1.0)],
                "not a number",
            ),
            (vec![Factor::new("budget", 5.0, 5.0)], "low < high"),
            (vec![Factor::new("seed", 1.0, 5.0)], "seed"),
            (
                vec![
                    Factor::new("budget", 1.0, 5.0),
                    Factor::new("budget", 1.0, 5.0),
                ],
                "twice",
            ),
        ] {
            let e = check_factors(&base, &factors).unwrap_err().to_string();
            assert!(e.contains(needle), "{e}");
        }
    }

    #[test]
    fn integer_fields_are_rounded() {
        let base = Scenario::default();
        let factors = [Factor::new("invitation.letters", 100.0, 200.0)];
        let s = apply(&base, &factors, &[0.333], &[]).unwrap();
        assert_eq!(s.invitation.letters, 133);
    }
}
