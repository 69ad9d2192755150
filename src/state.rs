//! The app's one state and its pure reducer. Effects (running the engine, storage, timers) live in
//! components; `reduce` only computes the next state.

use std::rc::Rc;

use dialoglab_engine::{Report, Scenario, Strategy, presets};
use yew::Reducible;

use crate::i18n::Lang;

/// Everything the app shows.
#[derive(Clone, Debug, PartialEq)]
pub struct AppState {
    /// The scenario being edited.
    pub scenario: Scenario,
    /// Name of the preset the scenario started from.
    pub preset: String,
    /// Interface language.
    pub lang: Lang,
    /// The last report, for the scenario it was computed from.
    pub report: Option<Rc<(Scenario, Report)>>,
    /// The last rejected change or failed run, in words.
    pub error: Option<String>,
}

impl Default for AppState {
    fn default() -> Self {
        AppState {
            scenario: Scenario::default(),
            preset: presets::ALL[0].name.to_string(),
            lang: Lang::default(),
            report: None,
            error: None,
        }
    }
}

impl AppState {
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
    /// Set the budget in DKK.
    SetBudget(u64),
    /// Set the invitation strategy.
    SetStrategy(Strategy),
    /// Set the population size.
    SetPopulation(u32),
    /// Set the number of outreach contacts.
    SetContacts(u8),
    /// Switch language.
    SetLang(Lang),
    /// A run finished for the given scenario.
    Ran(Rc<(Scenario, Report)>),
    /// A run failed.
    Failed(String),
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        let edit = |next: &mut AppState, change: &dyn Fn(&mut Scenario)| {
            let mut candidate = next.scenario.clone();
            change(&mut candidate);
            match candidate.validate() {
                Ok(()) => {
                    next.scenario = candidate;
                    next.error = None;
                }
                Err(e) => next.error = Some(e.to_string()),
            }
        };
        match action {
            Action::LoadPreset(name) => match presets::get(&name) {
                Some(scenario) => {
                    next.scenario = scenario;
                    next.preset = name;
                    next.error = None;
                }
                None => next.error = Some(format!("no preset named {name}")),
            },
            Action::SetBudget(b) => edit(&mut next, &|s| s.budget = b),
            Action::SetStrategy(st) => edit(&mut next, &|s| s.invitation.strategy = st),
            Action::SetPopulation(n) => edit(&mut next, &|s| {
                s.population.size = n;
                s.invitation.letters = s.invitation.letters.min(n.max(1));
                s.invitation.panel_size = s.invitation.panel_size.min(s.invitation.letters);
            }),
            Action::SetContacts(k) => edit(&mut next, &|s| s.invitation.contacts = k),
            Action::SetLang(lang) => next.lang = lang,
            Action::Ran(result) => {
                next.report = Some(result);
                next.error = None;
            }
            Action::Failed(message) => next.error = Some(message),
        }
        Rc::new(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reduce(state: AppState, action: Action) -> AppState {
        (*Rc::new(state).reduce(action)).clone()
    }

    #[test]
    fn edits_change_the_scenario() {
        let s = reduce(AppState::default(), Action::SetStrategy(Strategy::Targeted));
        assert_eq!(s.scenario.invitation.strategy, Strategy::Targeted);
        let s = reduce(s, Action::SetBudget(1_000_000));
        assert_eq!(s.scenario.budget, 1_000_000);
        let s = reduce(s, Action::LoadPreset("borgerbudget-small".into()));
        assert_eq!(s.scenario, presets::get("borgerbudget-small").unwrap());
    }

    #[test]
    fn an_invalid_edit_is_rejected_and_named_and_the_scenario_kept() {
        let before = AppState::default();
        let s = reduce(before.clone(), Action::SetPopulation(0));
        assert_eq!(s.scenario, before.scenario);
        assert!(s.error.as_deref().unwrap_or("").contains("population.size"));
        let s = reduce(s, Action::LoadPreset("atlantis".into()));
        assert_eq!(s.scenario, before.scenario);
        assert!(s.error.is_some());
    }

    #[test]
    fn small_populations_keep_letters_consistent() {
        let s = reduce(
            AppState::default(),
            Action::SetStrategy(Strategy::Stratified),
        );
        let s = reduce(s, Action::SetPopulation(30));
        assert!(s.error.is_none(), "{:?}", s.error);
        assert_eq!(s.scenario.population.size, 30);
        assert!(s.scenario.invitation.letters <= 30);
    }

    #[test]
    fn a_report_is_current_only_for_its_scenario() {
        let s = AppState::default();
        let report = dialoglab_engine::run(&s.scenario).unwrap();
        let s = reduce(
            s.clone(),
            Action::Ran(Rc::new((s.scenario.clone(), report))),
        );
        assert!(s.is_current());
        let s = reduce(s, Action::SetBudget(500_000));
        assert!(!s.is_current());
    }
}
