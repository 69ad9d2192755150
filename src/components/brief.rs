//! The council brief: one A4 page for a policymaker (the Brief view, in the views bundle, opened
//! from the sandbox's headline), printed or saved as PDF from the browser's print dialog.

use dialoglab_engine::metric::Stage;
use dialoglab_engine::{Scenario, presets};
use serde_json::Value;
use yew::prelude::*;

use crate::components::compare::changed_paths;
use crate::components::{cost_chart::CostChart, ratio_chart::RatioChart};
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

/// The Brief view (the views bundle): runs the current scenario and lays out one A4 page — the
/// question, the scenario, the settings changed from the preset, the headline numbers and the
/// cost against the budget, the cost assumptions, the representation and cost charts, and the
/// link — with a button that prints it (or saves it as PDF from the print dialog).
#[component]
pub fn BriefView() -> Html {
    let app = crate::context::use_app();
    let lang = app.lang;
    let t = lang.t();
    let run = use_memo(app.scenario.clone(), |s| {
        dialoglab_engine::run(s).map(|r| std::rc::Rc::new((s.clone(), r)))
    });
    let s = &app.scenario;
    let changed = app.departs_from_preset();
    let rows = departures(lang, &app.preset, s);
    let print = Callback::from(|_: MouseEvent| {
        let _ = gloo::utils::window().print();
    });
    let back = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| {
            app.dispatch(crate::state::Action::SetView(crate::state::View::Sandbox));
        })
    };
    let link = if cfg!(target_arch = "wasm32") {
        let base = gloo::utils::window().location();
        format!(
            "{}{}{}",
            base.origin().unwrap_or_default(),
            base.pathname().unwrap_or_default(),
            crate::url::encode(&app.preset, s, lang)
        )
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
    let numbers = match &*run {
        Ok(r) => {
            let report = &r.1;
            let index = report
                .stage(Stage::Attendees)
                .map_or(0.0, |x| x.representativeness.index);
            let attendees = report.stage(Stage::Attendees).map_or(0, |x| x.count);
            html! {
                <>
                    <dl class="headline">
                        <div><dt>{ lang.index_of(t.stage_attendees) }</dt><dd id="brief-index">{ format::dec(lang, index, 3) }</dd></div>
                        <div><dt>{ t.stage_attendees }</dt><dd>{ format::int(lang, u64::from(attendees)) }</dd></div>
                        <div><dt>{ t.cost_label }</dt><dd>{ format::money(lang, report.cost.dkk) }</dd></div>
                    </dl>
                    <p id="brief-cost">{ lang.cost_vs_budget(report.cost.dkk, s.budget) }</p>
                    <RatioChart {lang} report={r.clone()} />
                    <CostChart {lang} run={r.clone()} />
                </>
            }
        }
        Err(e) => html! { <p class="error" role="alert">{ lang.scenario_error(e) }</p> },
    };
    html! {
        <section class="view-page brief-view" aria-labelledby="view-heading">
            <p class="brief-action no-print">
                <button type="button" id="print-brief" class="primary" onclick={print}>{ t.brief_print }</button>
                { " " }
                <button type="button" id="brief-back" onclick={back}>{ lang.view(crate::state::View::Sandbox) }</button>
            </p>
            <div class="brief" id="brief">
                <h2 id="view-heading">{ t.brief_heading }</h2>
                <p class="brief-question">{ t.tagline }</p>
                <p id="brief-scenario">{ lang.scenario_line(&app.preset, s, changed) }</p>
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
                { numbers }
                <h3>{ t.brief_assumptions }</h3>
                <p id="brief-rates">
                    { rates.iter().filter(|f| f.applies(s)).map(|f| format!("{}: {}", lang.field(*f), value_words(lang, *f, s, &f.value(&tree)))).collect::<Vec<_>>().join(" · ") }
                    { ". " }{ t.costs_hint }
                </p>
                <p id="brief-link"><strong>{ t.brief_link }{ ": " }</strong><span class="brief-url">{ link }</span></p>
            </div>
        </section>
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
