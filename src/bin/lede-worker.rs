//! The browser app's analysis worker: Trunk builds it as a `no-modules` web worker beside the
//! page (see `lede::worker`).

#[cfg(target_arch = "wasm32")]
fn main() {
    lede::worker::run();
}

/// `lede-worker` only exists in the browser; natively there is nothing to run.
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("lede-worker is the browser app's analysis worker; the native tool is `lede`");
    std::process::exit(2);
}
