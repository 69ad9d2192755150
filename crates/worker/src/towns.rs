//! The guide's verdict: the same change (scenario A → scenario B) in `n` simulated towns, seeds
//! `seed`, `seed + 1`, … of each, counting the towns where one number of the report went up, went
//! down or stayed within a tolerance. Each town's citizens are drawn once and serve both A and B
//! when the two scenarios' population settings agree (the guide's levers never change them).

use dialoglab_engine::sensitivity::report_number;
use dialoglab_engine::{Scenario, population};
use serde::{Deserialize, Serialize};

use crate::protocol::{Message, Output};
use crate::seeds::{MAX_SEEDS, seed_of};

/// What a towns job asks: the change from `a` to `b`, the number measured and when it counts as
/// moved.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TownsSpec {
    /// The starting setting.
    pub a: Scenario,
    /// The setting asked about.
    pub b: Scenario,
    /// Number of towns (1 ..= [`MAX_SEEDS`]).
    pub n: u32,
    /// Dotted key of the number in the report's JSON, e.g. `influence.legitimacy`.
    pub metric: String,
    /// A change of at most this much (either way) counts as »about the same« (≥ 0).
    pub tolerance: f64,
}

/// In how many towns the number went up, went down or stayed the same.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TownsCount {
    /// Towns where B exceeds A by more than the tolerance.
    pub up: u32,
    /// Towns where B is below A by more than the tolerance.
    pub down: u32,
    /// Towns within the tolerance, or where the report has no number there (e.g. an empty group).
    pub same: u32,
}

/// Which way one town moved: `after − before` against the tolerance; a missing number counts as
/// no change.
fn count(out: &mut TownsCount, before: f64, after: f64, tolerance: f64) {
    let d = after - before;
    if d > tolerance {
        out.up += 1;
    } else if d < -tolerance {
        out.down += 1;
    } else {
        out.same += 1;
    }
}

/// Runs the job, reporting progress per town to `send`.
pub fn run(spec: &TownsSpec, send: &mut dyn FnMut(Message)) -> Result<Output, String> {
    let TownsSpec {
        a,
        b,
        n,
        metric,
        tolerance,
    } = spec;
    if *n == 0 || *n > MAX_SEEDS {
        return Err(format!("number of towns: {n} is outside 1 ..= {MAX_SEEDS}"));
    }
    if !(tolerance.is_finite() && *tolerance >= 0.0) {
        return Err(format!("tolerance: {tolerance} is not a number ≥ 0"));
    }
    a.validate().map_err(|e| format!("scenario A: {e}"))?;
    b.validate().map_err(|e| format!("scenario B: {e}"))?;
    let number = |r: &dialoglab_engine::Report| report_number(r, metric).unwrap_or(f64::NAN);
    // Only what the metric's key needs is worked out (the same number as a full run).
    let detail = dialoglab_engine::Detail::for_key(metric);
    let mut out = TownsCount::default();
    for k in 0..*n {
        let (mut sa, mut sb) = (a.clone(), b.clone());
        sa.seed = seed_of(a.seed, k);
        sb.seed = seed_of(b.seed, k);
        let pop = population::generate(&sa.population, sa.seed);
        let ra = dialoglab_engine::simulate_with(&pop, &sa, detail);
        let rb = if sb.population == sa.population {
            dialoglab_engine::simulate_with(&pop, &sb, detail)
        } else {
            let pop_b = population::generate(&sb.population, sb.seed);
            dialoglab_engine::simulate_with(&pop_b, &sb, detail)
        };
        count(&mut out, number(&ra), number(&rb), *tolerance);
        send(Message::Progress {
            done: k + 1,
            total: *n,
        });
    }
    Ok(Output::Towns(out))
}

#[cfg(test)]
mod tests {
    use super::*;
    use dialoglab_engine::Strategy;

    fn spec(n: u32) -> TownsSpec {
        let a = dialoglab_engine::presets::get("borgerbudget-small").unwrap();
        let mut b = a.clone();
        b.invitation.strategy = Strategy::Targeted;
        TownsSpec {
            a,
            b,
            n,
            metric: "stages.attendees.representativeness.ratios.marginalised.yes".into(),
            tolerance: 0.05,
        }
    }

    #[test]
    fn every_town_is_counted_once_as_plain_runs_say() {
        let s = spec(4);
        let mut progress = Vec::new();
        let Ok(Output::Towns(got)) = run(&s, &mut |m| {
            if let Message::Progress { done, .. } = m {
                progress.push(done);
            }
        }) else {
            panic!("no count")
        };
        assert_eq!(progress, vec![1, 2, 3, 4]);
        let mut want = TownsCount::default();
        for k in 0..4 {
            let (mut a, mut b) = (s.a.clone(), s.b.clone());
            a.seed += k;
            b.seed += k;
            let value = |sc: &Scenario| {
                report_number(&dialoglab_engine::run(sc).unwrap(), &s.metric).unwrap_or(f64::NAN)
            };
            count(&mut want, value(&a), value(&b), s.tolerance);
        }
        assert_eq!(got, want);
        assert_eq!(got.up + got.down + got.same, 4);
    }

    #[test]
    fn bad_jobs_are_named_errors() {
        let mut s = spec(0);
        assert!(
            run(&s, &mut |_| {})
                .unwrap_err()
                .contains("number of towns")
        );
        s.n = 2;
        s.tolerance = f64::NAN;
        assert!(run(&s, &mut |_| {}).unwrap_err().contains("tolerance"));
        s.tolerance = 0.0;
        s.b.population.size = 0;
        assert!(run(&s, &mut |_| {}).unwrap_err().contains("scenario B"));
        // A key the report does not have counts every town as unchanged.
        let mut s = spec(2);
        s.metric = "no.such.number".into();
        let Ok(Output::Towns(t)) = run(&s, &mut |_| {}) else {
            panic!()
        };
        assert_eq!((t.up, t.down, t.same), (0, 0, 2));
    }
}
