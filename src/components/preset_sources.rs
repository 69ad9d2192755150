//! The glossary's list of the presets and where their numbers come from: the engine's notes
//! (`dialoglab_engine::presets::SOURCES`, in Danish `SOURCES_DA`), read at run time, so the list
//! cannot drift from the presets (`dialoglab presets --sources` prints the same).

use yew::prelude::*;

use dialoglab_engine::presets;

use crate::i18n::Lang;

/// Props of [`PresetSources`].
#[derive(Properties, PartialEq)]
pub struct PresetSourcesProps {
    /// Interface language.
    pub lang: Lang,
}

/// The section: each preset by its title, with its notes.
#[component]
pub fn PresetSources(props: &PresetSourcesProps) -> Html {
    let lang = props.lang;
    let t = lang.preset_source_texts();
    html! {
        <section class="preset-sources" aria-labelledby="preset-sources-heading">
            <h3 id="preset-sources-heading">{ t.heading }</h3>
            <p>{ t.lead }</p>
            <dl>
                { for presets::ALL.iter().map(|p| {
                    let notes = lang.pick(presets::sources_da(p.name), presets::sources(p.name));
                    html! {
                        <>
                            <dt id={format!("preset-sources-{}", p.name)}>
                                { lang.preset_title(p) }{ " " }<code>{ p.name }</code>
                            </dt>
                            <dd>
                                <ul>{ for notes.iter().map(|n| html! { <li>{ *n }</li> }) }</ul>
                            </dd>
                        </>
                    }
                }) }
            </dl>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::components::rendered_text as text;

    async fn render(lang: Lang) -> String {
        yew::LocalServerRenderer::<PresetSources>::with_props(PresetSourcesProps { lang })
            .render()
            .await
    }

    #[tokio::test]
    async fn every_preset_lists_its_sources_in_the_pages_language() {
        let (da, en) = (render(Lang::Da).await, render(Lang::En).await);
        for p in presets::ALL {
            assert!(
                da.contains(p.title_da) && en.contains(p.title_en),
                "{}",
                p.name
            );
            for (d, e) in presets::sources_da(p.name)
                .iter()
                .zip(presets::sources(p.name))
            {
                assert!(da.contains(&text(d)) && !da.contains(&text(e)), "{d}");
                assert!(en.contains(&text(e)) && !en.contains(&text(d)), "{e}");
            }
        }
        assert_eq!(da.matches("<li>").count(), en.matches("<li>").count());
        assert!(da.contains("Forudindstillingerne og deres kilder"));
    }
}
