//! A small cache of background-job results keyed by the scenario(s) they were computed for
//! (their JSON text), so that returning to a scenario shows its many towns or its robustness at
//! once instead of running the job again. Least recently used entries go first.

use std::cell::RefCell;

/// Entries kept per cache.
pub const CAPACITY: usize = 12;

/// Results of one kind of job, by key.
pub struct JobCache<T> {
    entries: RefCell<Vec<(String, T)>>,
}

impl<T> Default for JobCache<T> {
    fn default() -> Self {
        JobCache {
            entries: RefCell::new(Vec::new()),
        }
    }
}

impl<T: Clone> JobCache<T> {
    /// The result stored under `key`, now the most recently used.
    pub fn get(&self, key: &str) -> Option<T> {
        let mut entries = self.entries.borrow_mut();
        let at = entries.iter().position(|(k, _)| k == key)?;
        let entry = entries.remove(at);
        let value = entry.1.clone();
        entries.push(entry);
        Some(value)
    }

    /// Stores `value` under `key`, dropping the least recently used entry when full.
    pub fn put(&self, key: String, value: T) {
        let mut entries = self.entries.borrow_mut();
        entries.retain(|(k, _)| *k != key);
        if entries.len() >= CAPACITY {
            entries.remove(0);
        }
        entries.push((key, value));
    }
}

/// The cache key of a job on `parts` (scenarios and sizes), as JSON text.
#[must_use]
pub fn key<T: serde::Serialize>(parts: &T) -> String {
    serde_json::to_value(parts)
        .map(|v| v.to_string())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_least_recently_used_entry_goes_first() {
        let cache = JobCache::default();
        for k in 0..CAPACITY {
            cache.put(k.to_string(), k);
        }
        assert_eq!(cache.get("0"), Some(0), "touching 0 keeps it");
        cache.put("new".into(), 99);
        assert_eq!(cache.get("1"), None, "1 was the least recently used");
        assert_eq!(cache.get("0"), Some(0));
        assert_eq!(cache.get("new"), Some(99));
        cache.put("new".into(), 100);
        assert_eq!(cache.get("new"), Some(100));
    }
}
