//! One numeric scenario field: a labelled number field with its unit, and for ranged fields a
//! slider beside it (log scale for money) with `aria-valuetext` in words and units.

use serde_json::Value;
use yew::prelude::*;

use crate::charts::scale::{budget_steps, budget_to_slider, slider_to_budget};
use crate::context::use_app;
use crate::fields::{Field, Kind};
use crate::format;
use crate::i18n::Lang;
use crate::state::Action;

/// Parses a whole number typed by a user, allowing spaces and the locale's group separators.
#[must_use]
pub fn parse_whole(text: &str) -> Option<u64> {
    let digits: String = text
        .chars()
        .filter(|c| !matches!(c, ' ' | '.' | ',' | '_' | '\u{a0}'))
        .collect();
    digits.parse().ok()
}

/// Parses a decimal typed with either `.` or `,` as decimal mark.
#[must_use]
pub fn parse_decimal(text: &str) -> Option<f64> {
    let t: String = text
        .trim()
        .replace(['\u{a0}', ' ', '%'], "")
        .replace(',', ".")
        .replace('−', "-");
    t.parse::<f64>().ok().filter(|x| x.is_finite())
}

/// A field's value in words with its unit, for the visible output and `aria-valuetext`.
#[must_use]
pub fn value_text(lang: Lang, field: Field, kind: Kind, value: &Value) -> String {
    let x = value.as_f64().unwrap_or(0.0);
    match kind {
        Kind::Money => format::money(lang, value.as_u64().unwrap_or(0)),
        Kind::Share => format::percent(lang, x, 0),
        Kind::Hours { .. } => format!("{}\u{a0}{}", format::dec(lang, x, 2), lang.unit(field)),
        _ => {
            let unit = lang.unit(field);
            let n = format::int(lang, value.as_u64().unwrap_or(0));
            if unit.is_empty() {
                n
            } else {
                format!("{n}\u{a0}{unit}")
            }
        }
    }
}

/// Props of [`NumberControl`].
#[derive(Properties, PartialEq)]
pub struct NumberControlProps {
    /// The field.
    pub field: Field,
    /// Its kind and range.
    pub kind: Kind,
    /// Its current JSON value.
    pub value: Value,
    /// Extra content under the control (hints, buttons).
    #[prop_or_default]
    pub children: Html,
}

/// The control.
#[component]
pub fn NumberControl(props: &NumberControlProps) -> Html {
    let app = use_app();
    let lang = app.lang;
    let field = props.field;
    let id = field.id();
    let (label_id, unit_id) = (format!("{id}-label"), format!("{id}-unit"));
    let text = value_text(lang, field, props.kind, &props.value);
    let x = props.value.as_f64().unwrap_or(0.0);

    // Commit typed text on change (blur) and on Enter.
    let commit = {
        let app = app.clone();
        let kind = props.kind;
        Callback::from(move |raw: String| {
            let value = match kind {
                Kind::Share => parse_decimal(&raw).map(|p| Value::from(p / 100.0)),
                Kind::Hours { .. } => parse_decimal(&raw).map(Value::from),
                _ => parse_whole(&raw).map(Value::from),
            };
            app.dispatch(match value {
                Some(v) => Action::Set(field, v),
                None => Action::NotANumber(field, raw),
            });
        })
    };
    let on_number = {
        let commit = commit.clone();
        Callback::from(move |e: Event| {
            commit.emit(
                e.target_unchecked_into::<web_sys::HtmlInputElement>()
                    .value(),
            );
        })
    };
    let on_enter = Callback::from(move |e: KeyboardEvent| {
        if e.key() == "Enter" {
            commit.emit(
                e.target_unchecked_into::<web_sys::HtmlInputElement>()
                    .value(),
            );
        }
    });
    let on_slider = {
        let app = app.clone();
        let kind = props.kind;
        Callback::from(move |e: InputEvent| {
            let raw = e
                .target_unchecked_into::<web_sys::HtmlInputElement>()
                .value();
            let Ok(v) = raw.parse::<f64>() else { return };
            let value = match kind {
                Kind::Money => Value::from(slider_to_budget(v as u32)),
                Kind::Share => Value::from(v / 100.0),
                _ => Value::from(v as u64),
            };
            app.dispatch(Action::Set(field, value));
        })
    };
    // (slider min, max, step, position) when the field has a slider.
    let slider = match props.kind {
        Kind::Money => Some((
            0.0,
            f64::from(budget_steps()),
            1.0,
            f64::from(budget_to_slider(props.value.as_u64().unwrap_or(0))),
        )),
        Kind::Share => Some((0.0, 100.0, 1.0, (x * 100.0).round())),
        Kind::Count {
            min,
            max,
            step,
            slider: true,
        } => Some((min as f64, max as f64, step as f64, x)),
        _ => None,
    };
    let (num_min, num_max, num_step, num_value) = match props.kind {
        Kind::Count { min, max, step, .. } => (
            min.to_string(),
            max.to_string(),
            step.to_string(),
            props.value.to_string(),
        ),
        Kind::Share => (
            "0".into(),
            "100".into(),
            "any".into(),
            format!("{}", (x * 1000.0).round() / 10.0),
        ),
        Kind::Hours { max } => (
            "0".into(),
            max.to_string(),
            "any".into(),
            props.value.to_string(),
        ),
        _ => (
            "0".into(),
            dialoglab_engine::scenario::MAX_BUDGET.to_string(),
            "1000".into(),
            props.value.to_string(),
        ),
    };
    let unit = lang.unit(field);
    html! {
        <div class="field">
            <div class="field-head">
                <label for={id.clone()} id={label_id.clone()}>{ lang.field(field) }</label>
                if slider.is_some() {
                    <output for={id.clone()} class="value" aria-hidden="true">{ text.clone() }</output>
                }
            </div>
            if let Some((min, max, step, pos)) = slider {
                <input id={format!("{id}-slider")} type="range" min={min.to_string()} max={max.to_string()} step={step.to_string()}
                    value={pos.to_string()} aria-labelledby={label_id.clone()} aria-valuetext={text}
                    oninput={on_slider} />
            }
            <div class="with-unit">
                <input id={id} type="number" inputmode="decimal" min={num_min} max={num_max} step={num_step}
                    value={num_value} aria-labelledby={format!("{label_id} {unit_id}")} onchange={on_number} onkeydown={on_enter} />
                <span class="unit" id={unit_id}>{ unit }</span>
            </div>
            { props.children.clone() }
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_numbers_accept_group_separators() {
        assert_eq!(parse_whole("250.000"), Some(250_000));
        assert_eq!(parse_whole("1,000,000"), Some(1_000_000));
        assert_eq!(parse_whole(" 42 "), Some(42));
        assert_eq!(parse_whole("ten"), None);
        assert_eq!(parse_whole("-5"), None);
    }

    #[test]
    fn decimals_accept_either_mark() {
        assert_eq!(parse_decimal("12,5"), Some(12.5));
        assert_eq!(parse_decimal("40 %"), Some(40.0));
        // As the app writes it, with a no-break space.
        assert_eq!(parse_decimal("40\u{a0}%"), Some(40.0));
        assert_eq!(parse_decimal("x"), None);
        // The minus sign the page writes (`format::dec`) reads back.
        assert_eq!(parse_decimal("−0,5"), Some(-0.5));
    }

    #[test]
    fn value_texts_carry_units() {
        let share = Field::OutreachReach.kind(&dialoglab_engine::Scenario::default());
        assert_eq!(
            value_text(Lang::Da, Field::OutreachReach, share, &Value::from(0.4)),
            "40\u{a0}%"
        );
        assert_eq!(
            value_text(Lang::En, Field::Budget, Kind::Money, &Value::from(250_000)),
            "DKK\u{a0}250,000"
        );
        let count = Field::Contacts.kind(&dialoglab_engine::Scenario::default());
        assert_eq!(
            value_text(Lang::Da, Field::Contacts, count, &Value::from(3)),
            "3\u{a0}kontakter"
        );
    }
}
