//! The many-towns panel on the results: runs the current scenario in N simulated towns
//! (consecutive seeds, 20 by default, on by default) in the worker and shows, beside the single
//! run (»one town (seed N)«), each headline number's mean over the towns, the 95% interval of that
//! mean and the range of outcomes (lowest and highest town). Results are cached by scenario.

use crate::components::term_link::TermLink;
use crate::glossary::Term;
use dialoglab_engine::metric::{Metric, Stage};
use dialoglab_worker::seeds::SeedsSummary;
use dialoglab_worker::{SeedsJob, SeedsOutput};
use yew::prelude::*;

use crate::bridge::PanelSnapshot;
use crate::components::job_cache::{self, JobCache};
use crate::components::robustness::RobustnessPanel;
use crate::i18n::Lang;
use crate::worker_client::{Event as JobEvent, SeedsClient};

/// Choices for the number of seeds.
pub const SEED_CHOICES: [u32; 4] = [10, 20, 50, 100];

/// Towns simulated by default.
pub const DEFAULT_TOWNS: u32 = 20;

thread_local! {
    /// Finished summaries by (scenario, number of towns).
    static CACHE: JobCache<SeedsSummary> = JobCache::default();
}

/// Where the Monte-Carlo job is.
#[derive(Clone, Debug, PartialEq)]
pub enum Status {
    /// Off, or not started.
    Idle,
    /// Running: `done` of `total` runs.
    Running {
        /// Runs finished.
        done: u32,
        /// Runs in the job.
        total: u32,
    },
    /// Finished.
    Done(SeedsSummary),
    /// Cancelled by the user.
    Cancelled,
    /// The worker reported an error.
    Failed(String),
}

/// Props of [`MonteCarlo`].
#[derive(Properties, PartialEq)]
pub struct MonteCarloProps {
    /// Interface language.
    pub lang: Lang,
    /// The run shown in the results: its scenario and headline numbers.
    pub run: std::rc::Rc<PanelSnapshot>,
}

/// The toggle, the progress and the table of intervals.
#[component]
pub fn MonteCarlo(props: &MonteCarloProps) -> Html {
    let lang = props.lang;
    let t = lang.sweep();
    let enabled = use_state(|| true);
    let n = use_state(|| DEFAULT_TOWNS);
    let status = use_state(|| Status::Idle);
    let client = use_memo((), |()| SeedsClient::new());
    {
        let (client, status) = (client.clone(), status.clone());
        use_effect_with(
            (*enabled, *n, props.run.app.scenario.clone()),
            move |(enabled, n, scenario)| {
                let key = job_cache::key(&(scenario, *n));
                if let Some(summary) = enabled.then(|| CACHE.with(|c| c.get(&key))).flatten() {
                    client.cancel();
                    status.set(Status::Done(summary));
                } else if *enabled {
                    status.set(Status::Running { done: 0, total: *n });
                    let status = status.clone();
                    client.run(
                        SeedsJob::Seeds {
                            scenario: scenario.clone(),
                            n: *n,
                        },
                        Callback::from(move |event| match event {
                            JobEvent::Progress { done, total } => {
                                status.set(Status::Running { done, total });
                            }
                            JobEvent::Done(SeedsOutput::Seeds(summary)) => {
                                CACHE.with(|c| c.put(key.clone(), summary.clone()));
                                status.set(Status::Done(summary));
                            }
                            JobEvent::Partial(_) => {}
                            JobEvent::Error(message) => status.set(Status::Failed(message)),
                        }),
                    );
                } else {
                    client.cancel();
                    status.set(Status::Idle);
                }
            },
        );
    }
    let on_toggle = {
        let enabled = enabled.clone();
        Callback::from(move |e: Event| {
            enabled.set(
                e.target_unchecked_into::<web_sys::HtmlInputElement>()
                    .checked(),
            );
        })
    };
    let on_n = {
        let n = n.clone();
        Callback::from(move |e: Event| {
            let v = e
                .target_unchecked_into::<web_sys::HtmlSelectElement>()
                .value();
            if let Ok(v) = v.parse::<u32>() {
                n.set(v);
            }
        })
    };
    let on_cancel = {
        let (client, status) = (client.clone(), status.clone());
        Callback::from(move |_: MouseEvent| {
            client.cancel();
            status.set(Status::Cancelled);
        })
    };
    let body = match &*status {
        Status::Idle => Html::default(),
        Status::Running { done, total } => html! {
            <div class="job-progress">
                <progress id="mc-progress" max={total.to_string()} value={done.to_string()}
                    aria-label={t.progress_label}>{ lang.runs_done(*done, *total) }</progress>
                <span class="job-progress-text">{ lang.runs_done(*done, *total) }</span>
                <button type="button" id="mc-cancel" onclick={on_cancel}>{ t.cancel }</button>
            </div>
        },
        Status::Cancelled => html! { <p class="hint">{ t.cancelled }</p> },
        Status::Failed(message) => html! {
            <p class="error" role="alert">{ lang.job_failed(message) }</p>
        },
        Status::Done(summary) => {
            let tt = lang.towns();
            let seed = props.run.app.scenario.seed;
            let lead = summary
                .metrics
                .iter()
                .zip(&summary.ranges)
                .find(|((h, _), _)| *h == Metric::Representativeness(Stage::Attendees))
                .map(|((_, i), r)| lang.towns_lead(summary.n, summary.first_seed, *i, *r))
                .unwrap_or_default();
            html! {
                <>
                <p id="mc-lead">{ lead }</p>
                <div class="table-scroll" tabindex="0" role="region" aria-label={lang.mc_heading(summary.n)}>
                    <table id="mc-table" class="mc-table">
                        <caption>{ lang.mc_heading(summary.n) }</caption>
                        <thead>
                            <tr>
                                <th scope="col">{ t.mc_metric }</th>
                                <th scope="col">{ lang.one_town(seed) }</th>
                                <th scope="col">{ tt.col_mean }</th>
                                <th scope="col">{ tt.col_mean_interval }<TermLink term={Term::Interval} name={t.mc_interval} /></th>
                                <th scope="col">{ tt.col_range }</th>
                            </tr>
                        </thead>
                        <tbody>
                            { for summary.metrics.iter().enumerate().map(|(m, (h, i))| html! {
                                <tr data-metric={serde_json::to_string(h).unwrap_or_default().trim_matches('"').to_string()}>
                                    <th scope="row">{ lang.metric(*h) }</th>
                                    <td>{ lang.metric_value_or_dash(*h, props.run.value(*h)) }</td>
                                    <td>{ lang.metric_value(*h, i.mean) }</td>
                                    <td>{ format!("{} – {}", lang.metric_value(*h, i.lo), lang.metric_value(*h, i.hi)) }</td>
                                    <td>{ summary.ranges.get(m).map(|r| lang.range_words(*h, *r)).unwrap_or_default() }</td>
                                </tr>
                            }) }
                        </tbody>
                    </table>
                </div>
                </>
            }
        }
    };
    let live = match &*status {
        Status::Done(summary) => summary
            .metrics
            .iter()
            .find(|(h, _)| *h == Metric::Representativeness(Stage::Attendees))
            .map(|(_, i)| lang.mc_summary(summary.n, i.mean, i.lo, i.hi))
            .unwrap_or_default(),
        Status::Cancelled => t.cancelled.to_string(),
        _ => String::new(),
    };
    html! {
        <>
        <section class="monte-carlo" aria-labelledby="mc-heading">
            <h3 class="subhead" id="mc-heading">{ lang.towns().heading }</h3>
            <div class="mc-controls">
                <label class="mc-toggle">
                    <input type="checkbox" id="mc-toggle" checked={*enabled} onchange={on_toggle} />
                    { " " }{ t.mc_toggle }
                </label>
                <label for="mc-seeds">{ t.mc_seeds_label }</label>
                <select id="mc-seeds" onchange={on_n}>
                    { for SEED_CHOICES.iter().map(|c| html! {
                        <option value={c.to_string()} selected={*c == *n}>{ format!("× {c}") }</option>
                    }) }
                </select>
            </div>
            if *enabled {
                <p class="hint">{ lang.towns().hint }</p>
            }
            { body }
            <p class="visually-hidden" aria-live="polite" id="mc-live">{ live }</p>
        </section>
        <RobustnessPanel {lang} scenario={props.run.app.scenario.clone()} />
        </>
    }
}
