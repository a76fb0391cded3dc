//! The browser app's entry point: mounts the yew UI (built by trunk for wasm32).

#[cfg(target_arch = "wasm32")]
fn main() {
    tifa::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("tifa-web is the browser app: build it with `trunk build` (see README). For the CLI, run `tifa`.");
}
