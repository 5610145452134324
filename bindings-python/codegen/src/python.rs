//! How the core's doc comments read in the generated Python: reStructuredText, where a literal
//! is written with double backquotes.

/// One doc-comment line as Python documentation text.
pub fn doc_line(line: &str) -> String {
    line.strip_prefix(' ').unwrap_or(line).replace('`', "``")
}

/// A docstring of `doc`'s lines at `indent`.
pub fn docstring(doc: &[&str], indent: &str) -> String {
    let lines: Vec<String> = doc.iter().map(|line| doc_line(line)).collect();
    let body = lines.join(&format!("\n{indent}"));
    format!("{indent}\"\"\"{body}\"\"\"\n")
}
