//! One meeting, turn by turn: a traced table under the realistic and the ideal format side by
//! side (same attendees), markers sized by speaking time and marked by group (shape + colour),
//! the current speaker ringed, preference drift as a bar, and under each table the latest turns in
//! words: who said which argument and who took it up. Play / pause / step / speed; it starts
//! paused and the trace is only computed while the view is open (it is a view of the lazily
//! loaded views bundle; the sandbox links to it with `meeting_link`).

use dialoglab_engine::arguments::ARGUMENTS;
use dialoglab_engine::attributes::PROJECT_CATEGORIES;
use dialoglab_engine::deliberation::{TableTrace, TraceMember};
use dialoglab_engine::scenario::MeetingFormat;
use dialoglab_engine::{MeetingTrace, Scenario};
use yew::prelude::*;

use crate::charts::meeting::{radius, said_until, seats, state_at, steps};
use crate::charts::palette;
use crate::components::chart_frame::{ChartFrame, Mark};
use crate::context::use_app;
use crate::export::{Cell, Table};
use crate::fields::Choice;
use crate::format;
use crate::i18n::Lang;

const FORMATS: [MeetingFormat; 2] = [MeetingFormat::Realistic, MeetingFormat::Ideal];
const SIZE: f64 = 320.0;
/// Turns shown in words under each table (the latest ones).
const SAID_SHOWN: usize = 4;

/// The latest turns at `table` up to `step`, in words, oldest first.
fn said(lang: Lang, table: &TableTrace, step: usize) -> Vec<String> {
    let turns = said_until(table, step);
    let skip = turns.len().saturating_sub(SAID_SHOWN);
    let seat = |k: usize| {
        table
            .members
            .get(k)
            .map_or_else(String::new, |m| lang.seat(k, m))
    };
    turns[skip..]
        .iter()
        .filter_map(|&(speaker, what)| {
            let what = what?;
            let speaker = seat(speaker);
            let Some(a) = what.argument.and_then(|a| ARGUMENTS.get(usize::from(a))) else {
                return Some(lang.meeting_said(&speaker, None, "", true, &[]));
            };
            let moved: Vec<String> = what.moved.iter().map(|&k| seat(usize::from(k))).collect();
            let category = lang.project_category(PROJECT_CATEGORIES[usize::from(a.category)]);
            Some(lang.meeting_said(
                &speaker,
                Some(&lang.argument(a.key)),
                &category,
                a.pro,
                &moved,
            ))
        })
        .collect()
}

fn traces(scenario: &Scenario) -> Vec<Option<MeetingTrace>> {
    FORMATS
        .iter()
        .map(|f| {
            let mut s = scenario.clone();
            s.meeting.format = *f;
            dialoglab_engine::run_traced(&s).ok().map(|r| r.1)
        })
        .collect()
}

fn colour(m: &TraceMember) -> &'static str {
    if m.marginalised {
        palette::VERMILLION
    } else if m.association_member {
        palette::BLUE
    } else {
        palette::GREY
    }
}

fn table_chart(lang: Lang, format: MeetingFormat, table: &TableTrace, step: usize) -> Html {
    let t = lang.t();
    let step = step.min(steps(table));
    let state = state_at(table, step);
    let final_state = state_at(table, steps(table));
    let max_talk = final_state.iter().map(|m| m.talk).fold(0.0, f64::max);
    let total: f64 = final_state.iter().map(|m| m.talk).sum();
    let positions = seats(
        table.members.len(),
        SIZE / 2.0,
        SIZE / 2.0 + 10.0,
        SIZE / 2.0 - 50.0,
    );
    let top = final_state
        .iter()
        .enumerate()
        .max_by(|a, b| a.1.talk.total_cmp(&b.1.talk))
        .map_or(0, |(k, _)| k);
    let proposers: Vec<String> = table
        .proposals
        .iter()
        .map(|(m, cat)| {
            let who = table
                .members
                .get(usize::from(*m))
                .map_or_else(String::new, |mm| lang.member(mm));
            format!("{} ({who})", lang.project_category(cat))
        })
        .collect();
    let desc = lang.meeting_desc(
        lang.choice(Choice::Format(format)),
        &table
            .members
            .get(top)
            .map_or_else(String::new, |m| lang.member(m)),
        if total > 0.0 {
            final_state[top].talk / total
        } else {
            0.0
        },
        &proposers,
    );
    let table_data = std::rc::Rc::new(Table {
        headers: vec![
            t.col_group.into(),
            t.meeting_talk.into(),
            t.meeting_drift.into(),
        ],
        rows: table
            .members
            .iter()
            .zip(&state)
            .map(|(m, s)| {
                vec![
                    Cell::Text(lang.member(m)),
                    Cell::Share(if total > 0.0 { s.talk / total } else { 0.0 }),
                    Cell::Num(s.drift, 3),
                ]
            })
            .collect(),
    });
    let id = match format {
        MeetingFormat::Realistic => "meeting-realistic",
        MeetingFormat::Ideal => "meeting-ideal",
    };
    html! {
        <ChartFrame id={id} {lang} title={lang.choice(Choice::Format(format))} desc={desc} width={SIZE} height={SIZE + 30.0} table={table_data}>
            <circle cx={format!("{:.1}", SIZE / 2.0)} cy={format!("{:.1}", SIZE / 2.0 + 10.0)} r={format!("{:.1}", SIZE / 2.0 - 90.0)} class="meeting-table" />
            { for table.members.iter().zip(&state).zip(&positions).map(|((m, s), (x, y))| {
                let r = radius(s.talk, max_talk);
                let share = if total > 0.0 { s.talk / total } else { 0.0 };
                let label = format!("{}: {} {}, {} {}{}", lang.member(m), crate::i18n::lower(t.meeting_talk), format::percent(lang, share, 0),
                    crate::i18n::lower(t.meeting_drift), format::dec(lang, s.drift, 3), if s.speaking { format!(" – {}", t.meeting_speaking) } else { String::new() });
                let fill = colour(m);
                html! {
                    <Mark class={classes!("member", s.speaking.then_some("speaking"))} {label} x={*x} y={*y - r}>
                        if s.speaking {
                            <circle cx={format!("{x:.1}")} cy={format!("{y:.1}")} r={format!("{:.1}", r + 6.0)} class="speaker-ring" />
                        }
                        if m.gender == "woman" {
                            <circle cx={format!("{x:.1}")} cy={format!("{y:.1}")} r={format!("{r:.1}")} fill={fill} stroke="#000" stroke-width="0.8" />
                        } else {
                            <rect x={format!("{:.1}", x - r * 0.89)} y={format!("{:.1}", y - r * 0.89)} width={format!("{:.1}", r * 1.78)} height={format!("{:.1}", r * 1.78)} fill={fill} stroke="#000" stroke-width="0.8" />
                        }
                        <rect x={format!("{:.1}", x - 20.0)} y={format!("{:.1}", y + r + 4.0)} width={format!("{:.1}", (s.drift * 200.0).min(40.0))} height="4" class="drift" />
                    </Mark>
                }
            }) }
            { for positions.iter().enumerate().map(|(k, (x, y))| html! {
                <text x={format!("{:.1}", x + 20.0)} y={format!("{:.1}", y - 14.0)} class="seat-number" aria-hidden="true">{ k + 1 }</text>
            }) }
        </ChartFrame>
    }
}

/// What was said at the table, in words, under its chart.
fn said_list(lang: Lang, format: MeetingFormat, table: &TableTrace, step: usize) -> Html {
    let t = lang.t();
    let lines = said(lang, table, step);
    let id = match format {
        MeetingFormat::Realistic => "meeting-realistic-said",
        MeetingFormat::Ideal => "meeting-ideal-said",
    };
    html! {
        <div class="meeting-said">
            <h3>{ t.meeting_said }</h3>
            if lines.is_empty() {
                <p id={id} aria-live="polite">{ t.meeting_nothing_yet }</p>
            } else {
                <ol id={id} aria-live="polite">
                    { for lines.into_iter().map(|line| html! { <li>{ line }</li> }) }
                </ol>
            }
        </div>
    }
}

/// The meeting view.
#[component]
pub fn MeetingView() -> Html {
    let app = use_app();
    let lang = app.lang;
    let t = lang.t();
    let step = use_state_eq(|| 0usize);
    let playing = use_state_eq(|| false);
    let speed = use_state_eq(|| 1u32);
    let table_index = use_state_eq(|| 0usize);
    let data = use_memo(app.scenario.clone(), traces);
    let tables: Vec<Option<&TableTrace>> = data
        .iter()
        .map(|tr| tr.as_ref().and_then(|tr| tr.tables.get(*table_index)))
        .collect();
    let table_count = data
        .iter()
        .flatten()
        .map(|tr| tr.tables.len())
        .min()
        .unwrap_or(0);
    let last = tables
        .iter()
        .flatten()
        .map(|tb| steps(tb))
        .max()
        .unwrap_or(0);
    {
        let (step, playing) = (step.clone(), playing.clone());
        use_effect_with(
            (*playing, *speed, *step, last),
            move |(on, speed, now, last)| {
                let timer = (*on).then(|| {
                    let (now, last) = (*now, *last);
                    gloo::timers::callback::Timeout::new(700 / speed.max(&1), move || {
                        if now < last {
                            step.set(now + 1);
                        } else {
                            playing.set(false);
                        }
                    })
                });
                move || drop(timer)
            },
        );
    }
    let on_play = {
        let (playing, step) = (playing.clone(), step.clone());
        Callback::from(move |_: MouseEvent| {
            if *step >= last {
                step.set(0);
            }
            playing.set(!*playing);
        })
    };
    let on_back = {
        let (step, playing) = (step.clone(), playing.clone());
        Callback::from(move |_: MouseEvent| {
            playing.set(false);
            step.set(step.saturating_sub(1));
        })
    };
    let on_step = {
        let (step, playing) = (step.clone(), playing.clone());
        Callback::from(move |_: MouseEvent| {
            playing.set(false);
            step.set((*step + 1).min(last));
        })
    };
    let on_slider = {
        let step = step.clone();
        Callback::from(move |e: InputEvent| {
            let v = e
                .target_unchecked_into::<web_sys::HtmlInputElement>()
                .value();
            step.set(v.parse().unwrap_or(0));
        })
    };
    let on_speed = {
        let speed = speed.clone();
        Callback::from(move |e: Event| {
            let v = e
                .target_unchecked_into::<web_sys::HtmlSelectElement>()
                .value();
            speed.set(v.parse().unwrap_or(1));
        })
    };
    let on_table = {
        let (table_index, step) = (table_index.clone(), step.clone());
        Callback::from(move |e: Event| {
            let v = e
                .target_unchecked_into::<web_sys::HtmlSelectElement>()
                .value();
            table_index.set(v.parse().unwrap_or(0));
            step.set(0);
        })
    };
    let step_text = lang.meeting_step(*step, last);
    html! {
        <section class="view-page meeting" id="meeting-view" aria-labelledby="view-heading">
            <h2 id="view-heading">{ t.meeting_title }</h2>
            <p class="hint">{ t.meeting_hint }</p>
            <div class="meeting-controls">
                <button type="button" id="meeting-play" class="primary" onclick={on_play} aria-pressed={playing.to_string()}>
                    { if *playing { t.meeting_pause } else { t.meeting_play } }
                </button>
                <button type="button" id="meeting-back" onclick={on_back}>{ t.meeting_back }</button>
                <button type="button" id="meeting-step" onclick={on_step}>{ t.meeting_next }</button>
                <label class="switch">
                    <span>{ t.meeting_speed }</span>
                    <select id="meeting-speed" onchange={on_speed}>
                        { for [1u32, 2, 4].iter().map(|s| html! { <option value={s.to_string()} selected={*s == *speed}>{ format!("{s}×") }</option> }) }
                    </select>
                </label>
                <label class="switch">
                    <span>{ t.meeting_table }</span>
                    <select id="meeting-table" onchange={on_table}>
                        { for (0..table_count).map(|k| html! { <option value={k.to_string()} selected={k == *table_index}>{ k + 1 }</option> }) }
                    </select>
                </label>
            </div>
            <div class="field">
                <label for="meeting-step-slider">{ t.meeting_turn }</label>
                <input id="meeting-step-slider" type="range" min="0" max={last.to_string()} step="1" value={step.to_string()}
                    aria-valuetext={step_text.clone()} oninput={on_slider} />
                <output for="meeting-step-slider" id="meeting-step-text">{ step_text }</output>
            </div>
            <ul class="legend">
                <li><svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true"><circle cx="8" cy="8" r="6" fill={palette::GREY} stroke="#000" /></svg>{ t.meeting_women }</li>
                <li><svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true"><rect x="2" y="2" width="12" height="12" fill={palette::GREY} stroke="#000" /></svg>{ t.meeting_men }</li>
                <li><svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true"><circle cx="8" cy="8" r="6" fill={palette::VERMILLION} stroke="#000" /></svg>{ lang.attribute(dialoglab_engine::attributes::Attribute::Marginalised) }</li>
                <li><svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true"><circle cx="8" cy="8" r="6" fill={palette::BLUE} stroke="#000" /></svg>{ lang.attribute(dialoglab_engine::attributes::Attribute::AssociationMember) }</li>
            </ul>
            <div class="meeting-pair">
                { for FORMATS.iter().zip(&tables).map(|(f, tb)| match tb {
                    Some(tb) => html! {
                        <div class="meeting-one">
                            { table_chart(lang, *f, tb, *step) }
                            { said_list(lang, *f, tb, *step) }
                        </div>
                    },
                    None => html! { <p>{ t.meeting_none }</p> },
                }) }
            </div>
        </section>
    }
}
