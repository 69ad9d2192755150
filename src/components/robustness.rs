//! The robustness panel: on demand (a button), runs the worker's robustness job for the current
//! scenario — for each built-in headline finding an ensemble of plausible models (a Latin
//! hypercube over the registry's plausible ranges, A and B on the same towns) — and shows how
//! often each finding holds (»holds in 46 of 50«), a plain verdict, and the three parameters that
//! move it most, as a table and as sentences. Progress, Cancel, and results cached by scenario.

use dialoglab_engine::sensitivity::ensemble::Robustness;
use dialoglab_worker::robustness::RobustnessSpec;
use dialoglab_worker::{RobustnessOutput, RobustnessPartial, SeedsJob};
use yew::prelude::*;

use crate::components::job_cache::{self, JobCache};
use crate::i18n::Lang;
use crate::i18n::robustness::Verdict;
use crate::worker_client::{Event as JobEvent, RobustnessClient};

/// The built-in findings the panel tests (`dialoglab_engine::sensitivity::findings`, by name).
pub const FINDINGS: [&str; 6] = [
    "targeted-outreach",
    "panel-representative",
    "retirees-dominate",
    "daytime-retirees",
    "facilitation-evens-voice",
    "online-vote-turnout",
];

/// Choices for the number of plausible models per finding.
pub const MEMBER_CHOICES: [u32; 4] = [20, 50, 100, 200];

/// Towns (seeds) each plausible model runs in.
pub const SEEDS: u32 = 2;

/// Seed of the Latin hypercube (fixed, so a result can be reproduced with the CLI).
pub const DESIGN_SEED: u64 = 1;

thread_local! {
    /// Finished results by (scenario, members).
    static CACHE: JobCache<Vec<Robustness>> = JobCache::default();
}

/// Where the job is.
#[derive(Clone, Debug, PartialEq)]
enum Status {
    Idle,
    Running {
        done: u32,
        total: u32,
        found: Vec<Robustness>,
    },
    Done {
        found: Vec<Robustness>,
        cached: bool,
    },
    Cancelled,
    Failed(String),
}

/// Props of [`RobustnessPanel`].
#[derive(Properties, PartialEq)]
pub struct RobustnessProps {
    /// Interface language.
    pub lang: Lang,
    /// The scenario of the current run (the ensemble's base).
    pub scenario: dialoglab_engine::Scenario,
}

/// The job's request for `base` with `members` plausible models per finding.
#[must_use]
pub fn spec(base: &dialoglab_engine::Scenario, members: u32) -> RobustnessSpec {
    RobustnessSpec {
        base: base.clone(),
        findings: FINDINGS.iter().map(|f| (*f).to_string()).collect(),
        custom: Vec::new(),
        factors: None,
        samples: members,
        seeds: SEEDS,
        first_seed: base.seed,
        design_seed: DESIGN_SEED,
    }
}

/// The panel.
#[component]
pub fn RobustnessPanel(props: &RobustnessProps) -> Html {
    let lang = props.lang;
    let (t, r) = (lang.sweep(), lang.robustness());
    let members = use_state(|| 50u32);
    let status = use_state(|| Status::Idle);
    let client = use_memo((), |()| RobustnessClient::new());
    let key = job_cache::key(&(&props.scenario, *members));
    {
        // A new scenario (or size): show its cached result, or nothing until asked.
        let (client, status) = (client.clone(), status.clone());
        use_effect_with(key.clone(), move |key| {
            client.cancel();
            status.set(match CACHE.with(|c| c.get(key)) {
                Some(found) => Status::Done {
                    found,
                    cached: true,
                },
                None => Status::Idle,
            });
        });
    }
    let on_run = {
        let (client, status, members) = (client.clone(), status.clone(), members.clone());
        let scenario = props.scenario.clone();
        Callback::from(move |_: MouseEvent| {
            let n = *members;
            let key = job_cache::key(&(&scenario, n));
            status.set(Status::Running {
                done: 0,
                total: n * SEEDS * 2 * FINDINGS.len() as u32,
                found: Vec::new(),
            });
            let status = status.clone();
            let found = std::rc::Rc::new(std::cell::RefCell::new(Vec::<Robustness>::new()));
            let progress = std::rc::Rc::new(std::cell::Cell::new((0u32, 0u32)));
            client.run(
                SeedsJob::Robustness {
                    spec: spec(&scenario, n),
                },
                Callback::from(move |event| match event {
                    JobEvent::Progress { done, total } => {
                        progress.set((done, total));
                        status.set(Status::Running {
                            done,
                            total,
                            found: found.borrow().clone(),
                        });
                    }
                    JobEvent::Partial(RobustnessPartial::Robustness(one)) => {
                        found.borrow_mut().push(one);
                        let (done, total) = progress.get();
                        status.set(Status::Running {
                            done,
                            total,
                            found: found.borrow().clone(),
                        });
                    }
                    JobEvent::Done(RobustnessOutput::Robustness(all)) => {
                        CACHE.with(|c| c.put(key.clone(), all.findings.clone()));
                        status.set(Status::Done {
                            found: all.findings,
                            cached: false,
                        });
                    }
                    JobEvent::Error(message) => status.set(Status::Failed(message)),
                }),
            );
        })
    };
    let on_cancel = {
        let (client, status) = (client.clone(), status.clone());
        Callback::from(move |_: MouseEvent| {
            client.cancel();
            status.set(Status::Cancelled);
        })
    };
    let on_members = {
        let members = members.clone();
        Callback::from(move |e: Event| {
            let v = e
                .target_unchecked_into::<web_sys::HtmlSelectElement>()
                .value();
            if let Ok(v) = v.parse::<u32>() {
                members.set(v);
            }
        })
    };
    let running = matches!(&*status, Status::Running { .. });
    let body = match &*status {
        Status::Idle => Html::default(),
        Status::Running { done, total, found } => html! {
            <>
                <div class="job-progress">
                    <progress id="robust-progress" max={total.to_string()} value={done.to_string()}
                        aria-label={t.progress_label}>{ lang.runs_done(*done, *total) }</progress>
                    <span class="job-progress-text">{ lang.runs_done(*done, *total) }</span>
                    <button type="button" id="robust-cancel" onclick={on_cancel}>{ t.cancel }</button>
                </div>
                { table(lang, found) }
            </>
        },
        Status::Cancelled => html! { <p class="hint" id="robust-cancelled">{ t.cancelled }</p> },
        Status::Failed(message) => html! {
            <p class="error" role="alert">{ lang.job_failed(message) }</p>
        },
        Status::Done { found, cached } => html! {
            <>
                if *cached {
                    <p class="hint">{ r.cached }</p>
                }
                { table(lang, found) }
                <ul id="robust-summary" class="robust-summary">
                    { for found.iter().map(|f| html! { <li>{ sentence(lang, f) }</li> }) }
                </ul>
            </>
        },
    };
    let live = match &*status {
        Status::Done { found, .. } => found
            .iter()
            .map(|f| sentence(lang, f))
            .collect::<Vec<_>>()
            .join(" "),
        Status::Cancelled => t.cancelled.to_string(),
        _ => String::new(),
    };
    html! {
        <section class="robustness" aria-labelledby="robust-heading">
            <h3 class="subhead" id="robust-heading">{ r.heading }</h3>
            <p class="hint">{ r.intro }</p>
            <div class="mc-controls">
                <label for="robust-members">{ r.members_label }</label>
                <select id="robust-members" onchange={on_members} disabled={running}>
                    { for MEMBER_CHOICES.iter().map(|c| html! {
                        <option value={c.to_string()} selected={*c == *members}>{ c.to_string() }</option>
                    }) }
                </select>
                <button type="button" id="robust-run" onclick={on_run} disabled={running}>{ r.run }</button>
            </div>
            { body }
            <p class="visually-hidden" aria-live="polite" id="robust-live">{ live }</p>
        </section>
    }
}

/// Plausible models a guide chapter's answer is tested in.
pub const CHAPTER_MEMBERS: u32 = 50;

/// Props of [`ChapterRobustness`].
#[derive(Properties, PartialEq)]
pub struct ChapterRobustnessProps {
    /// Interface language.
    pub lang: Lang,
    /// The chapter's number (1-based).
    pub number: u8,
    /// The setting asked about.
    pub to: usize,
    /// The answer of the towns' majority (up or down).
    pub direction: crate::guide::Direction,
}

/// A guide chapter's answer across plausible models: a button, progress and Cancel, then how
/// often the answer holds and the parameters that move it most.
#[component]
pub fn ChapterRobustness(props: &ChapterRobustnessProps) -> Html {
    let lang = props.lang;
    let (t, r) = (lang.sweep(), lang.robustness());
    let status = use_state(|| Status::Idle);
    let client = use_memo((), |()| RobustnessClient::new());
    {
        let (client, status) = (client.clone(), status.clone());
        use_effect_with((props.number, props.to, props.direction), move |_| {
            client.cancel();
            status.set(Status::Idle);
        });
    }
    let finding = crate::guide::chapter(props.number)
        .and_then(|c| crate::guide::robustness_finding(c, props.to, props.direction));
    let Some((base, finding)) = finding else {
        return Html::default();
    };
    let on_run = {
        let (client, status) = (client.clone(), status.clone());
        Callback::from(move |_: MouseEvent| {
            let mut job = spec(&base, CHAPTER_MEMBERS);
            job.findings.clear();
            job.custom = vec![finding.clone()];
            status.set(Status::Running {
                done: 0,
                total: CHAPTER_MEMBERS * SEEDS * 2,
                found: Vec::new(),
            });
            let status = status.clone();
            client.run(
                SeedsJob::Robustness { spec: job },
                Callback::from(move |event| match event {
                    JobEvent::Progress { done, total } => status.set(Status::Running {
                        done,
                        total,
                        found: Vec::new(),
                    }),
                    JobEvent::Partial(_) => {}
                    JobEvent::Done(RobustnessOutput::Robustness(all)) => status.set(Status::Done {
                        found: all.findings,
                        cached: false,
                    }),
                    JobEvent::Error(message) => status.set(Status::Failed(message)),
                }),
            );
        })
    };
    let on_cancel = {
        let (client, status) = (client.clone(), status.clone());
        Callback::from(move |_: MouseEvent| {
            client.cancel();
            status.set(Status::Cancelled);
        })
    };
    let up = props.direction == crate::guide::Direction::Up;
    let body = match &*status {
        Status::Idle => html! {
            <button type="button" id="chapter-robust-run" onclick={on_run}>{ r.run_one }</button>
        },
        Status::Running { done, total, .. } => html! {
            <div class="job-progress">
                <progress id="chapter-robust-progress" max={total.to_string()} value={done.to_string()}
                    aria-label={t.progress_label}>{ lang.runs_done(*done, *total) }</progress>
                <span class="job-progress-text">{ lang.runs_done(*done, *total) }</span>
                <button type="button" id="chapter-robust-cancel" onclick={on_cancel}>{ t.cancel }</button>
            </div>
        },
        Status::Cancelled => {
            html! { <p class="hint" id="chapter-robust-cancelled">{ t.cancelled }</p> }
        }
        Status::Failed(message) => html! {
            <p class="error" role="alert">{ lang.job_failed(message) }</p>
        },
        Status::Done { found, .. } => html! {
            { for found.iter().map(|f| html! {
                <p id="chapter-robust" data-holds={f.holds.to_string()} data-members={f.members.to_string()}
                    data-verdict={Verdict::of(f.holds, f.members).key()}>
                    <strong>{ lang.answer_holds(up, f.holds, f.members) }</strong>
                    { " " }{ r.col_factors }{ ": " }
                    { f.top_factors.iter().map(|i| lang.factor_words(&i.factor, i.rho)).collect::<Vec<_>>().join("; ") }
                </p>
            }) }
        },
    };
    html! {
        <div class="chapter-robustness" aria-live="polite">{ body }</div>
    }
}

/// A finding's claim in the interface language (the engine's English claim if unknown).
fn claim(lang: Lang, f: &Robustness) -> String {
    lang.finding_claim(&f.finding)
        .map_or_else(|| f.statement.clone(), str::to_string)
}

/// One finding in a sentence (members where the metric is undefined count as not holding, as in
/// the engine).
fn sentence(lang: Lang, f: &Robustness) -> String {
    lang.robustness_sentence(&claim(lang, f), f.holds, f.members)
}

/// The data table of the findings known so far.
fn table(lang: Lang, found: &[Robustness]) -> Html {
    if found.is_empty() {
        return Html::default();
    }
    let r = lang.robustness();
    html! {
        <div class="table-scroll" tabindex="0" role="region" aria-label={r.caption}>
            <table id="robust-table" class="compare-table robust-table">
                <caption>{ r.caption }</caption>
                <thead><tr>
                    <th scope="col">{ r.col_finding }</th>
                    <th scope="col">{ r.col_holds }</th>
                    <th scope="col">{ r.col_verdict }</th>
                    <th scope="col">{ r.col_factors }</th>
                </tr></thead>
                <tbody>
                    { for found.iter().map(|f| {
                        let valid = f.members;
                        let verdict = Verdict::of(f.holds, valid);
                        html! {
                            <tr data-finding={f.finding.clone()} data-verdict={verdict.key()}
                                data-holds={f.holds.to_string()} data-members={valid.to_string()}>
                                <th scope="row">{ claim(lang, f) }</th>
                                <td>{ lang.holds_in(f.holds, valid) }</td>
                                <td>{ lang.verdict_words(verdict) }</td>
                                <td>{ f.top_factors.iter().map(|i| lang.factor_words(&i.factor, i.rho)).collect::<Vec<_>>().join("; ") }</td>
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_panel_asks_for_every_built_in_finding_with_the_scenarios_seed() {
        let names: Vec<String> = dialoglab_engine::sensitivity::findings()
            .into_iter()
            .map(|f| f.name)
            .collect();
        assert_eq!(names, FINDINGS.map(str::to_string).to_vec());
        let mut base = dialoglab_engine::presets::get("faxe-dialogue").unwrap();
        base.seed = 7;
        let s = spec(&base, 50);
        assert_eq!((s.samples, s.seeds, s.first_seed), (50, SEEDS, 7));
        assert!(s.factors.is_none(), "the registry's plausible ranges");
    }
}
