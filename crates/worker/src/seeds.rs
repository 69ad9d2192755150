//! The Monte-Carlo job: `n` runs of one scenario with consecutive seeds, summarised as the mean
//! and a 95% interval of each headline number the results view shows.

use dialoglab_engine::metric::Metric;
use dialoglab_engine::{Detail, Scenario};
use serde::{Deserialize, Serialize};

use crate::protocol::{Message, Output, Partial};
use crate::stats::{self, Interval, Range};

/// Most runs one Monte-Carlo job takes.
pub const MAX_SEEDS: u32 = 1000;

/// One finished run: its seed and its headline numbers in [`Metric::HEADLINE`] order.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SeedRun {
    /// Position of the run in the job (0-based).
    pub index: u32,
    /// The seed it ran with.
    pub seed: u64,
    /// The headline numbers, in [`Metric::HEADLINE`] order.
    pub values: Vec<f64>,
}

/// The summary of a Monte-Carlo job.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SeedsSummary {
    /// Number of runs.
    pub n: u32,
    /// First seed (the scenario's).
    pub first_seed: u64,
    /// Mean and 95% interval of the mean of each headline number.
    pub metrics: Vec<(Metric, Interval)>,
    /// The range of outcomes (lowest and highest town) of each headline number, in the order of
    /// `metrics`.
    #[serde(default)]
    pub ranges: Vec<Range>,
}

/// The seed of run `k` of a job starting at `first`.
#[must_use]
pub fn seed_of(first: u64, k: u32) -> u64 {
    first.wrapping_add(u64::from(k))
}

/// Runs the job, reporting progress and each run to `send`.
pub fn run(scenario: &Scenario, n: u32, send: &mut dyn FnMut(Message)) -> Result<Output, String> {
    if n == 0 || n > MAX_SEEDS {
        return Err(format!("number of seeds: {n} is outside 1 ..= {MAX_SEEDS}"));
    }
    scenario.validate().map_err(|e| e.to_string())?;
    let mut columns: Vec<Vec<f64>> = vec![Vec::with_capacity(n as usize); Metric::HEADLINE.len()];
    for k in 0..n {
        let mut s = scenario.clone();
        s.seed = seed_of(scenario.seed, k);
        // Validated above (only the seed differs); the headline metrics need no more detail.
        let pop = dialoglab_engine::population::generate(&s.population, s.seed);
        let report = dialoglab_engine::simulate_with(&pop, &s, Detail::Headline);
        let values: Vec<f64> = Metric::HEADLINE
            .iter()
            .map(|h| h.of(&report).unwrap_or(f64::NAN))
            .collect();
        for (column, v) in columns.iter_mut().zip(&values) {
            column.push(*v);
        }
        send(Message::Partial(Partial::Seed(SeedRun {
            index: k,
            seed: s.seed,
            values,
        })));
        send(Message::Progress {
            done: k + 1,
            total: n,
        });
    }
    Ok(Output::Seeds(SeedsSummary {
        n,
        first_seed: scenario.seed,
        metrics: Metric::HEADLINE
            .iter()
            .zip(&columns)
            .map(|(h, c)| (*h, stats::interval(c)))
            .collect(),
        ranges: columns.iter().map(|c| stats::range(c)).collect(),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn small() -> Scenario {
        dialoglab_engine::presets::get("borgerbudget-small").unwrap()
    }

    #[test]
    fn the_summary_is_the_mean_of_the_individual_runs() {
        let scenario = small();
        let mut runs = Vec::new();
        let mut progress = Vec::new();
        let out = run(&scenario, 4, &mut |m| match m {
            Message::Partial(Partial::Seed(r)) => runs.push(r),
            Message::Progress { done, total } => progress.push((done, total)),
            other => panic!("unexpected {other:?}"),
        })
        .unwrap();
        assert_eq!(progress, vec![(1, 4), (2, 4), (3, 4), (4, 4)]);
        let Output::Seeds(summary) = out else {
            panic!("{out:?}")
        };
        assert_eq!(summary.n, 4);
        for (k, r) in runs.iter().enumerate() {
            let mut s = scenario.clone();
            s.seed = scenario.seed + k as u64;
            let report = dialoglab_engine::run(&s).unwrap();
            assert_eq!(r.seed, s.seed);
            let expected: Vec<f64> = Metric::HEADLINE
                .iter()
                .map(|h| h.of(&report).unwrap_or(f64::NAN))
                .collect();
            assert_eq!(r.values, expected, "run {k} equals dialoglab_engine::run");
        }
        for (m, (h, interval)) in summary.metrics.iter().enumerate() {
            assert_eq!(*h, Metric::HEADLINE[m]);
            let mean = runs.iter().map(|r| r.values[m]).sum::<f64>() / 4.0;
            assert!(
                (interval.mean - mean).abs() <= 1e-12 * mean.abs().max(1.0),
                "{h:?}"
            );
            assert!(
                interval.lo <= interval.mean && interval.mean <= interval.hi,
                "{h:?}"
            );
            let lowest = runs
                .iter()
                .map(|r| r.values[m])
                .fold(f64::INFINITY, f64::min);
            let highest = runs
                .iter()
                .map(|r| r.values[m])
                .fold(f64::NEG_INFINITY, f64::max);
            assert_eq!(
                (summary.ranges[m].min, summary.ranges[m].max),
                (lowest, highest),
                "{h:?}"
            );
        }
        let seeds: Vec<u64> = runs.iter().map(|r| r.seed).collect();
        assert_eq!(seeds.len(), 4);
        assert_ne!(
            runs[0].values, runs[1].values,
            "different seeds, different runs"
        );
    }

    #[test]
    fn bad_input_is_an_error_naming_it() {
        let mut sink = |_| {};
        let e = run(&small(), 0, &mut sink).unwrap_err();
        assert!(e.contains("number of seeds"), "{e}");
        let e = run(&small(), MAX_SEEDS + 1, &mut sink).unwrap_err();
        assert!(e.contains("1001"), "{e}");
        let mut s = small();
        s.population.size = 0;
        let e = run(&s, 2, &mut sink).unwrap_err();
        assert!(e.contains("population"), "{e}");
    }

    #[test]
    fn seeds_wrap_instead_of_overflowing() {
        assert_eq!(seed_of(u64::MAX, 1), 0);
        assert_eq!(seed_of(7, 3), 10);
    }
}
