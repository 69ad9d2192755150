//! The robustness job: how often each headline finding holds across plausible models, with an
//! ensemble of `dialoglab_engine::sensitivity` per finding (a Latin hypercube over the factors'
//! ranges, the same seeds for every member, A and B paired). It streams each finding's
//! [`Robustness`] as soon as it is done and reports progress in runs; the page cancels it by
//! terminating the worker. The numbers are exactly those of
//! `dialoglab sensitivity --method ensemble --finding NAME` with the same arguments.

use dialoglab_engine::Scenario;
use dialoglab_engine::sensitivity::ensemble::{Ensemble, EnsembleSpec, Robustness};
use dialoglab_engine::sensitivity::{Factor, Finding, default_factors, finding};
use dialoglab_engine::sweep::{Design, PopulationCache, Sample};
use serde::{Deserialize, Serialize};

use crate::protocol::{Message, Output, Partial};

/// Most memory the job spends on cached populations (bytes); about 66 bytes per citizen each.
const CACHE_BYTES: u64 = 256 * 1024 * 1024;

/// Runs between two progress messages (and at the end of each finding).
const PROGRESS_EVERY: u32 = 25;

/// What the page asks for.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RobustnessSpec {
    /// The scenario every member starts from.
    pub base: Scenario,
    /// Names of built-in findings (`dialoglab_engine::sensitivity::findings`).
    pub findings: Vec<String>,
    /// Findings given in full (e.g. a guide chapter's), evaluated after the named ones.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub custom: Vec<Finding>,
    /// The factors and their ranges (default: `sensitivity::default_factors`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub factors: Option<Vec<Factor>>,
    /// Members (parameter sets) per finding.
    pub samples: u32,
    /// Seeds per member.
    pub seeds: u32,
    /// Seed of seed index 0.
    pub first_seed: u64,
    /// Seed of the Latin hypercube.
    pub design_seed: u64,
}

/// The result: each finding's robustness, in the order asked.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RobustnessDone {
    /// One per finding.
    pub findings: Vec<Robustness>,
}

/// Runs every finding's ensemble, sending each [`Robustness`] as it is done.
pub fn run(spec: &RobustnessSpec, send: &mut dyn FnMut(Message)) -> Result<Output, String> {
    if spec.findings.is_empty() && spec.custom.is_empty() {
        return Err("no findings to evaluate".into());
    }
    let factors = spec.factors.clone().unwrap_or_else(default_factors);
    let named = spec
        .findings
        .iter()
        .map(|name| finding(name).ok_or_else(|| format!("no finding named {name:?}")))
        .collect::<Result<Vec<_>, _>>()?;
    let ensembles = named
        .into_iter()
        .chain(spec.custom.iter().cloned())
        .map(|f| {
            let name = f.name.clone();
            Ensemble::new(EnsembleSpec {
                base: spec.base.clone(),
                factors: factors.clone(),
                samples: spec.samples,
                seeds: spec.seeds,
                first_seed: spec.first_seed,
                design_seed: spec.design_seed,
                finding: Some(f),
            })
            .map_err(|e| format!("{name}: {e}"))
        })
        .collect::<Result<Vec<_>, _>>()?;
    let total: u32 = ensembles.iter().map(Design::job_count).sum();
    let per_population = 66 * u64::from(spec.base.population.size).max(1);
    let capacity = (CACHE_BYTES / per_population).clamp(1, u64::from(spec.seeds)) as usize;
    let mut cache = PopulationCache::new(capacity);
    let mut done = 0u32;
    let mut results = Vec::with_capacity(ensembles.len());
    for ensemble in &ensembles {
        let mut samples: Vec<Sample> = Vec::with_capacity(ensemble.job_count() as usize);
        for k in 0..ensemble.seeds() {
            for p in 0..ensemble.point_count() {
                let scenario = ensemble.scenario_for(p, k);
                let pop = cache.get(&scenario.population, scenario.seed);
                samples.push(ensemble.run_design_job(p * ensemble.seeds() + k, pop));
                done += 1;
                if done.is_multiple_of(PROGRESS_EVERY) {
                    send(Message::Progress { done, total });
                }
            }
        }
        samples.sort_by_key(|s| s.job);
        let robustness = ensemble
            .analyse(&samples)
            .map_err(|e| e.to_string())?
            .robustness
            .ok_or("an ensemble without its finding")?;
        send(Message::Partial(Partial::Robustness(robustness.clone())));
        send(Message::Progress { done, total });
        results.push(robustness);
    }
    Ok(Output::Robustness(RobustnessDone { findings: results }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use dialoglab_engine::population;

    fn spec() -> RobustnessSpec {
        let mut base = dialoglab_engine::presets::get("faxe-dialogue").unwrap();
        base.population.size = 2_000;
        base.invitation.letters = 400;
        RobustnessSpec {
            base,
            findings: vec![
                "facilitation-evens-voice".into(),
                "targeted-outreach".into(),
            ],
            custom: Vec::new(),
            factors: Some(default_factors()[..3].to_vec()),
            samples: 5,
            seeds: 2,
            first_seed: 3,
            design_seed: 2,
        }
    }

    #[test]
    fn the_job_streams_each_finding_and_equals_the_engine_ensemble() {
        let spec = spec();
        let mut messages = Vec::new();
        let out = run(&spec, &mut |m| messages.push(m)).unwrap();
        let Output::Robustness(done) = out else {
            panic!("{out:?}")
        };
        assert_eq!(done.findings.len(), 2);
        // The same ensemble run job by job in the engine.
        let e = Ensemble::new(EnsembleSpec {
            base: spec.base.clone(),
            factors: spec.factors.clone().unwrap(),
            samples: 5,
            seeds: 2,
            first_seed: 3,
            design_seed: 2,
            finding: finding("targeted-outreach"),
        })
        .unwrap();
        let samples: Vec<Sample> = (0..e.job_count())
            .map(|j| {
                let job = e.job(j);
                let s = e.scenario_for(job.point, job.seed_index);
                e.run_design_job(j, &population::generate(&s.population, s.seed))
            })
            .collect();
        let expected = e.analyse(&samples).unwrap().robustness.unwrap();
        assert_eq!(done.findings[1], expected);
        let streamed: Vec<&Robustness> = messages
            .iter()
            .filter_map(|m| match m {
                Message::Partial(Partial::Robustness(r)) => Some(r),
                _ => None,
            })
            .collect();
        assert_eq!(streamed.len(), 2);
        assert_eq!(*streamed[1], expected);
        assert_eq!(
            messages.last(),
            Some(&Message::Progress {
                done: 40,
                total: 40
            })
        );
    }

    #[test]
    fn bad_requests_are_errors_naming_the_problem() {
        let mut sink = |_| {};
        let mut bad = spec();
        bad.findings = vec!["nope".into()];
        assert!(run(&bad, &mut sink).unwrap_err().contains("\"nope\""));
        let mut bad = spec();
        bad.findings.clear();
        assert!(run(&bad, &mut sink).unwrap_err().contains("no findings"));
        let mut custom = spec();
        custom.findings.clear();
        custom.custom = vec![finding("targeted-outreach").unwrap()];
        let Output::Robustness(done) = run(&custom, &mut sink).unwrap() else {
            panic!()
        };
        let Output::Robustness(named) = run(&spec(), &mut sink).unwrap() else {
            panic!()
        };
        assert_eq!(
            done.findings[0], named.findings[1],
            "a finding given in full = by name"
        );
        let mut bad = spec();
        bad.samples = 0;
        assert!(run(&bad, &mut sink).unwrap_err().contains("samples"));
    }
}
