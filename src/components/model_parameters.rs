//! The glossary's table of the model's coefficients: every entry of the engine's parameter
//! registry (`dialoglab_engine::registry`), read at run time, so the table cannot drift from
//! the model (docs/MODEL.md's table is generated from the same registry).

use yew::prelude::*;

use dialoglab_engine::registry::{self, Kind, Parameter};

use crate::format;
use crate::i18n::Lang;

/// Props of [`ModelParameters`].
#[derive(Properties, PartialEq)]
pub struct ModelParametersProps {
    /// Interface language.
    pub lang: Lang,
}

/// The parameters in registry order, grouped by the part of the model they belong to (the
/// first part of their path), each group in the order it first appears.
fn groups() -> Vec<(&'static str, Vec<&'static Parameter>)> {
    let mut out: Vec<(&'static str, Vec<&'static Parameter>)> = Vec::new();
    for p in registry::parameters() {
        let part = p.path.split('.').next().unwrap_or(p.path);
        match out.iter_mut().find(|(name, _)| *name == part) {
            Some((_, list)) => list.push(p),
            None => out.push((part, vec![p])),
        }
    }
    out
}

/// A coefficient's name and what it does, in the interface language.
fn words(lang: Lang, p: &Parameter) -> (&'static str, &'static str) {
    match lang {
        Lang::Da => (p.label_da, p.meaning_da),
        Lang::En => (p.label_en, p.meaning),
    }
}

/// The section: a count by kind, then one table per part of the model.
#[component]
pub fn ModelParameters(props: &ModelParametersProps) -> Html {
    let lang = props.lang;
    let t = lang.parameter_texts();
    let count = |k: Kind| {
        registry::parameters()
            .iter()
            .filter(|p| p.kind == k)
            .count()
    };
    let summary = lang.parameter_counts(
        count(Kind::Measured),
        count(Kind::Calibrated),
        count(Kind::Assumed),
    );
    html! {
        <section class="model-parameters" aria-labelledby="parameters-heading">
            <h3 id="parameters-heading">{ t.heading }</h3>
            <p>{ t.lead }</p>
            <p id="parameters-summary">{ summary }</p>
            { for groups().into_iter().map(|(part, params)| {
                let name = lang.model_part(part);
                html! {
                    <div class="table-scroll" tabindex="0" role="region" aria-label={name.clone()}>
                        <table id={format!("parameters-{part}")}>
                            <caption>{ format!("{name} ({})", params.len()) }</caption>
                            <thead>
                                <tr>{ for t.columns.iter().map(|c| html! { <th scope="col">{ *c }</th> }) }</tr>
                            </thead>
                            <tbody>
                                { for params.iter().map(|p| { let (name, meaning) = words(lang, p); html! {
                                    <tr>
                                        <th scope="row">
                                            <strong>{ name }</strong><br />
                                            { meaning }<br />
                                            <code>{ p.path }</code>
                                        </th>
                                        <td class="num">{ format::short(lang, p.default) }</td>
                                        <td class="num">{ format!("{} – {}", format::short(lang, p.low), format::short(lang, p.high)) }</td>
                                        <td>{ lang.parameter_unit(p.unit) }</td>
                                        <td>{ lang.parameter_kind(p.kind) }</td>
                                        <td>{ lang.pick(p.source_da, p.source) }</td>
                                    </tr>
                                } }) }
                            </tbody>
                        </table>
                    </div>
                }
            }) }
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    async fn render(lang: Lang) -> String {
        yew::LocalServerRenderer::<ModelParameters>::with_props(ModelParametersProps { lang })
            .render()
            .await
    }

    #[tokio::test]
    async fn every_registered_coefficient_has_a_row_in_both_languages() {
        let all = registry::parameters();
        for lang in [Lang::Da, Lang::En] {
            let html = render(lang).await;
            assert_eq!(html.matches("<th scope=\"row\">").count(), all.len());
            for p in all {
                assert!(
                    html.contains(&format!("<code>{}</code>", p.path)),
                    "{}",
                    p.path
                );
            }
            let (m, c, a) = (
                all.iter().filter(|p| p.kind == Kind::Measured).count(),
                all.iter().filter(|p| p.kind == Kind::Calibrated).count(),
                all.iter().filter(|p| p.kind == Kind::Assumed).count(),
            );
            assert!(html.contains(&lang.parameter_counts(m, c, a)));
            assert!(a > 0 && m + c + a == all.len());
        }
        let da = render(Lang::Da).await;
        let en = render(Lang::En).await;
        let text = crate::components::rendered_text;
        for p in all {
            assert!(
                da.contains(p.label_da) && !da.contains(p.meaning),
                "{}",
                p.path
            );
            // Each source in the page's language: the Danish page shows none in English.
            assert!(da.contains(&text(p.source_da)), "{}", p.path);
            assert!(!da.contains(&text(p.source)), "{}", p.path);
            assert!(en.contains(&text(p.source)), "{}", p.path);
        }
        assert!(da.contains("Befolkningen") && da.contains("antaget") && da.contains("0,35"));
        assert!(en.contains("The population") && en.contains("assumed") && en.contains("0.35"));
    }

    #[test]
    fn every_unit_and_part_of_the_model_has_danish_words() {
        for p in registry::parameters() {
            assert_ne!(Lang::Da.parameter_unit(p.unit), p.unit, "{}", p.unit);
            assert_eq!(Lang::En.parameter_unit(p.unit), p.unit);
        }
        for (part, _) in groups() {
            assert_ne!(Lang::Da.model_part(part), part, "{part}");
            assert_ne!(
                Lang::Da.model_part(part),
                Lang::En.model_part(part),
                "{part}"
            );
        }
    }
}
