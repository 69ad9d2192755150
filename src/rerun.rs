//! The runs a panel of the views bundle shows (`bridge::Panel`: a results section's charts,
//! Compare's A and B), made again from their scenarios: the sandbox bundle sends a run's scenario,
//! not its report (the report's encoder would weigh on the initial load), and the engine is
//! deterministic, so the same scenario gives the same report. The last few runs and populations
//! are kept, so that the panels drawn for one change share one run and Compare's A is run once.

use std::cell::RefCell;
use std::rc::Rc;

use dialoglab_engine::Scenario;
use dialoglab_engine::population;

use crate::state::Run;

/// Runs kept: A, B and the run before B (whose panels may still be drawn while B's arrive).
const RUNS: usize = 3;

thread_local! {
    /// The populations last drawn and the runs last made, newest last.
    static CACHE: RefCell<(population::Cache, Vec<Run>)> =
        RefCell::new((population::Cache::new(2), Vec::new()));
}

/// The run of `scenario` (the same report as `dialoglab_engine::run`), or `None` when the
/// scenario is not valid.
#[must_use]
pub fn run(scenario: &Scenario) -> Option<Run> {
    CACHE.with_borrow_mut(|(populations, runs)| {
        if let Some(k) = runs.iter().position(|r| r.0 == *scenario) {
            let hit = runs.remove(k);
            runs.push(Rc::clone(&hit));
            return Some(hit);
        }
        scenario.validate().ok()?;
        let pop = populations.get(&scenario.population, scenario.seed);
        let report = dialoglab_engine::simulate(pop, scenario);
        let made: Run = Rc::new((scenario.clone(), report));
        if runs.len() >= RUNS {
            runs.remove(0);
        }
        runs.push(Rc::clone(&made));
        Some(made)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_run_again_is_the_engine_run_and_is_kept() {
        let mut s = dialoglab_engine::presets::get("borgerbudget-small").unwrap();
        let first = run(&s).unwrap();
        assert_eq!(first.1, dialoglab_engine::run(&s).unwrap());
        assert!(Rc::ptr_eq(&first, &run(&s).unwrap()), "made once");
        s.budget = 400_000;
        assert_eq!(run(&s).unwrap().1, dialoglab_engine::run(&s).unwrap());
        s.population.size = 0;
        assert!(run(&s).is_none());
    }
}
