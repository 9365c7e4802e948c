//! The browser app's entry point: it only mounts the UI (see `lede::app`).

#[cfg(target_arch = "wasm32")]
fn main() {
    lede::app::mount();
}

/// `lede-web` is the browser build; natively there is nothing to run.
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "lede-web is the browser app: build it with `trunk build`; the native tool is `lede`"
    );
    std::process::exit(2);
}
