//! Scenario ⇄ link. A link is a readable query for the main knobs plus a compact fragment for
//! every other field that differs from the preset:
//!
//! `?v=1&lang=da&preset=faxe-dialogue&budget=250000&strategy=open-call&size=29500&seed=1#s=<diff>`
//!
//! `<diff>` is base64url (no padding) of the compact JSON of the scenario's differences from the
//! preset's JSON (objects are compared key by key, anything else as a whole), leaving out the
//! knobs in the query. The codec works on serde JSON, so a new `Scenario` field needs no change
//! here. Links carry a version `v`; older versions are migrated ([`migrate`]) and newer ones are
//! refused with [`LinkError::Newer`].
//!
//! A link may also name the view it opens and, for the guide, the chapter ([`Place`]:
//! `&view=guide&chapter=3`). These parameters are optional and independent of the scenario, so
//! links without them open the sandbox as before, and `?view=guide&chapter=3` alone opens the
//! chapter on the stored scenario.

use dialoglab_engine::path::{get as lookup, remove, set};
use std::fmt::Write;

use dialoglab_engine::{Scenario, ScenarioError, presets};
use serde_json::{Map, Value};

use crate::json_tree::{diff, merge};
use crate::language::Lang;
use crate::view::View;

/// The page's address without query or fragment (empty outside the browser): what a link's
/// query and fragment are appended to.
#[must_use]
pub fn page_base() -> String {
    // `#[cfg]`, not `cfg!`: the fuzz targets compile this file natively without `gloo`.
    #[cfg(target_arch = "wasm32")]
    {
        let location = gloo::utils::window().location();
        format!(
            "{}{}",
            location.origin().unwrap_or_default(),
            location.pathname().unwrap_or_default()
        )
    }
    #[cfg(not(target_arch = "wasm32"))]
    String::new()
}

/// Version of the link format written by this build.
pub const LINK_VERSION: u32 = 1;

/// The query knobs of version 1: (query name, dotted scenario path).
pub const KNOBS: [(&str, &str); 4] = [
    ("budget", "budget"),
    ("strategy", "invitation.strategy"),
    ("size", "population.size"),
    ("seed", "seed"),
];

/// A decoded link.
#[derive(Clone, Debug, PartialEq)]
pub struct Link {
    /// Language asked for by `?lang=`, if any.
    pub lang: Option<Lang>,
    /// Name of the preset the scenario starts from.
    pub preset: String,
    /// The scenario, validated.
    pub scenario: Scenario,
}

/// Why a link could not be opened.
#[derive(Clone, Debug, PartialEq)]
pub enum LinkError {
    /// Written by a newer Dialoglab (this version number).
    Newer(u32),
    /// `v` is not a whole number.
    BadVersion(String),
    /// A query knob that does not parse (name, value).
    BadValue(String, String),
    /// A view or guide chapter that does not exist (parameter, value).
    BadPlace(String, String),
    /// The fragment is damaged or truncated (not base64url of a JSON object).
    BadFragment,
    /// No preset of this name.
    UnknownPreset(String),
    /// The scenario it describes is not valid (unknown field, value out of range).
    Scenario(ScenarioError),
}

/// Where a link opens: a view and the guide's chapter (1-based).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Place {
    /// The view.
    pub view: View,
    /// The guide chapter, 1 – [`crate::guide::CHAPTERS`]`.len()`.
    pub chapter: u8,
}

impl Default for Place {
    fn default() -> Self {
        Place {
            view: View::default(),
            chapter: 1,
        }
    }
}

/// Reads `view` and `chapter` from a query (with or without `?`). Absent parameters give the
/// sandbox and chapter 1; an unknown view or a chapter that does not exist is an error naming it.
pub fn decode_place(search: &str) -> Result<Place, LinkError> {
    let params = parse_query(search.trim_start_matches('?'));
    let mut place = Place::default();
    if let Some(v) = get(&params, "view") {
        place.view =
            View::from_key(v).ok_or_else(|| LinkError::BadPlace("view".into(), v.into()))?;
    }
    if let Some(c) = get(&params, "chapter") {
        place.chapter = c
            .parse::<u8>()
            .ok()
            .filter(|n| crate::guide::is_chapter(*n))
            .ok_or_else(|| LinkError::BadPlace("chapter".into(), c.into()))?;
    }
    Ok(place)
}

/// Adds the place to a link written by [`encode`] (before its fragment). The sandbox adds
/// nothing; the guide adds its chapter.
#[must_use]
pub fn with_place(link: &str, place: Place) -> String {
    let extra = match place.view {
        View::Sandbox => return link.to_string(),
        v if v.has_chapter() => format!("&view={}&chapter={}", v.key(), place.chapter),
        other => format!("&view={}", other.key()),
    };
    match link.split_once('#') {
        Some((query, fragment)) => format!("{query}{extra}#{fragment}"),
        None => format!("{link}{extra}"),
    }
}

/// Writes the link (query and fragment, starting with `?`) for a scenario started from `preset`.
#[must_use]
pub fn encode(preset: &str, scenario: &Scenario, lang: Lang) -> String {
    let base = presets::get(preset).unwrap_or_default();
    let preset = if presets::get(preset).is_some() {
        preset
    } else {
        presets::ALL[0].name
    };
    let now = serde_json::to_value(scenario).unwrap_or(Value::Null);
    let mut query = format!("?v={LINK_VERSION}&lang={}&preset={preset}", lang.code());
    for (name, path) in KNOBS {
        if let Some(v) = lookup(&now, path) {
            let text = match v {
                Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            let _ = write!(query, "&{name}={}", escape(&text));
        }
    }
    let base = serde_json::to_value(&base).unwrap_or(Value::Null);
    let mut delta = diff(&base, &now).unwrap_or(Value::Object(Map::new()));
    for (_, path) in KNOBS {
        remove(&mut delta, path);
    }
    if delta.as_object().is_some_and(|m| !m.is_empty()) {
        query.push_str("#s=");
        query.push_str(&base64url_encode(delta.to_string().as_bytes()));
    }
    query
}

/// Reads a link from the page's `location.search` and `location.hash` (with or without the
/// leading `?`/`#`). `Ok(None)` when the address carries no scenario at all.
pub fn decode(search: &str, hash: &str) -> Result<Option<Link>, LinkError> {
    let params = parse_query(search.trim_start_matches('?'));
    let fragment = hash
        .trim_start_matches('#')
        .strip_prefix("s=")
        .map(str::to_string);
    let ours = [
        "v",
        "lang",
        "preset",
        "budget",
        "budget_k",
        "strategy",
        "size",
        "population",
        "seed",
    ];
    let has_any = params.iter().any(|(k, _)| ours.contains(&k.as_str())) || fragment.is_some();
    if !has_any {
        return Ok(None);
    }
    let version = match get(&params, "v") {
        None => 0,
        Some(v) => v
            .parse::<u32>()
            .map_err(|_| LinkError::BadVersion(v.to_string()))?,
    };
    if version > LINK_VERSION {
        return Err(LinkError::Newer(version));
    }
    let delta = match fragment {
        None => Value::Object(Map::new()),
        Some(text) => {
            let bytes = base64url_decode(&text).ok_or(LinkError::BadFragment)?;
            // From text, as every JSON tree the page reads (one decoder in the bundle).
            let text = String::from_utf8(bytes).map_err(|_| LinkError::BadFragment)?;
            let value: Value = serde_json::from_str(&text).map_err(|_| LinkError::BadFragment)?;
            if !value.is_object() {
                return Err(LinkError::BadFragment);
            }
            value
        }
    };
    let (params, delta) = migrate(version, params, delta)?;
    build(&params, delta).map(Some)
}

/// Brings the parameters and fragment of a link of `version` up to [`LINK_VERSION`].
///
/// Version 0 (drafts before links were versioned) had no `v`, called the population size
/// `population` and gave the budget in thousands of DKK as `budget_k`.
pub fn migrate(
    version: u32,
    mut params: Vec<(String, String)>,
    delta: Value,
) -> Result<(Vec<(String, String)>, Value), LinkError> {
    if version == 0 {
        for (k, v) in &mut params {
            if k == "population" {
                *k = "size".into();
            } else if k == "budget_k" {
                let thousands: u64 = v
                    .parse()
                    .map_err(|_| LinkError::BadValue(k.clone(), v.clone()))?;
                *k = "budget".into();
                *v = thousands.saturating_mul(1000).to_string();
            }
        }
    }
    Ok((params, delta))
}

fn build(params: &[(String, String)], delta: Value) -> Result<Link, LinkError> {
    let preset = get(params, "preset")
        .unwrap_or(presets::ALL[0].name)
        .to_string();
    let base = presets::get(&preset).ok_or_else(|| LinkError::UnknownPreset(preset.clone()))?;
    let mut tree = serde_json::to_value(&base).unwrap_or(Value::Null);
    merge(&mut tree, delta);
    for (name, path) in KNOBS {
        if let Some(text) = get(params, name) {
            let value = if name == "strategy" {
                Value::String(text.to_string())
            } else {
                text.parse::<u64>()
                    .map(Value::from)
                    .map_err(|_| LinkError::BadValue(name.to_string(), text.to_string()))?
            };
            set(&mut tree, path, value);
        }
    }
    // Links made before the model dropped its group bonuses still open, without those fields.
    dialoglab_engine::scenario::drop_removed_fields(&mut tree);
    let scenario: Scenario = serde_json::from_value(tree)
        .map_err(|e| LinkError::Scenario(ScenarioError::Json(e.to_string())))?;
    scenario.validate().map_err(LinkError::Scenario)?;
    Ok(Link {
        lang: get(params, "lang").and_then(Lang::from_code),
        preset,
        scenario,
    })
}

fn get<'a>(params: &'a [(String, String)], key: &str) -> Option<&'a str> {
    params
        .iter()
        .rev()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.as_str())
}

fn parse_query(query: &str) -> Vec<(String, String)> {
    query
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            (unescape(k), unescape(v))
        })
        .collect()
}

fn escape(text: &str) -> String {
    let mut out = String::new();
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            out.push(b as char);
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

fn unescape(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut k = 0;
    while k < bytes.len() {
        match bytes[k] {
            b'+' => out.push(b' '),
            b'%' if k + 2 < bytes.len() => {
                let hex = |c: u8| (c as char).to_digit(16);
                match (hex(bytes[k + 1]), hex(bytes[k + 2])) {
                    (Some(hi), Some(lo)) => {
                        out.push((hi * 16 + lo) as u8);
                        k += 2;
                    }
                    _ => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        k += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Base64url without padding (RFC 4648 §5).
#[must_use]
pub fn base64url_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() * 4 / 3 + 3);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |acc, (k, b)| acc | (u32::from(*b) << (16 - 8 * k)));
        for k in 0..=chunk.len() {
            out.push(ALPHABET[((n >> (18 - 6 * k)) & 63) as usize] as char);
        }
    }
    out
}

/// Decodes base64url without padding (padding `=` is tolerated); `None` if damaged.
#[must_use]
pub fn base64url_decode(text: &str) -> Option<Vec<u8>> {
    let text = text.trim_end_matches('=');
    if text.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    for chunk in text.as_bytes().chunks(4) {
        let mut n = 0u32;
        for (k, c) in chunk.iter().enumerate() {
            let v = ALPHABET.iter().position(|a| a == c)? as u32;
            n |= v << (18 - 6 * k);
        }
        for k in 0..chunk.len() - 1 {
            out.push((n >> (16 - 8 * k)) as u8);
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use dialoglab_engine::Strategy;
    use serde_json::json;

    fn split(link: &str) -> (&str, &str) {
        link.split_once('#').unwrap_or((link, ""))
    }

    fn round_trip(preset: &str, s: &Scenario) -> Link {
        let link = encode(preset, s, Lang::En);
        let (q, h) = split(&link);
        decode(q, h).unwrap().unwrap()
    }

    #[test]
    fn base64url_round_trips_every_length() {
        for n in 0..40u8 {
            let bytes: Vec<u8> = (0..n)
                .map(|k| k.wrapping_mul(37).wrapping_add(200))
                .collect();
            let text = base64url_encode(&bytes);
            assert!(!text.contains(['+', '/', '=']));
            assert_eq!(base64url_decode(&text).unwrap(), bytes);
        }
        assert_eq!(base64url_encode(b"hi?"), "aGk_");
        assert_eq!(base64url_decode("a"), None);
        assert_eq!(base64url_decode("a*bc"), None);
    }

    #[test]
    fn a_preset_gives_a_readable_query_and_no_fragment() {
        let link = encode("faxe-dialogue", &Scenario::default(), Lang::Da);
        assert_eq!(
            link,
            "?v=1&lang=da&preset=faxe-dialogue&budget=250000&strategy=open-call&size=29500&seed=1"
        );
        let l = decode(&link, "").unwrap().unwrap();
        assert_eq!(l.scenario, Scenario::default());
        assert_eq!(l.lang, Some(Lang::Da));
    }

    #[test]
    fn every_field_round_trips_through_the_fragment() {
        let mut s = presets::get("borgerbudget-small").unwrap();
        s.invitation.strategy = Strategy::Targeted;
        s.invitation.supports.childcare = true;
        s.invitation.outreach_reach = 0.73;
        s.attendance.trust = 0.123_456_789_012_345_6;
        s.population.age_shares = [0.2, 0.3, 0.3, 0.2];
        s.costs.letter_dkk = 11;
        s.seed = 987_654_321_012;
        s.budget = 1_234_567;
        let link = encode("borgerbudget-small", &s, Lang::En);
        assert!(link.contains("&strategy=targeted&"), "{link}");
        assert!(link.contains("#s="), "{link}");
        let l = round_trip("borgerbudget-small", &s);
        assert_eq!(l.scenario, s);
        assert_eq!(l.preset, "borgerbudget-small");
        // Knobs alone need no fragment.
        let mut k = Scenario {
            budget: 1_000_000,
            ..Scenario::default()
        };
        k.invitation.strategy = Strategy::Letters;
        assert!(!encode("faxe-dialogue", &k, Lang::En).contains('#'));
        assert_eq!(round_trip("faxe-dialogue", &k).scenario, k);
    }

    /// Every control of the scenario panel, set to each of its other values (choices, a flag
    /// flipped, a share, a count or hours inside the range), travels through a link and back.
    #[test]
    fn every_panel_control_round_trips_through_a_link() {
        use crate::fields::{Field, Kind, Section};
        let mut base = presets::get("borgerbudget-small").unwrap();
        base.invitation.strategy = Strategy::Stratified;
        let tree = serde_json::to_value(&base).unwrap();
        let mut tried = 0;
        for f in Section::ALL.iter().flat_map(|s| s.fields()) {
            let current = f.value(&tree);
            let values: Vec<Value> = match f.kind(&base) {
                Kind::Choice => f.choices().iter().map(|c| c.value()).collect(),
                Kind::Flag => vec![Value::Bool(!current.as_bool().unwrap())],
                Kind::Share => vec![json!(0.37), json!(0.0), json!(1.0)],
                Kind::Hours { max } => vec![json!(1.5), json!(max)],
                Kind::Count { min, max, .. } => vec![json!(min), json!(max)],
                Kind::Money => vec![json!(777_000)],
            };
            for v in values.into_iter().filter(|v| *v != current) {
                let mut s = base.clone();
                f.set(&mut s, v.clone()).unwrap();
                s.invitation.letters = s.invitation.letters.min(s.population.size);
                s.invitation.panel_size = s.invitation.panel_size.min(s.invitation.letters);
                let link = encode("borgerbudget-small", &s, Lang::Da);
                let (q, h) = split(&link);
                match s.validate() {
                    Ok(()) => {
                        let back = decode(q, h).unwrap().unwrap().scenario;
                        assert_eq!(back, s, "{} = {v}", f.path());
                        assert_eq!(
                            f.value(&serde_json::to_value(&back).unwrap()),
                            v,
                            "{}",
                            f.path()
                        );
                        tried += 1;
                    }
                    // A setting this build cannot run (LEXIMIN without the solver) is refused
                    // with an error naming it, never dropped silently.
                    Err(e) => {
                        let Err(LinkError::Scenario(back)) = decode(q, h) else {
                            panic!("{} = {v}: the link opened", f.path())
                        };
                        assert_eq!(back, e);
                        assert_eq!(f, Field::Selection);
                    }
                }
            }
        }
        assert!(tried > 60, "{tried}");
    }

    #[test]
    fn a_seeded_scenario_round_trips_with_its_projects_and_lengths() {
        let text = "META\nkey;value\nbudget;500000\nrule;equalshares\nPROJECTS\nproject_id;cost;name;category\n\
                    a;120000;\"Plac zabaw; \"\"Łąka\"\" & #1\";education\nb;80000;Ścieżka rowerowa;\n\
                    c;5000;Ławki?;public space\nVOTES\nvoter_id;vote\nv1;a\nv2;a,b\nv3;a,b,c\nv4;c\n";
        let (instance, profile) = dialoglab_engine::pb::pabulib::parse(text).unwrap();
        let seeded = dialoglab_engine::pb::seed::seed_scenario(
            &instance,
            &profile,
            &presets::get("faxe-dialogue").unwrap(),
        )
        .unwrap()
        .scenario;
        let projects = seeded.vote.projects.clone().unwrap();
        assert_eq!(projects[0].name, "Plac zabaw; \"Łąka\" & #1");
        assert_eq!(seeded.vote.ballot_lengths, Some(vec![2, 1, 1]));
        let link = encode("faxe-dialogue", &seeded, Lang::Da);
        let (q, h) = split(&link);
        assert!(!q.contains("projects") && h.starts_with("s="), "{link}");
        let back = decode(q, h).unwrap().unwrap();
        assert_eq!(back.scenario, seeded);
        assert_eq!(back.scenario.vote.projects, Some(projects));
        // A link that drops them opens the generated ballot again.
        let mut plain = seeded.clone();
        plain.vote.projects = None;
        plain.vote.ballot_lengths = None;
        assert_eq!(round_trip("faxe-dialogue", &plain).scenario, plain);
        // A damaged project in a link is refused with the field's name.
        let bad = format!(
            "s={}",
            base64url_encode(
                br#"{"vote":{"projects":[{"name":"a","cost":0,"category":"elderly"}]}}"#
            )
        );
        match decode(q, &bad) {
            Err(LinkError::Scenario(e)) => {
                assert!(e.to_string().contains("vote.projects[0].cost"), "{e}");
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn no_link_is_not_an_error_and_foreign_params_are_ignored() {
        assert_eq!(decode("", ""), Ok(None));
        assert_eq!(decode("?utm_source=x", "#main"), Ok(None));
        let l = decode("?v=1&budget=5000&fbclid=abc", "").unwrap().unwrap();
        assert_eq!(l.scenario.budget, 5000);
    }

    #[test]
    fn a_version_0_link_is_migrated() {
        let l = decode(
            "?preset=borgerbudget-small&population=9000&budget_k=75&strategy=letters",
            "",
        )
        .unwrap()
        .unwrap();
        let mut want = presets::get("borgerbudget-small").unwrap();
        want.population.size = 9000;
        want.budget = 75_000;
        want.invitation.strategy = Strategy::Letters;
        assert_eq!(l.scenario, want);
        assert_eq!(l.lang, None);
    }

    #[test]
    fn damaged_newer_and_foreign_links_are_named_errors() {
        assert_eq!(decode("?v=2&budget=1", ""), Err(LinkError::Newer(2)));
        assert_eq!(
            decode("?v=one", ""),
            Err(LinkError::BadVersion("one".into()))
        );
        assert_eq!(
            decode("?v=1&budget=lots", ""),
            Err(LinkError::BadValue("budget".into(), "lots".into()))
        );
        assert_eq!(
            decode("?v=1&preset=atlantis", ""),
            Err(LinkError::UnknownPreset("atlantis".into()))
        );
        // Truncated fragment.
        let mut s = Scenario::default();
        s.attendance.trust = 0.3;
        let link = encode("faxe-dialogue", &s, Lang::En);
        let (q, h) = split(&link);
        assert_eq!(decode(q, &h[..h.len() - 5]), Err(LinkError::BadFragment));
        assert_eq!(decode(q, "s=%%%"), Err(LinkError::BadFragment));
        // A JSON array, not an object.
        assert_eq!(
            decode(q, &format!("s={}", base64url_encode(b"[1]"))),
            Err(LinkError::BadFragment)
        );
        // An unknown field is named.
        let unknown = format!("s={}", base64url_encode(br#"{"population":{"sise":3}}"#));
        match decode(q, &unknown) {
            Err(LinkError::Scenario(e)) => assert!(e.to_string().contains("sise"), "{e}"),
            other => panic!("{other:?}"),
        }
        // Out of range.
        assert!(matches!(
            decode("?v=1&size=0", ""),
            Err(LinkError::Scenario(ScenarioError::OutOfRange { .. }))
        ));
    }

    #[test]
    fn a_place_rides_along_and_old_links_open_the_sandbox() {
        let mut s = Scenario::default();
        s.meeting.rounds = 5;
        let plain = encode("faxe-dialogue", &s, Lang::En);
        assert_eq!(decode_place(split(&plain).0), Ok(Place::default()));
        let guide = Place {
            view: View::Guide,
            chapter: 3,
        };
        let link = with_place(&plain, guide);
        let (q, h) = split(&link);
        assert!(q.ends_with("&view=guide&chapter=3"), "{link}");
        assert_eq!(decode_place(q), Ok(guide));
        assert_eq!(
            decode(q, h).unwrap().unwrap().scenario,
            s,
            "the scenario is kept"
        );
        // The facilitator link may carry no scenario at all: then it is not a scenario link.
        assert_eq!(decode("?view=guide&chapter=7", ""), Ok(None));
        assert_eq!(decode_place("view=guide&chapter=7").unwrap().chapter, 7);
        let sweep = Place {
            view: View::Sweep,
            chapter: 1,
        };
        assert_eq!(decode_place(&with_place("?v=1", sweep)), Ok(sweep));
        assert_eq!(with_place(&plain, Place::default()), plain);
        // Workshop mode carries its chapter like the guide, and keeps the scenario.
        let workshop = Place {
            view: View::Workshop,
            chapter: 5,
        };
        let link = with_place(&plain, workshop);
        let (q, h) = split(&link);
        assert!(q.ends_with("&view=workshop&chapter=5"), "{link}");
        assert_eq!(decode_place(q), Ok(workshop));
        assert_eq!(decode(q, h).unwrap().unwrap().scenario, s);
        for bad in [
            "view=atlantis",
            "view=guide&chapter=0",
            "chapter=8",
            "chapter=x",
        ] {
            assert!(
                matches!(decode_place(bad), Err(LinkError::BadPlace(..))),
                "{bad}"
            );
        }
    }

    #[test]
    fn query_values_are_escaped_and_unescaped() {
        assert_eq!(escape("a b&c"), "a%20b%26c");
        assert_eq!(unescape("a%20b%26c+d%"), "a b&c d%");
    }
}
