//! Workshop mode (the Workshop view, in the views bundle): a guide chapter for a room with a
//! projector, in large type. One lever (the chapter's), a round of bets where the facilitator
//! enters how many people chose each answer, then the reveal: the chapter's number before and
//! after, the verdict over the simulated towns, how the room fared, and the town itself at the
//! chosen setting, replayed from the stage the lever affects. `?view=workshop&chapter=N` opens it.

use std::rc::Rc;

use dialoglab_engine::{population, town};
use yew::prelude::*;

use crate::charts::town::{Step, affected};
use crate::components::guide::{TownsFailure, count_towns};
use crate::components::town::TownPicture;
use crate::context::use_app;
use crate::guide::{self, Direction};
use crate::state::{Action, View};
use crate::url::page_base;
use crate::url::{self, Place};
use crate::worker_client::TownsClient;

/// What a reveal shows.
#[derive(PartialEq)]
struct Shown {
    before: f64,
    after: f64,
    direction: Direction,
    town: crate::state::TownRun,
    report: crate::state::Run,
    start: Step,
}

/// Runs the chapter at its starting setting and at `to` on the same citizens, and draws the town
/// at `to`. The numbers are those of `guide::reveal` (both are `dialoglab_engine::run`).
fn run(chapter: &guide::Chapter, to: usize) -> Result<Shown, dialoglab_engine::ScenarioError> {
    let a = chapter.scenario(chapter.lever.from)?;
    let b = chapter.scenario(to)?;
    let pop_a = population::generate(&a.population, a.seed);
    let ra = dialoglab_engine::simulate(&pop_a, &a);
    let pop_b = if b.population == a.population && b.seed == a.seed {
        pop_a
    } else {
        population::generate(&b.population, b.seed)
    };
    let out = dialoglab_engine::simulate_full(&pop_b, &b, false);
    let sample = town::sample(&pop_b, &out, crate::components::runner::TOWN_FIGURES);
    let (before, after) = (chapter.metric.value(&ra), chapter.metric.value(&out.report));
    Ok(Shown {
        before,
        after,
        direction: Direction::of(before, after, chapter.metric.tolerance()),
        start: affected(&a, &b).max(Step::Came),
        town: Rc::new((b.clone(), sample)),
        report: Rc::new((b, out.report)),
    })
}

/// The Workshop view.
#[component]
pub fn Workshop() -> Html {
    let app = use_app();
    let lang = app.lang;
    let w = lang.workshop();
    let number = app.chapter;
    let chapter = guide::chapter(number).or_else(|| guide::chapter(1));
    let to = use_state_eq(|| chapter.map_or(0, |c| c.lever.to));
    let bets = use_state_eq(|| [0u32; 3]);
    let shown = use_state(|| None::<Rc<Result<Shown, dialoglab_engine::ScenarioError>>>);
    let towns = use_state(|| None::<guide::Towns>);
    let client = use_memo((), |()| TownsClient::new());
    {
        let client = client.clone();
        use_effect_with((), move |()| move || client.cancel());
    }
    // A new chapter starts a new round.
    {
        let (to, bets, shown, towns, client) = (
            to.clone(),
            bets.clone(),
            shown.clone(),
            towns.clone(),
            client.clone(),
        );
        use_effect_with(number, move |n| {
            client.cancel();
            to.set(guide::chapter(*n).map_or(0, |c| c.lever.to));
            bets.set([0; 3]);
            shown.set(None);
            towns.set(None);
        });
    }
    let Some(c) = chapter else {
        return html! {};
    };
    let total: u32 = bets.iter().sum();
    let on_lever = {
        let (to, shown, towns) = (to.clone(), shown.clone(), towns.clone());
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            if let Ok(k) = select.value().parse::<usize>() {
                to.set(k);
                shown.set(None);
                towns.set(None);
            }
        })
    };
    let on_bet = |k: usize| {
        let bets = bets.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let mut next = *bets;
            next[k] = input.value().trim().parse::<u32>().unwrap_or(0).min(10_000);
            bets.set(next);
        })
    };
    let on_reveal = {
        let (to, shown, towns, client) = (to.clone(), shown.clone(), towns.clone(), client.clone());
        Callback::from(move |_: MouseEvent| {
            shown.set(Some(Rc::new(run(c, *to))));
            towns.set(None);
            // The towns are counted in the worker; the reveal is drawn meanwhile.
            let on_done = {
                let towns = towns.clone();
                Callback::from(move |counted: Result<guide::Towns, TownsFailure>| {
                    if let Ok(t) = counted {
                        towns.set(Some(t));
                    }
                })
            };
            count_towns(&client, c, *to, &Callback::noop(), on_done);
        })
    };
    let on_again = {
        let (bets, shown, towns, client) =
            (bets.clone(), shown.clone(), towns.clone(), client.clone());
        Callback::from(move |_: MouseEvent| {
            client.cancel();
            bets.set([0; 3]);
            shown.set(None);
            towns.set(None);
        })
    };
    let link = c.scenario(*to).ok().map(|s| {
        format!(
            "{}{}",
            page_base(),
            url::with_place(
                &url::encode(c.preset, &s, lang),
                Place {
                    view: View::Workshop,
                    chapter: number,
                },
            )
        )
    });
    let revealed = shown.is_some();
    let result = shown.as_ref().map(|r| match r.as_ref() {
        Ok(s) => {
            let metric = c.metric_label.get(lang);
            let line = lang.before_after(
                metric,
                &c.metric.show(lang, s.before),
                &c.metric.show(lang, s.after),
            );
            let tolerance = c.metric.show_change(lang, c.metric.tolerance());
            let room = towns.as_ref().map(|t| {
                let answer = t.majority();
                let right = Direction::ALL
                    .iter()
                    .position(|d| *d == answer)
                    .map_or(0, |k| bets[k]);
                html! {
                    <>
                        <p id="workshop-towns">{ lang.towns_verdict(*t) }</p>
                        <p id="workshop-room" class="workshop-room">{ lang.room_result(right, total, lang.direction(answer)) }</p>
                    </>
                }
            });
            html! {
                <section class="workshop-result" aria-labelledby="workshop-result-heading">
                    <h3 id="workshop-result-heading">{ w.result }</h3>
                    <p id="workshop-change" class="workshop-change">{ line }</p>
                    <p>{ lang.verdict(s.direction, &tolerance) }</p>
                    <div aria-live="polite">{ room.unwrap_or_default() }</div>
                    <TownPicture town={s.town.clone()} report={s.report.clone()} start={s.start} replay=true />
                    <p>{ c.finding.get(lang) }</p>
                </section>
            }
        }
        Err(e) => html! { <p class="error" role="alert">{ lang.scenario_error(e) }</p> },
    });
    html! {
        <section class="workshop-view" aria-labelledby="view-heading">
            <h2 id="view-heading">{ format!("{} – {}", lang.view(View::Workshop), c.title.get(lang)) }</h2>
            <p class="hint">{ w.intro }</p>
            <nav class="workshop-chapters" aria-label={w.chapters}>
                { for (1..=guide::CHAPTERS.len() as u8).map(|n| {
                    let app = app.clone();
                    let onclick = Callback::from(move |_: MouseEvent| app.dispatch(Action::OpenChapter(n)));
                    let current = (n == number).then_some("page");
                    html! {
                        <button type="button" id={format!("workshop-chapter-{n}")} aria-current={current}
                            class={classes!(current.map(|_| "current"))} {onclick}>{ n.to_string() }</button>
                    }
                }) }
            </nav>
            <p class="workshop-question" id="workshop-question">{ c.question.get(lang) }</p>
            <div class="field">
                <label for="workshop-lever">{ c.lever.label.get(lang) }</label>
                <select id="workshop-lever" onchange={on_lever} disabled={revealed}>
                    { for c.lever.options.iter().enumerate().filter(|(k, _)| *k != c.lever.from).map(|(k, o)| html! {
                        <option value={k.to_string()} selected={k == *to}>{ o.label.get(lang) }</option>
                    }) }
                </select>
                <p class="hint">{ lang.span_text(c.lever.options[c.lever.from].label.get(lang), c.lever.options[(*to).min(c.lever.options.len() - 1)].label.get(lang)) }</p>
            </div>
            <fieldset class="workshop-bets" disabled={revealed}>
                <legend>{ w.bets_legend }</legend>
                { for Direction::ALL.iter().enumerate().map(|(k, d)| html! {
                    <label class="workshop-bet">
                        <span>{ lang.direction(*d) }</span>
                        <input type="number" id={format!("room-bet-{}", d.key())} min="0" max="10000" step="1"
                            value={bets[k].to_string()} onchange={on_bet(k)} />
                    </label>
                }) }
                <p class="hint">{ w.bets_hint }</p>
            </fieldset>
            <div class="workshop-actions">
                <button type="button" id="workshop-reveal" class="primary" onclick={on_reveal} disabled={total == 0 || revealed}>{ w.reveal }</button>
                if revealed {
                    <button type="button" id="workshop-again" onclick={on_again}>{ w.again }</button>
                }
            </div>
            { result.unwrap_or_default() }
            if let Some(link) = link {
                <p class="workshop-link">
                    <label for="workshop-link">{ w.link_label }</label>
                    <input id="workshop-link" type="text" readonly=true value={link} />
                </p>
            }
        </section>
    }
}
