//! The README's table of operations is the declaration's (`imburse::operations::ALL`): each
//! operation's name in every language, method and path, roles and scope. The test fails when
//! the table is stale; `UPDATE_README=1 cargo test -p imburse --test readme_operations` writes it.

use imburse::config::HostLanguage;
use imburse::operations::{ALL, Scope};

const BEGIN: &str = "<!-- operations table: generated from imburse::operations::ALL -->\n";
const END: &str = "<!-- end of the operations table -->\n";

fn table() -> String {
    let mut out = String::from(
        "| Rust, Python | Node, Kotlin, Swift | Method and path | Roles (any one) | Scope |\n|---|---|---|---|---|\n",
    );
    for spec in ALL {
        let roles = if spec.roles.is_empty() {
            "any key".to_string()
        } else {
            spec.roles.iter().map(|r| format!("`{r}`")).collect::<Vec<_>>().join(", ")
        };
        let scope = match spec.scope {
            Scope::Account => "account",
            Scope::Tenant => "tenant",
        };
        out.push_str(&format!(
            "| `{}` | `{}` | `{}` | {roles} | {scope} |\n",
            spec.name,
            HostLanguage::JavaScript.method_name(spec.name),
            spec.route()
        ));
    }
    out
}

#[test]
fn the_readme_lists_every_declared_operation() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../README.md");
    let readme = std::fs::read_to_string(path).unwrap();
    let start = readme.find(BEGIN).expect("the README has the operations table's start marker") + BEGIN.len();
    let end = readme[start..].find(END).expect("the README has the operations table's end marker") + start;
    let expected = table();
    if readme[start..end] != expected {
        if std::env::var_os("UPDATE_README").is_some() {
            std::fs::write(path, format!("{}{expected}{}", &readme[..start], &readme[end..])).unwrap();
        } else {
            panic!(
                "the README's operations table is stale: run UPDATE_README=1 cargo test -p imburse --test readme_operations\n{expected}"
            );
        }
    }
}

/// Every operation calls a version the reference documents its route in (the emulator's table
/// of documented versions, which it enforces): a wrong version in the declaration fails here
/// before it fails against Imburse.
#[test]
fn every_operation_calls_a_documented_version_of_its_route() {
    use imburse_emulator::routes::versions::served;
    for spec in ALL {
        let path: Vec<&str> = spec.path.split('/').map(|s| if s.starts_with('{') { "X-1" } else { s }).collect();
        let path = path.join("/");
        assert_eq!(
            served(spec.method, spec.version, &path),
            Some(true),
            "{} ({}) is not documented on {}",
            spec.route(),
            spec.name,
            spec.version
        );
    }
}
