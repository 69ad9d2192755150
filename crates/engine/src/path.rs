//! Dotted paths into JSON trees (`population.size`, `invitation.supports.childcare`,
//! `vote.projects.3.cost`): the one walker behind [`Scenario::set_path`](crate::Scenario::set_path),
//! sweep axes, sensitivity factors, calibration targets and the app's links.
//!
//! A part names an object's key, or, in an array, an index written in decimal.
//!
//! ```
//! use serde_json::json;
//! use dialoglab_engine::path;
//! let mut tree = json!({"vote": {"projects": [{"cost": 5}]}});
//! assert_eq!(path::get(&tree, "vote.projects.0.cost"), Some(&json!(5)));
//! *path::get_mut(&mut tree, "vote.projects.0.cost").unwrap() = json!(7);
//! path::set(&mut tree, "meeting.tables", json!(4));
//! assert_eq!(tree["meeting"]["tables"], json!(4));
//! path::remove(&mut tree, "meeting.tables");
//! assert_eq!(tree, json!({"vote": {"projects": [{"cost": 7}]}}));
//! ```

use serde_json::Value;

fn step<'a>(node: &'a Value, part: &str) -> Option<&'a Value> {
    match node {
        Value::Object(map) => map.get(part),
        Value::Array(items) => items.get(part.parse::<usize>().ok()?),
        _ => None,
    }
}

fn step_mut<'a>(node: &'a mut Value, part: &str) -> Option<&'a mut Value> {
    match node {
        Value::Object(map) => map.get_mut(part),
        Value::Array(items) => items.get_mut(part.parse::<usize>().ok()?),
        _ => None,
    }
}

/// The node at `path`, if every part of it exists.
#[must_use]
pub fn get<'a>(tree: &'a Value, path: &str) -> Option<&'a Value> {
    path.split('.').try_fold(tree, step)
}

/// The node at `path`, mutably, if every part of it exists.
pub fn get_mut<'a>(tree: &'a mut Value, path: &str) -> Option<&'a mut Value> {
    path.split('.').try_fold(tree, step_mut)
}

/// Puts `value` at `path`, creating the objects on the way (a non-object on the way is replaced
/// by an object; array indices are not created).
pub fn set(tree: &mut Value, path: &str, value: Value) {
    let mut node = tree;
    for part in path.split('.') {
        if !node.is_object() {
            *node = Value::Object(serde_json::Map::new());
        }
        let Value::Object(map) = node else {
            unreachable!("made an object above")
        };
        node = map.entry(part.to_string()).or_insert(Value::Null);
    }
    *node = value;
}

/// Removes the key at `path`, then every object on the way that it left empty. Nothing happens
/// when the path does not exist.
pub fn remove(tree: &mut Value, path: &str) {
    fn go(node: &mut Value, parts: &[&str]) {
        let Some((first, rest)) = parts.split_first() else {
            return;
        };
        let Value::Object(map) = node else { return };
        if rest.is_empty() {
            map.remove(*first);
            return;
        }
        if let Some(child) = map.get_mut(*first) {
            go(child, rest);
            if child.as_object().is_some_and(serde_json::Map::is_empty) {
                map.remove(*first);
            }
        }
    }
    let parts: Vec<&str> = path.split('.').collect();
    go(tree, &parts);
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn get_walks_objects_and_arrays_and_misses_cleanly() {
        let tree = json!({"a": {"b": [10, {"c": true}]}});
        assert_eq!(get(&tree, "a.b.0"), Some(&json!(10)));
        assert_eq!(get(&tree, "a.b.1.c"), Some(&json!(true)));
        assert_eq!(get(&tree, "a.b.2"), None);
        assert_eq!(get(&tree, "a.b.x"), None);
        assert_eq!(get(&tree, "a.b.0.d"), None);
        assert_eq!(get(&tree, "z"), None);
    }

    #[test]
    fn remove_drops_objects_left_empty_at_any_depth() {
        let mut tree = json!({"a": {"b": {"c": 1}}, "d": 2});
        remove(&mut tree, "a.b.c");
        assert_eq!(tree, json!({"d": 2}));
        let mut tree = json!({"a": {"b": {"c": 1}, "e": 3}});
        remove(&mut tree, "a.b.c");
        assert_eq!(tree, json!({"a": {"e": 3}}));
        remove(&mut tree, "x.y");
        assert_eq!(tree, json!({"a": {"e": 3}}));
    }

    #[test]
    fn set_creates_the_way_and_overwrites() {
        let mut tree = json!({"a": 1});
        set(&mut tree, "a.b", json!(2));
        assert_eq!(tree, json!({"a": {"b": 2}}));
        set(&mut tree, "a.b", json!(3));
        assert_eq!(tree, json!({"a": {"b": 3}}));
    }
}
