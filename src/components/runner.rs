//! Runs the engine when the scenario changes and marks each run in the Performance timeline
//! (`dialoglab-run` measures, read by tests/e2e/bench.mjs). An isolated change runs at once; a
//! burst of changes (a slider being dragged) is debounced so the page stays responsive.

use std::rc::Rc;

use yew::prelude::*;

use crate::app::use_app;
use crate::state::Action;

/// Milliseconds to wait after the last change of a burst before re-simulating.
const DEBOUNCE_MS: u32 = 80;
/// Changes closer together than this (ms) count as a burst.
const BURST_MS: f64 = 250.0;

/// The delay before running: none for an isolated change, [`DEBOUNCE_MS`] inside a burst.
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

/// Invisible: effects only.
#[component]
pub fn Runner() -> Html {
    let app = use_app();
    let last_change = use_mut_ref(|| f64::NEG_INFINITY);
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
                let result = dialoglab_engine::run(&scenario);
                if let Some(p) = &perf {
                    let _ = p.measure_with_start_mark("dialoglab-run", "dialoglab-run-start");
                }
                match result {
                    Ok(report) => app.dispatch(Action::Ran(Rc::new((scenario, report)))),
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
    fn isolated_changes_run_at_once_and_bursts_wait() {
        assert_eq!(delay(f64::INFINITY), 0);
        assert_eq!(delay(1000.0), 0);
        assert_eq!(delay(30.0), DEBOUNCE_MS);
    }
}
