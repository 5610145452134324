//! Writes the Python package's generated modules from the core's declarations:
//! `_operations.py` (the typed methods of `imburse.Client` and `imburse.AsyncClient`, from
//! `imburse::for_each_operation!`, their call options from `imburse::for_each_call_option!`),
//! `_requests.py` (the request dataclasses, from `imburse::for_each_request_model!`) and
//! `_settings.py` (the clients' settings, from `imburse::for_each_setting!`).
//!
//! The native module's methods and request extraction are generated from the same declarations
//! in Rust; these files give Python users the typed, documented surface without anyone writing
//! it per operation or per model. They are checked in so that they can be read and reviewed;
//! `--check` fails when one is not what the declarations give (the test command runs it).
//!
//! Usage: `imburse-python-codegen <package dir>` writes them; `--check <package dir>` compares.

mod operations;
mod python;
mod requests;
mod settings;

use std::path::Path;
use std::process::ExitCode;

fn generated() -> [(&'static str, String); 3] {
    [
        ("_operations.py", operations::module(&operations::declared(), &operations::declared_paged())),
        ("_requests.py", requests::module(&requests::declared())),
        ("_settings.py", settings::module(&settings::declared())),
    ]
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (check, dir) = match args.as_slice() {
        [flag, dir] if flag == "--check" => (true, Path::new(dir)),
        [dir] => (false, Path::new(dir)),
        _ => {
            eprintln!("usage: imburse-python-codegen [--check] <directory of the imburse package>");
            return ExitCode::from(2);
        }
    };
    let mut ok = true;
    for (name, text) in generated() {
        let path = dir.join(name);
        if check {
            if std::fs::read_to_string(&path).ok().as_deref() != Some(text.as_str()) {
                eprintln!(
                    "{} is not what the core's declarations give: run bindings-python/scripts/codegen.sh",
                    path.display()
                );
                ok = false;
            }
        } else if let Err(error) = std::fs::write(&path, text) {
            eprintln!("cannot write {}: {error}", path.display());
            ok = false;
        }
    }
    if ok { ExitCode::SUCCESS } else { ExitCode::FAILURE }
}
