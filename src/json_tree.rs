//! JSON trees: the difference of one from another and its application. A leaf of the app's
//! modules (docs/ARCHITECTURE.md): links carry a scenario as its difference from the preset
//! ([`crate::url`]), Compare lists the fields changed from A to B, and the guide the settings a
//! chapter changes.

use serde_json::{Map, Value};

/// Differences of `now` from `base`: objects key by key, other values as a whole. `None` if equal.
#[must_use]
pub fn diff(base: &Value, now: &Value) -> Option<Value> {
    match (base, now) {
        (Value::Object(b), Value::Object(n)) => {
            let mut out = Map::new();
            for (k, v) in n {
                if let Some(d) = diff(b.get(k).unwrap_or(&Value::Null), v) {
                    out.insert(k.clone(), d);
                }
            }
            (!out.is_empty()).then_some(Value::Object(out))
        }
        _ if base == now => None,
        _ => Some(now.clone()),
    }
}

/// Applies a [`diff`] to `base`.
pub fn merge(base: &mut Value, delta: Value) {
    match (base, delta) {
        (Value::Object(b), Value::Object(d)) => {
            for (k, v) in d {
                match b.get_mut(&k) {
                    Some(slot) => merge(slot, v),
                    None => {
                        b.insert(k, v);
                    }
                }
            }
        }
        (slot, d) => *slot = d,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn diff_and_merge_are_inverse() {
        let a = serde_json::json!({"x": 1, "o": {"p": [1, 2], "q": true}});
        let b = serde_json::json!({"x": 1, "o": {"p": [1, 3], "q": true}});
        let d = diff(&a, &b).unwrap();
        assert_eq!(d, serde_json::json!({"o": {"p": [1, 3]}}));
        let mut m = a.clone();
        merge(&mut m, d);
        assert_eq!(m, b);
        assert_eq!(diff(&a, &a), None);
    }
}
