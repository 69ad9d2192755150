//! The Guide view: the chapter list, one chapter at a time (text, quote, the one lever, the bet,
//! the engine's reveal, "open in the sandbox") and the workshop box (facilitator link, QR code,
//! printable card). The chapter shown lives in the app state (so the address names it); the bet
//! and the reveal are local to the chapter and start afresh when the chapter changes.

use std::rc::Rc;

use dialoglab_engine::ScenarioError;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::charts::qr::qr_path;
use dialoglab_worker::{Job, TownsOutput};

use crate::components::guide_chart::GuideChart;
use crate::components::job_cache::{self, JobCache};
use crate::components::robustness::ChapterRobustness;
use crate::context::use_app;
use crate::format;
use crate::guide::{self, CHAPTERS, Chapter, Direction, Reveal};
use crate::state::{Action, View};
use crate::url::{self, Place, page_base};
use crate::worker_client::{Event as JobEvent, TownsClient};

thread_local! {
    /// Finished verdicts by towns job (chapter's scenarios, number and towns).
    static CACHE: JobCache<guide::Towns> = JobCache::default();
    /// Set by the pager (Previous / Next chapter): the chapter about to open takes the focus and
    /// is shown from its top, not wherever the page happened to be scrolled.
    static PAGED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// The Guide view.
#[component]
pub fn Guide() -> Html {
    let app = use_app();
    let lang = app.lang;
    let g = lang.guide();
    // The last bet per chapter and whether it was right, for the session's tally.
    let bets = use_state(|| vec![None::<bool>; CHAPTERS.len()]);
    let number = if guide::chapter(app.chapter).is_some() {
        app.chapter
    } else {
        1
    };
    let on_bet = {
        let bets = bets.clone();
        Callback::from(move |(n, right): (u8, bool)| {
            let mut next = (*bets).clone();
            if let Some(slot) = next.get_mut(usize::from(n) - 1) {
                *slot = Some(right);
            }
            bets.set(next);
        })
    };
    let teacher = {
        let open = |n: u8| {
            let app = app.clone();
            Callback::from(move |_: MouseEvent| {
                PAGED.with(|p| p.set(true));
                app.dispatch(Action::OpenChapter(n));
            })
        };
        let limits = {
            let app = app.clone();
            Callback::from(move |_: MouseEvent| {
                crate::glossary::open(&app, crate::glossary::Term::ModelLimits);
            })
        };
        html! {
            <details class="teacher-guide no-print" id="teacher-guide">
                <summary><h3>{ g.teacher_heading }</h3></summary>
                <p>{ g.teacher_intro }</p>
                <ol class="teacher-steps">
                    { for g.teacher_steps.iter().map(|(time, chapter, what)| html! {
                        <li>
                            <strong class="teacher-time">{ *time }</strong>
                            if let Some(n) = chapter.and_then(|n| guide::chapter(n).map(|c| (n, c))) {
                                <span class="teacher-chapter">
                                    { lang.chapter_of(usize::from(n.0), CHAPTERS.len()) }{ ": " }
                                    <button type="button" class="link-button" id={format!("teacher-chapter-{}", n.0)}
                                        onclick={open(n.0)}>{ n.1.title.get(lang) }</button>
                                </span>
                            }
                            <span>{ *what }</span>
                        </li>
                    }) }
                </ol>
                <ul class="teacher-tips">
                    { for g.teacher_tips.iter().map(|tip| html! { <li>{ *tip }</li> }) }
                </ul>
                <button type="button" class="link-button" id="teacher-limits" onclick={limits}>{ g.model_limits }</button>
            </details>
        }
    };
    let placed = bets.iter().flatten().count();
    let right = bets.iter().flatten().filter(|r| **r).count();
    html! {
        <section class="view-page guide" aria-labelledby="view-heading">
            <h2 id="view-heading">{ lang.view(View::Guide) }</h2>
            <p class="guide-lead">{ g.lead }</p>
            { teacher }
            <nav class="guide-chapters" aria-label={g.chapters_label}>
                <ol>
                    { for CHAPTERS.iter().enumerate().map(|(k, c)| {
                        let n = u8::try_from(k + 1).unwrap_or(1);
                        let current = (n == number).then_some("page");
                        let onclick = {
                            let app = app.clone();
                            Callback::from(move |_: MouseEvent| app.dispatch(Action::OpenChapter(n)))
                        };
                        html! {
                            <li>
                                <button type="button" id={format!("chapter-link-{n}")} aria-current={current}
                                    class={classes!("chapter-link", current.map(|_| "current"))} {onclick}>
                                    { c.title.get(lang) }
                                </button>
                            </li>
                        }
                    }) }
                </ol>
            </nav>
            <ChapterView key={number} {number} {on_bet} />
            if placed > 0 {
                <p class="guide-tally" id="guide-tally">{ lang.tally(right, placed) }</p>
            }
        </section>
    }
}

/// Props of [`ChapterView`].
#[derive(Properties, PartialEq)]
pub struct ChapterViewProps {
    /// 1-based chapter number.
    pub number: u8,
    /// Called with (chapter, whether the bet was right) after a reveal that followed a bet.
    pub on_bet: Callback<(u8, bool)>,
}

/// One chapter.
#[component]
pub fn ChapterView(props: &ChapterViewProps) -> Html {
    let app = use_app();
    let lang = app.lang;
    let g = lang.guide();
    let number = props.number;
    let c = guide::chapter(number).unwrap_or(&CHAPTERS[0]);
    let to = use_state_eq(|| c.lever.to);
    let bet = use_state_eq(|| None::<Direction>);
    let result = use_state(|| None::<Result<Shown, ScenarioError>>);
    // The same change over several simulated towns, counted in the worker after the one town is
    // drawn; `progress` is (towns done, towns) while it runs.
    let towns = use_state(|| None::<Result<guide::Towns, TownsFailure>>);
    let progress = use_state_eq(|| (0u32, guide::TOWNS));
    let client = use_memo((), |()| TownsClient::new());
    {
        let client = client.clone();
        use_effect_with((), move |()| move || client.cancel());
    }
    let print = use_state_eq(|| false);
    // Printing the card without the model's answer, for before the class guesses.
    let blank = use_state_eq(|| false);
    let copied = use_state_eq(|| false);
    // Opened by the pager: start at the chapter's title.
    use_effect_with((), |()| {
        if PAGED.with(|p| p.replace(false)) {
            crate::components::focus_on("chapter-title");
        }
    });
    // After a reveal that answered a bet, bring the result into view (smoothly unless the user
    // asked for reduced motion).
    {
        let answered = matches!(&*result, Some(Ok(Shown { bet: Some(_), .. })));
        use_effect_with(answered, |answered| {
            if *answered {
                crate::components::focus_on("reveal-heading");
            }
        });
    }
    {
        let (print, blank) = (print.clone(), blank.clone());
        use_effect_with(*print, move |p| {
            if *p {
                let _ = gloo::utils::window().print();
                print.set(false);
                blank.set(false);
            }
        });
    }
    let on_lever = {
        let (to, bet, result) = (to.clone(), bet.clone(), result.clone());
        Callback::from(move |e: Event| {
            let value = e
                .target_unchecked_into::<web_sys::HtmlSelectElement>()
                .value();
            if let Ok(k) = value.parse::<usize>()
                && k < c.lever.options.len()
                && k != c.lever.from
            {
                to.set(k);
                bet.set(None);
                result.set(None);
            }
        })
    };
    let on_reveal = {
        let (to, bet, result, towns, progress, client, on_bet) = (
            to.clone(),
            bet.clone(),
            result.clone(),
            towns.clone(),
            progress.clone(),
            client.clone(),
            props.on_bet.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            let Some(b) = *bet else { return };
            let shown = guide::reveal(c, *to).map(|r| Shown {
                reveal: Rc::new(r),
                bet: Some(b),
            });
            result.set(Some(shown));
            towns.set(None);
            progress.set((0, guide::TOWNS));
            let on_done = {
                let (towns, on_bet) = (towns.clone(), on_bet.clone());
                Callback::from(move |counted: Result<guide::Towns, TownsFailure>| {
                    if let Ok(t) = &counted {
                        on_bet.emit((number, t.majority() == b));
                    }
                    towns.set(Some(counted));
                })
            };
            let on_progress = {
                let progress = progress.clone();
                Callback::from(move |p: (u32, u32)| progress.set(p))
            };
            count_towns(&client, c, *to, &on_progress, on_done);
        })
    };
    let on_again = {
        let (bet, result, towns, client) =
            (bet.clone(), result.clone(), towns.clone(), client.clone());
        Callback::from(move |_: MouseEvent| {
            client.cancel();
            bet.set(None);
            result.set(None);
            towns.set(None);
        })
    };
    let on_print = {
        let (to, result, print) = (to.clone(), result.clone(), print.clone());
        Callback::from(move |_: MouseEvent| {
            if !matches!(*result, Some(Ok(_))) {
                result.set(Some(guide::reveal(c, *to).map(|r| Shown {
                    reveal: Rc::new(r),
                    bet: None,
                })));
            }
            print.set(true);
        })
    };
    let on_print_blank = {
        let (blank, print) = (blank.clone(), print.clone());
        Callback::from(move |_: MouseEvent| {
            blank.set(true);
            print.set(true);
        })
    };
    let on_limits = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| {
            crate::glossary::open(&app, crate::glossary::Term::ModelLimits);
        })
    };
    let on_workshop = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| app.dispatch(Action::SetView(View::Workshop)))
    };
    let scenario = c.scenario(*to);
    let on_open = {
        let (app, scenario, result) = (app.clone(), scenario.clone(), result.clone());
        Callback::from(move |_: MouseEvent| match &scenario {
            Ok(s) => app.dispatch(Action::Open {
                preset: c.preset.to_string(),
                scenario: Box::new(s.clone()),
            }),
            Err(e) => result.set(Some(Err(e.clone()))),
        })
    };
    let link = scenario.as_ref().ok().map(|s| {
        format!(
            "{}{}",
            page_base(),
            url::with_place(
                &url::encode(c.preset, s, lang),
                Place {
                    view: View::Guide,
                    chapter: number,
                },
            )
        )
    });
    let on_copy = {
        let (link, copied) = (link.clone().unwrap_or_default(), copied.clone());
        Callback::from(move |_: MouseEvent| {
            let _ = gloo::utils::window()
                .navigator()
                .clipboard()
                .write_text(&link);
            if let Some(input) = gloo::utils::document().get_element_by_id("facilitator-link") {
                input.unchecked_into::<web_sys::HtmlInputElement>().select();
            }
            copied.set(true);
        })
    };
    let qr = link.as_deref().and_then(qr_path);
    let option_label = |k: usize| c.lever.options[k].label.get(lang);
    let total = CHAPTERS.len();
    let go = |n: usize| {
        let app = app.clone();
        let n = u8::try_from(n).unwrap_or(1);
        Callback::from(move |_: MouseEvent| {
            PAGED.with(|p| p.set(true));
            app.dispatch(Action::OpenChapter(n));
        })
    };
    let summary = scenario.as_ref().ok().map(|s| {
        let preset = dialoglab_engine::presets::ALL
            .iter()
            .find(|p| p.name == c.preset)
            .map_or("", |p| lang.preset_title(p));
        html! {
            <dl class="card-summary" id="card-summary">
                <dt>{ g.card_preset }</dt><dd>{ preset }</dd>
                <dt>{ c.lever.label.get(lang) }</dt>
                <dd>{ lang.span_text(option_label(c.lever.from), option_label(*to)) }</dd>
                <dt>{ g.card_population }</dt><dd>{ format::int(lang, u64::from(s.population.size)) }</dd>
                <dt>{ g.card_budget }</dt><dd>{ format::money(lang, s.budget) }</dd>
                <dt>{ g.card_seed }</dt><dd>{ s.seed }</dd>
            </dl>
        }
    });
    let reveal_html = match &*result {
        None => Html::default(),
        Some(Err(e)) => html! {
            <p class="error" role="alert" id="guide-error">{ lang.scenario_error(e) }</p>
        },
        Some(Ok(shown)) => {
            let r = &*shown.reveal;
            let seed = scenario.as_ref().map_or(0, |s| s.seed);
            let towns_html = match (&*towns, shown.bet) {
                (None, Some(_)) => {
                    let (done, total) = *progress;
                    html! {
                        <>
                            <p id="towns-verdict" class="hint" aria-busy="true">{ g.towns_running }</p>
                            <progress id="towns-progress" class="no-print" max={total.to_string()} value={done.to_string()}
                                aria-label={g.towns_running}>{ lang.towns_count(done, total) }</progress>
                        </>
                    }
                }
                (Some(Ok(t)), bet) => html! {
                    <>
                        <p id="towns-verdict" data-from="worker" data-majority={t.majority().key()}
                            data-up={t.up.to_string()} data-down={t.down.to_string()} data-same={t.same.to_string()}>
                            <strong>{ lang.towns_verdict(*t) }</strong>
                        </p>
                        if let Some(b) = bet {
                            <p id="bet-result" class={if b == t.majority() { "bet-right" } else { "bet-wrong" }}>
                                { lang.bet_result_towns(b, *t) }
                            </p>
                        }
                        <ChapterRobustness {lang} {number} to={*to} direction={t.majority()} />
                    </>
                },
                (Some(Err(TownsFailure::Scenario(e))), _) => {
                    html! { <p class="error" role="alert">{ lang.scenario_error(e) }</p> }
                }
                (Some(Err(TownsFailure::Job(message))), _) => {
                    html! { <p class="error" role="alert" id="towns-error">{ lang.job_failed(message) }</p> }
                }
                (None, None) => Html::default(),
            };
            let tolerance = c.metric.show_change(lang, c.metric.tolerance());
            html! {
                <section class="reveal" id="reveal" aria-labelledby="reveal-heading">
                    <h4 id="reveal-heading" tabindex="-1">{ g.result_heading }</h4>
                    { towns_html }
                    <p class="one-town">{ g.one_town }{ format!(" ({} {}):", crate::i18n::lower(lang.field(crate::fields::Field::Seed)), seed) }</p>
                    <p id="reveal-numbers" data-before={r.before.to_string()} data-after={r.after.to_string()}
                        data-direction={r.direction.key()}>
                        { c.metric_label.get(lang) }{ ": " }
                        <strong>{ c.metric.show(lang, r.before) }</strong>{ format!(" ({}) → ", option_label(r.from)) }
                        <strong>{ c.metric.show(lang, r.after) }</strong>{ format!(" ({})", option_label(r.to)) }
                    </p>
                    <p id="reveal-verdict">{ lang.verdict(r.direction, &tolerance) }</p>

                    <GuideChart {lang} chapter={c} reveal={shown.reveal.clone()} />
                    <h4>{ g.finding_heading }</h4>
                    <p class="finding">{ c.finding.get(lang) }</p>
                    <p class="no-print"><button type="button" class="link-button" id="model-limits" onclick={on_limits.clone()}>{ g.model_limits }</button></p>
                    <button type="button" id="bet-again" class="no-print" onclick={on_again}>{ g.bet_again }</button>
                </section>
            }
        }
    };
    let revealed = result.is_some();
    html! {
        <article class={classes!("chapter", blank.then_some("print-blank"))} id={format!("chapter-{number}")} aria-labelledby="chapter-title">
            <p class="chapter-number">{ lang.chapter_of(usize::from(number), total) }</p>
            <h3 id="chapter-title" tabindex="-1">{ c.title.get(lang) }</h3>
            <p class="chapter-intro">{ c.intro.get(lang) }</p>
            <figure class="quote">
                <blockquote lang="da"><p>{ c.quote.text.da }</p></blockquote>
                if lang == crate::i18n::Lang::En {
                    <p class="translation" lang="en"><span class="translation-label">{ g.translation }{ ": " }</span>{ c.quote.text.en }</p>
                }
                <figcaption>{ "— " }{ c.quote.source.get(lang) }</figcaption>
            </figure>
            <div class="lever no-print">
                <label for="lever">{ c.lever.label.get(lang) }</label>
                <select id="lever" onchange={on_lever}>
                    { for c.lever.options.iter().enumerate().filter(|(k, _)| *k != c.lever.from).map(|(k, o)| html! {
                        <option value={k.to_string()} selected={k == *to}>{ o.label.get(lang) }</option>
                    }) }
                </select>
                <p class="lever-from">{ g.starts_at }{ ": " }{ option_label(c.lever.from) }</p>
            </div>
            <fieldset class="bet" disabled={revealed}>
                <legend>{ g.bet_legend }{ ": " }{ c.question.get(lang) }</legend>
                <p class="bet-compare">{ lang.span_text(option_label(c.lever.from), option_label(*to)) }</p>
                <div class="bet-options">
                    { for Direction::ALL.iter().map(|d| {
                        let onchange = {
                            let (bet, d) = (bet.clone(), *d);
                            Callback::from(move |_: Event| bet.set(Some(d)))
                        };
                        html! {
                            <label class="bet-option">
                                <input type="radio" name="bet" id={format!("bet-{}", d.key())} value={d.key()}
                                    checked={*bet == Some(*d)} {onchange} />
                                { lang.direction(*d) }
                            </label>
                        }
                    }) }
                </div>
                if !revealed {
                    <button type="button" id="reveal-button" class="primary" disabled={bet.is_none()}
                        aria-describedby="bet-hint" onclick={on_reveal}>{ g.reveal }</button>
                    if bet.is_none() {
                        <p class="hint" id="bet-hint">{ g.bet_first }</p>
                    }
                }
            </fieldset>
            <div aria-live="polite">{ reveal_html }</div>
            <p class="chapter-actions no-print">
                <button type="button" id="open-sandbox" onclick={on_open}>{ g.open_sandbox }</button>
                <button type="button" id="open-workshop" onclick={on_workshop}>{ lang.workshop().open }</button>
            </p>
            <section class="workshop" aria-labelledby="workshop-heading">
                <h4 id="workshop-heading" class="no-print">{ g.workshop_heading }</h4>
                <p class="no-print">{ g.workshop_hint }</p>
                { summary.unwrap_or_default() }
                if let Some(link) = link.clone() {
                    <div class="facilitator">
                        <label for="facilitator-link">{ g.facilitator_link }</label>
                        <input id="facilitator-link" type="text" readonly=true value={link} />
                        <button type="button" id="copy-facilitator-link" class="no-print" onclick={on_copy}>{ g.copy_link }</button>
                        if *copied { <span class="copied no-print" role="status">{ lang.t().copied }</span> }
                    </div>
                }
                if let Some(q) = qr {
                    <svg class="qr" id="guide-qr" viewBox={format!("0 0 {0} {0}", q.size)} role="img" aria-labelledby="guide-qr-title">
                        <title id="guide-qr-title">{ g.qr_title }</title>
                        <rect width={q.size.to_string()} height={q.size.to_string()} fill="#fff" />
                        <path d={q.d} fill="#000" />
                    </svg>
                }
                <p class="print-buttons no-print">
                    <button type="button" id="print-card-blank" onclick={on_print_blank}>{ g.print_blank }</button>
                    <button type="button" id="print-card" onclick={on_print}>{ g.print_card }</button>
                </p>
            </section>
            <nav class="chapter-pager no-print" aria-label={g.chapters_label}>
                if usize::from(number) > 1 {
                    <button type="button" id="previous-chapter" onclick={go(usize::from(number) - 1)}>{ "← " }{ g.previous }</button>
                }
                if usize::from(number) < total {
                    <button type="button" id="next-chapter" onclick={go(usize::from(number) + 1)}>{ g.next }{ " →" }</button>
                }
            </nav>
        </article>
    }
}

/// Counts the chapter's change (starting setting → `to`) in [`guide::TOWNS`] towns in the worker,
/// or takes the count from the cache: `on_progress` gets (towns done, towns) while it runs, and
/// `on_done` the count or what failed.
pub fn count_towns(
    client: &TownsClient,
    c: &'static Chapter,
    to: usize,
    on_progress: &Callback<(u32, u32)>,
    on_done: Callback<Result<guide::Towns, TownsFailure>>,
) {
    let job = match guide::towns_job(c, to, guide::TOWNS) {
        Ok(spec) => spec,
        Err(e) => return on_done.emit(Err(TownsFailure::Scenario(e))),
    };
    let key = job_cache::key(&job);
    if let Some(t) = CACHE.with(|cache| cache.get(&key)) {
        return on_done.emit(Ok(t));
    }
    let on_progress = on_progress.clone();
    client.run(
        Job::Towns { spec: job },
        Callback::from(move |event| match event {
            JobEvent::Progress { done, total } => on_progress.emit((done, total)),
            JobEvent::Done(TownsOutput::Towns(count)) => {
                let t = guide::Towns::from(count);
                CACHE.with(|cache| cache.put(key.clone(), t));
                on_done.emit(Ok(t));
            }
            JobEvent::Partial(_) => {}
            JobEvent::Error(message) => on_done.emit(Err(TownsFailure::Job(message))),
        }),
    );
}

/// Why the towns could not be counted.
#[derive(Clone, Debug, PartialEq)]
pub enum TownsFailure {
    /// The chapter's scenario does not build.
    Scenario(ScenarioError),
    /// The worker failed (it did not load, or reported an error).
    Job(String),
}

/// A reveal on screen, with the bet it answered (none when revealed for printing).
#[derive(Clone, Debug, PartialEq)]
pub struct Shown {
    /// The engine's answer.
    pub reveal: Rc<Reveal>,
    /// The bet placed before it.
    pub bet: Option<Direction>,
}
