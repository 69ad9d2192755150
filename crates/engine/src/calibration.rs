//! Calibration by approximate Bayesian computation (issue 16, item 3): which values of the
//! calibrated coefficients, within their plausible ranges, reproduce the observed targets?
//!
//! # Targets
//! A [`Target`] is a number read from a run's report — the value at a dotted key of the report's
//! JSON, times the value at a second key when `times` is given (a share among voters is
//! `stages.voters.representativeness.ratios.gender.woman × population.shares.gender.woman`),
//! divided by the values at the keys of `over` when given (an odds ratio of two channels' shares;
//! undefined in a run where one of them is 0) — in
//! a scenario made of the base scenario and the target's own `set`tings, with the observed value,
//! a tolerance and its source. The relation is `equal` (within the tolerance), `at-least` or
//! `at-most`. The built-in table is `crates/engine/calibration/targets.json` ([`default_targets`]).
//!
//! # Method: rejection ABC over a Latin hypercube
//! `N` parameter vectors are drawn as a Latin hypercube over the parameters' ranges (a uniform
//! prior; [`crate::sensitivity::ensemble::latin_hypercube`]). Each runs every distinct target
//! scenario with the same `R` seeds (common random numbers); a target's simulated value `x_t` is
//! the mean over the seeds (runs where it is undefined do not count). Its standardised error is
//! `e_t = (x_t − v_t) / τ_t` for `equal`, `max(0, v_t − x_t) / τ_t` for `at-least` and
//! `max(0, x_t − v_t) / τ_t` for `at-most` (`v_t` the value, `τ_t` the tolerance). The distance is
//! the mean of the squared standardised errors, `d = (1/T) Σ_t e_t²`. A vector is **plausible**
//! (accepted) when every target is met within its tolerance, `max_t |e_t| ≤ 1` — rejection ABC with
//! a uniform kernel on the largest standardised error. The **fitted** vector is the plausible one
//! with the smallest distance, or, when none is plausible, the vector with the smallest distance
//! (the earlier sample on a tie). A target marked `not_produced` (an observation the model has no
//! mechanism for) is simulated and reported but left out of the distance and the acceptance. A sample where some target is undefined in every
//! seed has no distance and is never accepted.
//!
//! The design is a [`Design`]: point `p = s · G + g` runs sample `s` in target scenario `g` (of `G`
//! distinct ones), so it runs on all cores through the same code as sweeps.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::report::Report;
use crate::scenario::Scenario;
use crate::sensitivity::ensemble::latin_hypercube;
use crate::sensitivity::seeded;
use crate::sensitivity::{
    Factor, JobSamples, SensitivityError, Setting, apply, check_factors, invalid, lookup,
};
use crate::sweep::{Design, MAX_JOBS, Sample};

/// How a simulated value must relate to the observed one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Relation {
    /// Within the tolerance of the value.
    Equal,
    /// At least the value (less by at most the tolerance).
    AtLeast,
    /// At most the value (more by at most the tolerance).
    AtMost,
}

/// One calibration target.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Target {
    /// Stable name, e.g. `women-online`.
    pub name: String,
    /// Dotted key of the report's JSON.
    pub key: String,
    /// A second key whose value multiplies the first, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub times: Option<String>,
    /// Keys whose values divide the product, if any.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub over: Vec<String>,
    /// The relation.
    pub relation: Relation,
    /// The observed value.
    pub value: f64,
    /// The tolerance (> 0).
    pub tolerance: f64,
    /// What the target's scenario sets on top of the base scenario.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub set: Vec<Setting>,
    /// Where the value comes from.
    pub source: String,
    /// Why the model cannot produce this observation, when it cannot: such a target is
    /// simulated and reported with every vector but counts in neither the distance nor the
    /// acceptance (MODEL.md §12 says what is missing; it is not tuned in).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not_produced: Option<String>,
}

impl Target {
    /// The target's value in a report's JSON form, if its keys (`key`, `times`, `over`) are
    /// there and no divisor is 0.
    #[must_use]
    pub fn read(&self, tree: &Value) -> Option<f64> {
        let value = |k: &str| lookup(tree, k)?.as_f64();
        let mut v = value(&self.key)?;
        if let Some(k) = &self.times {
            v *= value(k)?;
        }
        for k in &self.over {
            let d = value(k)?;
            if d == 0.0 {
                return None;
            }
            v /= d;
        }
        Some(v)
    }

    /// Every report key the target reads.
    pub fn keys(&self) -> impl Iterator<Item = &String> {
        std::iter::once(&self.key)
            .chain(&self.times)
            .chain(&self.over)
    }

    /// Whether the target counts in the distance and the acceptance.
    #[must_use]
    pub fn counts(&self) -> bool {
        self.not_produced.is_none()
    }

    /// The standardised error of simulated value `x`.
    #[must_use]
    pub fn error(&self, x: f64) -> f64 {
        let miss = match self.relation {
            Relation::Equal => x - self.value,
            Relation::AtLeast => (self.value - x).max(0.0),
            Relation::AtMost => (x - self.value).max(0.0),
        };
        miss / self.tolerance
    }
}

/// The file of targets: a description and the table.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TargetsFile {
    /// What the table is and where its numbers come from.
    pub description: String,
    /// The targets.
    pub targets: Vec<Target>,
}

/// The built-in targets table (`crates/engine/calibration/targets.json`).
pub const TARGETS_JSON: &str = include_str!("../calibration/targets.json");

/// The built-in targets.
#[must_use]
pub fn default_targets() -> Vec<Target> {
    serde_json::from_str::<TargetsFile>(TARGETS_JSON).map_or_else(|_| Vec::new(), |f| f.targets)
}

/// The coefficients calibrated when none are given: the registry's parameters of kind
/// [`Kind::Calibrated`](crate::registry::Kind::Calibrated), over their plausible ranges (the prior).
#[must_use]
pub fn default_parameters() -> Vec<Factor> {
    crate::registry::parameters()
        .iter()
        .filter(|p| p.kind == crate::registry::Kind::Calibrated && p.low < p.high)
        .map(|p| Factor::new(p.path, p.low, p.high))
        .collect()
}

/// A calibration run.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CalibrationSpec {
    /// The scenario the targets' scenarios start from.
    pub base: Scenario,
    /// The calibrated parameters and their ranges (the prior).
    pub parameters: Vec<Factor>,
    /// The targets.
    pub targets: Vec<Target>,
    /// Parameter vectors drawn, `N`.
    pub samples: u32,
    /// Seeds per vector and target scenario, `R`.
    pub seeds: u32,
    /// Seed of seed index 0.
    pub first_seed: u64,
    /// Seed of the Latin hypercube.
    pub design_seed: u64,
}

/// A validated calibration with every point's scenario prepared.
#[derive(Clone, Debug)]
pub struct Calibration {
    spec: CalibrationSpec,
    units: Vec<Vec<f64>>,
    /// The distinct settings of the target scenarios.
    groups: Vec<Vec<Setting>>,
    /// The group of each target.
    group_of: Vec<usize>,
    scenarios: Vec<Scenario>,
}

/// One parameter vector's fit.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Fit {
    /// Sample index.
    pub sample: u32,
    /// The distance `d` (absent when a target is undefined).
    pub distance: Option<f64>,
    /// The largest `|e_t|`.
    pub max_error: Option<f64>,
    /// The parameter values, by path.
    pub values: BTreeMap<String, f64>,
    /// Each target's simulated value, by name.
    pub simulated: BTreeMap<String, Option<f64>>,
}

/// What `dialoglab calibrate` writes.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CalibrationResult {
    /// The method, in words.
    pub method: String,
    /// Parameter vectors drawn.
    pub samples: u32,
    /// Seeds per vector and target scenario.
    pub seeds: u32,
    /// Seed of seed index 0.
    pub first_seed: u64,
    /// Seed of the Latin hypercube.
    pub design_seed: u64,
    /// The parameters and their ranges.
    pub parameters: Vec<Factor>,
    /// The targets table.
    pub targets: Vec<Target>,
    /// The plausible vector with the smallest distance, or the vector with the smallest distance
    /// when none is plausible.
    pub fitted: Option<Fit>,
    /// Number of plausible vectors.
    pub accepted: u32,
    /// The plausible vectors (every target within its tolerance), by increasing distance.
    pub plausible: Vec<Fit>,
}

/// The method's description written into every result.
pub const METHOD: &str = "rejection ABC over a Latin hypercube of the parameters' ranges; distance d = mean over targets of e², e = (simulated − value)/tolerance (for at-least/at-most only the shortfall/excess counts), simulated = mean over the seeds; targets marked not_produced are reported but not counted; plausible = every counted |e| ≤ 1; fitted = the plausible vector with the smallest d, or the smallest d when none is plausible";

impl Calibration {
    /// Validates `spec` and prepares every point.
    pub fn new(spec: CalibrationSpec) -> Result<Calibration, SensitivityError> {
        spec.base
            .validate()
            .map_err(|e| invalid(format!("the base scenario: {e}")))?;
        check_factors(&spec.base, &spec.parameters)?;
        if spec.targets.is_empty() {
            return Err(invalid("no calibration targets"));
        }
        if !spec.targets.iter().any(Target::counts) {
            return Err(invalid(
                "every calibration target is marked not_produced: none is left to fit",
            ));
        }
        for (k, t) in spec.targets.iter().enumerate() {
            if !(t.tolerance.is_finite() && t.tolerance > 0.0 && t.value.is_finite()) {
                return Err(invalid(format!(
                    "target {}: the value and tolerance must be finite and the tolerance above 0",
                    t.name
                )));
            }
            if spec.targets[..k].iter().any(|u| u.name == t.name) {
                return Err(invalid(format!("target {} is given twice", t.name)));
            }
        }
        if !(1..=crate::sensitivity::ensemble::MAX_SAMPLES).contains(&spec.samples) {
            return Err(invalid(format!(
                "{} samples; give 1 – {}",
                spec.samples,
                crate::sensitivity::ensemble::MAX_SAMPLES
            )));
        }
        if spec.seeds == 0 {
            return Err(invalid("the number of seeds must be at least 1"));
        }
        if spec
            .first_seed
            .checked_add(u64::from(spec.seeds - 1))
            .is_none()
        {
            return Err(invalid("the seeds overflow the largest seed"));
        }
        let mut groups: Vec<Vec<Setting>> = Vec::new();
        let group_of: Vec<usize> = spec
            .targets
            .iter()
            .map(|t| {
                groups.iter().position(|g| *g == t.set).unwrap_or_else(|| {
                    groups.push(t.set.clone());
                    groups.len() - 1
                })
            })
            .collect();
        let jobs = u64::from(spec.samples) * groups.len() as u64 * u64::from(spec.seeds);
        if jobs > u64::from(MAX_JOBS) {
            return Err(invalid(format!(
                "{} samples × {} target scenarios × {} seeds = {jobs} runs; at most {MAX_JOBS}",
                spec.samples,
                groups.len(),
                spec.seeds
            )));
        }
        let units = latin_hypercube(spec.samples, spec.parameters.len(), spec.design_seed);
        let mut scenarios = Vec::with_capacity(units.len() * groups.len());
        for u in &units {
            for g in &groups {
                scenarios.push(apply(&spec.base, &spec.parameters, u, g)?);
            }
        }
        Ok(Calibration {
            spec,
            units,
            groups,
            group_of,
            scenarios,
        })
    }

    /// The specification.
    #[must_use]
    pub fn spec(&self) -> &CalibrationSpec {
        &self.spec
    }

    /// Runs each target scenario once with the base parameters and the first seed, and checks
    /// that every target's key is in the report: a missing key is an error naming it.
    pub fn check_keys(&self) -> Result<(), SensitivityError> {
        for (g, settings) in self.groups.iter().enumerate() {
            let mut scenario = apply(&self.spec.base, &[], &[], settings)?;
            scenario.seed = self.spec.first_seed;
            let report = crate::run(&scenario).map_err(|e| invalid(e.to_string()))?;
            let tree = serde_json::to_value(&report).map_err(|e| invalid(e.to_string()))?;
            for (t, _) in self
                .spec
                .targets
                .iter()
                .zip(&self.group_of)
                .filter(|(_, k)| **k == g)
            {
                for key in t.keys() {
                    if lookup(&tree, key).and_then(Value::as_f64).is_none() {
                        return Err(invalid(format!(
                            "target {}: the report has no number at {key} (is the model that reports it merged?)",
                            t.name
                        )));
                    }
                }
            }
        }
        Ok(())
    }

    /// The fit of every sample from `samples` (all jobs, any order), and the result.
    pub fn analyse(&self, samples: &[Sample]) -> Result<CalibrationResult, SensitivityError> {
        let jobs = JobSamples::new(samples, self.job_count(), self.spec.seeds, "calibration")?;
        let g_count = self.groups.len();
        let mut fits: Vec<Fit> = (0..self.spec.samples)
            .map(|s| {
                let simulated: Vec<Option<f64>> = (0..self.spec.targets.len())
                    .map(|t| {
                        let p = s as usize * g_count + self.group_of[t];
                        jobs.seed_mean(p, t)
                    })
                    .collect();
                let errors: Option<Vec<f64>> = simulated
                    .iter()
                    .zip(&self.spec.targets)
                    .filter(|(_, t)| t.counts())
                    .map(|(x, t)| x.map(|x| t.error(x)))
                    .collect();
                let (distance, max_error) = errors.map_or((None, None), |e| {
                    let d = e.iter().map(|e| e * e).sum::<f64>() / e.len() as f64;
                    let m = e.iter().fold(0.0f64, |m, e| m.max(e.abs()));
                    (Some(d), Some(m))
                });
                Fit {
                    sample: s,
                    distance,
                    max_error,
                    values: self
                        .spec
                        .parameters
                        .iter()
                        .zip(&self.units[s as usize])
                        .map(|(f, &u)| (f.path.clone(), f.at(u)))
                        .collect(),
                    simulated: self
                        .spec
                        .targets
                        .iter()
                        .zip(simulated)
                        .map(|(t, x)| (t.name.clone(), x))
                        .collect(),
                }
            })
            .collect();
        fits.sort_by(|a, b| match (a.distance, b.distance) {
            (Some(x), Some(y)) => x.total_cmp(&y).then(a.sample.cmp(&b.sample)),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => a.sample.cmp(&b.sample),
        });
        let plausible: Vec<Fit> = fits
            .iter()
            .filter(|f| f.max_error.is_some_and(|m| m <= 1.0))
            .cloned()
            .collect();
        let fitted = plausible
            .first()
            .or_else(|| fits.first().filter(|f| f.distance.is_some()))
            .cloned();
        Ok(CalibrationResult {
            method: METHOD.to_string(),
            samples: self.spec.samples,
            seeds: self.spec.seeds,
            first_seed: self.spec.first_seed,
            design_seed: self.spec.design_seed,
            parameters: self.spec.parameters.clone(),
            targets: self.spec.targets.clone(),
            fitted,
            accepted: plausible.len() as u32,
            plausible,
        })
    }
}

impl Design for Calibration {
    fn point_count(&self) -> u32 {
        self.scenarios.len() as u32
    }

    fn seeds(&self) -> u32 {
        self.spec.seeds
    }

    fn scenario_for(&self, point: u32, seed_index: u32) -> Scenario {
        seeded(
            &self.scenarios[point as usize],
            self.spec.first_seed,
            seed_index,
        )
    }

    fn value_count(&self) -> usize {
        self.spec.targets.len()
    }

    /// Each target's value in this run (`None` for targets of other scenarios' keys that are
    /// missing; the analysis only reads a target from runs of its own scenario).
    fn values_of(&self, report: &Report) -> Vec<Option<f64>> {
        let Ok(tree) = serde_json::to_value(report) else {
            return vec![None; self.spec.targets.len()];
        };
        self.spec.targets.iter().map(|t| t.read(&tree)).collect()
    }

    /// What the targets' keys need (see [`crate::Detail::for_key`]).
    fn detail(&self) -> crate::Detail {
        self.spec
            .targets
            .iter()
            .flat_map(Target::keys)
            .fold(crate::Detail::Headline, |d, key| {
                d.and(crate::Detail::for_key(key))
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The committed fit (`crates/engine/calibration/fitted.json`, made by the command in
    /// docs/MODEL.md §12) was made with today's targets and calibrated parameters: a change to
    /// either without re-running `dialoglab calibrate` fails here.
    #[test]
    fn the_committed_fit_is_of_the_current_targets_and_parameters() {
        let fitted: CalibrationResult =
            serde_json::from_str(include_str!("../calibration/fitted.json")).unwrap();
        assert_eq!(
            fitted.targets,
            default_targets(),
            "targets changed since the fit"
        );
        assert_eq!(
            fitted.parameters,
            default_parameters(),
            "calibrated parameters or ranges changed since the fit"
        );
        assert_eq!(fitted.accepted as usize, fitted.plausible.len());
        let best = fitted.fitted.expect("a best vector");
        assert!(fitted.plausible.iter().all(|f| f.distance >= best.distance));
    }

    /// The presets use the fitted values: every calibrated coefficient's default in the registry
    /// (and so in every preset that does not set it) is the committed fit's value rounded to two
    /// decimals, and the fit is plausible (every counted target within its tolerance).
    #[test]
    fn the_defaults_of_the_calibrated_coefficients_are_the_fitted_values() {
        let fitted: CalibrationResult =
            serde_json::from_str(include_str!("../calibration/fitted.json")).unwrap();
        let best = fitted.fitted.expect("a best vector");
        assert!(best.max_error.is_some_and(|m| m <= 1.0), "{best:?}");
        assert_eq!(fitted.plausible.first(), Some(&best));
        let defaults = Scenario::default();
        for p in crate::registry::parameters()
            .iter()
            .filter(|p| p.kind == crate::registry::Kind::Calibrated)
        {
            let value = best.values[p.path];
            let default = (p.get)(&defaults);
            assert!(
                (default - value).abs() <= 0.005 + 1e-12,
                "{}: default {default}, fitted {value}",
                p.path
            );
        }
    }

    /// A coefficient is only called calibrated when the targets measure it: moving it from the
    /// low to the high end of its range (the others at their defaults; seeds 1 – 2 of the target
    /// scenarios) moves some counted target by at least one tolerance.
    #[test]
    fn every_calibrated_coefficient_moves_a_counted_target() {
        let targets: Vec<Target> = default_targets()
            .into_iter()
            .filter(Target::counts)
            .collect();
        let mean_values = |path: &str, x: f64| -> Vec<f64> {
            let mut sums = vec![0.0; targets.len()];
            for seed in 1..=2u64 {
                let mut by_set: Vec<(Vec<Setting>, Value)> = Vec::new();
                for (k, t) in targets.iter().enumerate() {
                    if !by_set.iter().any(|(s, _)| *s == t.set) {
                        let mut base = crate::presets::get("faxe-dialogue").unwrap();
                        base.seed = seed;
                        let f = [Factor::new(path, x, x)];
                        let s = apply(&base, &f, &[0.0], &t.set).unwrap();
                        let report = crate::run(&s).unwrap();
                        by_set.push((t.set.clone(), serde_json::to_value(&report).unwrap()));
                    }
                    let tree = &by_set.iter().find(|(s, _)| *s == t.set).unwrap().1;
                    sums[k] += t.read(tree).unwrap() / 2.0;
                }
            }
            sums
        };
        for f in default_parameters() {
            let (low, high) = (mean_values(&f.path, f.low), mean_values(&f.path, f.high));
            let moved = targets
                .iter()
                .zip(low.iter().zip(&high))
                .map(|(t, (a, b))| (b - a).abs() / t.tolerance)
                .fold(0.0f64, f64::max);
            assert!(
                moved >= 1.0,
                "{}: moves no counted target ({moved:.2} tolerances)",
                f.path
            );
        }
    }

    fn small_base() -> Scenario {
        let mut base = crate::presets::get("faxe-dialogue").unwrap();
        base.population.size = 2_000;
        base.invitation.letters = 400;
        base
    }

    fn target(name: &str, key: &str, relation: Relation, value: f64, tolerance: f64) -> Target {
        Target {
            name: name.into(),
            key: key.into(),
            times: None,
            over: Vec::new(),
            relation,
            value,
            tolerance,
            set: Vec::new(),
            source: "test".into(),
            not_produced: None,
        }
    }

    fn run_all(c: &Calibration) -> Vec<Sample> {
        (0..c.job_count())
            .map(|j| {
                let job = c.job(j);
                let s = c.scenario_for(job.point, job.seed_index);
                let pop = crate::population::generate(&s.population, s.seed);
                c.run_design_job(j, &pop)
            })
            .collect()
    }

    #[test]
    fn errors_follow_the_relation() {
        let t = |r| target("t", "k", r, 0.5, 0.1);
        assert!((t(Relation::Equal).error(0.3) + 2.0).abs() < 1e-12);
        assert!((t(Relation::AtLeast).error(0.3) - 2.0).abs() < 1e-12);
        assert!(t(Relation::AtLeast).error(0.9).abs() < 1e-12);
        assert!((t(Relation::AtMost).error(0.9) - 4.0).abs() < 1e-12);
        assert!(t(Relation::AtMost).error(0.1).abs() < 1e-12);
    }

    #[test]
    fn the_fit_is_the_smallest_distance_and_plausible_models_meet_every_tolerance() {
        // Turnout in the default scenario and the retirees' share at a daytime open call,
        // with the turnout intercept as the only parameter; a third target (a turnout of 0.9,
        // out of reach) is marked as not produced and must change nothing but the report.
        let mut retirees = target(
            "retirees",
            "stages.attendees.representativeness.ratios.occupation.retired",
            Relation::AtLeast,
            0.5,
            0.1,
        );
        retirees.times = Some("population.shares.occupation.retired".into());
        retirees.set = vec![Setting {
            path: "invitation.supports.evening".into(),
            value: Value::from(false),
        }];
        let spec = CalibrationSpec {
            base: small_base(),
            parameters: vec![Factor::new("vote.turnout_intercept", -4.0, -1.0)],
            targets: vec![
                target("turnout", "outcome.turnout", Relation::Equal, 0.1, 0.02),
                retirees,
                Target {
                    not_produced: Some("no mechanism in the test".into()),
                    ..target(
                        "out of reach",
                        "outcome.turnout",
                        Relation::Equal,
                        0.9,
                        0.01,
                    )
                },
            ],
            samples: 12,
            seeds: 2,
            first_seed: 1,
            design_seed: 3,
        };
        let c = Calibration::new(spec).unwrap();
        c.check_keys().unwrap();
        assert_eq!(c.job_count(), 12 * 2 * 2);
        let samples = run_all(&c);
        let r = c.analyse(&samples).unwrap();
        let fitted = r.fitted.as_ref().unwrap();
        // Recompute every sample's distance by hand from its simulated values.
        let mut all = Vec::new();
        for s in 0..12u32 {
            let mean_of = |point: u32, t: usize| {
                let v: Vec<f64> = (0..2)
                    .filter_map(|k| samples[(point * 2 + k) as usize].values[t])
                    .collect();
                v.iter().sum::<f64>() / v.len() as f64
            };
            let turnout = mean_of(s * 2, 0);
            let share = mean_of(s * 2 + 1, 1);
            let e1 = (turnout - 0.1) / 0.02;
            let e2 = (0.5 - share).max(0.0) / 0.1;
            all.push((s, f64::midpoint(e1 * e1, e2 * e2), e1.abs().max(e2.abs())));
        }
        // The fitted vector is the best plausible one (there are some, below).
        let best = all
            .iter()
            .filter(|a| a.2 <= 1.0)
            .min_by(|a, b| a.1.total_cmp(&b.1).then(a.0.cmp(&b.0)))
            .unwrap();
        assert_eq!(fitted.sample, best.0);
        // The target out of reach is reported with the turnout it reads.
        assert_eq!(
            fitted.simulated["out of reach"],
            fitted.simulated["turnout"]
        );
        assert!((fitted.distance.unwrap() - best.1).abs() < 1e-12);
        let accepted: Vec<u32> = all.iter().filter(|a| a.2 <= 1.0).map(|a| a.0).collect();
        let mut got: Vec<u32> = r.plausible.iter().map(|f| f.sample).collect();
        got.sort_unstable();
        let mut want = accepted.clone();
        want.sort_unstable();
        assert_eq!(got, want);
        assert_eq!(r.accepted as usize, accepted.len());
        // Turnout moves with its intercept over [−4, −1]: some vectors meet the targets, some not.
        assert!(!accepted.is_empty() && accepted.len() < 12, "{accepted:?}");
        assert!(
            r.plausible
                .windows(2)
                .all(|w| w[0].distance <= w[1].distance)
        );
        let mut shuffled = samples.clone();
        shuffled.reverse();
        assert_eq!(c.analyse(&shuffled).unwrap(), r);
    }

    #[test]
    fn a_target_multiplies_and_divides_the_values_at_its_keys() {
        let tree =
            serde_json::json!({"a": {"x": 0.6, "y": 0.2}, "b": {"x": 0.3, "y": 0.4, "z": 0.0}});
        let mut t = target("odds", "a.x", Relation::Equal, 1.0, 0.1);
        assert_eq!(t.read(&tree), Some(0.6));
        t.times = Some("b.y".into());
        t.over = vec!["a.y".into(), "b.x".into()];
        // (0.6 · 0.4) / (0.2 · 0.3) = 4.
        assert!((t.read(&tree).unwrap() - 4.0).abs() < 1e-12);
        assert_eq!(t.keys().count(), 4);
        t.over.push("b.z".into());
        assert_eq!(
            t.read(&tree),
            None,
            "a divisor of 0 leaves the target undefined"
        );
        t.over = vec!["b.nowhere".into()];
        assert_eq!(t.read(&tree), None);
    }

    #[test]
    fn a_missing_key_is_named() {
        let spec = CalibrationSpec {
            base: small_base(),
            parameters: default_parameters(),
            targets: vec![target(
                "women-online",
                "channels.nowhere.shares.gender.woman",
                Relation::Equal,
                0.56,
                0.02,
            )],
            samples: 2,
            seeds: 1,
            first_seed: 1,
            design_seed: 1,
        };
        let mut only_unproduced = spec.clone();
        let e = Calibration::new(spec).unwrap().check_keys().unwrap_err();
        assert!(
            e.to_string()
                .contains("channels.nowhere.shares.gender.woman"),
            "{e}"
        );
        only_unproduced.targets[0].not_produced = Some("no mechanism".into());
        let e = Calibration::new(only_unproduced).unwrap_err();
        assert!(e.to_string().contains("not_produced"), "{e}");
    }

    #[test]
    fn the_targets_table_reads_and_cites_a_source_for_each_target() {
        let file: TargetsFile = serde_json::from_str(TARGETS_JSON).unwrap();
        assert!(file.targets.len() >= 7);
        assert_eq!(default_targets(), file.targets);
        for t in &file.targets {
            assert!(t.source.len() > 20, "{}: no source", t.name);
            assert!(t.tolerance > 0.0);
        }
        let spec = CalibrationSpec {
            base: Scenario::default(),
            parameters: default_parameters(),
            targets: file.targets,
            samples: 1,
            seeds: 1,
            first_seed: 1,
            design_seed: 1,
        };
        Calibration::new(spec).unwrap();
    }

    #[test]
    fn the_polish_targets_are_the_aggregated_data() {
        // crates/engine/calibration/polish_pb_voters.json is the output of
        // scripts/calibration_targets.py on shared/data/pb_voters/polish_cities.json.
        let data: Value =
            serde_json::from_str(include_str!("../calibration/polish_pb_voters.json")).unwrap();
        let pooled =
            |channel: &str, key: &str| data["channels"][channel]["pooled"][key].as_f64().unwrap();
        let odds = |band: &str| data["paper_odds_by_age"]["pooled"][band].as_f64().unwrap();
        let mut checked = 0;
        for t in default_targets() {
            let Some(rest) = t.name.strip_prefix("pl-") else {
                continue;
            };
            let want = if let Some(band) = rest.strip_prefix("paper-odds-") {
                odds(band)
            } else {
                let (channel, key) = rest.split_once('-').unwrap();
                pooled(channel, key)
            };
            checked += 1;
            assert!(
                (t.value - want).abs() < 5e-4,
                "{}: {} vs data {want}",
                t.name,
                t.value
            );
        }
        assert_eq!(checked, 6, "three shares of women and three odds ratios");
    }
}
