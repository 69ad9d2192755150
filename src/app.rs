//! Layout only: the context provider and where each part of the page goes.

use yew::prelude::*;

use crate::components::{
    header::Header, results::Results, runner::Runner, scenario_panel::ScenarioPanel,
};
use crate::state::AppState;

/// The shared state handle every component reads through [`use_app`].
pub type AppContext = UseReducerHandle<AppState>;

/// The state handle from context.
#[hook]
pub fn use_app() -> AppContext {
    use_context::<AppContext>().expect("AppContext is provided by App")
}

/// The whole app.
#[component]
pub fn App() -> Html {
    let state = use_reducer(AppState::default);
    html! {
        <ContextProvider<AppContext> context={state}>
            <Runner />
            <Header />
            <main class="layout">
                <ScenarioPanel />
                <Results />
            </main>
        </ContextProvider<AppContext>>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn the_app_renders_the_panel_and_headings_in_danish_by_default() {
        let html = yew::LocalServerRenderer::<App>::new().render().await;
        assert!(html.contains("Dialoglab"));
        assert!(html.contains(crate::i18n::DA.scenario_heading));
        assert!(html.contains("id=\"strategy\""));
        assert!(html.contains("id=\"budget-slider\""));
    }
}
