//! Runs the engine when the scenario changes and marks each run in the Performance timeline
//! (`dialoglab-run` measures, read by tests/e2e/bench.mjs). An isolated change runs at once; a
//! burst of changes (a slider being dragged) is debounced so the page stays responsive.

use std::cell::RefCell;
use std::rc::Rc;

use dialoglab_engine::population;
use dialoglab_engine::town::Town;
use dialoglab_engine::{Report, Scenario, ScenarioError};
use yew::prelude::*;

use crate::context::use_app;
use crate::state::Action;

/// Milliseconds to wait after the last change of a burst before re-simulating.
const DEBOUNCE_MS: u32 = 80;
/// Changes closer together than this (ms) count as a burst.
const BURST_MS: f64 = 250.0;

/// The delay before running: none for an isolated change, `DEBOUNCE_MS` inside a burst.
#[must_use]
pub fn delay(since_last_change_ms: f64) -> u32 {
    if since_last_change_ms < BURST_MS {
        DEBOUNCE_MS
    } else {
        0
    }
}

fn now() -> f64 {
    gloo::utils::window().performance().map_or(0.0, |p| p.now())
}

#[cfg(test)]
/// Runs `scenario` exactly as `dialoglab_engine::run` does, reusing the population last drawn when
/// only later stages changed (moving the budget or the strategy does not redraw 30,000 citizens).
fn run_cached(
    cache: &RefCell<population::Cache>,
    scenario: &Scenario,
) -> Result<Report, ScenarioError> {
    run_with_town(cache, scenario).map(|(report, _)| report)
}

/// Figures in the town picture.
pub const TOWN_FIGURES: u32 = 1_000;

/// [`run_cached`] with the town drawn from the same run.
fn run_with_town(
    cache: &RefCell<population::Cache>,
    scenario: &Scenario,
) -> Result<(Report, Town), ScenarioError> {
    scenario.validate()?;
    let mut cache = cache.borrow_mut();
    let pop = cache.get(&scenario.population, scenario.seed);
    let out = dialoglab_engine::simulate_full(pop, scenario, false);
    let town = dialoglab_engine::town::sample(pop, &out, TOWN_FIGURES);
    Ok((out.report, town))
}

/// Invisible: effects only.
#[component]
pub fn Runner() -> Html {
    let app = use_app();
    let last_change = use_mut_ref(|| f64::NEG_INFINITY);
    let cache = use_mut_ref(|| population::Cache::new(1));
    {
        let app = app.clone();
        use_effect_with(app.scenario.clone(), move |scenario| {
            let t = now();
            let wait = delay(t - *last_change.borrow());
            *last_change.borrow_mut() = t;
            let scenario = scenario.clone();
            let timeout = gloo::timers::callback::Timeout::new(wait, move || {
                let perf = gloo::utils::window().performance();
                if let Some(p) = &perf {
                    let _ = p.mark("dialoglab-run-start");
                }
                let result = run_with_town(&cache, &scenario);
                if let Some(p) = &perf {
                    let _ = p.measure_with_start_mark("dialoglab-run", "dialoglab-run-start");
                }
                match result {
                    Ok((report, town)) => {
                        app.dispatch(Action::Drawn(Rc::new((scenario.clone(), town))));
                        app.dispatch(Action::Ran(Rc::new((scenario, report))));
                    }
                    Err(e) => app.dispatch(Action::Failed(e)),
                }
            });
            move || drop(timeout)
        });
    }
    Html::default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cached_run_equals_the_engine_run_and_reuses_the_population() {
        let cache = RefCell::new(population::Cache::new(1));
        let mut s = dialoglab_engine::presets::get("borgerbudget-small").unwrap();
        assert_eq!(
            run_cached(&cache, &s).unwrap(),
            dialoglab_engine::run(&s).unwrap()
        );
        s.budget = 400_000;
        assert_eq!(
            run_cached(&cache, &s).unwrap(),
            dialoglab_engine::run(&s).unwrap()
        );
        assert_eq!(cache.borrow().draws(), 1, "population was redrawn");
        s.seed = 2;
        assert_eq!(
            run_cached(&cache, &s).unwrap(),
            dialoglab_engine::run(&s).unwrap()
        );
        assert_eq!(cache.borrow().draws(), 2);
        s.population.size = 0;
        assert!(run_cached(&cache, &s).is_err());
    }

    #[test]
    fn isolated_changes_run_at_once_and_bursts_wait() {
        assert_eq!(delay(f64::INFINITY), 0);
        assert_eq!(delay(1000.0), 0);
        assert_eq!(delay(30.0), DEBOUNCE_MS);
    }
}
