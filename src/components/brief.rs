//! The council brief: one A4 page for a policymaker (the Brief view, in the views bundle, opened
//! from the sandbox's headline), printed or saved as PDF from the browser's print dialog. Its
//! findings carry their uncertainty: the headline over 20 simulated towns (worker), and with a
//! pinned A the paired differences B − A over the same towns; the link comes with a QR code to
//! reopen the scenario, and each cost rate with its source.

use dialoglab_engine::metric::Stage;
use dialoglab_engine::{Scenario, presets};
use serde_json::Value;
use yew::prelude::*;

use crate::charts::qr::qr_path;
use crate::components::comparison::changed_paths;
use crate::components::monte_carlo::DEFAULT_TOWNS;
use crate::components::{cost_chart::CostChart, ratio_chart::RatioChart};
use crate::fields::{Field, Kind, Section};
use crate::format;
use crate::i18n::Lang;
use crate::worker_client::{Event as JobEvent, PairClient, SeedsClient};
use dialoglab_engine::metric::Metric;
use dialoglab_worker::pair::PairSummary;
use dialoglab_worker::seeds::SeedsSummary;
use dialoglab_worker::{PairOutput, SeedsJob, SeedsOutput};

/// A field's value as a reader would write it (choices by name, shares as percentages, money in
/// DKK).
#[must_use]
pub fn value_words(lang: Lang, field: Field, scenario: &Scenario, value: &Value) -> String {
    match field.kind(scenario) {
        Kind::Choice => field
            .choices()
            .into_iter()
            .find(|c| c.value() == *value)
            .map_or_else(|| value.to_string(), |c| lang.choice(c).to_string()),
        Kind::Flag => if value.as_bool().unwrap_or(false) {
            lang.t().yes
        } else {
            lang.t().no
        }
        .to_string(),
        Kind::Share => format::percent(lang, value.as_f64().unwrap_or(0.0), 0),
        Kind::Money => format::money(lang, value.as_u64().unwrap_or(0)),
        Kind::Hours { .. } | Kind::Count { .. } => {
            let n = value.as_f64().unwrap_or(0.0);
            let digits = if n.fract() == 0.0 { 0 } else { 2 };
            let unit = lang.unit(field);
            format!("{}\u{a0}{unit}", format::dec(lang, n, digits))
                .trim_end()
                .to_string()
        }
    }
}

/// The settings in which `scenario` departs from its preset: (label, preset's value, this value).
#[must_use]
pub fn departures(lang: Lang, preset: &str, scenario: &Scenario) -> Vec<(String, String, String)> {
    let Some(base) = presets::get(preset) else {
        return Vec::new();
    };
    let (ta, tb) = (
        serde_json::to_value(&base).unwrap_or(Value::Null),
        serde_json::to_value(scenario).unwrap_or(Value::Null),
    );
    changed_paths(&ta, &tb)
        .into_iter()
        .map(|path| {
            let field = Section::ALL
                .iter()
                .flat_map(|s| s.fields())
                .find(|f| f.path() == path);
            if let Some(f) = field {
                return (
                    lang.field(f).to_string(),
                    value_words(lang, f, &base, &f.value(&ta)),
                    value_words(lang, f, scenario, &f.value(&tb)),
                );
            }
            let at = |tree: &Value| {
                dialoglab_engine::path::get(tree, &path)
                    .map_or_else(String::new, |v| json_words(lang, v))
            };
            (lang.parameter_label(&path), at(&ta), at(&tb))
        })
        .collect()
}

/// A setting without a form control in words: a number as a coefficient is written in the
/// locale (`0,35`), yes or no, a text as it is, a list item by item (`0,17 / 0,28`), anything
/// else as its JSON.
fn json_words(lang: Lang, value: &Value) -> String {
    match value {
        Value::Number(n) => n
            .as_f64()
            .map_or_else(|| n.to_string(), |x| format::short(lang, x)),
        Value::Bool(b) => if *b { lang.t().yes } else { lang.t().no }.to_string(),
        Value::String(text) => text.clone(),
        Value::Array(items) => items
            .iter()
            .map(|v| json_words(lang, v))
            .collect::<Vec<_>>()
            .join(" / "),
        other => other.to_string(),
    }
}

/// The headline's uncertainty in sentences: the attendees' index and the attendees over the
/// towns (mean, 95% interval of the mean, range of outcomes).
#[must_use]
pub fn towns_words(lang: Lang, summary: &SeedsSummary) -> String {
    let find = |h: Metric| {
        summary
            .metrics
            .iter()
            .zip(&summary.ranges)
            .find(|((x, _), _)| *x == h)
            .map(|((_, i), r)| (*i, *r))
    };
    let mut out = String::new();
    if let Some((i, r)) = find(Metric::Representativeness(Stage::Attendees)) {
        out.push_str(&lang.towns_lead(summary.n, summary.first_seed, i, r));
    }
    if let Some((i, r)) = find(Metric::Attendees) {
        let h = Metric::Attendees;
        let (m, lo, hi) = (
            lang.metric_value(h, i.mean),
            lang.metric_value(h, r.min),
            lang.metric_value(h, r.max),
        );
        let line = match lang {
            Lang::Da => {
                format!("Deltagere: i gennemsnit {m}, fra {lo} til {hi} i de enkelte byer.")
            }
            Lang::En => format!("Attendees: {m} on average, from {lo} to {hi} in single towns."),
        };
        out.push(' ');
        out.push_str(&line);
    }
    out
}

/// The Brief view (the views bundle): runs the current scenario and lays out one A4 page — the
/// question, the scenario, the settings changed from the preset, the headline numbers and the
/// cost against the budget, the cost assumptions, the representation and cost charts, and the
/// link — with a button that prints it (or saves it as PDF from the print dialog).
#[component]
pub fn BriefView() -> Html {
    let app = crate::context::use_app();
    let lang = app.lang;
    let t = lang.t();
    let run = use_memo(app.scenario.clone(), |s| {
        dialoglab_engine::run(s).map(|r| std::rc::Rc::new((s.clone(), r)))
    });
    let s = &app.scenario;
    let changed = app.departs_from_preset();
    // The headline over many towns, and A/B over the same towns when A is pinned (worker).
    let towns = use_state(|| None::<SeedsSummary>);
    let pair = use_state(|| None::<PairSummary>);
    let seeds_client = use_memo((), |()| SeedsClient::new());
    let pair_client = use_memo((), |()| PairClient::new());
    {
        let (client, towns) = (seeds_client.clone(), towns.clone());
        use_effect_with(app.scenario.clone(), move |scenario| {
            towns.set(None);
            let setter = towns.clone();
            client.run(
                SeedsJob::Seeds {
                    scenario: scenario.clone(),
                    n: DEFAULT_TOWNS,
                },
                Callback::from(move |event| {
                    if let JobEvent::Done(SeedsOutput::Seeds(summary)) = event {
                        setter.set(Some(summary));
                    }
                }),
            );
            let client = client.clone();
            move || client.cancel()
        });
    }
    {
        let (client, pair) = (pair_client.clone(), pair.clone());
        let pinned = app.pinned.as_ref().map(|a| a.0.clone());
        use_effect_with((pinned, app.scenario.clone()), move |(pinned, scenario)| {
            pair.set(None);
            if let Some(a) = pinned {
                let setter = pair.clone();
                client.run(
                    SeedsJob::Pair {
                        a: a.clone(),
                        b: scenario.clone(),
                        n: DEFAULT_TOWNS,
                    },
                    Callback::from(move |event| {
                        if let JobEvent::Done(PairOutput::Pair(summary)) = event {
                            setter.set(Some(summary));
                        }
                    }),
                );
            }
            let client = client.clone();
            move || client.cancel()
        });
    }
    let rows = departures(lang, &app.preset, s);
    let print = Callback::from(|_: MouseEvent| {
        let _ = gloo::utils::window().print();
    });
    let back = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| {
            app.dispatch(crate::state::Action::SetView(crate::state::View::Sandbox));
        })
    };
    let link = if cfg!(target_arch = "wasm32") {
        let base = gloo::utils::window().location();
        format!(
            "{}{}{}",
            base.origin().unwrap_or_default(),
            base.pathname().unwrap_or_default(),
            crate::url::encode(&app.preset, s, lang)
        )
    } else {
        String::new()
    };
    let rates = [
        Field::LetterCost,
        Field::StaffHourCost,
        Field::OpenCallHours,
        Field::HoursPerContact,
        Field::HoursPerAssociation,
        Field::HoursPerResponse,
    ];
    let tree = serde_json::to_value(s).unwrap_or(Value::Null);
    let numbers = match &*run {
        Ok(r) => {
            let report = &r.1;
            let index = report
                .stage(Stage::Attendees)
                .map_or(0.0, |x| x.representativeness.index);
            let attendees = report.stage(Stage::Attendees).map_or(0, |x| x.count);
            html! {
                <>
                    <dl class="headline">
                        <div><dt>{ lang.index_of(t.stage_attendees) }</dt><dd id="brief-index">{ format::dec(lang, index, 3) }</dd></div>
                        <div><dt>{ t.stage_attendees }</dt><dd>{ format::int(lang, u64::from(attendees)) }</dd></div>
                        <div><dt>{ t.cost_label }</dt><dd>{ format::money(lang, report.cost.dkk) }</dd></div>
                    </dl>
                    <p id="brief-cost">{ lang.cost_vs_budget(report.cost.dkk, s.budget) }</p>
                    <p id="brief-towns" aria-busy={towns.is_none().to_string()}>
                        { towns.as_ref().map_or_else(|| lang.towns().running.to_string(), |t| towns_words(lang, t)) }
                    </p>
                    if let Some(p) = &*pair {
                        <p id="brief-pair">
                            <strong>{ lang.towns().pair_heading }{ ": " }</strong>
                            { p.metrics.iter().filter(|m| m.headline == Metric::Representativeness(Stage::Attendees)).map(|m| lang.pair_sentence(m.headline, p.n, &m.diff)).collect::<String>() }
                            if !p.same_citizens { { " " }{ lang.towns().pair_unpaired } }
                        </p>
                    }
                    <RatioChart {lang} report={r.clone()} />
                    <CostChart {lang} run={r.clone()} />
                </>
            }
        }
        Err(e) => html! { <p class="error" role="alert">{ lang.scenario_error(e) }</p> },
    };
    html! {
        <section class="view-page brief-view" aria-labelledby="view-heading">
            <p class="brief-action no-print">
                <button type="button" id="print-brief" class="primary" onclick={print}>{ t.brief_print }</button>
                { " " }
                <button type="button" id="brief-back" onclick={back}>{ lang.view(crate::state::View::Sandbox) }</button>
            </p>
            <div class="brief" id="brief">
                <h2 id="view-heading">{ t.brief_heading }</h2>
                <p class="brief-question">{ t.tagline }</p>
                <p id="brief-scenario">{ lang.scenario_line(&app.preset, s, changed) }</p>
                <h3>{ t.brief_settings }</h3>
                if rows.is_empty() {
                    <p>{ t.brief_no_changes }</p>
                } else {
                    <table id="brief-settings" class="compare-table">
                        <tbody>
                            { for rows.into_iter().map(|(label, from, to)| html! {
                                <tr><th scope="row">{ label }</th><td>{ from }</td><td>{ "→ " }{ to }</td></tr>
                            }) }
                        </tbody>
                    </table>
                }
                { numbers }
                <h3>{ t.brief_assumptions }</h3>
                <p id="brief-rates">
                    { rates.iter().filter(|f| f.applies(s)).map(|f| format!("{}: {} ({})", lang.field(*f), value_words(lang, *f, s, &f.value(&tree)), lang.rate_source_short(*f).unwrap_or_default())).collect::<Vec<_>>().join(" · ") }
                    { ". " }{ t.costs_hint }
                </p>
                <div class="brief-reopen">
                    if let Some(q) = (!link.is_empty()).then(|| qr_path(&link)).flatten() {
                        <svg id="brief-qr" class="qr brief-qr" viewBox={format!("0 0 {0} {0}", q.size)} role="img" aria-labelledby="brief-qr-title" shape-rendering="crispEdges">
                            <title id="brief-qr-title">{ t.qr_title }</title>
                            <rect width="100%" height="100%" fill="#fff" />
                            <path d={q.d} fill="#000" />
                        </svg>
                    }
                    <p id="brief-link"><strong>{ t.brief_link }{ ": " }</strong><span class="brief-url">{ link }</span></p>
                </div>
            </div>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_towns_sentence_gives_mean_and_range_of_the_attendees() {
        let scenario = presets::get("borgerbudget-small").unwrap();
        let dialoglab_worker::Output::Seeds(summary) =
            dialoglab_worker::seeds::run(&scenario, 3, &mut |_| {}).unwrap()
        else {
            panic!()
        };
        let k = Metric::HEADLINE
            .iter()
            .position(|h| *h == Metric::Attendees)
            .unwrap();
        let r = summary.ranges[k];
        let words = towns_words(Lang::En, &summary);
        assert!(words.starts_with("In 3 simulated towns"), "{words}");
        assert!(
            words.ends_with(&format!(
                "Attendees: {} on average, from {} to {} in single towns.",
                Lang::En.metric_value(Metric::Attendees, summary.metrics[k].1.mean),
                Lang::En.metric_value(Metric::Attendees, r.min),
                Lang::En.metric_value(Metric::Attendees, r.max)
            )),
            "{words}"
        );
        assert!(towns_words(Lang::Da, &summary).contains("i de enkelte byer"));
    }

    #[test]
    fn departures_name_the_setting_and_both_values_in_words() {
        let mut s = presets::get("faxe-dialogue").unwrap();
        assert!(departures(Lang::Da, "faxe-dialogue", &s).is_empty());
        s.invitation.strategy = dialoglab_engine::Strategy::Targeted;
        s.budget = 500_000;
        let rows = departures(Lang::Da, "faxe-dialogue", &s);
        assert_eq!(rows.len(), 2, "{rows:?}");
        let strategy = rows.iter().find(|r| r.0 == "Invitationsstrategi").unwrap();
        assert_eq!(strategy.2, "Opsøgende kontakt til udsatte");
        let budget = rows.iter().find(|r| r.0 == "Borgerbudget").unwrap();
        assert_eq!(
            (budget.1.as_str(), budget.2.as_str()),
            ("250.000\u{a0}kr.", "500.000\u{a0}kr.")
        );
    }

    /// A setting without a form control: a registry coefficient is named by its label, its
    /// values in the locale's numbers; a switch with yes and no; no raw path in the row.
    #[test]
    fn departures_without_a_control_are_named_and_worded_too() {
        let mut s = presets::get("faxe-dialogue").unwrap();
        s.attendance.free_time = 0.35;
        s.vote.costs_by_category = false;
        let da = departures(Lang::Da, "faxe-dialogue", &s);
        assert_eq!(da.len(), 2, "{da:?}");
        let label = dialoglab_engine::registry::label("attendance.free_time").unwrap();
        let free = da.iter().find(|r| r.0 == label.da).unwrap();
        assert_eq!(free.2, "0,35");
        assert_ne!(free.1, "");
        let costs = da.iter().find(|r| r.2 == "Nej").unwrap();
        assert_eq!(costs.1, "Ja");
        let en = departures(Lang::En, "faxe-dialogue", &s);
        assert!(
            en.iter().any(|r| r.0 == label.en && r.2 == "0.35"),
            "{en:?}"
        );
    }
}
