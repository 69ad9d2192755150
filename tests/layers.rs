//! The app's modules form layers, and imports only go down (docs/ARCHITECTURE.md): this test reads
//! every file under `src/`, finds which of the crate's modules each one names (`use crate::…`,
//! `use super::…` and inline `crate::…` paths, test modules included), and fails on an import of
//! a higher layer or on any import cycle, naming the modules involved.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

/// The layers, lowest first: a module belongs to the first layer with a prefix of its path.
const LAYERS: [(&str, &[&str]); 6] = [
    (
        "leaves",
        &[
            "language",
            "view",
            "fields",
            "charts",
            "json_tree",
            "offline",
            "worker_client",
        ],
    ),
    (
        "format, links and the guide's data",
        &["format", "export", "url", "guide"],
    ),
    (
        "state, the context hook and the glossary's terms",
        &["state", "context", "glossary"],
    ),
    ("strings", &["i18n"]),
    ("components", &["components", "bridge", "lazy", "rerun"]),
    (
        "the two apps",
        &["app", "views", "crate", "main", "views_main"],
    ),
];

fn layer_of(module: &str) -> usize {
    LAYERS
        .iter()
        .position(|(_, prefixes)| {
            prefixes
                .iter()
                .any(|p| module == *p || module.starts_with(&format!("{p}::")))
        })
        .unwrap_or_else(|| panic!("module {module} is in no layer: add it to LAYERS"))
}

/// Every `.rs` file under `dir`, sorted.
fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("directory entry").path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// The module a file defines: `src/components/guide.rs` → `components::guide`, `src/i18n/mod.rs`
/// → `i18n`, `src/lib.rs` → `crate`.
fn module_of(src: &Path, file: &Path) -> Vec<String> {
    let rel = file.strip_prefix(src).expect("under src");
    let mut segs: Vec<String> = rel
        .iter()
        .map(|s| s.to_string_lossy().trim_end_matches(".rs").to_owned())
        .collect();
    if segs.last().is_some_and(|s| s == "mod") {
        segs.pop();
    }
    if segs == ["lib"] {
        segs = vec!["crate".to_owned()];
    }
    segs
}

/// The text without `//` comments (doc comments name modules in links, which are not imports).
fn code(text: &str) -> String {
    text.lines()
        .map(|line| {
            let mut in_string = false;
            let bytes = line.as_bytes();
            let mut end = line.len();
            let mut i = 0;
            while i < bytes.len() {
                match bytes[i] {
                    b'\\' if in_string => i += 1,
                    b'"' => in_string = !in_string,
                    b'/' if !in_string && bytes.get(i + 1) == Some(&b'/') => {
                        end = i;
                        break;
                    }
                    _ => {}
                }
                i += 1;
            }
            &line[..end]
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The paths a `use` tree names, braces expanded: `a::{b, c::{d}}` → `a::b`, `a::c::d`.
fn expand(prefix: &str, tree: &str, out: &mut Vec<String>) {
    let tree = tree.trim();
    if let Some(open) = tree.find('{') {
        let head = tree[..open].trim();
        let inner = &tree[open + 1..tree.rfind('}').expect("a closing brace")];
        let mut depth = 0;
        let mut start = 0;
        for (i, c) in inner.char_indices() {
            match c {
                '{' => depth += 1,
                '}' => depth -= 1,
                ',' if depth == 0 => {
                    expand(&format!("{prefix}{head}"), &inner[start..i], out);
                    start = i + 1;
                }
                _ => {}
            }
        }
        expand(&format!("{prefix}{head}"), &inner[start..], out);
    } else if !tree.is_empty() {
        let path = tree.split(" as ").next().unwrap_or(tree).trim();
        out.push(format!("{prefix}{path}"));
    }
}

/// The crate-relative paths a file's code names (as segments).
fn named_paths(code: &str, module: &[String]) -> Vec<Vec<String>> {
    let mut paths = Vec::new();
    // `use` statements (with braces), relative to the crate or to the parent module.
    for (i, _) in code.match_indices("use ") {
        if i > 0 && code.as_bytes()[i - 1].is_ascii_alphanumeric() {
            continue;
        }
        let Some(end) = code[i..].find(';') else {
            continue;
        };
        let tree = &code[i + 4..i + end];
        let (base, rest) = if let Some(rest) = tree.trim().strip_prefix("crate::") {
            (Vec::new(), rest)
        } else if let Some(rest) = tree.trim().strip_prefix("super::") {
            // `super` of `a::b` (the file `a/b.rs` or `a/b/mod.rs`) is `a`.
            let mut parent = module.to_vec();
            parent.pop();
            (parent, rest)
        } else {
            continue;
        };
        let mut expanded = Vec::new();
        expand("", rest, &mut expanded);
        for p in expanded {
            let mut segs = base.clone();
            segs.extend(p.split("::").map(str::trim).map(str::to_owned));
            paths.push(segs);
        }
    }
    // Inline paths such as `crate::guide::is_chapter(n)`.
    for (i, _) in code.match_indices("crate::") {
        if i > 0 {
            let before = code.as_bytes()[i - 1];
            if before.is_ascii_alphanumeric() || before == b'_' {
                continue;
            }
        }
        let rest = &code[i + "crate::".len()..];
        let len = rest
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == ':'))
            .unwrap_or(rest.len());
        paths.push(
            rest[..len]
                .split("::")
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
                .collect(),
        );
    }
    paths
}

/// Strongly connected components with more than one module (Tarjan).
fn cycles(edges: &BTreeMap<String, Vec<String>>) -> Vec<Vec<String>> {
    struct Walk<'a> {
        edges: &'a BTreeMap<String, Vec<String>>,
        index: BTreeMap<&'a str, usize>,
        low: BTreeMap<&'a str, usize>,
        stack: Vec<&'a str>,
        found: Vec<Vec<String>>,
    }
    fn visit<'a>(w: &mut Walk<'a>, v: &'a str) {
        let n = w.index.len();
        w.index.insert(v, n);
        w.low.insert(v, n);
        w.stack.push(v);
        for next in &w.edges[v] {
            let next = next.as_str();
            if !w.index.contains_key(next) {
                visit(w, next);
                let l = w.low[v].min(w.low[next]);
                w.low.insert(v, l);
            } else if w.stack.contains(&next) {
                let l = w.low[v].min(w.index[next]);
                w.low.insert(v, l);
            }
        }
        if w.low[v] == w.index[v] {
            let mut component = Vec::new();
            while let Some(top) = w.stack.pop() {
                component.push(top.to_owned());
                if top == v {
                    break;
                }
            }
            if component.len() > 1 {
                component.sort();
                w.found.push(component);
            }
        }
    }
    let mut w = Walk {
        edges,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        found: Vec::new(),
    };
    for v in edges.keys() {
        if !w.index.contains_key(v.as_str()) {
            visit(&mut w, v);
        }
    }
    w.found
}

/// Each module with the modules it imports.
fn import_graph() -> BTreeMap<String, Vec<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut all = Vec::new();
    files(&src, &mut all);
    assert!(
        all.len() > 20,
        "found only {} files in {}",
        all.len(),
        src.display()
    );
    let modules: Vec<(Vec<String>, PathBuf)> =
        all.into_iter().map(|f| (module_of(&src, &f), f)).collect();
    let known: Vec<String> = modules.iter().map(|(m, _)| m.join("::")).collect();
    let mut graph = BTreeMap::new();
    for (module, file) in &modules {
        let name = module.join("::");
        let text = fs::read_to_string(file).expect("source file");
        let mut targets: Vec<String> = named_paths(&code(&text), module)
            .into_iter()
            .filter_map(|segs| {
                // The longest prefix that is a module of the crate.
                (1..=segs.len())
                    .rev()
                    .map(|k| segs[..k].join("::"))
                    .find(|cand| known.contains(cand))
            })
            // A module's own items and its ancestors' (`super::palette`) are no import of
            // another part of the app.
            .filter(|t| *t != name && !name.starts_with(&format!("{t}::")))
            .collect();
        targets.sort();
        targets.dedup();
        graph.insert(name, targets);
    }
    graph
}

#[test]
fn imports_only_go_down_the_layers() {
    let graph = import_graph();
    let mut upward = Vec::new();
    for (from, targets) in &graph {
        for to in targets {
            if layer_of(to) > layer_of(from) {
                upward.push(format!(
                    "{from} ({}) imports {to} ({})",
                    LAYERS[layer_of(from)].0,
                    LAYERS[layer_of(to)].0
                ));
            }
        }
    }
    assert!(
        upward.is_empty(),
        "imports that go up the layers:\n{}",
        upward.join("\n")
    );
}

#[test]
fn no_module_imports_itself_through_others() {
    let found = cycles(&import_graph());
    assert!(
        found.is_empty(),
        "import cycles:\n{}",
        found
            .iter()
            .map(|c| c.join(" ↔ "))
            .collect::<Vec<_>>()
            .join("\n")
    );
}

#[test]
fn the_checker_sees_imports_and_cycles() {
    // The graph has the edges the layers are about …
    let graph = import_graph();
    assert!(graph["components::guide"].contains(&"context".to_owned()));
    assert!(graph["url"].contains(&"json_tree".to_owned()));
    assert!(graph["i18n::charts"].contains(&"charts::kinds".to_owned()));
    // … and a cycle is found when there is one.
    let mut ring = BTreeMap::new();
    ring.insert("a".to_owned(), vec!["b".to_owned()]);
    ring.insert("b".to_owned(), vec!["c".to_owned()]);
    ring.insert("c".to_owned(), vec!["a".to_owned()]);
    ring.insert("d".to_owned(), vec!["a".to_owned()]);
    assert_eq!(cycles(&ring), vec![vec!["a", "b", "c"]]);
    let mut paths = Vec::new();
    expand("", "x::{y, z::{w as v}}", &mut paths);
    assert_eq!(paths, ["x::y", "x::z::w"]);
}
