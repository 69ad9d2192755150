//! The views bundle's app (`src/views_main.rs`): the Meeting, Sweeps, Real PB data, Panel
//! selection, Guide, Glossary and Brief views, drawn
//! from a [`Snapshot`] of the sandbox bundle's state. Their [`use_app`](crate::context::use_app)
//! context mirrors that snapshot and sends their actions back through [`bridge::send`]; the
//! sandbox bundle applies them and hands over the next snapshot. For the sandbox it draws nothing.

use std::rc::Rc;

use yew::prelude::*;

use crate::bridge::{self, Panel, PanelSnapshot, Snapshot};
use crate::components::{
    brief::BriefView, comparison::Comparison, glossary::Glossary, guide::Guide,
    meeting_view::MeetingView, monte_carlo::MonteCarlo, panel_view::PanelView, pb::PbView,
    section_charts::SectionCharts, share_tools::ShareTools, sweep_view::SweepView,
    workshop::Workshop,
};
use crate::context::AppContext;
use crate::rerun;
use crate::state::{Action, View};

/// Props of [`ViewsApp`].
#[derive(Properties, PartialEq)]
pub struct ViewsAppProps {
    /// The sandbox bundle's state.
    pub snapshot: Rc<Snapshot>,
    /// Where the views' actions go ([`bridge::send`] when not given).
    #[prop_or_default]
    pub send: Option<Callback<Action>>,
}

/// The views bundle's root.
#[component]
pub fn ViewsApp(props: &ViewsAppProps) -> Html {
    let state = use_memo(props.snapshot.clone(), |s| Rc::new(s.state()));
    let send = props
        .send
        .clone()
        .unwrap_or_else(|| Callback::from(|action: Action| bridge::send(&action)));
    let context = AppContext::mirror(Rc::clone(&state), send);
    let view = match props.snapshot.view {
        View::Sandbox => return html! {},
        View::Meeting => html! { <MeetingView /> },
        View::Sweep => html! { <SweepView /> },
        View::RealData => html! { <PbView /> },
        View::Panel => html! { <PanelView /> },
        View::Guide => html! { <Guide /> },
        View::Glossary => html! { <Glossary /> },
        View::Brief => html! { <BriefView /> },
        View::Workshop => html! { <Workshop /> },
    };
    html! {
        <ContextProvider<AppContext> {context}>
            <main class="page">{ view }</main>
        </ContextProvider<AppContext>>
    }
}

/// Props of [`PanelApp`].
#[derive(Properties, PartialEq)]
pub struct PanelAppProps {
    /// Which panel.
    pub panel: Panel,
    /// The sandbox bundle's state and shown run.
    pub snapshot: Rc<PanelSnapshot>,
    /// Where the panel's actions go ([`bridge::send`] when not given).
    #[prop_or_default]
    pub send: Option<Callback<Action>>,
}

/// The root of one panel of the sandbox page drawn by the views bundle (see [`Panel`]). The
/// sections' charts and Compare read the shown run and the pinned run, made again here from their
/// scenarios ([`rerun`]) and given to the panel's context as the report and A.
#[component]
pub fn PanelApp(props: &PanelAppProps) -> Html {
    let panel = props.panel;
    let state = use_memo(props.snapshot.clone(), move |s| {
        let mut state = s.app.state();
        if matches!(panel, Panel::Section(_) | Panel::Compare) {
            state.report = rerun::run(&s.app.scenario);
            state.pinned = s.app.pinned.as_ref().and_then(rerun::run);
        }
        Rc::new(state)
    });
    let send = props
        .send
        .clone()
        .unwrap_or_else(|| Callback::from(|action: Action| bridge::send(&action)));
    let context = AppContext::mirror(Rc::clone(&state), send);
    let lang = state.lang;
    let panel = match (panel, &state.report, &state.pinned) {
        (Panel::ManyTowns, _, _) => html! { <MonteCarlo {lang} run={props.snapshot.clone()} /> },
        (Panel::Section(section), Some(run), _) => html! {
            <SectionCharts {section} run={run.clone()} />
        },
        (Panel::Compare, Some(b), Some(a)) => html! {
            <Comparison a={a.clone()} b={b.clone()} />
        },
        (Panel::Share, _, _) => html! { <ShareTools /> },
        (Panel::Section(_) | Panel::Compare, _, _) => html! {},
    };
    html! {
        <ContextProvider<AppContext> {context}>{ panel }</ContextProvider<AppContext>>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::components::section_charts::Section;
    use crate::state::{AppState, Start};
    use crate::url::{Link, Place};

    async fn render(view: View) -> String {
        let snapshot = Rc::new(Snapshot::of(&AppState {
            view,
            ..AppState::default()
        }));
        yew::LocalServerRenderer::<ViewsApp>::with_props(ViewsAppProps {
            snapshot,
            send: None,
        })
        .render()
        .await
    }

    #[tokio::test]
    async fn each_secondary_view_renders_under_its_heading_and_the_sandbox_renders_nothing() {
        for view in [
            View::Meeting,
            View::Sweep,
            View::RealData,
            View::Panel,
            View::Guide,
            View::Glossary,
            View::Brief,
            View::Workshop,
        ] {
            let html = render(view).await;
            assert!(html.contains("<main class=\"page\">"), "{view:?}");
            assert!(
                html.contains(crate::i18n::Lang::Da.view(view)),
                "{view:?}: {html}"
            );
        }
        assert!(!render(View::Sandbox).await.contains("<main"));
    }

    #[tokio::test]
    async fn a_workshop_link_renders_its_chapter_in_workshop_mode_with_the_rooms_bets() {
        for lang in crate::i18n::Lang::ALL {
            let start = Start {
                place: Some(Ok(Place {
                    view: View::Workshop,
                    chapter: 4,
                })),
                ..Start::default()
            };
            let mut state = AppState::start(start);
            state.lang = lang;
            let html = yew::LocalServerRenderer::<ViewsApp>::with_props(ViewsAppProps {
                snapshot: Rc::new(Snapshot::of(&state)),
                send: None,
            })
            .render()
            .await;
            let c = &crate::guide::CHAPTERS[3];
            assert!(html.contains("class=\"workshop-view\""), "{lang:?}");
            assert!(html.contains(c.question.get(lang)), "{lang:?}");
            assert!(html.contains("id=\"workshop-lever\""));
            for d in crate::guide::Direction::ALL {
                assert!(html.contains(&format!("id=\"room-bet-{}\"", d.key())));
            }
            assert!(
                html.contains("id=\"workshop-reveal\"") && html.contains("disabled"),
                "no reveal before the room has bet"
            );
            assert!(html.contains("view=workshop&amp;chapter=4"), "its link");
            assert!(
                html.contains("aria-current=\"page\""),
                "the chapter is marked"
            );
        }
    }

    #[tokio::test]
    async fn a_guide_link_renders_its_chapter_with_lever_bet_and_workshop_box() {
        for lang in crate::i18n::Lang::ALL {
            let start = Start {
                link: Some(Ok(Link {
                    lang: Some(lang),
                    preset: "faxe-dialogue".into(),
                    scenario: dialoglab_engine::Scenario::default(),
                })),
                place: Some(Ok(Place {
                    view: View::Guide,
                    chapter: 3,
                })),
                ..Start::default()
            };
            // The guide is drawn by the views bundle from the state the link opens.
            let snapshot = Rc::new(Snapshot::of(&AppState::start(start)));
            let props = ViewsAppProps {
                snapshot,
                send: None,
            };
            let html = yew::LocalServerRenderer::<ViewsApp>::with_props(props)
                .render()
                .await;
            let c = &crate::guide::CHAPTERS[2];
            assert!(html.contains("id=\"chapter-3\""), "{lang:?}");
            assert!(html.contains(c.title.get(lang)));
            assert!(
                html.contains(c.quote.text.da),
                "the deck's words in both languages"
            );
            assert_eq!(
                html.contains(c.quote.text.en),
                lang == crate::i18n::Lang::En
            );
            assert!(html.contains("id=\"lever\"") && html.contains("id=\"bet-up\""));
            assert!(html.contains("id=\"guide-qr\"") && html.contains("id=\"print-card\""));
            assert!(
                html.contains("view=guide&amp;chapter=3"),
                "facilitator link"
            );
            assert!(
                !html.contains("id=\"reveal\""),
                "nothing is revealed before a bet"
            );
        }
    }

    #[tokio::test]
    async fn each_panel_renders_from_a_panel_snapshot() {
        let scenario = dialoglab_engine::Scenario::default();
        let run: crate::state::Run =
            Rc::new((scenario.clone(), dialoglab_engine::run(&scenario).unwrap()));
        for lang in crate::i18n::Lang::ALL {
            let state = AppState {
                lang,
                pinned: Some(run.clone()),
                ..AppState::default()
            };
            let snapshot = Rc::new(PanelSnapshot::of(&state, &run));
            let render = |panel| {
                yew::LocalServerRenderer::<PanelApp>::with_props(PanelAppProps {
                    panel,
                    snapshot: snapshot.clone(),
                    send: None,
                })
                .render()
            };
            let html = render(Panel::ManyTowns).await;
            assert!(html.contains("id=\"mc-heading\"") && html.contains("id=\"mc-toggle\""));
            assert!(html.contains(lang.towns().heading), "{lang:?}");
            assert!(
                html.contains("id=\"robust-run\""),
                "the robustness panel below"
            );
            let html = render(Panel::Compare).await;
            assert!(html.contains("id=\"compare-table\""), "{lang:?}");
            assert!(html.contains("id=\"pair-heading\""), "{lang:?}");
            assert!(html.contains(lang.towns().pair_heading));
            let html = render(Panel::Section(Section::People)).await;
            assert!(html.contains("id=\"index-invited\"") && html.contains("id=\"ratio-chart\""));
            let html = render(Panel::Section(Section::Vote)).await;
            assert!(html.contains("id=\"legitimacy\"") && html.contains("id=\"projects-chart\""));
            let html = render(Panel::Section(Section::Inclusion)).await;
            assert!(html.contains("id=\"inclusion-chart\""), "{lang:?}");
            let html = render(Panel::Section(Section::Cost)).await;
            assert!(html.contains("id=\"cost-chart\""), "{lang:?}");
            let html = render(Panel::Share).await;
            assert!(html.contains("id=\"share-qr\"") && html.contains("id=\"upload-json\""));
            assert!(html.contains(lang.t().qr_title), "{lang:?}");
        }
    }

    #[tokio::test]
    async fn the_glossary_explains_every_term_and_the_guide_has_its_teachers_guide() {
        let html = render(View::Glossary).await;
        for t in crate::glossary::Term::ALL {
            assert!(html.contains(&format!("id=\"term-{}\"", t.key())), "{t:?}");
        }
        assert!(
            html.contains("kan være negativt"),
            "why a welfare loss can be negative"
        );
        let html = render(View::Guide).await;
        assert!(html.contains("id=\"teacher-guide\"") && html.contains("Lærervejledning"));
        for n in [1, 3, 4, 7] {
            assert!(html.contains(&format!("id=\"teacher-chapter-{n}\"")), "{n}");
        }
        assert!(html.contains("id=\"print-card-blank\"") && html.contains("id=\"print-card\""));
    }
}
