//! Runs the engine when the scenario changes (debounced), and keeps `<html lang>` in step.

use std::rc::Rc;

use yew::prelude::*;

use crate::app::use_app;
use crate::state::Action;

/// Milliseconds to wait after the last change before re-simulating.
const DEBOUNCE_MS: u32 = 120;

/// Invisible: effects only.
#[component]
pub fn Runner() -> Html {
    let app = use_app();
    {
        let app = app.clone();
        use_effect_with(app.scenario.clone(), move |scenario| {
            let scenario = scenario.clone();
            let timeout = gloo::timers::callback::Timeout::new(DEBOUNCE_MS, move || {
                match dialoglab_engine::run(&scenario) {
                    Ok(report) => app.dispatch(Action::Ran(Rc::new((scenario, report)))),
                    Err(e) => app.dispatch(Action::Failed(e.to_string())),
                }
            });
            move || drop(timeout)
        });
    }
    use_effect_with(app.lang, |lang| {
        if let Some(root) = gloo::utils::document().document_element() {
            let _ = root.set_attribute("lang", lang.code());
        }
    });
    Html::default()
}
