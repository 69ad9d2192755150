//! The council brief: one A4 page for a policymaker, printed from the sandbox (or saved as PDF
//! from the browser's print dialog). On screen only its button shows; the print stylesheet keeps
//! the brief's own block, the headline numbers, the representation chart, the comparison if A is
//! pinned, and the cost, and hides the controls.

use dialoglab_engine::{Scenario, presets};
use serde_json::Value;
use yew::prelude::*;

use crate::components::compare::changed_paths;
use crate::fields::{Field, Kind, Section};
use crate::format;
use crate::i18n::Lang;

/// A field's value as a reader would write it (choices by name, shares as percentages, money in
/// DKK).
#[must_use]
pub fn value_words(lang: Lang, field: Field, scenario: &Scenario, value: &Value) -> String {
    match field.kind(scenario) {
        Kind::Choice => field
            .choices()
            .into_iter()
            .find(|c| c.value() == *value)
            .map_or_else(|| value.to_string(), |c| lang.choice(c).to_string()),
        Kind::Flag => if value.as_bool().unwrap_or(false) {
            lang.t().yes
        } else {
            lang.t().no
        }
        .to_string(),
        Kind::Share => format::percent(lang, value.as_f64().unwrap_or(0.0), 0),
        Kind::Money => format::money(lang, value.as_u64().unwrap_or(0)),
        Kind::Hours { .. } | Kind::Count { .. } => {
            let n = value.as_f64().unwrap_or(0.0);
            let digits = if n.fract() == 0.0 { 0 } else { 2 };
            let unit = lang.unit(field);
            format!("{} {unit}", format::dec(lang, n, digits))
                .trim_end()
                .to_string()
        }
    }
}

/// The settings in which `scenario` departs from its preset: (label, preset's value, this value).
#[must_use]
pub fn departures(lang: Lang, preset: &str, scenario: &Scenario) -> Vec<(String, String, String)> {
    let Some(base) = presets::get(preset) else {
        return Vec::new();
    };
    let (ta, tb) = (
        serde_json::to_value(&base).unwrap_or(Value::Null),
        serde_json::to_value(scenario).unwrap_or(Value::Null),
    );
    changed_paths(&ta, &tb)
        .into_iter()
        .map(|path| {
            let field = Section::ALL
                .iter()
                .flat_map(|s| s.fields())
                .find(|f| f.path() == path);
            match field {
                Some(f) => (
                    lang.field(f).to_string(),
                    value_words(lang, f, &base, &f.value(&ta)),
                    value_words(lang, f, scenario, &f.value(&tb)),
                ),
                None => (path, String::new(), String::new()),
            }
        })
        .collect()
}

/// Props of [`Brief`].
#[derive(Properties, PartialEq)]
pub struct BriefProps {
    /// Interface language.
    pub lang: Lang,
    /// Name of the preset.
    pub preset: AttrValue,
    /// The scenario shown.
    pub scenario: Scenario,
    /// Whether the scenario departs from its preset.
    pub changed: bool,
}

/// The brief's own block (printed) and its print button (on screen).
#[component]
pub fn Brief(props: &BriefProps) -> Html {
    let lang = props.lang;
    let t = lang.t();
    let s = &props.scenario;
    let rows = departures(lang, &props.preset, s);
    let print = Callback::from(|_: MouseEvent| {
        let _ = gloo::utils::window().print();
    });
    let link = if cfg!(target_arch = "wasm32") {
        gloo::utils::window().location().href().unwrap_or_default()
    } else {
        String::new()
    };
    let rates = [
        Field::LetterCost,
        Field::StaffHourCost,
        Field::OpenCallHours,
        Field::HoursPerContact,
        Field::HoursPerAssociation,
        Field::HoursPerResponse,
    ];
    let tree = serde_json::to_value(s).unwrap_or(Value::Null);
    html! {
        <>
            <p class="brief-action no-print">
                <button type="button" id="print-brief" onclick={print}>{ t.brief_print }</button>
            </p>
            <section class="brief" id="brief" aria-labelledby="brief-heading">
                <h2 id="brief-heading">{ t.brief_heading }</h2>
                <p class="brief-question">{ t.tagline }</p>
                <p id="brief-scenario">{ lang.scenario_line(&props.preset, s, props.changed) }</p>
                <h3>{ t.brief_settings }</h3>
                if rows.is_empty() {
                    <p>{ t.brief_no_changes }</p>
                } else {
                    <table id="brief-settings" class="compare-table">
                        <tbody>
                            { for rows.into_iter().map(|(label, from, to)| html! {
                                <tr><th scope="row">{ label }</th><td>{ from }</td><td>{ "→ " }{ to }</td></tr>
                            }) }
                        </tbody>
                    </table>
                }
                <h3>{ t.brief_assumptions }</h3>
                <p id="brief-rates">
                    { rates.iter().filter(|f| f.applies(s)).map(|f| format!("{}: {}", lang.field(*f), value_words(lang, *f, s, &f.value(&tree)))).collect::<Vec<_>>().join(" · ") }
                    { ". " }{ t.costs_hint }
                </p>
                <p id="brief-link"><strong>{ t.brief_link }{ ": " }</strong><span class="brief-url">{ link }</span></p>
            </section>
        </>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn departures_name_the_setting_and_both_values_in_words() {
        let mut s = presets::get("faxe-dialogue").unwrap();
        assert!(departures(Lang::Da, "faxe-dialogue", &s).is_empty());
        s.invitation.strategy = dialoglab_engine::Strategy::Targeted;
        s.budget = 500_000;
        let rows = departures(Lang::Da, "faxe-dialogue", &s);
        assert_eq!(rows.len(), 2, "{rows:?}");
        let strategy = rows.iter().find(|r| r.0 == "Invitationsstrategi").unwrap();
        assert_eq!(strategy.2, "Opsøgende kontakt til udsatte");
        let budget = rows.iter().find(|r| r.0 == "Borgerbudget").unwrap();
        assert_eq!(
            (budget.1.as_str(), budget.2.as_str()),
            ("250.000 kr.", "500.000 kr.")
        );
    }
}
