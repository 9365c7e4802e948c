// Starts the analysis worker: loads wasm-bindgen's no-modules glue, then the wasm, whose `main`
// (lede::worker::run) listens for requests and posts "ready".
importScripts('./lede-worker.js');
wasm_bindgen({ module_or_path: './lede-worker_bg.wasm' });
