//! The Glossary view (Ordliste): every term the app uses, explained in the interface language.
//! A link from elsewhere ([`crate::glossary::open`]) opens it at its term, which takes the focus.
//! Below the terms, the model's coefficients ([`ModelParameters`]) and the presets' sources
//! ([`PresetSources`]).

use yew::prelude::*;

use crate::components::model_parameters::ModelParameters;
use crate::components::preset_sources::PresetSources;
use crate::context::use_app;
use crate::glossary::{self, Term};
use crate::state::{Action, View};

/// The glossary.
#[component]
pub fn Glossary() -> Html {
    let app = use_app();
    let lang = app.lang;
    let g = lang.glossary();
    use_effect_with((), |()| {
        if let Some(term) = glossary::take_requested() {
            crate::components::focus_on(&format!("term-{}", term.key()));
        }
    });
    let back = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| app.dispatch(Action::SetView(View::Sandbox)))
    };
    html! {
        <section class="view-page glossary" aria-labelledby="view-heading">
            <h2 id="view-heading">{ lang.view(View::Glossary) }</h2>
            <p class="guide-lead">{ g.lead }</p>
            <dl class="terms">
                { for Term::ALL.iter().map(|t| html! {
                    <>
                        <dt id={format!("term-{}", t.key())} tabindex="-1">{ lang.term_name(*t) }</dt>
                        <dd>
                            { lang.term_text(*t) }
                            if *t == Term::ModelLimits {
                                <ul class="model-limits">
                                    { for lang.model_limits().0.iter().map(|point| html! { <li>{ *point }</li> }) }
                                </ul>
                                <p>{ lang.model_limits().1 }</p>
                            }
                        </dd>
                    </>
                }) }
            </dl>
            <ModelParameters {lang} />
            <PresetSources {lang} />
            <button type="button" id="glossary-back" onclick={back}>{ g.back }</button>
        </section>
    }
}
