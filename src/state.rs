//! The app's one state and its pure reducer. Effects (running the engine, storage, the address bar,
//! timers) live in components; `reduce` only computes the next state.

use std::rc::Rc;

use dialoglab_engine::{Report, Scenario, ScenarioError, presets};
use serde_json::Value;
use yew::Reducible;

use crate::fields::Field;
use crate::language::Lang;
use crate::url::{Link, LinkError, Place};
pub use crate::view::View;

/// A scenario with the report computed from it.
pub type Run = Rc<(Scenario, Report)>;

/// A scenario with the town drawn from its run (`dialoglab_engine::town::sample`).
pub type TownRun = Rc<(Scenario, dialoglab_engine::town::Town)>;

/// Colour theme.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Theme {
    /// Follow the system (light or dark, high contrast when asked for).
    #[default]
    Auto,
    /// Light.
    Light,
    /// Dark.
    Dark,
    /// High contrast, large type: for projectors.
    Projector,
}

impl Theme {
    /// Every theme, in menu order.
    pub const ALL: [Theme; 4] = [Theme::Auto, Theme::Light, Theme::Dark, Theme::Projector];

    /// Stable name (storage, `data-theme`).
    #[must_use]
    pub fn key(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
            Theme::Projector => "projector",
        }
    }

    /// The theme with this name.
    #[must_use]
    pub fn from_key(key: &str) -> Option<Theme> {
        Theme::ALL.into_iter().find(|t| t.key() == key)
    }
}

/// Why the last change was not applied.
#[derive(Clone, Debug, PartialEq)]
pub enum Problem {
    /// The engine rejected the scenario.
    Scenario(ScenarioError),
    /// Text typed into a number field that is not a number.
    NotANumber(Field, String),
    /// No preset of this name.
    UnknownPreset(String),
}

/// A message about the scenario's origin.
#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    /// The link could not be opened; the default scenario is shown.
    BadLink(LinkError),
    /// An uploaded file was not a valid scenario; the current one is kept.
    BadUpload(ScenarioError),
    /// An uploaded file was refused before it was read as JSON; the current scenario is kept.
    BadFile(FileProblem),
    /// An uploaded file was loaded.
    Uploaded,
}

/// Scenario files above this size are refused before they are read (a scenario is a few kB).
pub const MAX_SCENARIO_BYTES: u64 = 5_000_000;

/// Why an uploaded scenario file was refused before it was read as JSON.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileProblem {
    /// Larger than [`MAX_SCENARIO_BYTES`] (its size in bytes).
    TooBig(u64),
    /// No bytes at all.
    Empty,
    /// A zero byte or another control character: not a text file.
    Binary,
    /// Not UTF-8 text; the offset of the first bad byte.
    NotUtf8(usize),
    /// The browser could not read the file.
    Unreadable,
}

/// The text of an uploaded scenario file, or why it is refused (before any JSON is parsed).
///
/// # Errors
/// The file is empty, too big, binary or not UTF-8.
pub fn scenario_text(bytes: &[u8]) -> Result<String, FileProblem> {
    let size = bytes.len() as u64;
    if size > MAX_SCENARIO_BYTES {
        return Err(FileProblem::TooBig(size));
    }
    if bytes.is_empty() {
        return Err(FileProblem::Empty);
    }
    // Tab, line feed and carriage return are the only control characters a JSON text has.
    if bytes
        .iter()
        .any(|&b| b < b' ' && !matches!(b, b'\t' | b'\n' | b'\r'))
    {
        return Err(FileProblem::Binary);
    }
    let text = std::str::from_utf8(bytes).map_err(|e| FileProblem::NotUtf8(e.valid_up_to()))?;
    Ok(text.strip_prefix('\u{feff}').unwrap_or(text).to_string())
}

/// Everything the app shows.
#[derive(Clone, Debug, PartialEq)]
pub struct AppState {
    /// The scenario being edited.
    pub scenario: Scenario,
    /// Name of the preset the scenario started from.
    pub preset: String,
    /// Interface language.
    pub lang: Lang,
    /// Colour theme.
    pub theme: Theme,
    /// The view shown.
    pub view: View,
    /// The guide's chapter (1-based).
    pub chapter: u8,
    /// The last report, for the scenario it was computed from.
    pub report: Option<Run>,
    /// The report before it (for "what the last change did").
    pub previous: Option<Run>,
    /// The town drawn from the last run.
    pub town: Option<TownRun>,
    /// Run pinned as A for comparison.
    pub pinned: Option<Run>,
    /// The last rejected change or failed run.
    pub error: Option<Problem>,
    /// A message about links and uploads.
    pub notice: Option<Notice>,
    /// Whether the scenario may be written to storage (false after a bad link until an edit, so
    /// the user's stored work survives).
    pub save: bool,
}

impl Default for AppState {
    fn default() -> Self {
        AppState {
            scenario: Scenario::default(),
            preset: presets::ALL[0].name.to_string(),
            lang: Lang::default(),
            theme: Theme::default(),
            view: View::default(),
            chapter: 1,
            report: None,
            previous: None,
            town: None,
            pinned: None,
            error: None,
            notice: None,
            save: true,
        }
    }
}

/// What the page found when it opened.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Start {
    /// The decoded address (`Ok(None)`: no link).
    pub link: Option<Result<Link, LinkError>>,
    /// The last scenario from storage.
    pub stored: Option<Link>,
    /// The stored theme.
    pub theme: Option<Theme>,
    /// The view and guide chapter the address asks for, or why they cannot be opened.
    pub place: Option<Result<Place, LinkError>>,
}

impl AppState {
    /// The first state: link > stored > default. A bad link shows a notice, opens the default
    /// scenario and leaves storage alone until the user edits.
    #[must_use]
    pub fn start(start: Start) -> AppState {
        let mut state = AppState {
            theme: start.theme.unwrap_or_default(),
            ..AppState::default()
        };
        let stored_lang = start.stored.as_ref().and_then(|l| l.lang);
        let chosen = match start.link {
            Some(Ok(link)) => Some(link),
            Some(Err(e)) => {
                state.notice = Some(Notice::BadLink(e));
                state.save = false;
                None
            }
            None => start.stored,
        };
        if let Some(link) = chosen {
            state.lang = link.lang.or(stored_lang).unwrap_or_default();
            state.scenario = link.scenario;
            state.preset = link.preset;
        } else if let Some(lang) = stored_lang {
            state.lang = lang;
        }
        match start.place {
            Some(Ok(place)) => (state.view, state.chapter) = (place.view, place.chapter),
            Some(Err(e)) if state.notice.is_none() => state.notice = Some(Notice::BadLink(e)),
            _ => {}
        }
        state
    }

    /// Whether the scenario departs from its preset (any field, the seed included), so the preset's
    /// name alone would no longer describe it.
    #[must_use]
    pub fn departs_from_preset(&self) -> bool {
        presets::get(&self.preset).is_none_or(|p| p != self.scenario)
    }

    /// Whether the shown report belongs to the current scenario.
    #[must_use]
    pub fn is_current(&self) -> bool {
        self.report.as_ref().is_some_and(|r| r.0 == self.scenario)
    }
}

/// Everything that can change the state.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Load a preset by name.
    LoadPreset(String),
    /// Set a field to a JSON value (checked against the scenario's types and ranges).
    Set(Field, Value),
    /// Text typed into a number field could not be read.
    NotANumber(Field, String),
    /// Back to the preset's values.
    ResetAll,
    /// Switch language.
    SetLang(Lang),
    /// Switch theme.
    SetTheme(Theme),
    /// Switch view.
    SetView(View),
    /// Open a guide chapter (1-based; an unknown chapter is ignored): in workshop mode when it is
    /// shown, otherwise in the guide.
    OpenChapter(u8),
    /// Open a scenario built elsewhere (a guide chapter, a real `.pb` file) in the sandbox.
    #[allow(
        dead_code,
        reason = "sent by the guide and the real-data view as they land"
    )]
    Open {
        /// The preset it was built from (Reset All goes back to it).
        preset: String,
        /// The scenario.
        scenario: Box<Scenario>,
    },
    /// Replace the scenario with an uploaded JSON text (kept as is when invalid).
    Upload(String),
    /// An uploaded file was refused before it was read as JSON (the scenario is kept).
    RefuseUpload(FileProblem),
    /// Pin the current run as A.
    Pin,
    /// Drop the pinned run.
    Unpin,
    /// Hide the notice.
    DismissNotice,
    /// A run finished for the given scenario.
    Ran(Run),
    /// A run failed.
    Failed(ScenarioError),
    /// The town of a run was drawn (dispatched just before the run's [`Action::Ran`]).
    Drawn(TownRun),
}

fn set(scenario: &Scenario, field: Field, value: Value) -> Result<Scenario, ScenarioError> {
    let mut s = scenario.clone();
    field.set(&mut s, value)?;
    if field == Field::PopulationSize {
        s.invitation.letters = s.invitation.letters.min(s.population.size.max(1));
        s.invitation.panel_size = s.invitation.panel_size.min(s.invitation.letters);
    }
    if field == Field::Letters {
        s.invitation.panel_size = s.invitation.panel_size.min(s.invitation.letters.max(1));
    }
    s.validate()?;
    Ok(s)
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        let edited = matches!(
            action,
            Action::LoadPreset(_)
                | Action::Set(..)
                | Action::ResetAll
                | Action::Upload(_)
                | Action::Open { .. }
        );
        match action {
            Action::LoadPreset(name) => match presets::get(&name) {
                Some(scenario) => {
                    next.scenario = scenario;
                    next.preset = name;
                    next.error = None;
                }
                None => next.error = Some(Problem::UnknownPreset(name)),
            },
            Action::Set(field, value) => match set(&next.scenario, field, value) {
                Ok(s) => {
                    next.scenario = s;
                    next.error = None;
                }
                Err(e) => next.error = Some(Problem::Scenario(e)),
            },
            Action::NotANumber(field, text) => next.error = Some(Problem::NotANumber(field, text)),
            Action::ResetAll => {
                next.scenario = presets::get(&next.preset).unwrap_or_default();
                next.error = None;
            }
            Action::SetLang(lang) => next.lang = lang,
            Action::SetTheme(theme) => next.theme = theme,
            Action::SetView(view) => next.view = view,
            Action::OpenChapter(n) => {
                if crate::guide::is_chapter(n) {
                    // Workshop mode keeps its view; anywhere else the chapter opens in the guide.
                    if !next.view.has_chapter() {
                        next.view = View::Guide;
                    }
                    next.chapter = n;
                }
            }
            Action::Open { preset, scenario } => match scenario.validate() {
                Ok(()) => {
                    next.scenario = *scenario;
                    next.preset = if presets::get(&preset).is_some() {
                        preset
                    } else {
                        presets::ALL[0].name.to_string()
                    };
                    next.view = View::Sandbox;
                    next.error = None;
                }
                Err(e) => next.error = Some(Problem::Scenario(e)),
            },
            Action::Upload(text) => match Scenario::from_json(&text) {
                Ok(s) => {
                    next.scenario = s;
                    next.notice = Some(Notice::Uploaded);
                    next.error = None;
                }
                Err(e) => next.notice = Some(Notice::BadUpload(e)),
            },
            Action::RefuseUpload(problem) => next.notice = Some(Notice::BadFile(problem)),
            Action::Pin => {
                if next.is_current() {
                    next.pinned.clone_from(&next.report);
                }
            }
            Action::Unpin => next.pinned = None,
            Action::DismissNotice => next.notice = None,
            Action::Ran(result) => {
                if let Some(old) = next.report.take()
                    && old.0 != result.0
                {
                    next.previous = Some(old);
                }
                next.report = Some(result);
                next.error = None;
            }
            Action::Failed(e) => next.error = Some(Problem::Scenario(e)),
            Action::Drawn(town) => next.town = Some(town),
        }
        if edited && next.scenario != self.scenario {
            next.save = true;
            if matches!(next.notice, Some(Notice::BadLink(_))) {
                next.notice = None;
            }
        }
        Rc::new(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fields::Support;
    use dialoglab_engine::Strategy;

    fn reduce(state: AppState, action: Action) -> AppState {
        (*Rc::new(state).reduce(action)).clone()
    }

    #[test]
    fn the_scenario_departs_from_its_preset_after_an_edit_and_not_after_reset() {
        let state = reduce(
            AppState::default(),
            Action::LoadPreset("faxe-dialogue".into()),
        );
        assert!(!state.departs_from_preset());
        let state = reduce(state, Action::Set(Field::Strategy, Value::from("targeted")));
        assert!(state.departs_from_preset());
        let state = reduce(state, Action::ResetAll);
        assert!(!state.departs_from_preset());
        let state = reduce(state, Action::Set(Field::Seed, Value::from(99)));
        assert!(state.departs_from_preset(), "a new seed is a new scenario");
    }

    fn set(field: Field, v: impl Into<Value>) -> Action {
        Action::Set(field, v.into())
    }

    #[test]
    fn edits_change_the_scenario() {
        let s = reduce(AppState::default(), set(Field::Strategy, "targeted"));
        assert_eq!(s.scenario.invitation.strategy, Strategy::Targeted);
        let s = reduce(s, set(Field::Budget, 1_000_000));
        assert_eq!(s.scenario.budget, 1_000_000);
        let s = reduce(s, set(Field::Support(Support::Childcare), true));
        assert!(s.scenario.invitation.supports.childcare);
        let s = reduce(s, set(Field::OutreachReach, 0.75));
        assert!((s.scenario.invitation.outreach_reach - 0.75).abs() < 1e-12);
        let s = reduce(s, Action::LoadPreset("borgerbudget-small".into()));
        assert_eq!(s.scenario, presets::get("borgerbudget-small").unwrap());
        let s = reduce(s, set(Field::Seed, 42));
        assert_eq!(s.scenario.seed, 42);
        let s = reduce(s, Action::ResetAll);
        assert_eq!(s.scenario, presets::get("borgerbudget-small").unwrap());
    }

    #[test]
    fn an_invalid_edit_is_rejected_and_named_and_the_scenario_kept() {
        let before = AppState::default();
        let s = reduce(before.clone(), set(Field::PopulationSize, 0));
        assert_eq!(s.scenario, before.scenario);
        match &s.error {
            Some(Problem::Scenario(e)) => assert!(e.to_string().contains("population.size")),
            other => panic!("{other:?}"),
        }
        let s = reduce(s, set(Field::Contacts, 300));
        assert_eq!(s.scenario, before.scenario);
        assert!(s.error.is_some());
        let s = reduce(s, Action::LoadPreset("atlantis".into()));
        assert_eq!(s.scenario, before.scenario);
        assert_eq!(s.error, Some(Problem::UnknownPreset("atlantis".into())));
        let s = reduce(s, set(Field::Budget, 5));
        assert_eq!(s.error, None);
    }

    #[test]
    fn small_populations_keep_letters_consistent() {
        let s = reduce(AppState::default(), set(Field::Strategy, "stratified"));
        let s = reduce(s, set(Field::PopulationSize, 30));
        assert!(s.error.is_none(), "{:?}", s.error);
        assert_eq!(s.scenario.population.size, 30);
        assert!(s.scenario.invitation.letters <= 30);
        assert!(s.scenario.invitation.panel_size <= s.scenario.invitation.letters);
    }

    #[test]
    fn a_report_is_current_only_for_its_scenario_and_can_be_pinned() {
        let s = AppState::default();
        let s = reduce(s.clone(), Action::Pin);
        assert!(s.pinned.is_none(), "nothing to pin before a run");
        let report = dialoglab_engine::run(&s.scenario).unwrap();
        let s = reduce(
            s.clone(),
            Action::Ran(Rc::new((s.scenario.clone(), report))),
        );
        assert!(s.is_current());
        let s = reduce(s, Action::Pin);
        assert!(s.pinned.is_some());
        let s = reduce(s, set(Field::Budget, 500_000));
        assert!(!s.is_current());
        assert_eq!(s.pinned.as_ref().unwrap().0.budget, 250_000);
        let s = reduce(s, Action::Unpin);
        assert!(s.pinned.is_none());
    }

    #[test]
    fn uploads_replace_the_scenario_or_name_the_problem() {
        let s = reduce(
            AppState::default(),
            Action::Upload(r#"{"budget": 7000}"#.into()),
        );
        assert_eq!(s.scenario.budget, 7000);
        assert_eq!(s.notice, Some(Notice::Uploaded));
        let s = reduce(s, Action::Upload(r#"{"budget": 7000, "colour": 1}"#.into()));
        assert_eq!(s.scenario.budget, 7000);
        match &s.notice {
            Some(Notice::BadUpload(e)) => assert!(e.to_string().contains("colour"), "{e}"),
            other => panic!("{other:?}"),
        }
        let s = reduce(s, Action::Upload("{\"budget\": ".into()));
        assert!(matches!(
            s.notice,
            Some(Notice::BadUpload(ScenarioError::Json(_)))
        ));
        assert_eq!(s.scenario.budget, 7000);
        let s = reduce(s, Action::RefuseUpload(FileProblem::Empty));
        assert_eq!(s.notice, Some(Notice::BadFile(FileProblem::Empty)));
        assert_eq!(s.scenario.budget, 7000);
    }

    #[test]
    fn scenario_files_are_checked_before_they_are_read_as_json() {
        assert_eq!(scenario_text(b""), Err(FileProblem::Empty));
        assert_eq!(
            scenario_text(b"{\"budget\":\x00 1}"),
            Err(FileProblem::Binary)
        );
        assert_eq!(scenario_text(b"\x1b[0m"), Err(FileProblem::Binary));
        assert_eq!(
            scenario_text(b"{\"a\": \"\xe6\xf8\"}"),
            Err(FileProblem::NotUtf8(7))
        );
        let big = vec![b' '; 5_000_001];
        assert_eq!(scenario_text(&big), Err(FileProblem::TooBig(5_000_001)));
        assert_eq!(
            scenario_text("\u{feff}{\"budget\": 1}\r\n\t".as_bytes()).as_deref(),
            Ok("{\"budget\": 1}\r\n\t")
        );
        assert_eq!(scenario_text("»æøå«".as_bytes()).as_deref(), Ok("»æøå«"));
    }

    #[test]
    fn open_puts_a_valid_scenario_in_the_sandbox_and_keeps_the_current_one_otherwise() {
        let s = reduce(AppState::default(), Action::SetView(View::Guide));
        assert_eq!(s.view, View::Guide);
        let mut bad = presets::get("new-york").unwrap();
        bad.population.size = 0;
        let s = reduce(
            s,
            Action::Open {
                preset: "new-york".into(),
                scenario: Box::new(bad),
            },
        );
        assert_eq!(s.scenario, Scenario::default());
        assert_eq!(s.view, View::Guide);
        assert!(matches!(s.error, Some(Problem::Scenario(_))));
        let good = presets::get("new-york").unwrap();
        let s = reduce(
            s,
            Action::Open {
                preset: "new-york".into(),
                scenario: Box::new(good.clone()),
            },
        );
        assert_eq!(
            (s.scenario.clone(), s.view, s.error.clone()),
            (good.clone(), View::Sandbox, None)
        );
        assert_eq!(
            reduce(s, Action::ResetAll).scenario,
            good,
            "Reset All returns to its preset"
        );
        for v in View::ALL {
            assert_eq!(View::from_key(v.key()), Some(v));
        }
    }

    #[test]
    fn a_link_can_open_a_guide_chapter_and_a_bad_chapter_is_named() {
        let place = Place {
            view: View::Guide,
            chapter: 4,
        };
        let s = AppState::start(Start {
            place: Some(Ok(place)),
            ..Start::default()
        });
        assert_eq!((s.view, s.chapter), (View::Guide, 4));
        let bad = LinkError::BadPlace("chapter".into(), "99".into());
        let s = AppState::start(Start {
            place: Some(Err(bad.clone())),
            ..Start::default()
        });
        assert_eq!((s.view, s.chapter), (View::Sandbox, 1));
        assert_eq!(s.notice, Some(Notice::BadLink(bad)));
        assert!(s.save, "a bad chapter does not protect the stored scenario");
        let s = reduce(s, Action::OpenChapter(7));
        assert_eq!((s.view, s.chapter), (View::Guide, 7));
        let s = reduce(s, Action::OpenChapter(0));
        assert_eq!(s.chapter, 7, "an unknown chapter is ignored");
    }

    #[test]
    fn start_prefers_link_then_storage_then_default() {
        let stored = Scenario {
            budget: 123_000,
            ..Scenario::default()
        };
        let stored = Link {
            lang: Some(Lang::En),
            preset: "faxe-dialogue".into(),
            scenario: stored,
        };
        let linked = Scenario {
            budget: 999_000,
            ..Scenario::default()
        };
        let link = Link {
            lang: None,
            preset: "faxe-dialogue".into(),
            scenario: linked.clone(),
        };
        let s = AppState::start(Start {
            link: Some(Ok(link)),
            stored: Some(stored.clone()),
            theme: Some(Theme::Projector),
            place: None,
        });
        assert_eq!(s.scenario, linked);
        assert_eq!(s.lang, Lang::En, "stored language when the link names none");
        assert_eq!(s.theme, Theme::Projector);
        let s = AppState::start(Start {
            stored: Some(stored.clone()),
            ..Start::default()
        });
        assert_eq!(s.scenario.budget, 123_000);
        assert!(s.save);
        assert_eq!(
            AppState::start(Start::default()).scenario,
            Scenario::default()
        );
    }

    #[test]
    fn a_bad_link_opens_the_default_and_protects_storage_until_an_edit() {
        let stored = Link {
            lang: Some(Lang::En),
            preset: "borgerbudget-small".into(),
            scenario: presets::get("borgerbudget-small").unwrap(),
        };
        let s = AppState::start(Start {
            link: Some(Err(LinkError::Newer(9))),
            stored: Some(stored),
            theme: None,
            place: None,
        });
        assert_eq!(s.scenario, Scenario::default());
        assert_eq!(s.notice, Some(Notice::BadLink(LinkError::Newer(9))));
        assert!(!s.save);
        assert_eq!(s.lang, Lang::En);
        let s = reduce(s, Action::SetLang(Lang::Da));
        assert!(!s.save, "a language switch is not an edit of the scenario");
        let s = reduce(s, set(Field::Budget, 1000));
        assert!(s.save);
        assert_eq!(s.notice, None);
    }
}
