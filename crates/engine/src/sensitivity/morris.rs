//! Morris elementary effects (Morris 1991; Campolongo, Cariboni & Saltelli 2007).
//!
//! # Design
//! Each factor is scaled to the unit interval (`u = 0` is `low`, `u = 1` is `high`) and
//! discretised on `p` levels `0, 1/(p−1), …, 1` (`p` even). The step is `Δ = p / (2(p − 1))`.
//! A trajectory has `k + 1` points: a random start, then one factor at a time moves by `±Δ`, in
//! a random order. The start of factor `i` is a level drawn uniformly from the lower half
//! `0, …, 1 − Δ`; with a random sign the factor then moves up by `Δ` from there, or starts `Δ`
//! higher and moves down (the sign matrix `D*` of Morris's construction). Trajectory `t` is
//! points `t(k+1) … t(k+1)+k`. Every point runs with seeds `first_seed … first_seed + R − 1`, the
//! same seeds at every point (common random numbers), and its value is the mean over the seeds.
//! All draws come from one `xoshiro256++` stream seeded by `design_seed` (`SplitMix64` expansion).
//!
//! # Effects
//! The elementary effect of the factor that moves between points `j` and `j + 1` is
//! `EE = (y_{j+1} − y_j) / (±Δ)`: the change of the metric per unit of the factor's whole range,
//! so that `y = 3a` with `a` over `[0, 2]` gives `EE = 6`. Per factor and metric over the
//! trajectories where both points define the metric: `μ = mean EE`, `μ* = mean |EE|`,
//! `σ = √(Σ(EE − μ)² / (n − 1))` (absent for `n < 2`). A large `μ*` marks an influential factor,
//! a large `σ` one that interacts or acts non-linearly.

use std::fmt::Write as _;

use rand::SeedableRng;
use serde::{Deserialize, Serialize};

use super::seeded;
use super::{Factor, JobSamples, SensitivityError, apply, check_factors, invalid};
use crate::csv;
use crate::metric::Metric;
use crate::rng::{self, StageRng};
use crate::scenario::Scenario;
use crate::sweep::{Design, MAX_JOBS, Sample};

/// Most trajectories.
pub const MAX_TRAJECTORIES: u32 = 1_000;

/// A Morris screening.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MorrisSpec {
    /// The scenario every point starts from.
    pub base: Scenario,
    /// The factors and their ranges.
    pub factors: Vec<Factor>,
    /// Trajectories `r` (1 – [`MAX_TRAJECTORIES`]).
    pub trajectories: u32,
    /// Grid levels `p` (even, 2 – 20).
    pub levels: u32,
    /// Seeds per point `R`.
    pub seeds: u32,
    /// Seed of seed index 0.
    pub first_seed: u64,
    /// Seed of the design's own draws (starts, signs, orders).
    pub design_seed: u64,
}

/// A validated Morris screening with every point's scenario prepared.
#[derive(Clone, Debug)]
pub struct Morris {
    spec: MorrisSpec,
    /// Unit coordinates of every point.
    units: Vec<Vec<f64>>,
    /// For each trajectory step (`t · k + s`): the factor that moves and the signed step.
    steps: Vec<(usize, f64)>,
    scenarios: Vec<Scenario>,
}

/// `μ*`, `μ` and `σ` of one factor on one metric.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Effect {
    /// Elementary effects that were defined.
    pub n: u32,
    /// Mean absolute elementary effect.
    pub mu_star: Option<f64>,
    /// Mean elementary effect.
    pub mu: Option<f64>,
    /// Standard deviation of the elementary effects.
    pub sigma: Option<f64>,
}

impl Effect {
    /// The statistics of `effects`.
    #[must_use]
    pub fn of(effects: &[f64]) -> Effect {
        let n = effects.len() as u32;
        if n == 0 {
            return Effect {
                n,
                mu_star: None,
                mu: None,
                sigma: None,
            };
        }
        let mu = effects.iter().sum::<f64>() / f64::from(n);
        let mu_star = effects.iter().map(|e| e.abs()).sum::<f64>() / f64::from(n);
        let sigma = (n >= 2).then(|| {
            let ss: f64 = effects.iter().map(|e| (e - mu) * (e - mu)).sum();
            libm::sqrt(ss / f64::from(n - 1))
        });
        Effect {
            n,
            mu_star: Some(mu_star),
            mu: Some(mu),
            sigma,
        }
    }
}

/// One factor's effects on every metric, in [`Metric::SWEEP`] order.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FactorEffects {
    /// The factor.
    pub factor: Factor,
    /// One effect per metric.
    pub metrics: Vec<Effect>,
}

/// The Morris design on the unit cube: per trajectory `k + 1` points, and per step the factor
/// that moves and its signed step. Deterministic in `design_seed`.
#[must_use]
pub fn design(
    k: usize,
    trajectories: u32,
    levels: u32,
    design_seed: u64,
) -> (Vec<Vec<f64>>, Vec<(usize, f64)>) {
    let mut rng = StageRng::seed_from_u64(design_seed);
    let p = f64::from(levels);
    let delta = p / (2.0 * (p - 1.0));
    let mut points = Vec::with_capacity(trajectories as usize * (k + 1));
    let mut steps = Vec::with_capacity(trajectories as usize * k);
    for _ in 0..trajectories {
        let mut x = Vec::with_capacity(k);
        let mut sign = Vec::with_capacity(k);
        for _ in 0..k {
            let level = rng::below(&mut rng, levels / 2);
            let up = rng::chance(&mut rng, 0.5);
            let start = f64::from(level) / (p - 1.0);
            x.push(if up { start } else { start + delta });
            sign.push(if up { delta } else { -delta });
        }
        let mut order: Vec<usize> = (0..k).collect();
        for i in (1..k).rev() {
            let j = rng::below(&mut rng, i as u32 + 1) as usize;
            order.swap(i, j);
        }
        points.push(x.clone());
        for &f in &order {
            x[f] += sign[f];
            // Keep grid values exact at the ends despite rounding.
            x[f] = x[f].clamp(0.0, 1.0);
            points.push(x.clone());
            steps.push((f, sign[f]));
        }
    }
    (points, steps)
}

impl Morris {
    /// Validates `spec` and prepares every point.
    pub fn new(spec: MorrisSpec) -> Result<Morris, SensitivityError> {
        spec.base
            .validate()
            .map_err(|e| invalid(format!("the base scenario: {e}")))?;
        check_factors(&spec.base, &spec.factors)?;
        if !(1..=MAX_TRAJECTORIES).contains(&spec.trajectories) {
            return Err(invalid(format!(
                "{} trajectories; give 1 – {MAX_TRAJECTORIES}",
                spec.trajectories
            )));
        }
        if !(2..=20).contains(&spec.levels) || spec.levels % 2 == 1 {
            return Err(invalid(format!(
                "{} levels; Morris needs an even number of levels from 2 to 20 (4 is usual)",
                spec.levels
            )));
        }
        if spec.seeds == 0 {
            return Err(invalid("the number of seeds must be at least 1"));
        }
        let k = spec.factors.len();
        let jobs = u64::from(spec.trajectories) * (k as u64 + 1) * u64::from(spec.seeds);
        if jobs > u64::from(MAX_JOBS) {
            return Err(invalid(format!(
                "{} trajectories × {} points × {} seeds = {jobs} runs; at most {MAX_JOBS}",
                spec.trajectories,
                k + 1,
                spec.seeds
            )));
        }
        if spec
            .first_seed
            .checked_add(u64::from(spec.seeds - 1))
            .is_none()
        {
            return Err(invalid("the seeds overflow the largest seed"));
        }
        let (units, steps) = design(k, spec.trajectories, spec.levels, spec.design_seed);
        let scenarios = units
            .iter()
            .map(|u| apply(&spec.base, &spec.factors, u, &[]))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Morris {
            spec,
            units,
            steps,
            scenarios,
        })
    }

    /// The specification.
    #[must_use]
    pub fn spec(&self) -> &MorrisSpec {
        &self.spec
    }

    /// Unit coordinates of point `p`.
    #[must_use]
    pub fn units(&self, point: u32) -> &[f64] {
        &self.units[point as usize]
    }

    /// The effects of every factor on every metric from `samples` (all jobs, any order).
    /// Errors when a job is missing or given twice.
    pub fn analyse(&self, samples: &[Sample]) -> Result<Vec<FactorEffects>, SensitivityError> {
        let jobs = JobSamples::new(samples, self.job_count(), self.spec.seeds, "analysis")?;
        let point_value = |p: usize, m: usize| jobs.seed_mean(p, m);
        let k = self.spec.factors.len();
        let mut effects = vec![vec![Vec::new(); Metric::SWEEP.len()]; k];
        for t in 0..self.spec.trajectories as usize {
            for s in 0..k {
                let (f, step) = self.steps[t * k + s];
                let before = t * (k + 1) + s;
                for (m, list) in effects[f].iter_mut().enumerate() {
                    if let (Some(y0), Some(y1)) =
                        (point_value(before, m), point_value(before + 1, m))
                    {
                        list.push((y1 - y0) / step);
                    }
                }
            }
        }
        Ok(self
            .spec
            .factors
            .iter()
            .zip(effects)
            .map(|(factor, lists)| FactorEffects {
                factor: factor.clone(),
                metrics: lists.iter().map(|l| Effect::of(l)).collect(),
            })
            .collect())
    }

    /// The effects as CSV, one row per factor and metric (factors in the given order, metrics in
    /// [`Metric::SWEEP`] order): `factor,low,high,metric,n,mu_star,mu,sigma`.
    #[must_use]
    pub fn to_csv(effects: &[FactorEffects]) -> String {
        let mut out = String::from("factor,low,high,metric,n,mu_star,mu,sigma\n");
        for fe in effects {
            for (name, e) in Metric::SWEEP.iter().map(|m| m.name()).zip(&fe.metrics) {
                let _ = writeln!(
                    out,
                    "{},{},{},{name},{},{},{},{}",
                    csv::field(&fe.factor.path, ','),
                    fe.factor.low,
                    fe.factor.high,
                    e.n,
                    csv::number(e.mu_star),
                    csv::number(e.mu),
                    csv::number(e.sigma)
                );
            }
        }
        out
    }

    /// The effects as JSON Lines, one object per factor:
    /// `{"factor":"…","low":L,"high":H,"metrics":{"<metric>":{"n":N,"mu_star":…,"mu":…,"sigma":…},…}}`.
    #[must_use]
    pub fn to_jsonl(effects: &[FactorEffects]) -> String {
        let key = |k: &str| serde_json::Value::from(k).to_string();
        let mut out = String::new();
        for fe in effects {
            let _ = write!(
                out,
                "{{\"factor\":{},\"low\":{},\"high\":{},\"metrics\":{{",
                key(&fe.factor.path),
                csv::json_number(Some(fe.factor.low)),
                csv::json_number(Some(fe.factor.high))
            );
            for (k, (name, e)) in Metric::SWEEP
                .iter()
                .map(|m| m.name())
                .zip(&fe.metrics)
                .enumerate()
            {
                if k > 0 {
                    out.push(',');
                }
                let _ = write!(
                    out,
                    "{}:{{\"n\":{},\"mu_star\":{},\"mu\":{},\"sigma\":{}}}",
                    key(name),
                    e.n,
                    csv::json_number(e.mu_star),
                    csv::json_number(e.mu),
                    csv::json_number(e.sigma)
                );
            }
            out.push_str("}}\n");
        }
        out
    }
}

impl Design for Morris {
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
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Morris effects of an analytic function `y(u)` of the unit coordinates, computed through the
    /// same design and the same statistics.
    fn effects_of(
        k: usize,
        r: u32,
        p: u32,
        ranges: &[(f64, f64)],
        y: impl Fn(&[f64]) -> f64,
    ) -> Vec<Effect> {
        let (points, steps) = design(k, r, p, 7);
        let x = |u: &[f64]| -> Vec<f64> {
            u.iter()
                .zip(ranges)
                .map(|(u, (lo, hi))| lo + u * (hi - lo))
                .collect()
        };
        let mut lists = vec![Vec::new(); k];
        for t in 0..r as usize {
            for s in 0..k {
                let (f, step) = steps[t * k + s];
                let b = t * (k + 1) + s;
                lists[f].push((y(&x(&points[b + 1])) - y(&x(&points[b]))) / step);
            }
        }
        lists.iter().map(|l| Effect::of(l)).collect()
    }

    #[test]
    fn linear_function_gives_its_slope_times_the_range() {
        // y = 3a + 0·b, a over [1, 3] (range 2), b over [0, 10].
        let e = effects_of(2, 10, 4, &[(1.0, 3.0), (0.0, 10.0)], |x| 3.0 * x[0]);
        assert!((e[0].mu_star.unwrap() - 6.0).abs() < 1e-9, "{:?}", e[0]);
        assert!((e[0].mu.unwrap() - 6.0).abs() < 1e-9);
        assert!(e[0].sigma.unwrap() < 1e-9);
        assert_eq!(e[1].mu_star, Some(0.0));
        assert_eq!(e[0].n, 10);
    }

    #[test]
    fn interaction_shows_in_sigma_and_sign_in_mu() {
        // y = a·b − c: a and b interact (σ > 0), c lowers y (μ = −1, μ* = 1).
        let e = effects_of(3, 30, 4, &[(0.0, 1.0); 3], |x| x[0] * x[1] - x[2]);
        assert!(e[0].sigma.unwrap() > 0.1 && e[1].sigma.unwrap() > 0.1);
        assert!((e[2].mu.unwrap() + 1.0).abs() < 1e-9);
        assert!((e[2].mu_star.unwrap() - 1.0).abs() < 1e-9);
        assert!(e[2].sigma.unwrap() < 1e-9);
    }

    #[test]
    fn trajectories_move_one_factor_at_a_time_on_the_grid() {
        let (k, r, p) = (5, 8, 6);
        let (points, steps) = design(k, r, p, 3);
        let delta = f64::from(p) / (2.0 * f64::from(p - 1));
        assert_eq!(points.len(), r as usize * (k + 1));
        for t in 0..r as usize {
            let mut moved = vec![false; k];
            for s in 0..k {
                let (a, b) = (&points[t * (k + 1) + s], &points[t * (k + 1) + s + 1]);
                let changed: Vec<usize> =
                    (0..k).filter(|&i| a[i].total_cmp(&b[i]).is_ne()).collect();
                assert_eq!(changed, vec![steps[t * k + s].0]);
                let f = changed[0];
                assert!(((b[f] - a[f]).abs() - delta).abs() < 1e-12);
                assert!(!moved[f], "factor {f} moved twice");
                moved[f] = true;
                for v in b {
                    let level = v * f64::from(p - 1);
                    assert!((level - level.round()).abs() < 1e-9 && (0.0..=1.0).contains(v));
                }
            }
        }
        assert_eq!(design(k, r, p, 3), (points, steps));
    }

    #[test]
    fn bad_specs_are_explained() {
        let spec = |levels, trajectories, seeds| MorrisSpec {
            base: Scenario::default(),
            factors: super::super::default_factors(),
            trajectories,
            levels,
            seeds,
            first_seed: 1,
            design_seed: 1,
        };
        for (s, needle) in [
            (spec(5, 4, 1), "even number of levels"),
            (spec(4, 0, 1), "trajectories"),
            (spec(4, 4, 0), "seeds"),
        ] {
            let e = Morris::new(s).unwrap_err().to_string();
            assert!(e.contains(needle), "{e}");
        }
    }
}
