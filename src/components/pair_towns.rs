//! A and B in the same simulated towns: runs the pinned scenario A and the current scenario B in
//! 20 towns in the worker (each town's citizens the same in A and B when seed and population
//! agree) and shows the paired differences B − A of the headline numbers — in how many towns B
//! is higher, the mean difference with the 95% interval of that mean, and the range of the
//! difference in single towns. Results are cached by the pair of scenarios.

use dialoglab_engine::metric::{Metric, Stage};
use dialoglab_worker::pair::PairSummary;
use dialoglab_worker::{PairOutput, SeedsJob};
use yew::prelude::*;

use crate::components::job_cache::{self, JobCache};
use crate::components::monte_carlo::DEFAULT_TOWNS;
use crate::components::term_link::TermLink;
use crate::glossary::Term;
use crate::i18n::Lang;
use crate::worker_client::{Event as JobEvent, PairClient};
use dialoglab_engine::Scenario;

thread_local! {
    /// Finished comparisons by (A, B, towns).
    static CACHE: JobCache<PairSummary> = JobCache::default();
}

/// Where the A/B job is.
#[derive(Clone, Debug, PartialEq)]
enum Status {
    Running { done: u32, total: u32 },
    Done(PairSummary),
    Cancelled,
    Failed(String),
}

/// Props of [`PairTowns`].
#[derive(Properties, PartialEq)]
pub struct PairTownsProps {
    /// Interface language.
    pub lang: Lang,
    /// The scenario of the pinned run (A).
    pub a: Scenario,
    /// The scenario of the current run (B).
    pub b: Scenario,
}

/// The A/B comparison over the same towns.
#[component]
pub fn PairTowns(props: &PairTownsProps) -> Html {
    let lang = props.lang;
    let (t, tt) = (lang.sweep(), lang.towns());
    let status = use_state(|| Status::Running {
        done: 0,
        total: DEFAULT_TOWNS,
    });
    let client = use_memo((), |()| PairClient::new());
    {
        let (client, status) = (client.clone(), status.clone());
        use_effect_with((props.a.clone(), props.b.clone()), move |(a, b)| {
            let n = DEFAULT_TOWNS;
            let key = job_cache::key(&(a, b, n));
            if let Some(summary) = CACHE.with(|c| c.get(&key)) {
                client.cancel();
                status.set(Status::Done(summary));
            } else {
                status.set(Status::Running { done: 0, total: n });
                let status = status.clone();
                client.run(
                    SeedsJob::Pair {
                        a: a.clone(),
                        b: b.clone(),
                        n,
                    },
                    Callback::from(move |event| match event {
                        JobEvent::Progress { done, total } => {
                            status.set(Status::Running { done, total });
                        }
                        JobEvent::Done(PairOutput::Pair(summary)) => {
                            CACHE.with(|c| c.put(key.clone(), summary.clone()));
                            status.set(Status::Done(summary));
                        }
                        JobEvent::Partial(_) => {}
                        JobEvent::Error(message) => status.set(Status::Failed(message)),
                    }),
                );
            }
            let client = client.clone();
            move || client.cancel()
        });
    }
    let on_cancel = {
        let (client, status) = (client.clone(), status.clone());
        Callback::from(move |_: MouseEvent| {
            client.cancel();
            status.set(Status::Cancelled);
        })
    };
    let body = match &*status {
        Status::Running { done, total } => html! {
            <div class="job-progress">
                <progress id="pair-progress" max={total.to_string()} value={done.to_string()}
                    aria-label={t.progress_label}>{ lang.runs_done(*done, *total) }</progress>
                <span class="job-progress-text">{ lang.towns_count(*done, *total) }</span>
                <button type="button" id="pair-cancel" onclick={on_cancel}>{ t.cancel }</button>
            </div>
        },
        Status::Cancelled => html! { <p class="hint" id="pair-cancelled">{ t.cancelled }</p> },
        Status::Failed(message) => html! {
            <p class="error" role="alert">{ lang.job_failed(message) }</p>
        },
        Status::Done(summary) => pair_table(lang, summary),
    };
    html! {
        <section class="pair-towns" aria-labelledby="pair-heading">
            <h3 class="subhead" id="pair-heading">{ tt.pair_heading }</h3>
            <p class="hint">{ tt.pair_hint }<TermLink term={Term::Interval} name={t.mc_interval} /></p>
            { body }
        </section>
    }
}

/// The lead sentences and the table of paired differences.
fn pair_table(lang: Lang, summary: &PairSummary) -> Html {
    let (t, tt) = (lang.sweep(), lang.towns());
    let n = summary.n;
    let lead = [
        Metric::Representativeness(Stage::Attendees),
        Metric::Attendees,
    ]
    .iter()
    .filter_map(|h| summary.metrics.iter().find(|m| m.headline == *h))
    .map(|m| lang.pair_sentence(m.headline, n, &m.diff))
    .collect::<Vec<_>>()
    .join(" ");
    html! {
        <>
            if !summary.same_citizens {
                <p class="warning" id="pair-unpaired">{ tt.pair_unpaired }</p>
            }
            <p id="pair-lead">{ lead }</p>
            <div class="table-scroll" tabindex="0" role="region" aria-label={format!("{} ({})", tt.pair_heading, lang.towns_count(n, n))}>
                <table id="pair-table" class="pair-table">
                    <caption>{ format!("{} ({})", tt.pair_heading, lang.towns_count(n, n)) }</caption>
                    <thead><tr>
                        <th scope="col">{ t.mc_metric }</th>
                        <th scope="col">{ tt.pair_col_a }</th>
                        <th scope="col">{ tt.pair_col_b }</th>
                        <th scope="col">{ tt.pair_col_diff }</th>
                        <th scope="col">{ tt.pair_col_range }</th>
                        <th scope="col">{ tt.pair_col_count }</th>
                    </tr></thead>
                    <tbody>
                        { for summary.metrics.iter().map(|m| {
                            let h = m.headline;
                            html! {
                                <tr data-metric={serde_json::to_string(&h).unwrap_or_default().trim_matches('"').to_string()}>
                                    <th scope="row">{ lang.metric(h) }</th>
                                    <td>{ lang.metric_value(h, m.a.mean) }</td>
                                    <td>{ lang.metric_value(h, m.b.mean) }</td>
                                    <td>{ lang.diff_with_interval(h, &m.diff) }</td>
                                    <td>{ lang.diff_range(h, m.diff.range) }</td>
                                    <td>{ format!("{} / {}", m.diff.higher, m.diff.lower) }</td>
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
            </div>
        </>
    }
}
