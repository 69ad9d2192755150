//! The scenario panel: preset, then one fieldset per section with a control for every field that
//! applies to the chosen strategy (drawn from `fields::Section`), a new-seed button and Reset All.

use dialoglab_engine::presets;
use serde_json::Value;
use yew::prelude::*;

use crate::components::number_control::NumberControl;
use crate::components::term_link::TermLink;
use crate::context::use_app;
use crate::fields::{Field, Kind, Section};
use crate::glossary::Term;
use crate::state::Action;

fn select_value(e: &Event) -> String {
    e.target_unchecked_into::<web_sys::HtmlSelectElement>()
        .value()
}

/// A fresh seed from the browser's random numbers (an effect, so it lives here, not in `reduce`).
fn fresh_seed() -> u64 {
    (js_sys::Math::random() * f64::from(u32::MAX)).floor() as u64
}

/// The scenario controls.
#[component]
pub fn ScenarioPanel() -> Html {
    let app = use_app();
    let lang = app.lang;
    let t = lang.t();
    let s = &app.scenario;
    let tree = serde_json::to_value(s).unwrap_or(Value::Null);

    let on_preset = {
        let app = app.clone();
        Callback::from(move |e: Event| app.dispatch(Action::LoadPreset(select_value(&e))))
    };
    let on_new_seed = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| {
            app.dispatch(Action::Set(Field::Seed, Value::from(fresh_seed())));
        })
    };
    let on_reset = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| app.dispatch(Action::ResetAll))
    };

    let control = |field: Field| -> Html {
        let kind = field.kind(s);
        let value = field.value(&tree);
        match kind {
            Kind::Choice => {
                let app = app.clone();
                let choices = field.choices();
                let options = choices.clone();
                let onchange = Callback::from(move |e: Event| {
                    let key = Value::String(select_value(&e));
                    if let Some(c) = options.iter().find(|c| c.value() == key) {
                        app.dispatch(Action::Set(field, c.value()));
                    }
                });
                html! {
                    <div class="field">
                        <label for={field.id()}>{ lang.field(field) }</label>
                        <select id={field.id()} {onchange}>
                            { for choices.iter().map(|c| html! {
                                <option value={c.value().as_str().unwrap_or_default().to_string()}
                                    selected={c.value() == value}>{ lang.choice(*c) }</option>
                            }) }
                        </select>
                    </div>
                }
            }
            Kind::Flag => {
                let app = app.clone();
                let checked = value.as_bool().unwrap_or(false);
                let onchange = Callback::from(move |e: Event| {
                    let on = e
                        .target_unchecked_into::<web_sys::HtmlInputElement>()
                        .checked();
                    app.dispatch(Action::Set(field, Value::Bool(on)));
                });
                html! {
                    <div class="check">
                        <input type="checkbox" id={field.id()} {checked} {onchange} />
                        <label for={field.id()}>{ lang.field(field) }</label>
                    </div>
                }
            }
            Kind::Money => html! {
                <NumberControl {field} {kind} {value}>
                    <p class="hint">{ t.budget_hint }</p>
                </NumberControl>
            },
            _ if field == Field::Seed => html! {
                <NumberControl {field} {kind} {value}>
                    <button type="button" id="new-seed" onclick={on_new_seed.clone()}>{ t.new_seed }</button>
                    <p class="hint">{ t.seed_hint }<TermLink term={Term::Seed} name={lang.field(Field::Seed)} /></p>
                </NumberControl>
            },
            _ => html! { <NumberControl {field} {kind} {value} /> },
        }
    };

    let changed = app.departs_from_preset();
    let preset_option = |p: &presets::Preset| {
        let selected = p.name == app.preset;
        let title = lang.preset_title(p);
        let text = if selected && changed {
            format!("{title} {}", t.preset_changed)
        } else {
            title.to_string()
        };
        html! { <option value={p.name} {selected}>{ text }</option> }
    };
    let real_note = lang.sandbox_real_note(
        s.vote.projects.as_ref().map(Vec::len),
        s.vote.ballot_lengths.is_some(),
    );
    html! {
        <section class="panel" aria-labelledby="scenario-heading">
            <h2 id="scenario-heading" tabindex="-1">{ t.scenario_heading }</h2>

            <div class="field">
                <label for="preset">{ t.preset_label }</label>
                <select id="preset" onchange={on_preset}>
                    { for presets::ALL.iter().map(preset_option) }
                </select>
            </div>

            if let Some(problem) = &app.error {
                <p class="error" role="alert">{ format!("{}: {}", t.error_prefix, lang.problem(problem)) }</p>
            }

            { for Section::ALL.iter().map(|section| {
                let fields: Vec<Field> = section.fields().into_iter().filter(|f| f.applies(s)).collect();
                html! {
                    <fieldset class={format!("section section-{}", section_key(*section))}>
                        <legend>{ lang.section(*section) }</legend>
                        if *section == Section::Costs {
                            <p class="hint" id="costs-hint">{ t.costs_hint }<TermLink term={Term::CostRates} name={lang.section(*section)} /></p>
                        }
                        if *section == Section::Vote {
                            if let Some(note) = real_note.clone() {
                                <p class="hint" id="real-data-note">{ note }</p>
                            }
                        }
                        { for fields.into_iter().map(control) }
                    </fieldset>
                }
            }) }

            <button type="button" id="reset-all" class="reset" onclick={on_reset}>{ t.reset_all }</button>
        </section>
    }
}

fn section_key(section: Section) -> &'static str {
    match section {
        Section::Population => "population",
        Section::Invitation => "invitation",
        Section::Supports => "supports",
        Section::Budget => "budget",
        Section::Seed => "seed",
        Section::Meeting => "meeting",
        Section::Municipality => "municipality",
        Section::Vote => "vote",
        Section::Cycles => "cycles",
        Section::Costs => "costs",
    }
}
