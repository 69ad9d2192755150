//! The "× N seeds" panel on the results: runs the current scenario with N consecutive seeds in
//! the worker and shows the mean and 95% interval of each headline number beside this run's value.

use crate::components::term_link::TermLink;
use crate::glossary::Term;
use dialoglab_engine::metric::{Metric, Stage};
use dialoglab_worker::seeds::SeedsSummary;
use dialoglab_worker::{SeedsJob, SeedsOutput};
use yew::prelude::*;

use crate::i18n::Lang;
use crate::state::Run;
use crate::worker_client::{Event as JobEvent, SeedsClient};

/// Choices for the number of seeds.
pub const SEED_CHOICES: [u32; 4] = [10, 20, 50, 100];

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
    /// The run shown in the results.
    pub run: Run,
}

/// The toggle, the progress and the table of intervals.
#[component]
pub fn MonteCarlo(props: &MonteCarloProps) -> Html {
    let lang = props.lang;
    let t = lang.sweep();
    let enabled = use_state(|| false);
    let n = use_state(|| 20u32);
    let status = use_state(|| Status::Idle);
    let client = use_memo((), |()| SeedsClient::new());
    {
        let (client, status) = (client.clone(), status.clone());
        use_effect_with(
            (*enabled, *n, props.run.0.clone()),
            move |(enabled, n, scenario)| {
                if *enabled {
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
    let report = &props.run.1;
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
        Status::Done(summary) => html! {
            <div class="table-scroll">
                <table id="mc-table" class="mc-table">
                    <caption>{ lang.mc_heading(summary.n) }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ t.mc_metric }</th>
                            <th scope="col">{ t.mc_this_run }</th>
                            <th scope="col">{ t.mc_mean }</th>
                            <th scope="col">{ t.mc_interval }<TermLink term={Term::Interval} name={t.mc_interval} /></th>
                        </tr>
                    </thead>
                    <tbody>
                        { for summary.metrics.iter().map(|(m, e)| html! {
                            <tr data-metric={m.name()}>
                                <th scope="row">{ lang.metric(*m) }</th>
                                <td>{ lang.metric_value_or_dash(*m, m.of(report)) }</td>
                                <td>{ lang.metric_value_or_dash(*m, e.mean) }</td>
                                <td>{ match (e.lo, e.hi) {
                                    (Some(lo), Some(hi)) => format!("{} – {}", lang.metric_value(*m, lo), lang.metric_value(*m, hi)),
                                    _ => "–".to_string(),
                                } }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
        },
    };
    let live = match &*status {
        Status::Done(summary) => summary
            .metrics
            .iter()
            .find(|(m, _)| *m == Metric::Representativeness(Stage::Attendees))
            .and_then(|(_, e)| Some(lang.mc_summary(summary.n, e.mean?, e.lo?, e.hi?)))
            .unwrap_or_default(),
        Status::Cancelled => t.cancelled.to_string(),
        _ => String::new(),
    };
    html! {
        <section class="monte-carlo" aria-label={t.mc_toggle}>
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
                <p class="hint">{ t.mc_hint }</p>
            }
            { body }
            <p class="visually-hidden" aria-live="polite" id="mc-live">{ live }</p>
        </section>
    }
}
