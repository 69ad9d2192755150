//! Ensembles: a Latin hypercube of parameter sets, each run with the same seeds, and the
//! robustness of a [`Finding`] across them.
//!
//! # Design
//! `N` members. For each factor (in the given order) a random permutation `π` of `0..N` is drawn,
//! then member `m`'s unit coordinate is `(π(m) + U_m) / N` with `U_m` uniform on `[0, 1)`: each
//! of the `N` equal strata of every factor's range holds exactly one member
//! (the Latin hypercube of McKay, Beckman & Conover, Technometrics 1979). All draws come from one `xoshiro256++` stream seeded by `design_seed`.
//!
//! Without a finding, member `m` is point `m`. With a finding, member `m` is two points: `2m`
//! (the member's parameters, then the settings of A) and `2m + 1` (the same parameters, then the
//! settings of B). Every point runs with seeds `first_seed … first_seed + R − 1` (common random
//! numbers: the same citizens and draws for every member, A and B).
//!
//! # Robustness of a finding
//! In member `m`, `a` and `b` are the means over the seeds of the finding's metric in A and in B
//! (runs where it is undefined do not count), and the member *holds* when `a − b` lies in the
//! stated direction (strictly). The finding holds in `h` of `N` members (members where `a` or `b`
//! is undefined do not hold, and are counted apart as undefined). The factors that move it most
//! are the three with the largest `|ρ|`, Spearman's rank correlation across the defined members
//! of the factor's value with `a − b` (ties: the earlier factor first).

#![allow(clippy::doc_markdown, reason = "the author name McKay is not code")]

use std::fmt::Write as _;

use rand::SeedableRng;
use serde::{Deserialize, Serialize};

use super::seeded;
use super::{
    Direction, Factor, Finding, JobSamples, SensitivityError, apply, check_factors, invalid,
    spearman,
};
use crate::csv;
use crate::metric::Metric;
use crate::report::Report;
use crate::rng::{self, StageRng};
use crate::scenario::Scenario;
use crate::sweep::{Design, MAX_JOBS, Sample};

/// Most members of an ensemble.
pub const MAX_SAMPLES: u32 = 100_000;

/// An ensemble over the factors' ranges.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EnsembleSpec {
    /// The scenario every member starts from.
    pub base: Scenario,
    /// The factors and their ranges.
    pub factors: Vec<Factor>,
    /// Members (parameter sets) `N`.
    pub samples: u32,
    /// Seeds per member `R`.
    pub seeds: u32,
    /// Seed of seed index 0.
    pub first_seed: u64,
    /// Seed of the Latin hypercube's draws.
    pub design_seed: u64,
    /// The finding evaluated in every member, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub finding: Option<Finding>,
}

/// A validated ensemble with every point's scenario prepared.
#[derive(Clone, Debug)]
pub struct Ensemble {
    spec: EnsembleSpec,
    units: Vec<Vec<f64>>,
    scenarios: Vec<Scenario>,
}

/// The A/B comparison in one member.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Paired {
    /// Mean of the metric over the seeds in A.
    pub a: Option<f64>,
    /// Mean of the metric over the seeds in B.
    pub b: Option<f64>,
    /// `a − b`.
    pub difference: Option<f64>,
    /// Whether `a − b` lies in the stated direction.
    pub holds: bool,
}

/// One member's parameters and results.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Member {
    /// Member index.
    pub index: u32,
    /// The value of each factor.
    pub values: Vec<f64>,
    /// Without a finding: the mean over the seeds of every headline metric ([`Metric::SWEEP`] order).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub metrics: Vec<Option<f64>>,
    /// With a finding: the paired comparison.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paired: Option<Paired>,
}

/// A factor's rank correlation with a finding's paired difference.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Influence {
    /// The factor's path.
    pub factor: String,
    /// Spearman's ρ of the factor's value with `a − b` across members.
    pub rho: f64,
}

/// How robust a finding is across the ensemble.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Robustness {
    /// The finding's name.
    pub finding: String,
    /// Its claim.
    pub statement: String,
    /// Its metric.
    pub metric: String,
    /// The stated direction of `A − B`.
    pub direction: Direction,
    /// Members in which it holds.
    pub holds: u32,
    /// Members in all.
    pub members: u32,
    /// Members in which the metric was undefined in A or B.
    pub undefined: u32,
    /// The (at most) three factors with the largest `|ρ|`.
    pub top_factors: Vec<Influence>,
}

/// An ensemble's members and, with a finding, its robustness.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EnsembleResult {
    /// Every member, in order.
    pub members: Vec<Member>,
    /// The finding's robustness, if the ensemble has a finding.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub robustness: Option<Robustness>,
}

/// A Latin hypercube of `n` points in `k` dimensions on the unit cube, deterministic in `seed`.
#[must_use]
pub fn latin_hypercube(n: u32, k: usize, seed: u64) -> Vec<Vec<f64>> {
    let mut rng = StageRng::seed_from_u64(seed);
    let mut units = vec![vec![0.0; k]; n as usize];
    for f in 0..k {
        let mut perm: Vec<u32> = (0..n).collect();
        for i in (1..n as usize).rev() {
            let j = rng::below(&mut rng, i as u32 + 1) as usize;
            perm.swap(i, j);
        }
        for (m, row) in units.iter_mut().enumerate() {
            row[f] = (f64::from(perm[m]) + rng::unit(&mut rng)) / f64::from(n);
        }
    }
    units
}

impl Ensemble {
    /// Validates `spec` and prepares every point.
    pub fn new(spec: EnsembleSpec) -> Result<Ensemble, SensitivityError> {
        spec.base
            .validate()
            .map_err(|e| invalid(format!("the base scenario: {e}")))?;
        check_factors(&spec.base, &spec.factors)?;
        if !(1..=MAX_SAMPLES).contains(&spec.samples) {
            return Err(invalid(format!(
                "{} samples; give 1 – {MAX_SAMPLES} parameter sets",
                spec.samples
            )));
        }
        if spec.seeds == 0 {
            return Err(invalid("the number of seeds must be at least 1"));
        }
        let variants: u64 = if spec.finding.is_some() { 2 } else { 1 };
        let jobs = u64::from(spec.samples) * variants * u64::from(spec.seeds);
        if jobs > u64::from(MAX_JOBS) {
            return Err(invalid(format!(
                "{} samples × {variants} scenarios × {} seeds = {jobs} runs; at most {MAX_JOBS}",
                spec.samples, spec.seeds
            )));
        }
        if spec
            .first_seed
            .checked_add(u64::from(spec.seeds - 1))
            .is_none()
        {
            return Err(invalid("the seeds overflow the largest seed"));
        }
        if let Some(f) = &spec.finding {
            for s in f.a.iter().chain(&f.b) {
                if spec.factors.iter().any(|g| g.path == s.path) {
                    return Err(invalid(format!(
                        "the finding {} sets {}, which is also a factor",
                        f.name, s.path
                    )));
                }
            }
        }
        let units = latin_hypercube(spec.samples, spec.factors.len(), spec.design_seed);
        let mut scenarios = Vec::with_capacity(units.len() * variants as usize);
        for u in &units {
            match &spec.finding {
                None => scenarios.push(apply(&spec.base, &spec.factors, u, &[])?),
                Some(f) => {
                    scenarios.push(apply(&spec.base, &spec.factors, u, &f.a)?);
                    scenarios.push(apply(&spec.base, &spec.factors, u, &f.b)?);
                }
            }
        }
        Ok(Ensemble {
            spec,
            units,
            scenarios,
        })
    }

    /// The specification.
    #[must_use]
    pub fn spec(&self) -> &EnsembleSpec {
        &self.spec
    }

    /// The factor values of member `m`.
    #[must_use]
    pub fn values(&self, member: u32) -> Vec<f64> {
        self.spec
            .factors
            .iter()
            .zip(&self.units[member as usize])
            .map(|(f, &u)| f.at(u))
            .collect()
    }

    fn variants(&self) -> usize {
        if self.spec.finding.is_some() { 2 } else { 1 }
    }

    /// The members' results and the finding's robustness from `samples` (all jobs, any order).
    /// Errors when a job is missing or given twice.
    pub fn analyse(&self, samples: &[Sample]) -> Result<EnsembleResult, SensitivityError> {
        let jobs = JobSamples::new(samples, self.job_count(), self.spec.seeds, "analysis")?;
        let point_mean = |p: usize, m: usize| jobs.seed_mean(p, m);
        let v = self.variants();
        let members: Vec<Member> = (0..self.spec.samples)
            .map(|m| {
                let p = m as usize * v;
                let (metrics, paired) = match &self.spec.finding {
                    None => (
                        (0..Metric::SWEEP.len()).map(|k| point_mean(p, k)).collect(),
                        None,
                    ),
                    Some(f) => {
                        let index = super::finding_value_index(f);
                        let a = point_mean(p, index);
                        let b = point_mean(p + 1, index);
                        let difference = a.zip(b).map(|(a, b)| a - b);
                        let holds = difference.is_some_and(|d| f.direction.holds(d));
                        (
                            Vec::new(),
                            Some(Paired {
                                a,
                                b,
                                difference,
                                holds,
                            }),
                        )
                    }
                };
                Member {
                    index: m,
                    values: self.values(m),
                    metrics,
                    paired,
                }
            })
            .collect();
        let robustness = self
            .spec
            .finding
            .as_ref()
            .map(|f| self.robustness(f, &members));
        Ok(EnsembleResult {
            members,
            robustness,
        })
    }

    fn robustness(&self, f: &Finding, members: &[Member]) -> Robustness {
        let defined: Vec<(&Member, f64)> = members
            .iter()
            .filter_map(|m| m.paired.as_ref()?.difference.map(|d| (m, d)))
            .collect();
        let diffs: Vec<f64> = defined.iter().map(|(_, d)| *d).collect();
        let mut influences: Vec<(usize, f64)> = (0..self.spec.factors.len())
            .map(|k| {
                let xs: Vec<f64> = defined.iter().map(|(m, _)| m.values[k]).collect();
                (k, spearman(&xs, &diffs))
            })
            .collect();
        influences.sort_by(|a, b| b.1.abs().total_cmp(&a.1.abs()).then(a.0.cmp(&b.0)));
        Robustness {
            finding: f.name.clone(),
            statement: f.statement.clone(),
            metric: f.metric.clone(),
            direction: f.direction,
            holds: members
                .iter()
                .filter(|m| m.paired.as_ref().is_some_and(|p| p.holds))
                .count() as u32,
            members: members.len() as u32,
            undefined: (members.len() - defined.len()) as u32,
            top_factors: influences
                .into_iter()
                .take(3)
                .map(|(k, rho)| Influence {
                    factor: self.spec.factors[k].path.clone(),
                    rho,
                })
                .collect(),
        }
    }

    /// The result as CSV, one row per member (with a finding:
    /// `member,<factor paths…>,a,b,difference,holds`) or per member and metric (without:
    /// `member,<factor paths…>,metric,mean`).
    #[must_use]
    pub fn to_csv(&self, result: &EnsembleResult) -> String {
        let mut out = String::from("member");
        for f in &self.spec.factors {
            out.push(',');
            out.push_str(&csv::field(&f.path, ','));
        }
        out.push_str(if self.spec.finding.is_some() {
            ",a,b,difference,holds\n"
        } else {
            ",metric,mean\n"
        });
        for m in &result.members {
            let mut head = m.index.to_string();
            for v in &m.values {
                let _ = write!(head, ",{v}");
            }
            if let Some(p) = &m.paired {
                let _ = writeln!(
                    out,
                    "{head},{},{},{},{}",
                    csv::number(p.a),
                    csv::number(p.b),
                    csv::number(p.difference),
                    p.holds
                );
            } else {
                for (name, v) in Metric::SWEEP.iter().map(|m| m.name()).zip(&m.metrics) {
                    let _ = writeln!(out, "{head},{name},{}", csv::number(*v));
                }
            }
        }
        out
    }

    /// The result as JSON Lines: with a finding, first its robustness
    /// (`{"finding":…,"statement":…,"metric":…,"direction":">","holds":H,"members":N,"undefined":U,"top_factors":[{"factor":…,"rho":…},…]}`),
    /// then one line per member `{"member":M,"factors":{"<path>":V,…},"a":…,"b":…,"difference":…,"holds":…}`;
    /// without, one line per member `{"member":M,"factors":{…},"metrics":{"<metric>":MEAN,…}}`.
    #[must_use]
    pub fn to_jsonl(&self, result: &EnsembleResult) -> String {
        let key = |k: &str| serde_json::Value::from(k).to_string();
        let mut out = String::new();
        if let Some(r) = &result.robustness {
            let _ = write!(
                out,
                "{{\"finding\":{},\"statement\":{},\"metric\":{},\"direction\":{},\"holds\":{},\"members\":{},\"undefined\":{},\"top_factors\":[",
                key(&r.finding),
                key(&r.statement),
                key(&r.metric),
                key(r.direction.symbol()),
                r.holds,
                r.members,
                r.undefined
            );
            for (k, i) in r.top_factors.iter().enumerate() {
                if k > 0 {
                    out.push(',');
                }
                let _ = write!(
                    out,
                    "{{\"factor\":{},\"rho\":{}}}",
                    key(&i.factor),
                    csv::json_number(Some(i.rho))
                );
            }
            out.push_str("]}\n");
        }
        for m in &result.members {
            let _ = write!(out, "{{\"member\":{},\"factors\":{{", m.index);
            for (k, (f, v)) in self.spec.factors.iter().zip(&m.values).enumerate() {
                if k > 0 {
                    out.push(',');
                }
                let _ = write!(out, "{}:{}", key(&f.path), csv::json_number(Some(*v)));
            }
            out.push('}');
            if let Some(p) = &m.paired {
                let _ = write!(
                    out,
                    ",\"a\":{},\"b\":{},\"difference\":{},\"holds\":{}",
                    csv::json_number(p.a),
                    csv::json_number(p.b),
                    csv::json_number(p.difference),
                    p.holds
                );
            } else {
                out.push_str(",\"metrics\":{");
                for (k, (name, v)) in Metric::SWEEP
                    .iter()
                    .map(|m| m.name())
                    .zip(&m.metrics)
                    .enumerate()
                {
                    if k > 0 {
                        out.push(',');
                    }
                    let _ = write!(out, "{}:{}", key(name), csv::json_number(*v));
                }
                out.push('}');
            }
            out.push_str("}\n");
        }
        out
    }
}

impl Design for Ensemble {
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
        match &self.spec.finding {
            Some(f) if f.headline_index().is_none() => Metric::SWEEP.len() + 1,
            _ => Metric::SWEEP.len(),
        }
    }

    fn values_of(&self, report: &Report) -> Vec<Option<f64>> {
        super::values_with(report, self.spec.finding.as_ref())
    }

    /// What the finding's key needs (see [`crate::Detail::for_key`]).
    fn detail(&self) -> crate::Detail {
        self.spec
            .finding
            .as_ref()
            .map_or(crate::Detail::Headline, |f| {
                crate::Detail::for_key(&f.metric)
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sensitivity::{default_factors, finding};

    #[test]
    fn each_stratum_is_used_once_per_factor() {
        for (n, k) in [(1, 3), (7, 2), (50, 5)] {
            let units = latin_hypercube(n, k, 11);
            assert_eq!(units.len(), n as usize);
            for f in 0..k {
                let mut strata: Vec<u32> = units
                    .iter()
                    .map(|u| {
                        assert!((0.0..1.0).contains(&u[f]));
                        (u[f] * f64::from(n)) as u32
                    })
                    .collect();
                strata.sort_unstable();
                assert_eq!(strata, (0..n).collect::<Vec<_>>(), "factor {f}");
            }
            assert_eq!(latin_hypercube(n, k, 11), units);
        }
        assert_ne!(latin_hypercube(20, 2, 1), latin_hypercube(20, 2, 2));
    }

    fn small(finding_name: Option<&str>) -> Ensemble {
        let mut base = crate::presets::get("faxe-dialogue").unwrap();
        base.population.size = 3_000;
        base.invitation.letters = 500;
        Ensemble::new(EnsembleSpec {
            base,
            factors: default_factors()[..4].to_vec(),
            samples: 6,
            seeds: 2,
            first_seed: 1,
            design_seed: 5,
            finding: finding_name.map(|n| finding(n).unwrap()),
        })
        .unwrap()
    }

    fn run_all(e: &Ensemble) -> Vec<Sample> {
        (0..e.job_count())
            .map(|j| {
                let job = e.job(j);
                let s = e.scenario_for(job.point, job.seed_index);
                let pop = crate::population::generate(&s.population, s.seed);
                e.run_design_job(j, &pop)
            })
            .collect()
    }

    #[test]
    fn a_finding_is_counted_over_paired_members_in_any_job_order() {
        let e = small(Some("facilitation-evens-voice"));
        assert_eq!(e.job_count(), 6 * 2 * 2);
        let samples = run_all(&e);
        let result = e.analyse(&samples).unwrap();
        let r = result.robustness.as_ref().unwrap();
        let holding = result
            .members
            .iter()
            .filter(|m| {
                let p = m.paired.as_ref().unwrap();
                p.a.unwrap() < p.b.unwrap()
            })
            .count() as u32;
        assert_eq!((r.holds, r.members, r.undefined), (holding, 6, 0));
        assert_eq!(r.top_factors.len(), 3);
        let mut reversed = samples.clone();
        reversed.reverse();
        let again = e.analyse(&reversed).unwrap();
        assert_eq!(e.to_jsonl(&again), e.to_jsonl(&result));
        assert_eq!(e.to_csv(&again), e.to_csv(&result));
        assert!(
            e.analyse(&samples[1..])
                .unwrap_err()
                .to_string()
                .contains("job 0 is missing")
        );
    }

    #[test]
    fn report_key_findings_carry_their_value() {
        let e = small(Some("targeted-outreach"));
        assert_eq!(e.value_count(), Metric::SWEEP.len() + 1);
        let result = e.analyse(&run_all(&e)).unwrap();
        for m in &result.members {
            let p = m.paired.as_ref().unwrap();
            assert!(p.a.is_some() && p.b.is_some());
        }
        let plain = small(None);
        let result = plain.analyse(&run_all(&plain)).unwrap();
        assert_eq!(result.members[0].metrics.len(), Metric::SWEEP.len());
        assert!(result.robustness.is_none());
    }
}
