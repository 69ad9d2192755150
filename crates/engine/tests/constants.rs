//! No bare coefficients in the model code: every float literal in the model's source files
//! (outside their unit tests and comments) is 0, ½, 1 or 2, or listed below with its reason.
//! Coefficients belong in the scenario and the parameter registry (`registry.rs`).
//! The population's structure by age band (occupation, children, education, association kinds)
//! is data about the town (`attributes.rs`, like `population.age_shares`), not a coefficient.

const MODEL_FILES: [&str; 12] = [
    "population.rs",
    "need.rs",
    "decision.rs",
    "catalogue.rs",
    "attendance.rs",
    "invitation.rs",
    "vote.rs",
    "cycle.rs",
    "deliberation.rs",
    "influence.rs",
    "proposals.rs",
    "measure.rs",
];

const ALLOWED_EVERYWHERE: [&str; 4] = ["0.0", "0.5", "1.0", "2.0"];

/// (file, literal, why it is not a registry parameter).
const ALLOWED: [(&str, &str, &str); 4] = [
    (
        "attendance.rs",
        "40.0",
        "the hours of a full-time week: the unit free time is measured in",
    ),
    (
        "decision.rs",
        "40.0",
        "the hours of a full-time week: the unit free time is measured in",
    ),
    (
        "population.rs",
        "0.95",
        "the highest chance of being marginalised: a bound, not a coefficient",
    ),
    (
        "population.rs",
        "1.5",
        "half the span of the age band codes 0 – 3: the unit of the age terms",
    ),
];

/// The float literals of `code` (digits, a point, digits; not part of an identifier, a longer
/// number or a tuple field access).
fn float_literals(code: &str) -> Vec<String> {
    let bytes = code.as_bytes();
    let mut out = Vec::new();
    let mut k = 0;
    while k < bytes.len() {
        let starts = bytes[k].is_ascii_digit()
            && (k == 0
                || !(bytes[k - 1].is_ascii_alphanumeric()
                    || bytes[k - 1] == b'_'
                    || bytes[k - 1] == b'.'));
        if !starts {
            k += 1;
            continue;
        }
        let start = k;
        while k < bytes.len() && (bytes[k].is_ascii_digit() || bytes[k] == b'_') {
            k += 1;
        }
        if k + 1 < bytes.len() && bytes[k] == b'.' && bytes[k + 1].is_ascii_digit() {
            k += 1;
            while k < bytes.len() && bytes[k].is_ascii_digit() {
                k += 1;
            }
            out.push(code[start..k].to_string());
        }
    }
    out
}

#[test]
fn the_model_code_has_no_bare_coefficients() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut found = Vec::new();
    for file in MODEL_FILES {
        let text = std::fs::read_to_string(dir.join(file)).unwrap();
        let model = text.split("#[cfg(test)]").next().unwrap_or("");
        for (n, line) in model.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            for literal in float_literals(code) {
                let allowed = ALLOWED_EVERYWHERE.contains(&literal.as_str())
                    || ALLOWED.iter().any(|(f, l, _)| *f == file && *l == literal);
                if !allowed {
                    found.push(format!("{file}:{}: {literal}", n + 1));
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "bare coefficients in the model code (move them into the scenario and registry.rs): {found:?}"
    );
}

#[test]
fn the_scanner_finds_floats_and_nothing_else() {
    assert_eq!(
        float_literals("a * 0.35 + x.0 + 12 + 1.5e3"),
        ["0.35", "1.5"]
    );
    assert_eq!(float_literals("v2.0 + t.1.2"), Vec::<String>::new());
}
