//! The scenario panel: preset, then one fieldset per section with a control for every field that
//! applies to the chosen strategy (drawn from `fields::Section`), a new-seed button and Reset All.

use dialoglab_engine::presets;
use dialoglab_engine::scenario::{LEXIMIN_AVAILABLE, PanelSelection};
use serde_json::Value;
use yew::prelude::*;

use crate::components::number_control::NumberControl;
use crate::components::term_link::TermLink;
use crate::context::use_app;
use crate::fields::{Choice, Field, Kind, Section};
use crate::glossary::Term;
use crate::state::{Action, View};

/// The glossary entry that explains a field, if any.
fn term_of(field: Field) -> Option<Term> {
    match field {
        Field::Selection | Field::PanelSize => Some(Term::Sortition),
        Field::MeetingUpdate
        | Field::ConfidenceBound
        | Field::KnowBase
        | Field::KnowExperience
        | Field::ArgumentImpact => Some(Term::Arguments),
        Field::Channel | Field::Implementer | Field::AdviceWeight => Some(Term::DecisionChannel),
        Field::Rule => Some(Term::PbRule),
        _ => None,
    }
}

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

    // The page's bundle has no LP solver; the panel view (in the worker) has.
    let leximin = LEXIMIN_AVAILABLE;
    let on_panel_view = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| app.dispatch(Action::SetView(View::Panel)))
    };
    // Help line, glossary link and (for cost rates) the rate's source, under a control.
    let notes = |field: Field| -> Html {
        let id = field.id();
        let help = lang.field_help(field);
        let term = term_of(field);
        let source = lang.rate_source_line(field);
        html! {
            <>
                if help.is_some() || term.is_some() {
                    <p class="hint field-help" id={format!("{id}-help")}>
                        { help.unwrap_or_default() }
                        if let Some(term) = term {
                            { " " }<TermLink {term} name={lang.field(field)} />
                        }
                    </p>
                }
                if let Some(source) = source {
                    <p class="hint rate-source" id={format!("{id}-source")}>{ source }</p>
                }
                if field == Field::Selection && !leximin {
                    <p class="hint" id="leximin-elsewhere">
                        { lang.leximin_elsewhere() }{ " " }
                        <button type="button" class="link-button" id="open-panel-view"
                            onclick={on_panel_view.clone()}>{ lang.open_panel_view() }</button>
                    </p>
                }
            </>
        }
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
                let help_id = (lang.field_help(field).is_some() || term_of(field).is_some())
                    .then(|| format!("{}-help", field.id()));
                html! {
                    <div class="field">
                        <label for={field.id()}>{ lang.field(field) }</label>
                        <select id={field.id()} aria-describedby={help_id} {onchange}>
                            { for choices.iter().map(|c| {
                                // An option this bundle cannot run is shown, but cannot be chosen.
                                let disabled = *c == Choice::Selection(PanelSelection::Leximin) && !leximin;
                                html! {
                                    <option value={c.value().as_str().unwrap_or_default().to_string()}
                                        selected={c.value() == value} {disabled}>{ lang.choice(*c) }</option>
                                }
                            }) }
                        </select>
                        { notes(field) }
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
            _ => html! {
                <NumberControl {field} {kind} {value}>{ notes(field) }</NumberControl>
            },
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
                        // Every field of the section is drawn, those that do not apply hidden: a
                        // list that keeps its length never replaces or moves the control in use
                        // (which would take the keyboard focus away when, say, the strategy
                        // changes which settings apply).
                        { for section.fields().into_iter().map(|f| html! {
                            <div class="control" hidden={!f.applies(s)}>{ control(f) }</div>
                        }) }
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
        Section::Arguments => "arguments",
        Section::Decision => "decision",
    }
}
