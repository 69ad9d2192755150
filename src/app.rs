//! Layout only: the context provider and where each part of the page goes.

use yew::prelude::*;

use crate::components::{
    compare::Compare, header::Header, meeting_link::MeetingLink, notice::NoticeBar,
    persistence::Persistence, results::Results, runner::Runner, scenario_panel::ScenarioPanel,
    views_host::ViewsHost,
};
use crate::context::AppContext;
use crate::state::{AppState, Start, View};

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
                    <MeetingLink />
                    <Compare />
                </div>
            </main>
        },
        View::Meeting
        | View::Sweep
        | View::RealData
        | View::Panel
        | View::Guide
        | View::Workshop
        | View::Glossary
        | View::Brief => html! {},
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
        // Every control is drawn (so that none moves when another changes which apply); those that
        // do not apply are in a hidden wrapper.
        let shown = |id: &str| {
            let at = html
                .find(&format!("id=\"{id}\""))
                .unwrap_or_else(|| panic!("no #{id}"));
            let class = html[..at].rfind("class=\"control\"").expect("a wrapper");
            let wrapper = html[..class].rfind('<').unwrap();
            let tag = &html[wrapper..class + html[class..].find('>').unwrap()];
            !tag.contains("hidden")
        };
        assert!(shown("contacts") && shown("outreach-reach-slider"));
        assert!(!shown("panel-size"));
        assert!(
            shown("cost-staff-hour") && shown("hours-per-contact"),
            "the cost rates of outreach are editable"
        );
        assert!(!shown("cost-letter"), "no letters under outreach");
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
