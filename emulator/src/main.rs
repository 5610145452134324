//! `imburse-emulator`: the local Imburse API as a command ([`imburse_emulator::command`]).

fn main() {
    std::process::exit(imburse_emulator::command::run(std::env::args_os()));
}
