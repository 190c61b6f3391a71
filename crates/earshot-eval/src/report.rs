//! `docs/accuracy.md` (and `docs/performance.md`) hold one section per task, each between
//! markers that only that task's writer replaces, so tasks can be re-run independently:
//!
//! ```text
//! <!-- abuse:begin -->
//! ... written by earshot eval abuse ...
//! <!-- abuse:end -->
//! ```

use std::path::Path;

use anyhow::Context;

/// Replaces (or appends) the section `name` of the Markdown file at `path`.
pub fn write_section(path: &Path, name: &str, body: &str) -> anyhow::Result<()> {
    let existing = match std::fs::read_to_string(path) {
        Ok(s) => s,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => return Err(e).with_context(|| format!("reading {}", path.display())),
    };
    let updated = replace_section(&existing, name, body);
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    }
    std::fs::write(path, updated).with_context(|| format!("writing {}", path.display()))
}

pub fn replace_section(doc: &str, name: &str, body: &str) -> String {
    let start = format!("<!-- {name}:begin -->");
    let end = format!("<!-- {name}:end -->");
    let block = format!("{start}\n{}\n{end}", body.trim_end());
    match (doc.find(&start), doc.find(&end)) {
        (Some(s), Some(e)) if e > s => format!("{}{}{}", &doc[..s], block, &doc[e + end.len()..]),
        _ => {
            let mut out = doc.trim_end().to_string();
            if !out.is_empty() {
                out.push_str("\n\n");
            }
            out.push_str(&block);
            out.push('\n');
            out
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sections_are_replaced_in_place_and_others_kept() {
        let doc = replace_section("# Accuracy\n", "abuse", "one");
        let doc = replace_section(&doc, "threat", "two");
        let doc = replace_section(&doc, "abuse", "three");
        assert!(doc.contains("three") && doc.contains("two") && !doc.contains("one"));
        assert!(doc.starts_with("# Accuracy"));
        assert!(doc.find("three") < doc.find("two"));
    }
}
