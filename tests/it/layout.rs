//! The code layout keeps its promise: imports run one way. No module under
//! `src/` reaches back to a module that (directly or through others)
//! reaches it, neither between stage folders nor between files, and the
//! library does not carry the command line.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Module path of a library file: `src/a/b.rs` -> `a::b`, `src/a/mod.rs` -> `a`.
fn module_of(file: &Path) -> Vec<String> {
    let rel = file.strip_prefix("src").expect("under src");
    let mut parts: Vec<String> = rel.iter().map(|p| p.to_string_lossy().trim_end_matches(".rs").to_string()).collect();
    if parts.last().is_some_and(|p| p == "mod" || p == "lib") {
        parts.pop();
    }
    parts
}

fn library_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("readable src") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            if path.file_name().is_some_and(|n| n == "cli") {
                continue; // the binary's own modules
            }
            library_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let name = path.file_name().expect("name").to_string_lossy().to_string();
            if name != "main.rs" && name != "tests.rs" {
                out.push(path);
            }
        }
    }
}

/// The code of a file without comments and without its `#[cfg(test)]` module.
fn code(text: &str) -> String {
    let text = match text.find("#[cfg(test)]") {
        Some(i) => &text[..i],
        None => text,
    };
    text.lines().map(|l| l.split("//").next().unwrap_or("")).collect::<Vec<_>>().join("\n")
}

/// Every `crate::a::b` and `super::x` path in the code, as absolute module paths.
fn references(module: &[String], code: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let bytes = code.as_bytes();
    // `super` of x/a.rs is x; of x/mod.rs (module x) it is x's parent.
    let parent = module[..module.len().saturating_sub(1)].to_vec();
    for (prefix, base) in [("crate::", Vec::new()), ("super::", parent)] {
        let mut from = 0;
        while let Some(i) = code[from..].find(prefix) {
            let at = from + i;
            from = at + prefix.len();
            if at > 0 && (bytes[at - 1].is_ascii_alphanumeric() || bytes[at - 1] == b'_' || bytes[at - 1] == b':') {
                continue;
            }
            let rest = &code[at + prefix.len()..];
            let path: Vec<String> = rest
                .split("::")
                .map(|seg| seg.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect::<String>())
                .take_while(|seg| !seg.is_empty())
                .collect();
            let mut full = base.clone();
            full.extend(path);
            out.push(full);
            // `crate::x::{a, b::c}`: names inside braces are below x.
            let head_len: usize = rest.split("::{").next().map_or(0, str::len);
            if rest[head_len..].starts_with("::{") {
                let inner = &rest[head_len + 3..];
                let inner = &inner[..inner.find('}').unwrap_or(inner.len())];
                let stem: Vec<String> = {
                    let mut s = base.clone();
                    s.extend(rest[..head_len].split("::").map(str::to_string));
                    s
                };
                for item in inner.split(',') {
                    let mut p = stem.clone();
                    p.extend(item.trim().split("::").map(|s| s.trim().to_string()).filter(|s| !s.is_empty() && s != "self"));
                    out.push(p);
                }
            }
        }
    }
    out
}

fn cycles(graph: &BTreeMap<String, BTreeSet<String>>) -> Vec<Vec<String>> {
    // Strongly connected components with more than one member (Tarjan, iterative enough for this size).
    fn visit(
        v: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        index: &mut BTreeMap<String, (usize, usize)>,
        stack: &mut Vec<String>,
        next: &mut usize,
        out: &mut Vec<Vec<String>>,
    ) {
        index.insert(v.to_string(), (*next, *next));
        *next += 1;
        stack.push(v.to_string());
        for w in graph.get(v).into_iter().flatten() {
            if !index.contains_key(w) {
                visit(w, graph, index, stack, next, out);
                let low = index[w].1.min(index[v].1);
                index.get_mut(v).expect("visited").1 = low;
            } else if stack.contains(w) {
                let low = index[w].0.min(index[v].1);
                index.get_mut(v).expect("visited").1 = low;
            }
        }
        if index[v].0 == index[v].1 {
            let mut comp = Vec::new();
            while let Some(w) = stack.pop() {
                let done = w == v;
                comp.push(w);
                if done {
                    break;
                }
            }
            if comp.len() > 1 {
                comp.sort();
                out.push(comp);
            }
        }
    }
    let mut index = BTreeMap::new();
    let mut stack = Vec::new();
    let mut next = 0;
    let mut out = Vec::new();
    for v in graph.keys() {
        if !index.contains_key(v) {
            visit(v, graph, &mut index, &mut stack, &mut next, &mut out);
        }
    }
    out
}

#[test]
fn imports_run_one_way_between_stages_and_files() {
    let mut files = Vec::new();
    library_files(Path::new("src"), &mut files);
    files.sort();
    let modules: BTreeSet<Vec<String>> = files.iter().map(|f| module_of(f)).collect();
    let mut by_stage: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut by_file: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for f in &files {
        let module = module_of(f);
        if module.is_empty() {
            continue; // lib.rs declares and re-exports; it is the top
        }
        let text = std::fs::read_to_string(f).expect("readable");
        for r in references(&module, &code(&text)) {
            // The longest module prefix of the path is the module referred to.
            let target = (1..=r.len()).rev().map(|n| r[..n].to_vec()).find(|p| modules.contains(p));
            let Some(target) = target else { continue };
            if target != module {
                by_file.entry(module.join("::")).or_default().insert(target.join("::"));
            }
            if target[0] != module[0] {
                by_stage.entry(module[0].clone()).or_default().insert(target[0].clone());
            }
        }
    }
    assert!(by_stage.values().any(|s| !s.is_empty()), "the check found no imports at all: {by_stage:?}");
    assert_eq!(cycles(&by_stage), Vec::<Vec<String>>::new(), "stage folders that import each other");
    assert_eq!(cycles(&by_file), Vec::<Vec<String>>::new(), "files that import each other");
}

#[test]
fn the_library_does_not_export_the_command_line() {
    let lib = std::fs::read_to_string("src/lib.rs").expect("lib.rs");
    assert!(!code(&lib).contains("mod cli"), "src/lib.rs declares the CLI module");
    let main = std::fs::read_to_string("src/main.rs").expect("main.rs");
    assert!(code(&main).contains("mod cli"), "the binary holds the CLI");
}
