//! The real-data view: open a pabulib `.pb` file (picker or drag-and-drop), see the vote, every
//! rule's winners next to the official outcome, measures per rule, satisfaction by age and sex,
//! the rules re-run with a representative electorate, turnout by group; seed a scenario from the
//! file, and download the sandbox's simulated vote as `.pb`.
//!
//! The computation is [`dialoglab_engine::pb::study`]: one call from bytes to everything shown,
//! run in the Web Worker through [`study::use_pb_study`]. Names from files are always text nodes (never markup).
//! A file that cannot be read leaves the previous file and the scenario as they were.

mod charts;
mod study;
mod summary;
mod tables;

use std::rc::Rc;

use dialoglab_engine::pb::reweight::{self, PopulationProfile};
use dialoglab_engine::pb::study::StudyOptions;
use dialoglab_engine::presets;
use yew::prelude::*;

use crate::components::file_drop::use_file_drop;
use crate::context::use_app;
use crate::export;
use crate::state::{Action, View};

use charts::{AnalyticsChart, GroupChart, ReweightResults, TurnoutChart};
pub use study::{FileError, Loaded, PbStudy, StudyEvent, read_file, translate, use_pb_study};
pub use summary::length_summary;
use summary::{seed_summary, summary};
pub use tables::{TableBlock, mark, rules_table, same_set, winners_table};

/// Files above this size are refused before reading (the parser's limit, 50,000,000 bytes).
pub const MAX_FILE_BYTES: u64 = dialoglab_engine::pb::pabulib::MAX_BYTES as u64;

/// Which population profile reweights the ballots.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum ProfileChoice {
    /// No reweighting.
    #[default]
    None,
    /// A preset from [`reweight::PRESETS`] by index.
    Preset(usize),
    /// Typed by the user.
    Custom,
}

impl ProfileChoice {
    fn key(self) -> String {
        match self {
            ProfileChoice::None => "none".into(),
            ProfileChoice::Preset(i) => reweight::PRESETS
                .get(i)
                .map_or("none", |p| p.name)
                .to_string(),
            ProfileChoice::Custom => "custom".into(),
        }
    }

    fn from_key(key: &str) -> ProfileChoice {
        match key {
            "custom" => ProfileChoice::Custom,
            other => reweight::PRESETS
                .iter()
                .position(|p| p.name == other)
                .map_or(ProfileChoice::None, ProfileChoice::Preset),
        }
    }
}

fn options_for(choice: ProfileChoice, custom: [[u64; 2]; 4], adults: u64) -> StudyOptions {
    let population = match choice {
        ProfileChoice::None => None,
        ProfileChoice::Preset(i) => reweight::PRESETS
            .get(i)
            .map(reweight::ProfilePreset::profile),
        ProfileChoice::Custom => Some(PopulationProfile { cells: custom }),
    };
    StudyOptions {
        population,
        adults: (adults > 0).then_some(adults),
        ..StudyOptions::default()
    }
}

/// The real-data view.
#[component]
pub fn PbView() -> Html {
    let app = use_app();
    let lang = app.lang;
    let t = lang.pb();
    let study = use_pb_study();
    let (loaded, error, progress) = (
        study.loaded.clone(),
        study.error.clone(),
        study.progress.clone(),
    );
    let choice = use_state(ProfileChoice::default);
    let custom = use_state(|| reweight::PRESETS[0].thousands);
    let adults = use_state(|| 0u64);
    let group_rule = use_state(|| 0usize);

    // Studies `bytes` named `name` with the current options.
    let start = {
        let run = study.start.clone();
        let (choice, custom, adults) = (choice.clone(), custom.clone(), adults.clone());
        Callback::from(move |(name, bytes): (String, Rc<js_sys::Uint8Array>)| {
            run.emit((name, bytes, options_for(*choice, *custom, *adults)));
        })
    };
    let on_read = {
        let (start, error) = (start.clone(), error.clone());
        Callback::from(
            move |result: Result<(String, Rc<js_sys::Uint8Array>), FileError>| match result {
                Ok((name, bytes)) => start.emit((name, bytes)),
                Err(e) => error.set(Some(e)),
            },
        )
    };
    let drop = {
        let on_read = on_read.clone();
        use_file_drop(Callback::from(move |file| read_file(file, on_read.clone())))
    };
    let on_choice = {
        let choice = choice.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            choice.set(ProfileChoice::from_key(&select.value()));
        })
    };
    let on_adults = {
        let adults = adults.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            adults.set(input.value().trim().parse().unwrap_or(0));
        })
    };
    let on_apply = {
        let (start, loaded) = (start.clone(), loaded.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(l) = &*loaded {
                start.emit((l.name.clone(), l.bytes.clone()));
            }
        })
    };
    let on_group_rule = {
        let group_rule = group_rule.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            group_rule.set(select.value().parse().unwrap_or(0));
        })
    };
    let on_seed = {
        let (app, loaded) = (app.clone(), loaded.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(seeding) = loaded.as_ref().and_then(|l| l.study.seeding.clone()) {
                app.dispatch(Action::Open {
                    preset: presets::ALL[0].name.to_string(),
                    scenario: Box::new(seeding.scenario),
                });
            }
        })
    };
    let on_export = {
        let scenario = app.scenario.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(text) = export::simulated_pb(&scenario) {
                export::browser::download_text(export::SIMULATED_PB_FILE, export::PB_MIME, &text);
            }
        })
    };

    let error_html = (*error).as_ref().map(|e| {
        let text = match e {
            FileError::TooBig(size) => lang.pb_too_big(*size, MAX_FILE_BYTES),
            FileError::Parse(p) => lang.pb_error(p),
            FileError::Other(m) => m.clone(),
        };
        html! {
            <div class="error" role="alert" id="pb-error">
                <p>{ format!("{}: {text}", t.bad_file) }</p>
                if loaded.is_some() { <p>{ t.kept }</p> }
            </div>
        }
    });
    let cancel = {
        let stop = study.cancel.clone();
        Callback::from(move |_: MouseEvent| stop.emit(()))
    };
    let progress_html = (*progress).map(|p| {
        html! {
            <p role="status" id="pb-status">
                { t.working }{ " " }
                <progress id="pb-progress" aria-label={t.progress_label} max={p.total.to_string()} value={p.done.to_string()} />
                { " " }{ lang.pb_progress(p.done, p.total) }{ " " }
                <button type="button" id="pb-cancel" onclick={cancel}>{ lang.sweep().cancel }</button>
            </p>
        }
    });
    let custom_fields = if *choice == ProfileChoice::Custom {
        html! {
            <fieldset class="pb-custom">
                <legend>{ t.custom_legend }</legend>
                { for (0..4u8).flat_map(|b| (0..2u8).map(move |s| (b, s))).map(|(b, s)| {
                    let id = format!("pb-cell-{b}-{s}");
                    let value = custom[usize::from(b)][usize::from(s)];
                    let custom = custom.clone();
                    let onchange = Callback::from(move |e: Event| {
                        let input: web_sys::HtmlInputElement = e.target_unchecked_into();
                        let mut cells = *custom;
                        cells[usize::from(b)][usize::from(s)] = input.value().trim().parse().unwrap_or(0);
                        custom.set(cells);
                    });
                    html! {
                        <div class="field">
                            <label for={id.clone()}>{ lang.pb_cell(b, s) }</label>
                            <input id={id} type="number" min="0" step="1" value={value.to_string()} {onchange} />
                        </div>
                    }
                }) }
            </fieldset>
        }
    } else {
        html! {}
    };
    let body = (*loaded).as_ref().map(|l| {
        let study = l.study.clone();
        let rule_options = study.outcomes.iter().enumerate().map(|(k, o)| {
            html! { <option value={k.to_string()} selected={k == *group_rule}>{ lang.choice(crate::fields::Choice::Rule(o.rule)) }</option> }
        });
        let has_groups = study.outcomes.first().is_some_and(|o| !o.analytics.by_age.is_empty() || !o.analytics.by_sex.is_empty());
        let winners = Rc::new(winners_table(lang, &study));
        let rules = Rc::new(rules_table(lang, &study));
        let matching = study.official.as_ref().map(|off| {
            study.outcomes.iter().filter(|o| same_set(&o.allocation.winners, off)).map(|o| o.rule.name()).collect::<Vec<_>>()
        });
        let winners_desc = match &matching {
            Some(m) if m.is_empty() => format!("{} {}: –", t.winners_legend, t.col_matches),
            Some(m) => format!("{} {}: {}", t.winners_legend, t.col_matches, m.join(", ")),
            None => format!("{} {}", t.winners_legend, t.no_official),
        };
        html! {
            <>
                <section aria-labelledby="pb-instance-heading">
                    <h3 id="pb-instance-heading">{ t.instance_heading }</h3>
                    { summary(lang, &l.name, &study) }
                </section>
                <TableBlock id="pb-winners" {lang} title={t.winners_heading} desc={winners_desc} table={winners} />
                <TableBlock id="pb-rules" {lang} title={t.rules_heading} desc={t.rules_heading} table={rules} />
                <AnalyticsChart {lang} study={study.clone()} />
                if has_groups {
                    <div class="field">
                        <label for="pb-group-rule">{ t.rule_select }</label>
                        <select id="pb-group-rule" onchange={on_group_rule}>{ for rule_options }</select>
                    </div>
                    <GroupChart {lang} study={study.clone()} rule={*group_rule} />
                } else {
                    <p id="pb-no-groups">{ t.no_groups }</p>
                }
                <ReweightResults {lang} study={study.clone()} />
                <TurnoutChart {lang} study={study.clone()} />
                <section aria-labelledby="pb-seed-heading">
                    <h3 id="pb-seed-heading">{ t.seed_heading }</h3>
                    <p>{ t.seed_intro }</p>
                    if let Some(seeding) = &study.seeding { { seed_summary(lang, seeding) } }
                    <button type="button" id="pb-seed" disabled={study.seeding.is_none()} onclick={on_seed}>{ t.seed_button }</button>
                </section>
            </>
        }
    });
    html! {
        <section class="view-page pb-view" id="pb-view" aria-labelledby="view-heading">
            <h2 id="view-heading">{ lang.view(View::RealData) }</h2>
            <p>{ t.intro }</p>
            <div id="pb-drop" class={classes!("pb-drop", drop.dragging.then_some("dragging"))}
                ondragover={drop.on_drag_over} ondragleave={drop.on_drag_leave} ondrop={drop.on_drop}>
                <label for="pb-file">{ t.file_label }</label>
                <input type="file" id="pb-file" accept=".pb,text/plain" onchange={drop.on_pick} />
                <p class="hint">{ t.drop_hint }</p>
            </div>
            { progress_html }
            { error_html }
            <fieldset class="pb-options">
                <legend>{ t.reweight_heading }</legend>
                <p class="hint">{ t.reweight_intro }</p>
                <div class="field">
                    <label for="pb-profile">{ t.profile_label }</label>
                    <select id="pb-profile" onchange={on_choice}>
                        <option value="none" selected={*choice == ProfileChoice::None}>{ t.profile_none }</option>
                        <option value={ProfileChoice::Preset(0).key()} selected={*choice == ProfileChoice::Preset(0)}>{ t.profile_denmark }</option>
                        <option value={ProfileChoice::Preset(1).key()} selected={*choice == ProfileChoice::Preset(1)}>{ t.profile_poland }</option>
                        <option value="custom" selected={*choice == ProfileChoice::Custom}>{ t.profile_custom }</option>
                    </select>
                </div>
                { custom_fields }
                <div class="field">
                    <label for="pb-adults">{ t.adults_label }</label>
                    <input id="pb-adults" type="number" min="0" step="1" value={adults.to_string()} onchange={on_adults} aria-describedby="pb-adults-hint" />
                    <span class="hint" id="pb-adults-hint">{ t.adults_hint }</span>
                </div>
                <button type="button" id="pb-apply" disabled={loaded.is_none()} onclick={on_apply}>{ t.apply }</button>
            </fieldset>
            { body }
            <section aria-labelledby="pb-export-heading">
                <h3 id="pb-export-heading">{ t.export_heading }</h3>
                <p>{ t.export_pb_intro }</p>
                <button type="button" id="pb-export" onclick={on_export}>{ lang.t().export_pb }</button>
            </section>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::tables::money;
    use super::*;
    use crate::export::Cell;
    use crate::i18n::Lang;
    use dialoglab_engine::pb::Rule;
    use dialoglab_engine::pb::seed::Seeding;
    use dialoglab_engine::pb::study::Study;
    use dialoglab_engine::pb::study::study_bytes;

    const XSS: &str = "META\nkey;value\nbudget;100\nPROJECTS\nproject_id;cost;name;selected\n\
                       a;60;<img src=x onerror=alert(1)>;1\nb;50;plain;0\nVOTES\nvoter_id;vote;age;sex\n\
                       v1;a;70;F\nv2;a,b;30;M\nv3;b;25;K\n";

    fn study() -> Study {
        study_bytes(XSS.as_bytes(), &StudyOptions::default(), &mut |_| {}).unwrap()
    }

    #[test]
    fn marks_and_tables_follow_the_outcomes() {
        let s = study();
        assert_eq!(mark(Lang::En, true, Some(true)), "✓");
        assert_eq!(mark(Lang::En, true, Some(false)), "+");
        assert_eq!(mark(Lang::En, false, Some(true)), "−");
        assert_eq!(mark(Lang::En, false, None), "");
        let w = winners_table(Lang::En, &s);
        assert_eq!(w.headers.len(), 4 + Rule::ALL.len());
        assert_eq!(
            w.rows[0][1],
            Cell::Text("<img src=x onerror=alert(1)>".into())
        );
        // Greedy funds a (3 approvals... a: 2, b: 2 → tie by id → a), then b does not fit.
        assert_eq!(w.rows[0][4], Cell::Text("✓".into()));
        let r = rules_table(Lang::En, &s);
        assert_eq!(r.rows[0][1], Cell::Text("a".into()));
        assert_eq!(r.rows[0].last(), Some(&Cell::Text("yes".into())));
        assert!(same_set(
            &["b".into(), "a".into()],
            &["a".into(), "b".into()]
        ));
    }

    #[test]
    fn money_keeps_exact_decimals_in_the_locale() {
        let (mut i, _) = dialoglab_engine::pb::pabulib::parse(
            "META\nkey;value\nbudget;1234.5\ncurrency;PLN\nPROJECTS\nproject_id;cost\na;1\nVOTES\nvoter_id;vote\n",
        )
        .unwrap();
        assert_eq!(money(&i, Lang::Da, i.budget), "1.234,5 PLN");
        assert_eq!(money(&i, Lang::En, i.budget), "1,234.5 PLN");
        i.meta.clear();
        assert_eq!(money(&i, Lang::En, 5), "0.5");
    }

    #[test]
    fn length_summaries_read_the_distribution() {
        assert_eq!(length_summary(&[]), None);
        assert_eq!(length_summary(&[0, 0]), None);
        assert_eq!(length_summary(&[0, 3, 1, 0, 2]), Some((2, 5, 2, 6)));
        assert_eq!(length_summary(&[1, 0, 0, 1]), Some((1, 4, 1, 2)));
        assert_eq!(length_summary(&[0, 0, 7]), Some((3, 3, 3, 7)));
    }

    #[tokio::test]
    async fn the_seed_section_says_what_was_carried_over() {
        #[derive(Properties, PartialEq)]
        struct P {
            seeding: Seeding,
            lang: Lang,
        }
        #[component]
        fn Host(p: &P) -> Html {
            seed_summary(p.lang, &p.seeding)
        }
        let seeding = study().seeding.unwrap();
        let en = yew::LocalServerRenderer::<Host>::with_props(P {
            seeding: seeding.clone(),
            lang: Lang::En,
        })
        .render()
        .await;
        // Two projects, none named by a keyword; ballots of lengths 1, 2, 1.
        assert!(
            en.contains("2 of 2 (0 categorised by keyword, 2 in turn)"),
            "{en}"
        );
        assert!(
            en.contains("1–2 projects per ballot (median 1) from 3 ballots"),
            "{en}"
        );
        let da = yew::LocalServerRenderer::<Host>::with_props(P {
            seeding,
            lang: Lang::Da,
        })
        .render()
        .await;
        assert!(da.contains("2 af 2"), "{da}");
        assert!(da.contains("fra 3 stemmesedler"), "{da}");
    }

    #[test]
    fn profile_choices_round_trip() {
        for c in [
            ProfileChoice::None,
            ProfileChoice::Preset(0),
            ProfileChoice::Preset(1),
            ProfileChoice::Custom,
        ] {
            assert_eq!(ProfileChoice::from_key(&c.key()), c);
        }
        let o = options_for(ProfileChoice::Custom, [[1, 2], [3, 4], [5, 6], [7, 8]], 0);
        assert_eq!(o.population.unwrap().cells[3], [7, 8]);
        assert_eq!(o.adults, None);
    }

    #[tokio::test]
    async fn names_from_files_render_as_text() {
        #[derive(Properties, PartialEq)]
        struct P {
            study: Rc<Study>,
        }
        #[component]
        fn Host(p: &P) -> Html {
            html! { <TableBlock id="t" lang={Lang::En} title="T" desc="D" table={Rc::new(winners_table(Lang::En, &p.study))} /> }
        }
        let html = yew::LocalServerRenderer::<Host>::with_props(P {
            study: Rc::new(study()),
        })
        .render()
        .await;
        assert!(
            html.contains("&lt;img src=x onerror=alert(1)&gt;"),
            "{html}"
        );
        assert!(!html.contains("<img"));
    }
}
