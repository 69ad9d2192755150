//! The scenario panel: preset, population, budget (log slider + number field), strategy, contacts.

use dialoglab_engine::{Strategy, presets};
use yew::prelude::*;

use crate::app::use_app;
use crate::charts::scale::{budget_steps, budget_to_slider, slider_to_budget};
use crate::format;
use crate::state::Action;

fn input_value(e: &Event) -> String {
    e.target_unchecked_into::<web_sys::HtmlInputElement>()
        .value()
}

fn select_value(e: &Event) -> String {
    e.target_unchecked_into::<web_sys::HtmlSelectElement>()
        .value()
}

/// Parses a whole number typed by a user, allowing spaces and the locale's group separators.
#[must_use]
pub fn parse_whole(text: &str) -> Option<u64> {
    let digits: String = text
        .chars()
        .filter(|c| !matches!(c, ' ' | '.' | ',' | '_' | '\u{a0}'))
        .collect();
    digits.parse().ok()
}

/// The scenario controls.
#[component]
pub fn ScenarioPanel() -> Html {
    let app = use_app();
    let lang = app.lang;
    let t = lang.t();
    let s = &app.scenario;

    let on_preset = {
        let app = app.clone();
        Callback::from(move |e: Event| app.dispatch(Action::LoadPreset(select_value(&e))))
    };
    let on_strategy = {
        let app = app.clone();
        Callback::from(move |e: Event| {
            if let Some(st) = Strategy::from_key(&select_value(&e)) {
                app.dispatch(Action::SetStrategy(st));
            }
        })
    };
    let on_budget_slider = {
        let app = app.clone();
        Callback::from(move |e: InputEvent| {
            let v = e
                .target_unchecked_into::<web_sys::HtmlInputElement>()
                .value();
            if let Ok(step) = v.parse::<u32>() {
                app.dispatch(Action::SetBudget(slider_to_budget(step)));
            }
        })
    };
    let number_field = |make: fn(u64) -> Option<Action>, field: &'static str| {
        let app = app.clone();
        Callback::from(
            move |e: Event| match parse_whole(&input_value(&e)).and_then(make) {
                Some(action) => app.dispatch(action),
                None => app.dispatch(Action::Failed(format!("{field}: {}", input_value(&e)))),
            },
        )
    };
    let on_budget_number = number_field(|v| Some(Action::SetBudget(v)), "budget");
    let on_population = number_field(
        |v| u32::try_from(v).ok().map(Action::SetPopulation),
        "population.size",
    );
    let on_contacts = number_field(
        |v| u8::try_from(v).ok().map(Action::SetContacts),
        "invitation.contacts",
    );

    let budget_text = format::money(lang, s.budget);
    html! {
        <section class="panel" aria-labelledby="scenario-heading">
            <h2 id="scenario-heading">{ t.scenario_heading }</h2>

            <div class="field">
                <label for="preset">{ t.preset_label }</label>
                <select id="preset" onchange={on_preset}>
                    { for presets::ALL.iter().map(|p| html! {
                        <option value={p.name} selected={p.name == app.preset}>{ lang.preset_title(p) }</option>
                    }) }
                </select>
            </div>

            <div class="field">
                <label for="population">{ t.population_label }</label>
                <div class="with-unit">
                    <input id="population" type="number" inputmode="numeric" min="1" max="1000000" step="100"
                        value={s.population.size.to_string()} onchange={on_population} />
                    <span class="unit">{ t.citizens_unit }</span>
                </div>
            </div>

            <div class="field">
                <label for="budget-slider" id="budget-label">{ t.budget_label }</label>
                <output for="budget-slider" class="value">{ budget_text.clone() }</output>
                <input id="budget-slider" type="range" min="0" max={budget_steps().to_string()} step="1"
                    value={budget_to_slider(s.budget).to_string()}
                    aria-valuetext={budget_text}
                    oninput={on_budget_slider} />
                <p class="hint">{ t.budget_hint }</p>
                <div class="with-unit">
                    <input id="budget" type="number" inputmode="numeric" min="0" step="1000"
                        aria-labelledby="budget-label"
                        value={s.budget.to_string()} onchange={on_budget_number} />
                    <span class="unit">{ "DKK" }</span>
                </div>
            </div>

            <div class="field">
                <label for="strategy">{ t.strategy_label }</label>
                <select id="strategy" onchange={on_strategy}>
                    { for Strategy::ALL.iter().map(|st| html! {
                        <option value={st.key()} selected={*st == s.invitation.strategy}>{ lang.strategy(*st) }</option>
                    }) }
                </select>
            </div>

            if s.invitation.strategy == Strategy::Targeted {
                <div class="field">
                    <label for="contacts">{ t.contacts_label }</label>
                    <div class="with-unit">
                        <input id="contacts" type="number" min="1" max="10" step="1"
                            value={s.invitation.contacts.to_string()} onchange={on_contacts} />
                        <span class="unit">{ t.contacts_unit }</span>
                    </div>
                </div>
            }

            if let Some(message) = &app.error {
                <p class="error" role="alert">{ format!("{}: {message}", t.error_prefix) }</p>
            }
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::parse_whole;

    #[test]
    fn whole_numbers_accept_group_separators() {
        assert_eq!(parse_whole("250.000"), Some(250_000));
        assert_eq!(parse_whole("1,000,000"), Some(1_000_000));
        assert_eq!(parse_whole(" 42 "), Some(42));
        assert_eq!(parse_whole("ten"), None);
        assert_eq!(parse_whole("-5"), None);
    }
}
