//! The A/B job: scenarios A and B in the same `n` towns (seeds `seed`, `seed + 1`, … of each), and
//! for every headline number the paired differences B − A: their mean with a 95% interval of the
//! mean, their range over the towns, and in how many towns B is higher or lower. When A and B
//! share their seed and population parameters, each town's citizens are the same in A and B
//! (drawn once), so the differences are those of the settings alone.

use dialoglab_engine::{Detail, Scenario, population};
use serde::{Deserialize, Serialize};

use crate::protocol::{Message, Output};
use dialoglab_engine::metric::Metric;

use crate::seeds::{MAX_SEEDS, seed_of};
use crate::stats::{self, Interval, Paired};

/// One headline number over the towns, in A, in B and as paired differences.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PairMetric {
    /// Which number.
    pub headline: Metric,
    /// A's mean and 95% interval of the mean.
    pub a: Interval,
    /// B's mean and 95% interval of the mean.
    pub b: Interval,
    /// The differences B − A town by town.
    pub diff: Paired,
}

/// The result of an A/B job.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PairSummary {
    /// Number of towns.
    pub n: u32,
    /// A's first seed.
    pub first_seed_a: u64,
    /// B's first seed.
    pub first_seed_b: u64,
    /// Whether each town has the same citizens in A and B (same seed and population parameters).
    pub same_citizens: bool,
    /// Every headline number, in [`Metric::HEADLINE`] order.
    pub metrics: Vec<PairMetric>,
}

/// Runs A and B in `n` towns, reporting progress per town to `send`.
pub fn run(
    a: &Scenario,
    b: &Scenario,
    n: u32,
    send: &mut dyn FnMut(Message),
) -> Result<Output, String> {
    if n == 0 || n > MAX_SEEDS {
        return Err(format!("number of towns: {n} is outside 1 ..= {MAX_SEEDS}"));
    }
    a.validate().map_err(|e| format!("scenario A: {e}"))?;
    b.validate().map_err(|e| format!("scenario B: {e}"))?;
    let same_citizens = a.seed == b.seed && a.population == b.population;
    let k_all = Metric::HEADLINE.len();
    let (mut va, mut vb) = (vec![Vec::new(); k_all], vec![Vec::new(); k_all]);
    for k in 0..n {
        let (mut sa, mut sb) = (a.clone(), b.clone());
        sa.seed = seed_of(a.seed, k);
        sb.seed = seed_of(b.seed, k);
        let pop_a = population::generate(&sa.population, sa.seed);
        let ra = dialoglab_engine::simulate_with(&pop_a, &sa, Detail::Headline);
        let rb = if same_citizens {
            dialoglab_engine::simulate_with(&pop_a, &sb, Detail::Headline)
        } else {
            let pop_b = population::generate(&sb.population, sb.seed);
            dialoglab_engine::simulate_with(&pop_b, &sb, Detail::Headline)
        };
        for (m, h) in Metric::HEADLINE.iter().enumerate() {
            va[m].push(h.of(&ra).unwrap_or(f64::NAN));
            vb[m].push(h.of(&rb).unwrap_or(f64::NAN));
        }
        send(Message::Progress {
            done: k + 1,
            total: n,
        });
    }
    Ok(Output::Pair(PairSummary {
        n,
        first_seed_a: a.seed,
        first_seed_b: b.seed,
        same_citizens,
        metrics: Metric::HEADLINE
            .iter()
            .enumerate()
            .map(|(m, h)| PairMetric {
                headline: *h,
                a: stats::interval(&va[m]),
                b: stats::interval(&vb[m]),
                diff: stats::paired(&va[m], &vb[m]),
            })
            .collect(),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use dialoglab_engine::Strategy;
    use dialoglab_engine::metric::Stage;

    fn small() -> Scenario {
        dialoglab_engine::presets::get("borgerbudget-small").unwrap()
    }

    #[test]
    fn the_differences_are_those_of_plain_runs_town_by_town() {
        let a = small();
        let mut b = a.clone();
        b.invitation.strategy = Strategy::Stratified;
        let mut progress = Vec::new();
        let out = run(&a, &b, 3, &mut |m| {
            if let Message::Progress { done, .. } = m {
                progress.push(done);
            }
        })
        .unwrap();
        assert_eq!(progress, vec![1, 2, 3]);
        let Output::Pair(summary) = out else {
            panic!("{out:?}")
        };
        assert!(summary.same_citizens);
        let mut diffs = Vec::new();
        for k in 0..3 {
            let (mut sa, mut sb) = (a.clone(), b.clone());
            sa.seed = a.seed + k;
            sb.seed = b.seed + k;
            let h = Metric::Representativeness(Stage::Attendees);
            diffs.push(
                h.of(&dialoglab_engine::run(&sb).unwrap()).unwrap()
                    - h.of(&dialoglab_engine::run(&sa).unwrap()).unwrap(),
            );
        }
        let m = &summary.metrics[0];
        assert_eq!(m.headline, Metric::Representativeness(Stage::Attendees));
        let mean = diffs.iter().sum::<f64>() / 3.0;
        assert!((m.diff.mean.mean - mean).abs() < 1e-12, "{m:?}");
        assert!((m.diff.mean.mean - (m.b.mean - m.a.mean)).abs() < 1e-12);
        let lowest = diffs.iter().copied().fold(f64::INFINITY, f64::min);
        assert!((m.diff.range.min - lowest).abs() < 1e-12);
        assert_eq!(
            m.diff.higher,
            diffs.iter().filter(|d| **d > 1e-9).count() as u32
        );
        assert_eq!(m.diff.higher + m.diff.lower + m.diff.same, 3);
        // The population is the same: the population size differs by nothing in every town.
        assert_eq!(summary.metrics.len(), Metric::HEADLINE.len());
    }

    #[test]
    fn a_run_against_itself_differs_by_nothing() {
        let a = small();
        let Output::Pair(s) = run(&a, &a, 2, &mut |_| {}).unwrap() else {
            panic!()
        };
        for m in &s.metrics {
            assert_eq!(
                (m.diff.same, m.diff.mean.mean),
                (2, 0.0),
                "{:?}",
                m.headline
            );
        }
    }

    #[test]
    fn bad_input_is_an_error_naming_it() {
        let mut sink = |_| {};
        assert!(
            run(&small(), &small(), 0, &mut sink)
                .unwrap_err()
                .contains("number of towns")
        );
        let mut b = small();
        b.population.size = 0;
        let e = run(&small(), &b, 2, &mut sink).unwrap_err();
        assert!(
            e.starts_with("scenario B") && e.contains("population"),
            "{e}"
        );
        let mut b2 = small();
        b2.seed += 1;
        let Output::Pair(s) = run(&small(), &b2, 1, &mut sink).unwrap() else {
            panic!()
        };
        assert!(!s.same_citizens);
    }
}
