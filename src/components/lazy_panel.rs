//! A panel of the sandbox page drawn by the views bundle ([`Panel`]: the many-towns panel with the
//! robustness panel, the charts of the results' sections, Compare's A and B, the share dialog's
//! QR code and files), so that its code — the components, the worker client and the worker's
//! message types — stays out of the first screen's bundle. The sandbox bundle keeps the panel's
//! host element in its page; once the views bundle is loaded (at once, when the panel is first
//! shown), the panel is drawn into it and handed each new run. While the bundle loads it says so;
//! if it cannot be loaded it says why and offers to try again, and the rest of the sandbox keeps
//! working. The panel (and its jobs) goes when this component goes.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use yew::prelude::*;

use crate::bridge::{Panel, PanelSnapshot};
use crate::context::use_app;
use crate::lazy;
use crate::state::Run;

thread_local! {
    /// The id of the next panel host.
    static NEXT_ID: Cell<u32> = const { Cell::new(1) };
}

/// How far the panel is.
#[derive(Clone, Debug, PartialEq)]
enum Phase {
    /// Asked for (at once): the views bundle is being fetched and started.
    Loading,
    /// Drawn by the views bundle.
    Ready,
    /// Could not be loaded or drawn (why, in English).
    Failed(String),
}

/// Props of [`LazyPanel`].
#[derive(Properties, PartialEq)]
pub struct LazyPanelProps {
    /// Which panel.
    pub panel: Panel,
    /// The run the results show (in Compare: B; A is the pinned run); none for a panel about
    /// the scenario being edited ([`PanelSnapshot::of_state`]).
    #[prop_or_default]
    pub run: Option<Run>,
}

/// The panel's host, and its loading or error message.
#[component]
pub fn LazyPanel(props: &LazyPanelProps) -> Html {
    let app = use_app();
    let t = app.lang.t();
    let panel = props.panel;
    let id = *use_memo((), |()| {
        NEXT_ID.with(|next| {
            let id = next.get();
            next.set(id.wrapping_add(1));
            id
        })
    });
    let host = use_memo((), move |()| {
        // Only in the browser (a server-side render has no document, and draws no panel).
        let host = if cfg!(target_arch = "wasm32") {
            gloo::utils::document().create_element("div").ok()
        } else {
            None
        };
        if let Some(host) = &host {
            host.set_class_name("lazy-panel-host");
            let _ = host.set_attribute("data-panel", panel.key());
        }
        host
    });
    let phase = use_state(|| Phase::Loading);
    let snapshot = props
        .run
        .as_ref()
        .map_or_else(
            || PanelSnapshot::of_state(&app),
            |run| PanelSnapshot::of(&app, run),
        )
        .to_json();
    // The state to draw with when loading ends, which may be later than when it began.
    let latest = use_mut_ref(String::new);
    latest.borrow_mut().clone_from(&snapshot);
    // Cleared when the component goes, so that a load ending after that draws nothing.
    let alive = use_memo((), |()| Rc::new(Cell::new(true)));
    {
        let alive = (*alive).clone();
        use_effect_with((), move |()| {
            move || {
                alive.set(false);
                lazy::unmount_panel(id);
            }
        });
    }
    {
        let (phase, latest, host, alive) = (
            phase.clone(),
            latest.clone(),
            host.clone(),
            (*alive).clone(),
        );
        use_effect_with((*phase).clone(), move |now| {
            if *now == Phase::Loading {
                wasm_bindgen_futures::spawn_local(async move {
                    let drawn = match (lazy::load().await, host.as_ref()) {
                        _ if !alive.get() => return,
                        (Ok(()), Some(element)) => {
                            let text: String = RefCell::borrow(&latest).clone();
                            lazy::mount_panel(id, panel, element, &text)
                        }
                        (Ok(()), None) => Err("the page has no place for the panel".into()),
                        (Err(e), _) => Err(e),
                    };
                    phase.set(drawn.map_or_else(Phase::Failed, |()| Phase::Ready));
                });
            }
        });
    }
    {
        let ready = *phase == Phase::Ready;
        let phase = phase.clone();
        use_effect_with((snapshot, ready), move |(snapshot, ready)| {
            if *ready && let Err(e) = lazy::update_panel(id, snapshot) {
                phase.set(Phase::Failed(e));
            }
        });
    }
    let (loading, failed) = match panel {
        Panel::ManyTowns => (t.panel_loading, t.panel_failed),
        Panel::Section(_) => (t.charts_loading, t.charts_failed),
        Panel::Compare => (t.compare_loading, t.compare_failed),
        Panel::Share => (t.share_loading, t.share_failed),
    };
    let status = match &*phase {
        Phase::Loading => html! {
            <p class="hint panel-status" id={format!("{}-loading", panel.key())} role="status">{ loading }</p>
        },
        Phase::Ready => html! {},
        Phase::Failed(why) => {
            let retry = {
                let phase = phase.clone();
                Callback::from(move |_: MouseEvent| phase.set(Phase::Loading))
            };
            html! {
                <div class="panel-status" id={format!("{}-error", panel.key())} role="alert">
                    <p>{ failed }</p>
                    <p class="views-reason">{ why }</p>
                    <button type="button" id={format!("{}-retry", panel.key())} onclick={retry}>{ t.views_retry }</button>
                </div>
            }
        }
    };
    let node = (*host)
        .clone()
        .map_or_else(Html::default, |h| Html::VRef(h.into()));
    html! {
        <div class="lazy-panel" id={format!("{}-panel", panel.key())} data-phase={phase_key(&phase)}>
            { status }
            { node }
        </div>
    }
}

/// The phase as the `data-phase` attribute shows it (tests wait on `ready`).
fn phase_key(phase: &Phase) -> &'static str {
    match phase {
        Phase::Loading => "loading",
        Phase::Ready => "ready",
        Phase::Failed(_) => "failed",
    }
}
