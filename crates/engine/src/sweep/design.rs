//! [`Design`]: any experiment made of seeded runs of scenarios (a sweep, a Morris screening, an
//! ensemble), numbered as jobs so that whatever runs them gets the same samples.

use super::{Job, Sample, Sweep};
use crate::Detail;
use crate::metric::Metric;
use crate::population::Population;
use crate::report::Report;
use crate::scenario::Scenario;

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
    /// How much of each run's report [`Design::values_of`] reads: [`Detail::Headline`] when it
    /// reads only [`Metric::SWEEP`] (the default), [`Detail::Full`] when it reads anything else.
    fn detail(&self) -> Detail {
        Detail::Headline
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
        let report = crate::simulate_with(pop, &scenario, self.detail());
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
