//! The panel-selection job: reads the selection software's two CSV files, selects a panel with
//! LEGACY, maximin or LEXIMIN (`dialoglab_engine::panel`) and, when asked, LEGACY as well for the
//! side-by-side comparison. Maximin and LEXIMIN stream their column generation as
//! [`Partial::PanelStep`]s (level, fixed respondents, compositions, gap) and as progress in
//! respondents whose probability is fixed; LEGACY's result is streamed as
//! [`Partial::PanelLegacy`] before LEXIMIN starts. The page cancels by terminating the worker.
//! A problem with the files or the quotas is answered as the engine's [`PanelError`] (inside a
//! [`Output::Panel`]), which the page words in the user's language.

use dialoglab_engine::panel::{self, Algorithm, Options, PanelError, Progress, Selection};
use serde::{Deserialize, Serialize};

use crate::protocol::{Message, Output, Partial};

/// What the page asks for.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PanelSpec {
    /// The text of `categories.csv`.
    pub categories: String,
    /// The text of `respondents.csv`.
    pub respondents: String,
    /// Name of the household column of `respondents.csv`, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub household: Option<String>,
    /// Members of the panel.
    pub panel_size: u32,
    /// The algorithm.
    pub algorithm: Algorithm,
    /// Seed of the panel draw and of LEGACY's Monte-Carlo draws.
    pub seed: u64,
    /// LEGACY's Monte-Carlo draws (default [`Options::default`]'s).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub draws: Option<u32>,
    /// Also run LEGACY (when `algorithm` is not LEGACY itself), for the comparison.
    #[serde(default)]
    pub with_legacy: bool,
}

/// The result: the selection by the chosen algorithm and, when asked, by LEGACY.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PanelDone {
    /// The chosen algorithm's selection.
    pub selection: Selection,
    /// LEGACY's selection ([`PanelSpec::with_legacy`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub legacy: Option<Selection>,
}

/// Runs the selection, streaming the column generation's progress.
///
/// # Errors
/// Never for bad input (that is an [`Output::Panel`] holding the [`PanelError`]); the `Result`
/// matches the other jobs.
pub fn run(spec: &PanelSpec, send: &mut dyn FnMut(Message)) -> Result<Output, String> {
    Ok(Output::Panel(Box::new(select(spec, send))))
}

fn select(spec: &PanelSpec, send: &mut dyn FnMut(Message)) -> Result<PanelDone, PanelError> {
    let pool = panel::parse(
        &spec.categories,
        &spec.respondents,
        spec.household.as_deref(),
    )?;
    let mut options = Options {
        seed: spec.seed,
        ..Options::default()
    };
    if let Some(draws) = spec.draws {
        options.draws = draws;
    }
    let legacy = if spec.with_legacy && spec.algorithm != Algorithm::Legacy {
        let s = panel::select(
            &pool,
            spec.panel_size,
            Algorithm::Legacy,
            &options,
            &mut |_| true,
        )?;
        send(Message::Partial(Partial::PanelLegacy(Box::new(s.clone()))));
        Some(s)
    } else {
        None
    };
    let mut last_level = u32::MAX;
    let mut calls = 0u32;
    let selection = panel::select(
        &pool,
        spec.panel_size,
        spec.algorithm,
        &options,
        &mut |p: &Progress| {
            // Every new level, and every tenth pricing round within a level.
            calls += 1;
            if p.level != last_level || calls.is_multiple_of(10) {
                last_level = p.level;
                send(Message::Partial(Partial::PanelStep(*p)));
                send(Message::Progress {
                    done: p.fixed,
                    total: p.respondents,
                });
            }
            true
        },
    )?;
    Ok(PanelDone { selection, legacy })
}

#[cfg(test)]
mod tests {
    use super::*;

    const CATEGORIES: &str =
        include_str!("../../engine/tests/data/sortition/example_small_20/categories.csv");
    const RESPONDENTS: &str =
        include_str!("../../engine/tests/data/sortition/example_small_20/respondents.csv");

    fn spec(algorithm: Algorithm) -> PanelSpec {
        PanelSpec {
            categories: CATEGORIES.into(),
            respondents: RESPONDENTS.into(),
            household: None,
            panel_size: 20,
            algorithm,
            seed: 3,
            draws: Some(500),
            with_legacy: true,
        }
    }

    fn done(out: Output) -> Result<PanelDone, PanelError> {
        let Output::Panel(result) = out else {
            panic!("{out:?}")
        };
        *result
    }

    #[test]
    fn leximin_with_legacy_streams_steps_and_equals_the_engine() {
        let spec = spec(Algorithm::Leximin);
        let mut messages = Vec::new();
        let result = done(run(&spec, &mut |m| messages.push(m)).unwrap()).unwrap();
        let pool = panel::parse(CATEGORIES, RESPONDENTS, None).unwrap();
        let options = Options {
            seed: 3,
            draws: 500,
        };
        let expected =
            panel::select(&pool, 20, Algorithm::Leximin, &options, &mut |_| true).unwrap();
        assert_eq!(result.selection, expected);
        assert!((result.selection.min - 0.1).abs() < 1e-6);
        let legacy = result.legacy.expect("legacy asked for");
        assert_eq!(legacy.draws, Some(500));
        assert!(legacy.min < 0.05, "{}", legacy.min);
        assert!(matches!(
            messages.first(),
            Some(Message::Partial(Partial::PanelLegacy(_)))
        ));
        let steps = messages
            .iter()
            .filter(|m| matches!(m, Message::Partial(Partial::PanelStep(_))))
            .count();
        assert!(steps >= 1, "{messages:?}");
        // Every answer reads on the page, the first step's infinite gap included.
        for message in &messages {
            let text = crate::Response {
                id: 1,
                message: message.clone(),
            }
            .to_json();
            crate::Response::<crate::PanelMessage>::from_json(&text).unwrap();
        }
        // A step before the first bound has an infinite gap, which JSON writes as null.
        let before_bound = Message::Partial(Partial::PanelStep(Progress {
            level: 0,
            fixed: 0,
            respondents: 200,
            panels: 1,
            gap: f64::INFINITY,
        }));
        let text = crate::Response {
            id: 1,
            message: before_bound.clone(),
        }
        .to_json();
        assert!(text.contains("\"gap\":null"), "{text}");
        assert_eq!(
            crate::Response::<crate::Message>::from_json(&text)
                .unwrap()
                .message,
            before_bound
        );
        assert!(messages.iter().any(|m| matches!(
            m,
            Message::Progress {
                done: 0,
                total: 200
            }
        )));
    }

    #[test]
    fn legacy_alone_is_not_run_twice() {
        let mut messages = Vec::new();
        let result = done(run(&spec(Algorithm::Legacy), &mut |m| messages.push(m)).unwrap());
        let result = result.unwrap();
        assert!(result.legacy.is_none());
        assert_eq!(result.selection.algorithm, Algorithm::Legacy);
        assert!(messages.is_empty(), "{messages:?}");
    }

    #[test]
    fn bad_files_and_quotas_are_answered_as_the_engines_error() {
        let mut bad = spec(Algorithm::Leximin);
        bad.respondents = bad.respondents.replacen("female", "woman", 1);
        let err = done(run(&bad, &mut |_| {}).unwrap()).unwrap_err();
        assert!(
            matches!(&err, PanelError::UnknownFeature { value, .. } if value == "woman"),
            "{err:?}"
        );
        let mut bad = spec(Algorithm::Maximin);
        bad.panel_size = 0;
        let err = done(run(&bad, &mut |_| {}).unwrap()).unwrap_err();
        assert!(matches!(err, PanelError::PanelSize { .. }), "{err:?}");
        // The error survives the trip to the page.
        let json = serde_json::to_string(&err).unwrap();
        assert_eq!(serde_json::from_str::<PanelError>(&json).unwrap(), err);
    }
}
