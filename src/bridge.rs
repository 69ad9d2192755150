//! What the page's two bundles tell each other, as JSON text: the sandbox bundle hands the views
//! bundle a [`Snapshot`] of the app state (when it mounts the views and after every change), and
//! the views bundle sends the actions its views take back as a [`ACTION_EVENT`] `CustomEvent` on
//! `window` whose `detail` is [`encode_action`]'s text. Both bundles are built from this crate, so
//! they share these types; only the text crosses between them.
//!
//! The scenario travels as a JSON tree and is decoded with `serde_json::from_value`, the one path
//! by which the sandbox bundle decodes every scenario (links, uploads: `Scenario::from_json`), so
//! its wasm holds one copy of the scenario's decoder, not two.

use dialoglab_engine::Scenario;
use dialoglab_engine::metric::Metric;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::components::section_charts::Section;
use crate::i18n::Lang;
use crate::state::{Action, AppState, FileProblem, Run, Theme, View};

/// Name of the `window` event that carries an action from the views bundle to the sandbox bundle.
pub const ACTION_EVENT: &str = "dialoglab-views-action";

/// The part of the app state the secondary views read.
#[derive(Clone, Debug, PartialEq)]
pub struct Snapshot {
    /// Interface language.
    pub lang: Lang,
    /// Colour theme.
    pub theme: Theme,
    /// The view shown (the views bundle shows nothing for the sandbox).
    pub view: View,
    /// The guide's chapter (1-based).
    pub chapter: u8,
    /// Name of the preset the scenario started from.
    pub preset: String,
    /// The scenario being edited.
    pub scenario: Scenario,
    /// The scenario pinned as A in Compare, if any (the brief shows A and B over the same towns).
    pub pinned: Option<Scenario>,
}

/// [`Snapshot`] as it travels: enums by their stable names, the scenario as a JSON tree.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct SnapshotText {
    lang: String,
    theme: String,
    view: String,
    chapter: u8,
    preset: String,
    scenario: Value,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pinned: Option<Value>,
}

/// The scenario of a JSON tree made by [`tree`].
fn scenario_of(tree: Value) -> Result<Scenario, String> {
    serde_json::from_value(tree).map_err(|e| format!("unreadable scenario: {e}"))
}

/// The scenario as a JSON tree.
fn tree(scenario: &Scenario) -> Value {
    serde_json::to_value(scenario).unwrap_or(Value::Null)
}

impl Snapshot {
    /// The snapshot of `state`.
    #[must_use]
    pub fn of(state: &AppState) -> Snapshot {
        Snapshot {
            lang: state.lang,
            theme: state.theme,
            view: state.view,
            chapter: state.chapter,
            preset: state.preset.clone(),
            scenario: state.scenario.clone(),
            pinned: state.pinned.as_ref().map(|run| run.0.clone()),
        }
    }

    /// The app state the views bundle gives its views: this snapshot, no runs, no messages; in
    /// the Brief view the pinned scenario A, run again (its report is not sent across).
    #[must_use]
    pub fn state(&self) -> AppState {
        let pinned = self
            .pinned
            .as_ref()
            .filter(|_| self.view == View::Brief)
            .and_then(|a| {
                dialoglab_engine::run(a)
                    .ok()
                    .map(|r| std::rc::Rc::new((a.clone(), r)))
            });
        AppState {
            pinned,
            scenario: self.scenario.clone(),
            preset: self.preset.clone(),
            lang: self.lang,
            theme: self.theme,
            view: self.view,
            chapter: self.chapter,
            ..AppState::default()
        }
    }

    /// The snapshot as JSON text.
    #[must_use]
    pub fn to_json(&self) -> String {
        serde_json::to_string(&SnapshotText {
            lang: self.lang.code().into(),
            theme: self.theme.key().into(),
            view: self.view.key().into(),
            chapter: self.chapter,
            preset: self.preset.clone(),
            scenario: tree(&self.scenario),
            pinned: self.pinned.as_ref().map(tree),
        })
        .unwrap_or_default()
    }

    /// Reads [`to_json`](Self::to_json)'s text.
    pub fn from_json(text: &str) -> Result<Snapshot, String> {
        let t: SnapshotText =
            serde_json::from_str(text).map_err(|e| format!("unreadable app state: {e}"))?;
        Ok(Snapshot {
            lang: Lang::from_code(&t.lang).ok_or_else(|| format!("unknown language {}", t.lang))?,
            theme: Theme::from_key(&t.theme).ok_or_else(|| format!("unknown theme {}", t.theme))?,
            view: View::from_key(&t.view).ok_or_else(|| format!("unknown view {}", t.view))?,
            chapter: t.chapter,
            preset: t.preset,
            scenario: scenario_of(t.scenario)?,
            pinned: t.pinned.map(scenario_of).transpose()?,
        })
    }
}

/// A panel of the sandbox page that the views bundle draws into a host the sandbox bundle keeps
/// in its page (`src/components/lazy_panel.rs`): parts below the first screen or behind a click
/// whose code — worker jobs, charts, tables, file handling — need not be in the first screen's
/// bundle.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Panel {
    /// The many-towns panel on the results, with the robustness panel below it.
    ManyTowns,
    /// The charts of a results section that opens.
    Section(Section),
    /// Compare's A and B: the difference table, the charts and A and B in the same towns.
    Compare,
    /// The share dialog's QR code and files (the link itself is the sandbox bundle's).
    Share,
}

impl Panel {
    /// Every panel.
    pub const ALL: [Panel; 8] = [
        Panel::ManyTowns,
        Panel::Section(Section::People),
        Panel::Section(Section::Vote),
        Panel::Section(Section::Inclusion),
        Panel::Section(Section::Years),
        Panel::Section(Section::Cost),
        Panel::Compare,
        Panel::Share,
    ];

    /// Stable name (the host's id, the text between the bundles).
    #[must_use]
    pub fn key(self) -> &'static str {
        match self {
            Panel::ManyTowns => "many-towns",
            Panel::Section(Section::People) => "people-charts",
            Panel::Section(Section::Vote) => "vote-charts",
            Panel::Section(Section::Inclusion) => "inclusion-charts",
            Panel::Section(Section::Years) => "years-charts",
            Panel::Section(Section::Cost) => "cost-charts",
            Panel::Compare => "compare",
            Panel::Share => "share-tools",
        }
    }

    /// The panel with this name.
    #[must_use]
    pub fn from_key(key: &str) -> Option<Panel> {
        Panel::ALL.into_iter().find(|p| p.key() == key)
    }
}

/// What a [`Panel`] reads: the app state as for the views, with the scenario of the run the
/// results show (not the one being edited), and that run's headline numbers (its report is not
/// sent across, nor run again).
#[derive(Clone, Debug, PartialEq)]
pub struct PanelSnapshot {
    /// The app state; its scenario is the shown run's, its pinned scenario Compare's A.
    pub app: Snapshot,
    /// The shown run's value of each metric ([`Metric::ALL`]).
    pub one_town: Vec<(Metric, Option<f64>)>,
}

/// [`PanelSnapshot`] as it travels: the app state as [`Snapshot::to_json`]'s text.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct PanelSnapshotText {
    app: String,
    one_town: Vec<(Metric, Option<f64>)>,
}

impl PanelSnapshot {
    /// The snapshot of `state` for a panel about `run` (the run the results show).
    #[must_use]
    pub fn of(state: &AppState, run: &Run) -> PanelSnapshot {
        let mut app = Snapshot::of(state);
        app.scenario.clone_from(&run.0);
        PanelSnapshot {
            app,
            one_town: Metric::ALL.iter().map(|m| (*m, m.of(&run.1))).collect(),
        }
    }

    /// The snapshot of `state` for a panel about the scenario being edited (no run: the share
    /// dialog's files and QR code are of what the link says).
    #[must_use]
    pub fn of_state(state: &AppState) -> PanelSnapshot {
        PanelSnapshot {
            app: Snapshot::of(state),
            one_town: Vec::new(),
        }
    }

    /// The shown run's value of `metric`, if defined.
    #[must_use]
    pub fn value(&self, metric: Metric) -> Option<f64> {
        self.one_town
            .iter()
            .find(|(m, _)| *m == metric)
            .and_then(|(_, v)| *v)
    }

    /// The snapshot as JSON text.
    #[must_use]
    pub fn to_json(&self) -> String {
        serde_json::to_string(&PanelSnapshotText {
            app: self.app.to_json(),
            one_town: self.one_town.clone(),
        })
        .unwrap_or_default()
    }

    /// Reads [`to_json`](Self::to_json)'s text.
    pub fn from_json(text: &str) -> Result<PanelSnapshot, String> {
        let t: PanelSnapshotText =
            serde_json::from_str(text).map_err(|e| format!("unreadable panel state: {e}"))?;
        Ok(PanelSnapshot {
            app: Snapshot::from_json(&t.app)?,
            one_town: t.one_town,
        })
    }
}

/// The actions the secondary views take, as they travel.
#[derive(Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
enum ActionText {
    Open { preset: String, scenario: Value },
    OpenChapter(u8),
    SetView(String),
    Upload(String),
    RefuseUpload(String, u64),
}

/// A [`FileProblem`] as it travels: a name and its number (size or offset, 0 when none).
fn problem_text(problem: FileProblem) -> (String, u64) {
    let (name, n) = match problem {
        FileProblem::TooBig(size) => ("too-big", size),
        FileProblem::Empty => ("empty", 0),
        FileProblem::Binary => ("binary", 0),
        FileProblem::NotUtf8(at) => ("not-utf8", at as u64),
        FileProblem::Unreadable => ("unreadable", 0),
    };
    (name.into(), n)
}

/// Reads [`problem_text`]'s name and number.
fn problem_of(name: &str, n: u64) -> Result<FileProblem, String> {
    Ok(match name {
        "too-big" => FileProblem::TooBig(n),
        "empty" => FileProblem::Empty,
        "binary" => FileProblem::Binary,
        "not-utf8" => FileProblem::NotUtf8(usize::try_from(n).map_err(|e| e.to_string())?),
        "unreadable" => FileProblem::Unreadable,
        _ => return Err(format!("unknown file problem {name}")),
    })
}

/// The text of an action the views send to the sandbox bundle's reducer; `None` for the actions
/// that only the sandbox bundle takes (runs, edits of the scenario panel, …).
#[must_use]
pub fn encode_action(action: &Action) -> Option<String> {
    let text = match action {
        Action::Open { preset, scenario } => ActionText::Open {
            preset: preset.clone(),
            scenario: tree(scenario),
        },
        Action::OpenChapter(n) => ActionText::OpenChapter(*n),
        Action::SetView(view) => ActionText::SetView(view.key().into()),
        Action::Upload(text) => ActionText::Upload(text.clone()),
        Action::RefuseUpload(problem) => {
            let (name, n) = problem_text(*problem);
            ActionText::RefuseUpload(name, n)
        }
        _ => return None,
    };
    serde_json::to_string(&text).ok()
}

/// Reads [`encode_action`]'s text.
pub fn decode_action(text: &str) -> Result<Action, String> {
    let action: ActionText =
        serde_json::from_str(text).map_err(|e| format!("unreadable action: {e}"))?;
    Ok(match action {
        ActionText::Open { preset, scenario } => Action::Open {
            preset,
            scenario: Box::new(scenario_of(scenario)?),
        },
        ActionText::OpenChapter(n) => Action::OpenChapter(n),
        ActionText::SetView(key) => {
            Action::SetView(View::from_key(&key).ok_or_else(|| format!("unknown view {key}"))?)
        }
        ActionText::Upload(text) => Action::Upload(text),
        ActionText::RefuseUpload(name, n) => Action::RefuseUpload(problem_of(&name, n)?),
    })
}

/// Sends `action` from the views bundle to the sandbox bundle (see [`ACTION_EVENT`]). Actions
/// [`encode_action`] does not carry are dropped; outside the browser nothing is sent.
pub fn send(action: &Action) {
    if !cfg!(target_arch = "wasm32") {
        return;
    }
    let Some(text) = encode_action(action) else {
        return;
    };
    let init = web_sys::CustomEventInit::new();
    init.set_detail(&wasm_bindgen::JsValue::from_str(&text));
    if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(ACTION_EVENT, &init) {
        let _ = gloo::utils::window().dispatch_event(&event);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use dialoglab_engine::Strategy;

    #[test]
    fn a_snapshot_round_trips_through_its_text() {
        let mut state = AppState {
            lang: Lang::En,
            theme: Theme::Projector,
            view: View::Guide,
            chapter: 3,
            preset: "outreach".into(),
            ..AppState::default()
        };
        state.scenario.invitation.strategy = Strategy::Targeted;
        let snapshot = Snapshot::of(&state);
        let back = Snapshot::from_json(&snapshot.to_json()).unwrap();
        assert_eq!(back, snapshot);
        let mirrored = back.state();
        assert_eq!(
            (mirrored.lang, mirrored.view, mirrored.chapter),
            (Lang::En, View::Guide, 3)
        );
        assert_eq!(mirrored.scenario, state.scenario);
        assert!(mirrored.report.is_none() && mirrored.notice.is_none());
        assert!(mirrored.pinned.is_none() && back.pinned.is_none());
        // A pinned A travels as its scenario; the Brief view runs it again.
        let a = state.scenario.clone();
        state.pinned = Some(std::rc::Rc::new((
            a.clone(),
            dialoglab_engine::run(&a).unwrap(),
        )));
        state.view = View::Brief;
        let back = Snapshot::from_json(&Snapshot::of(&state).to_json()).unwrap();
        assert_eq!(back.pinned.as_ref(), Some(&a));
        let mirrored = back.state();
        assert_eq!(mirrored.pinned.map(|r| r.0.clone()), Some(a));
    }

    #[test]
    fn a_panel_snapshot_carries_the_shown_run_not_the_edited_scenario() {
        let shown = Scenario::default();
        let run: Run = std::rc::Rc::new((shown.clone(), dialoglab_engine::run(&shown).unwrap()));
        let mut state = AppState {
            lang: Lang::En,
            ..AppState::default()
        };
        state.scenario.budget += 1;
        state.pinned = Some(run.clone());
        let snapshot = PanelSnapshot::of(&state, &run);
        let back = PanelSnapshot::from_json(&snapshot.to_json()).unwrap();
        assert_eq!(back.app, snapshot.app);
        assert_eq!(
            back.app.scenario, shown,
            "the run's scenario, not the edited one"
        );
        assert_eq!(back.app.pinned.as_ref(), Some(&shown), "Compare's A");
        assert_eq!(back.app.lang, Lang::En);
        assert_eq!(back.one_town.len(), Metric::ALL.len());
        // Shown numbers: JSON keeps them to the last bit or so (serde_json's default parser).
        for m in Metric::ALL {
            match (back.value(m), m.of(&run.1)) {
                (Some(x), Some(y)) => assert!((x - y).abs() <= 1e-12 * y.abs(), "{m:?}"),
                (x, y) => assert_eq!(x, y, "{m:?}"),
            }
        }
        assert!(back.value(Metric::Attendees).is_some_and(|n| n > 0.0));
        for bad in [
            String::new(),
            "{}".into(),
            snapshot
                .to_json()
                .replace("\"one_town\":[", "\"one_town\":[[\"colour\",1],"),
            snapshot.to_json().replace("\\\"en\\\"", "\\\"xx\\\""),
        ] {
            assert!(PanelSnapshot::from_json(&bad).is_err(), "{bad}");
        }
        for p in Panel::ALL {
            assert_eq!(Panel::from_key(p.key()), Some(p));
        }
        for s in Section::ALL {
            assert!(Panel::ALL.contains(&Panel::Section(s)), "{s:?}");
        }
        assert_eq!(Panel::from_key("nowhere"), None);
    }

    #[test]
    fn bad_snapshots_are_errors_not_panics() {
        let good = Snapshot::of(&AppState::default()).to_json();
        for bad in [
            String::new(),
            "{}".into(),
            "[1,2]".into(),
            good.replace("\"da\"", "\"xx\""),
            good.replace("\"sandbox\"", "\"nowhere\""),
            good.replace("\"auto\"", "\"neon\""),
            good.replace("\"chapter\":1", "\"chapter\":-1"),
            good.replace('{', "{\"extra\":1,"),
            good.replace("\"scenario\":{", "\"scenario\":{\"colour\":1,"),
        ] {
            assert!(Snapshot::from_json(&bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn the_views_actions_round_trip_and_the_others_stay_home() {
        let scenario = Scenario {
            budget: 123_456,
            ..Scenario::default()
        };
        for action in [
            Action::Open {
                preset: "faxe-dialogue".into(),
                scenario: Box::new(scenario),
            },
            Action::OpenChapter(4),
            Action::SetView(View::RealData),
            Action::Upload("{\"budget\": 5000}".into()),
            Action::RefuseUpload(FileProblem::TooBig(6_000_000)),
            Action::RefuseUpload(FileProblem::Empty),
            Action::RefuseUpload(FileProblem::Binary),
            Action::RefuseUpload(FileProblem::NotUtf8(17)),
            Action::RefuseUpload(FileProblem::Unreadable),
        ] {
            let text = encode_action(&action).unwrap();
            assert_eq!(decode_action(&text).unwrap(), action);
        }
        assert_eq!(encode_action(&Action::Pin), None);
        assert_eq!(encode_action(&Action::ResetAll), None);
        for bad in [
            "",
            "null",
            "{\"set-view\":\"nowhere\"}",
            "{\"open-chapter\":300}",
            "{\"pin\":null}",
            "{\"refuse-upload\":[\"wet\",0]}",
        ] {
            assert!(decode_action(bad).is_err(), "{bad}");
        }
    }
}
