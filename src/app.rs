//! Layout only: the context provider and where each part of the page goes.

use std::ops::Deref;
use std::rc::Rc;

use yew::prelude::*;

use crate::components::{
    compare::Compare, header::Header, meeting_view::MeetingView, notice::NoticeBar,
    persistence::Persistence, results::Results, runner::Runner, scenario_panel::ScenarioPanel,
    views_host::ViewsHost,
};
use crate::state::{Action, AppState, Start, View};

/// The shared state every component reads through [`use_app`]: the app's reducer in the sandbox
/// bundle, or in the views bundle (`src/views.rs`) a mirror of it whose actions go back to the
/// sandbox bundle's reducer.
#[derive(Clone, PartialEq)]
pub struct AppContext(Source);

#[derive(Clone, PartialEq)]
enum Source {
    Reducer(UseReducerHandle<AppState>),
    Mirror {
        state: Rc<AppState>,
        send: Callback<Action>,
    },
}

impl AppContext {
    /// A mirror of the app state kept elsewhere: reads `state`, sends actions to `send`.
    #[must_use]
    pub fn mirror(state: Rc<AppState>, send: Callback<Action>) -> Self {
        AppContext(Source::Mirror { state, send })
    }

    /// Applies `action` to the app state.
    pub fn dispatch(&self, action: Action) {
        match &self.0 {
            Source::Reducer(handle) => handle.dispatch(action),
            Source::Mirror { send, .. } => send.emit(action),
        }
    }
}

impl From<UseReducerHandle<AppState>> for AppContext {
    fn from(handle: UseReducerHandle<AppState>) -> Self {
        AppContext(Source::Reducer(handle))
    }
}

impl Deref for AppContext {
    type Target = AppState;

    fn deref(&self) -> &AppState {
        match &self.0 {
            Source::Reducer(handle) => handle,
            Source::Mirror { state, .. } => state,
        }
    }
}

/// The state handle from context.
#[hook]
pub fn use_app() -> AppContext {
    use_context::<AppContext>().expect("AppContext is provided by App")
}

/// Props of [`App`].
#[derive(Properties, PartialEq, Default)]
pub struct AppProps {
    /// What the page found when it opened (link, storage).
    #[prop_or_default]
    pub start: Start,
}

/// The whole app.
#[component]
pub fn App(props: &AppProps) -> Html {
    let state = {
        let start = props.start.clone();
        use_reducer(move || AppState::start(start))
    };
    // The other views come from the second bundle, which `ViewsHost` loads when one opens.
    let sandbox = match state.view {
        View::Sandbox => html! {
            <main class="layout">
                <ScenarioPanel />
                <div class="main-column">
                    <Results />
                    <MeetingView />
                    <Compare />
                </div>
            </main>
        },
        View::Sweep | View::RealData | View::Guide | View::Glossary | View::Brief => html! {},
    };
    html! {
        <ContextProvider<AppContext> context={AppContext::from(state)}>
            <Runner />
            <Persistence />
            <Header />
            <NoticeBar />
            { sandbox }
            <ViewsHost />
        </ContextProvider<AppContext>>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::url::LinkError;

    #[tokio::test]
    async fn the_app_renders_the_panel_and_headings_in_danish_by_default() {
        let html = yew::LocalServerRenderer::<App>::new().render().await;
        assert!(html.contains("Dialoglab"));
        assert!(html.contains(crate::i18n::DA.scenario_heading));
        assert!(html.contains("id=\"strategy\""));
        assert!(html.contains("id=\"budget-slider\""));
        assert!(html.contains("id=\"seed\"") && html.contains("id=\"reset-all\""));
        assert!(
            !html.contains("(ændret)"),
            "the default preset is unchanged"
        );
        for s in crate::fields::Support::ALL {
            assert!(html.contains(&format!("id=\"{}\"", s.key())), "{s:?}");
        }
    }

    #[tokio::test]
    async fn a_bad_link_renders_a_bilingual_notice() {
        let start = Start {
            link: Some(Err(LinkError::Newer(7))),
            ..Start::default()
        };
        let html = yew::LocalServerRenderer::<App>::with_props(AppProps { start })
            .render()
            .await;
        assert!(html.contains("id=\"link-notice\""));
        assert!(html.contains("linkformat 7"), "Danish by default");
    }

    #[tokio::test]
    async fn strategy_parameters_appear_with_their_strategy() {
        let mut scenario = dialoglab_engine::Scenario::default();
        scenario.invitation.strategy = dialoglab_engine::Strategy::Targeted;
        let start = Start {
            link: Some(Ok(crate::url::Link {
                lang: Some(crate::i18n::Lang::En),
                preset: "faxe-dialogue".into(),
                scenario,
            })),
            ..Start::default()
        };
        let html = yew::LocalServerRenderer::<App>::with_props(AppProps { start })
            .render()
            .await;
        assert!(html.contains("id=\"contacts\"") && html.contains("id=\"outreach-reach-slider\""));
        assert!(!html.contains("id=\"panel-size\""));
        assert!(
            html.contains("id=\"cost-staff-hour\"") && html.contains("id=\"hours-per-contact\""),
            "the cost rates of outreach are editable"
        );
        assert!(
            !html.contains("id=\"cost-letter\""),
            "no letters under outreach"
        );
        assert!(html.contains("id=\"costs-hint\""));
        assert!(
            html.contains("(changed)</option>"),
            "the preset is marked as changed"
        );
        assert!(
            html.contains("aria-valuetext=\"40%\""),
            "outreach reach 0.4 as a percentage"
        );
    }
}
